import type { RoleChange, StaffAccount } from '../../../domain/api/staff-users.ts';
import type { Words } from '../../i18n/use-formatted-words.ts';

/** Every role given, newest first, with who gave it: so that who can see what can be checked later. */
export function RoleLog(props: { words: Words; accounts: StaffAccount[]; changes: RoleChange[] }) {
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
          <table class="data-table">
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
