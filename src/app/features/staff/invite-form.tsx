import type { StaffRole } from '../../../domain/staff.ts';
import type { Words } from '../../i18n/use-formatted-words.ts';
import { RoleSelect } from './role-select.tsx';

/** Invite a member of staff by email with a role; the error, if any, is the email's. */
export function InviteForm(props: {
  words: Words;
  email: string;
  role: StaffRole;
  error: string | undefined;
  onEmail: (email: string) => void;
  onRole: (role: StaffRole) => void;
  onSubmit: (event: Event) => void;
}) {
  const { t } = props.words;
  const failed = props.error !== undefined;
  return (
    <form class="form-panel" noValidate onSubmit={props.onSubmit}>
      <div class={failed ? 'form-field field--error' : 'form-field'}>
        <label for="users-email">{t('users.email')}</label>
        {failed && (
          <p class="error-message" id="users-email-error">
            <span class="visually-hidden">{t('users.errorPrefix')}</span> {props.error}
          </p>
        )}
        <input
          id="users-email"
          type="email"
          autocomplete="off"
          spellcheck={false}
          value={props.email}
          aria-describedby={failed ? 'users-email-error' : undefined}
          aria-invalid={failed ? 'true' : undefined}
          onInput={(e) => props.onEmail(e.currentTarget.value)}
        />
      </div>
      <div class="form-field">
        <label for="users-role">{t('users.role')}</label>
        <RoleSelect words={props.words} id="users-role" value={props.role} onChange={props.onRole} />
      </div>
      <button type="submit" class="button">
        {t('users.invite')}
      </button>
    </form>
  );
}
