import type { StaffRole } from '../../../domain/staff.ts';

/** A staff page, its name's key under the staff namespace's `nav`, and the roles the server lets open it. */
export interface StaffLink {
  href: string;
  key: 'dashboard' | 'months' | 'stories' | 'gaps' | 'youSaid' | 'problems' | 'users' | 'quality';
  roles: readonly StaffRole[];
}

/** The way back from any staff tool to where a member of staff starts. */
export const STAFF_HOME = { href: '/staff', key: 'staffHome' } as const;

/**
 * Every staff tool, in the order the staff home and the tools' own navigation list them. Both show a
 * person every tool their role opens, so none can be reached only from inside another tool; only the
 * navigation adds the way back to the staff home. The roles match the ones each page's gate lets in.
 */
const STAFF_TOOLS: readonly StaffLink[] = [
  { href: '/staff/dashboard', key: 'dashboard', roles: ['analyst'] },
  { href: '/staff/dashboard/months', key: 'months', roles: ['analyst'] },
  { href: '/staff/dashboard/stories', key: 'stories', roles: ['analyst'] },
  { href: '/staff/dashboard/gaps', key: 'gaps', roles: ['analyst'] },
  { href: '/staff/dashboard/you-said-we-did', key: 'youSaid', roles: ['analyst'] },
  { href: '/staff/problems', key: 'problems', roles: ['admin'] },
  { href: '/staff/users', key: 'users', roles: ['admin'] },
  { href: '/staff/directory-quality', key: 'quality', roles: ['admin', 'analyst'] },
];

/** The tools a member of staff with this role may open, in the list's order. */
export function toolsFor(role: StaffRole): StaffLink[] {
  return STAFF_TOOLS.filter((tool) => tool.roles.includes(role));
}
