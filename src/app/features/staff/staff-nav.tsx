import type { StaffUser } from '../../../domain/staff.ts';
import type { Words } from '../insight/words.ts';

/** The insight tools this member of staff may use, and the way back to the staff home. */
export function StaffNav(props: { words: Words; user: StaffUser; current: string }) {
  const { t } = props.words;
  const links: { href: string; text: string }[] = [{ href: '/staff', text: t('nav.staffHome') }];
  if (props.user.role === 'analyst') {
    links.push(
      { href: '/staff/dashboard', text: t('nav.dashboard') },
      { href: '/staff/dashboard/months', text: t('nav.months') },
      { href: '/staff/dashboard/stories', text: t('nav.stories') },
      { href: '/staff/dashboard/gaps', text: t('nav.gaps') },
      { href: '/staff/dashboard/you-said-we-did', text: t('nav.youSaid') },
    );
  }
  if (props.user.role === 'admin') {
    links.push(
      { href: '/staff/problems', text: t('nav.problems') },
      { href: '/staff/users', text: t('nav.users') },
    );
  }
  if (props.user.role === 'admin' || props.user.role === 'analyst') {
    links.push({ href: '/staff/directory-quality', text: t('nav.quality') });
  }
  return (
    <nav aria-label={t('nav.label')}>
      <ul class="staff-nav link-list link-list--inline">
        {links.map((link) => (
          <li key={link.href}>
            <a href={link.href} aria-current={link.href === props.current ? 'page' : undefined}>
              {link.text}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
