import type { StaffRole } from '../../../domain/staff.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { toolsFor } from './staff-links.ts';

/** On the staff home: every tool this member of staff may use, named as those pages name themselves. */
export function StaffTools(props: { role: StaffRole }) {
  const tools = toolsFor(props.role);
  const { t, ready } = useTranslation('staff');
  if (tools.length === 0 || !ready) return null;
  return (
    <nav aria-label={t('staff:nav.label')}>
      <ul class="bullets">
        {tools.map((tool) => (
          <li key={tool.href}>
            <a class="tap-target" href={tool.href}>
              {t(`staff:nav.${tool.key}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
