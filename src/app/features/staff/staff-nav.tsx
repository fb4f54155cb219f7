import type { StaffUser } from '../../../domain/staff.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { STAFF_HOME, toolsFor } from './staff-links.ts';
import './staff.css';

/**
 * On each staff tool: the way back to the staff home, then every tool this member of staff may use, the
 * current one marked. `words` is not read (the staff namespace has the navigation's own words); pages
 * that still pass their own are not refused for it.
 */
export function StaffNav(props: { user: StaffUser; current: string }) {
  const { t, ready } = useTranslation('staff');
  if (!ready) return null;
  const links = [STAFF_HOME, ...toolsFor(props.user.role)];
  return (
    <nav aria-label={t('staff:nav.label')}>
      <ul class="staff-nav link-list link-list--inline">
        {links.map((link) => (
          <li key={link.href}>
            <a href={link.href} aria-current={link.href === props.current ? 'page' : undefined}>
              {t(`staff:nav.${link.key}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
