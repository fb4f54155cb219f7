import { useEffect, useState } from 'preact/hooks';
import { STAFF_ROLES, type StaffRole, type StaffUser } from '../../../domain/staff.ts';
import { ErrorSummary, type ErrorItem } from '../../components/error-summary.tsx';
import { Page } from '../../components/page.tsx';
import { sendJson } from '../../api.ts';
import { useApi } from '../../hooks/use-api.ts';
import { Notice } from '../insight/messages.tsx';
import {
  AccountChangedResponse,
  AccountWithPasswordResponse,
  RoleChangesResponse,
  StaffAccountsResponse,
  type RoleChange,
  type StaffAccount,
} from '../../../domain/api/staff-users.ts';
import { AccessProblemPage, StaffOnly, refusedAccess } from './staff-gate.tsx';
import { StaffNav } from './staff-nav.tsx';
import { useWords, type Words } from '../insight/words.ts';
import '../insight/insight.css';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type Message =
  | { kind: 'password'; email: string; password: string; version: number }
  | { kind: 'text'; text: string; problem: boolean; version: number };

/** Staff accounts, for admins: invite with a one-time password, change a role, disable, reset. */
export function UsersPage() {
  const { ready, words } = useWords();
  return (
    <StaffOnly words={words} ready={ready} roles={['admin']} title={words.t('users.title')}>
      {(user) => <Users words={words} user={user} />}
    </StaffOnly>
  );
}

function Users(props: { words: Words; user: StaffUser }) {
  const { words } = props;
  const { t } = words;
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<StaffRole>('field');
  const [errors, setErrors] = useState<{ list: ErrorItem[]; attempt: number }>();
  const [message, setMessage] = useState<Message>();
  const version = () => (message?.version ?? 0) + 1;
  const say = (text: string, problem = false) =>
    setMessage({ kind: 'text', text, problem, version: version() });
  const { result, reload: reloadAccounts } = useApi('/api/v1/staff/users', StaffAccountsResponse);
  const { result: log, reload: reloadLog } = useApi('/api/v1/staff/role-changes', RoleChangesResponse);
  const load = () => {
    void reloadAccounts();
    void reloadLog();
  };

  const refused = refusedAccess(result);
  if (refused) return <AccessProblemPage words={words} problem={refused} />;

  const invite = async (event: Event) => {
    event.preventDefault();
    const text = !email.trim()
      ? t('users.errors.emailMissing')
      : !EMAIL.test(email.trim())
        ? t('users.errors.emailInvalid')
        : '';
    if (text)
      return setErrors({
        list: [{ field: 'users-email', message: text }],
        attempt: (errors?.attempt ?? 0) + 1,
      });
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
      load();
    } else if (created.reason === 'refused' && created.code === 'already_exists') {
      setErrors({
        list: [{ field: 'users-email', message: t('users.errors.exists') }],
        attempt: (errors?.attempt ?? 0) + 1,
      });
    } else say(t('users.failed'), true);
  };

  const change = async (account: StaffAccount, body: { role?: StaffRole; disabled?: boolean }) => {
    const changed = await sendJson(
      'PATCH',
      `/api/v1/staff/users/${account.id}`,
      body,
      AccountChangedResponse,
    );
    if (changed.ok) {
      say(
        t(
          body.disabled === undefined
            ? 'users.roleChanged'
            : body.disabled
              ? 'users.disabledDone'
              : 'users.enabledDone',
          {
            email: account.email,
            role: t(`users.roles.${changed.data.user.role}`),
          },
        ),
      );
      load();
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
    load();
  };

  return (
    <Page title={t('users.title')} wide>
      <StaffNav words={words} user={props.user} current="/staff/users" />
      {errors && <ErrorSummary title={t('errorTitle')} errors={errors.list} attempt={errors.attempt} />}
      {message?.kind === 'password' && (
        <Notice version={message.version}>
          <p>{t('users.passwordFor', { email: message.email })}</p>
          <p class="insight-secret">{message.password}</p>
          <p>{t('users.passwordOnce')}</p>
        </Notice>
      )}
      {message?.kind === 'text' && (
        <Notice version={message.version} tone={message.problem ? 'problem' : 'success'}>
          <p>{message.text}</p>
        </Notice>
      )}
      <h2>{t('users.inviteHeading')}</h2>
      <form class="insight-form" noValidate onSubmit={(e) => void invite(e)}>
        <div class={errors ? 'insight-field field--error' : 'insight-field'}>
          <label for="users-email">{t('users.email')}</label>
          {errors && (
            <p class="error-message" id="users-email-error">
              <span class="visually-hidden">{t('errorPrefix')}</span> {errors.list[0]?.message}
            </p>
          )}
          <input
            id="users-email"
            type="email"
            autocomplete="off"
            spellcheck={false}
            value={email}
            aria-describedby={errors ? 'users-email-error' : undefined}
            aria-invalid={errors ? 'true' : undefined}
            onInput={(e) => setEmail(e.currentTarget.value)}
          />
        </div>
        <div class="insight-field">
          <label for="users-role">{t('users.role')}</label>
          <RoleSelect words={words} id="users-role" value={role} onChange={setRole} />
        </div>
        <button type="submit" class="button">
          {t('users.invite')}
        </button>
      </form>
      <h2>{t('users.listHeading')}</h2>
      {result === undefined && <p class="loading">{t('loading')}</p>}
      {result?.ok && (
        <ul class="you-said-list">
          {result.data.users.map((account) => (
            <li key={account.id}>
              <AccountCard
                words={words}
                account={account}
                self={account.id === props.user.id}
                onChange={change}
                onReset={reset}
              />
            </li>
          ))}
        </ul>
      )}
      {result?.ok && log?.ok && (
        <RoleLog words={words} accounts={result.data.users} changes={log.data.changes} />
      )}
    </Page>
  );
}

/** Every role given, newest first, with who gave it: so that who can see what can be checked later. */
function RoleLog(props: { words: Words; accounts: StaffAccount[]; changes: RoleChange[] }) {
  const { t, f } = props.words;
  const emails = new Map(props.accounts.map((account) => [account.id, account.email]));
  const who = (id: string | null) => (id && emails.get(id)) || t('users.log.unknown');
  return (
    <section>
      <h2 id="users-log">{t('users.log.heading')}</h2>
      <p>{t('users.log.intro')}</p>
      {props.changes.length === 0 ? (
        <p>{t('users.log.none')}</p>
      ) : (
        <div class="table-scroll" role="region" aria-labelledby="users-log" tabIndex={0}>
          <table class="insight-table">
            <thead>
              <tr>
                <th scope="col">{t('users.log.when')}</th>
                <th scope="col">{t('users.log.account')}</th>
                <th scope="col">{t('users.log.change')}</th>
                <th scope="col">{t('users.log.by')}</th>
              </tr>
            </thead>
            <tbody>
              {props.changes.map((change, index) => (
                <tr key={`${change.changedAt}-${index}`}>
                  <td>{f.time(change.changedAt)}</td>
                  <th scope="row">{who(change.userId)}</th>
                  <td>
                    {change.fromRole === null
                      ? t('users.log.invited', { role: t(`users.roles.${change.toRole}`) })
                      : t('users.log.changed', {
                          from: t(`users.roles.${change.fromRole}`),
                          to: t(`users.roles.${change.toRole}`),
                        })}
                  </td>
                  <td>{who(change.changedBy)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function AccountCard(props: {
  words: Words;
  account: StaffAccount;
  self: boolean;
  onChange: (account: StaffAccount, body: { role?: StaffRole; disabled?: boolean }) => Promise<void>;
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
    <article class="insight-card" aria-labelledby={`account-${account.id}`}>
      <h3 id={`account-${account.id}`}>
        {account.email}
        {props.self && <span class="meta"> {t('users.you')}</span>}
      </h3>
      <dl class="insight-facts">
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
          class="insight-actions"
          onSubmit={(event) => {
            event.preventDefault();
            void props.onChange(account, { role });
          }}
        >
          <div class="insight-field">
            <label for={field}>{t('users.changeRole')}</label>
            <RoleSelect words={props.words} id={field} value={role} onChange={setRole} />
          </div>
          <button type="submit" class="button button--secondary">
            {t('users.saveRole')}
            <span class="visually-hidden"> {account.email}</span>
          </button>
        </form>
      )}
      <div class="insight-actions">
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

/** A choice of one of the staff roles, each named in the page's language. */
function RoleSelect(props: {
  words: Words;
  id: string;
  value: StaffRole;
  onChange: (role: StaffRole) => void;
}) {
  const { t } = props.words;
  return (
    <select
      id={props.id}
      value={props.value}
      onChange={(e) => props.onChange(e.currentTarget.value as StaffRole)}
    >
      {STAFF_ROLES.map((r) => (
        <option key={r} value={r}>
          {t(`users.roles.${r}`)}
        </option>
      ))}
    </select>
  );
}
