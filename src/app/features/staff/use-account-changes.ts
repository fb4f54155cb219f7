import { useState } from 'preact/hooks';
import type { StaffRole, StaffUser } from '../../../domain/staff.ts';
import type { ErrorItem } from '../../components/error-summary.tsx';
import { sendJson } from '../../api.ts';
import {
  AccountChangedResponse,
  AccountWithPasswordResponse,
  type AccountChange,
  type StaffAccount,
} from '../../../domain/api/staff-users.ts';
import type { Words } from '../../i18n/use-formatted-words.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The last outcome shown: a one-time password to pass on, or a sentence; `version` re-announces it. */
export type AccountMessage =
  | { kind: 'password'; email: string; password: string; version: number }
  | { kind: 'text'; text: string; problem: boolean; version: number };

/**
 * The changes an admin makes to staff accounts (invite, change a role, disable, reset a password), the
 * invite form's fields and error, and the outcome to show. `reload` fetches the accounts again after each.
 */
export function useAccountChanges(props: { words: Words; user: StaffUser; reload: () => void }) {
  const { t } = props.words;
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<StaffRole>('field');
  const [errors, setErrors] = useState<{ list: ErrorItem[]; attempt: number }>();
  const [message, setMessage] = useState<AccountMessage>();
  const version = () => (message?.version ?? 0) + 1;
  const say = (text: string, problem = false) =>
    setMessage({ kind: 'text', text, problem, version: version() });
  const emailError = (text: string) =>
    setErrors({ list: [{ field: 'users-email', message: text }], attempt: (errors?.attempt ?? 0) + 1 });

  const invite = async (event: Event) => {
    event.preventDefault();
    const text = !email.trim()
      ? t('users.errors.emailMissing')
      : !EMAIL.test(email.trim())
        ? t('users.errors.emailInvalid')
        : '';
    if (text) return emailError(text);
    setErrors(undefined);
    const created = await sendJson(
      'POST',
      '/api/v1/staff/users',
      { email, role },
      AccountWithPasswordResponse,
    );
    if (created.ok) {
      setMessage({
        kind: 'password',
        email: created.data.user.email,
        password: created.data.oneTimePassword,
        version: version(),
      });
      setEmail('');
      props.reload();
    } else if (created.reason === 'refused' && created.code === 'already_exists') {
      emailError(t('users.errors.exists'));
    } else say(t('users.failed'), true);
  };

  const change = async (account: StaffAccount, body: AccountChange) => {
    const changed = await sendJson(
      'PATCH',
      `/api/v1/staff/users/${account.id}`,
      body,
      AccountChangedResponse,
    );
    if (changed.ok) {
      const done =
        body.disabled === undefined
          ? 'users.roleChanged'
          : body.disabled
            ? 'users.disabledDone'
            : 'users.enabledDone';
      say(t(done, { email: account.email, role: t(`users.roles.${changed.data.user.role}`) }));
      props.reload();
    } else if (changed.reason === 'refused' && changed.code === 'last_admin') say(t('users.lastAdmin'), true);
    // The server refuses anyone their own role change (own_role), whatever this page showed.
    else if (changed.reason === 'forbidden' && account.id === props.user.id && body.role !== undefined)
      say(t('users.ownRole'), true);
    else say(t('users.failed'), true);
  };

  const reset = async (account: StaffAccount) => {
    const issued = await sendJson(
      'POST',
      `/api/v1/staff/users/${account.id}/one-time-password`,
      undefined,
      AccountWithPasswordResponse,
    );
    if (issued.ok)
      setMessage({
        kind: 'password',
        email: account.email,
        password: issued.data.oneTimePassword,
        version: version(),
      });
    else say(t('users.failed'), true);
    props.reload();
  };

  return { email, setEmail, role, setRole, errors, message, invite, change, reset };
}
