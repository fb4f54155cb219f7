import { STAFF_ROLES, type StaffRole } from '../../../domain/staff.ts';
import type { Words } from '../../i18n/use-formatted-words.ts';

/** A choice of one of the staff roles, each named in the page's language. */
export function RoleSelect(props: {
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
