import { useEffect, useState } from 'preact/hooks';
import type { StaffRole } from '../../../domain/staff.ts';
import type { AccountChange, StaffAccount } from '../../../domain/api/staff-users.ts';
import type { Words } from '../../i18n/use-formatted-words.ts';
import { RoleSelect } from './role-select.tsx';

/** One staff account: its role, status and last sign-in, with a role change, disable and reset. */
export function AccountCard(props: {
  words: Words;
  account: StaffAccount;
  self: boolean;
  onChange: (account: StaffAccount, body: AccountChange) => Promise<void>;
  onReset: (account: StaffAccount) => Promise<void>;
}) {
  const { t, f } = props.words;
  const { account } = props;
  const [role, setRole] = useState<StaffRole>(account.role);
  useEffect(() => setRole(account.role), [account.role]);
  const field = `role-${account.id}`;
  const status = account.disabled
    ? t('users.status.disabled')
    : account.mustChangePassword
      ? t('users.status.invited')
      : t('users.status.active');
  return (
    <article class="card" aria-labelledby={`account-${account.id}`}>
      <h3 id={`account-${account.id}`}>
        {account.email}
        {props.self && <span class="meta"> {t('users.you')}</span>}
      </h3>
      <dl class="facts">
        <dt>{t('users.role')}</dt>
        <dd>{t(`users.roles.${account.role}`)}</dd>
        <dt>{t('users.statusLabel')}</dt>
        <dd>{status}</dd>
        <dt>{t('users.lastSignedIn')}</dt>
        <dd>{account.lastSignedInAt ? f.time(account.lastSignedInAt) : t('users.never')}</dd>
      </dl>
      {props.self ? (
        <p>{t('users.ownRole')}</p>
      ) : (
        <form
          class="action-row"
          onSubmit={(event) => {
            event.preventDefault();
            void props.onChange(account, { role });
          }}
        >
          <div class="form-field">
            <label for={field}>{t('users.changeRole')}</label>
            <RoleSelect words={props.words} id={field} value={role} onChange={setRole} />
          </div>
          <button type="submit" class="button button--secondary">
            {t('users.saveRole')}
            <span class="visually-hidden"> {account.email}</span>
          </button>
        </form>
      )}
      <div class="action-row">
        <button
          type="button"
          class="button button--secondary"
          onClick={() => void props.onChange(account, { disabled: !account.disabled })}
        >
          {account.disabled ? t('users.enable') : t('users.disable')}
          <span class="visually-hidden"> {account.email}</span>
        </button>
        <button type="button" class="button button--secondary" onClick={() => void props.onReset(account)}>
          {t('users.reset')}
          <span class="visually-hidden"> {account.email}</span>
        </button>
      </div>
    </article>
  );
}
