import type { StaffRole } from '../../../domain/staff.ts';
import { useTranslation } from '../../i18n/use-translation.ts';

const TOOLS: Partial<Record<StaffRole, { href: string; key: string }[]>> = {
  analyst: [
    { href: '/staff/dashboard', key: 'dashboard' },
    { href: '/staff/dashboard/stories', key: 'stories' },
    { href: '/staff/dashboard/you-said-we-did', key: 'youSaid' },
  ],
  admin: [
    { href: '/staff/problems', key: 'problems' },
    { href: '/staff/users', key: 'users' },
  ],
};

/** The insight and admin pages this member of staff may use, named as those pages name themselves. */
export function StaffTools(props: { role: StaffRole }) {
  const tools = TOOLS[props.role];
  const { t, ready } = useTranslation('insight');
  if (!tools || !ready) return null;
  return (
    <nav aria-label={t('insight:nav.label')}>
      <ul class="bullets">
        {tools.map((tool) => (
          <li key={tool.href}>
            <a class="tap-target" href={tool.href}>
              {t(`insight:nav.${tool.key}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
