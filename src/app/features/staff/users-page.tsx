import type { StaffUser } from '../../../domain/staff.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { Page } from '../../components/page.tsx';
import { useApi } from '../../hooks/use-api.ts';
import { Notice } from '../../components/notice.tsx';
import { RoleChangesResponse, StaffAccountsResponse } from '../../../domain/api/staff-users.ts';
import { AccessProblemPage, StaffOnly, refusedAccess } from './staff-gate.tsx';
import { StaffNav } from './staff-nav.tsx';
import { useFormattedWords, type Words } from '../../i18n/use-formatted-words.ts';
import { AccountCard } from './account-card.tsx';
import { InviteForm } from './invite-form.tsx';
import { RoleLog } from './role-log.tsx';
import { useAccountChanges, type AccountMessage } from './use-account-changes.ts';
import './staff.css';

/** Staff accounts, for admins: invite with a one-time password, change a role, disable, reset. */
export function UsersPage() {
  const { ready, words } = useFormattedWords('staff');
  return (
    <StaffOnly ready={ready} roles={['admin']} title={words.t('users.title')}>
      {(user) => <Users words={words} user={user} />}
    </StaffOnly>
  );
}

function Users(props: { words: Words; user: StaffUser }) {
  const { words } = props;
  const { t } = words;
  const { result, reload: reloadAccounts } = useApi('/api/v1/staff/users', StaffAccountsResponse);
  const { result: log, reload: reloadLog } = useApi('/api/v1/staff/role-changes', RoleChangesResponse);
  const accounts = useAccountChanges({
    words,
    user: props.user,
    reload: () => {
      void reloadAccounts();
      void reloadLog();
    },
  });
  const { errors } = accounts;

  const refused = refusedAccess(result);
  if (refused) return <AccessProblemPage problem={refused} />;

  return (
    <Page title={t('users.title')} wide>
      <StaffNav user={props.user} current="/staff/users" />
      {errors && <ErrorSummary title={t('users.errorTitle')} errors={errors.list} attempt={errors.attempt} />}
      <AccountNotice words={words} message={accounts.message} />
      <h2>{t('users.inviteHeading')}</h2>
      <InviteForm
        words={words}
        email={accounts.email}
        role={accounts.role}
        error={errors && (errors.list[0]?.message ?? '')}
        onEmail={accounts.setEmail}
        onRole={accounts.setRole}
        onSubmit={(e) => void accounts.invite(e)}
      />
      <h2>{t('users.listHeading')}</h2>
      {result === undefined && <p class="loading">{t('common:loading')}</p>}
      {result?.ok && (
        <ul class="staff-accounts">
          {result.data.users.map((account) => (
            <li key={account.id}>
              <AccountCard
                words={words}
                account={account}
                self={account.id === props.user.id}
                onChange={accounts.change}
                onReset={accounts.reset}
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

/** What the last change did: a one-time password shown once, or a sentence of success or problem. */
function AccountNotice(props: { words: Words; message: AccountMessage | undefined }) {
  const { t } = props.words;
  const { message } = props;
  // Two places, not one: a password notice and a sentence are different boxes, each focused when it appears.
  return (
    <>
      {message?.kind === 'password' && (
        <Notice version={message.version}>
          <p>{t('users.passwordFor', { email: message.email })}</p>
          <p class="staff-secret">{message.password}</p>
          <p>{t('users.passwordOnce')}</p>
        </Notice>
      )}
      {message?.kind === 'text' && (
        <Notice version={message.version} tone={message.problem ? 'problem' : 'success'}>
          <p>{message.text}</p>
        </Notice>
      )}
    </>
  );
}
