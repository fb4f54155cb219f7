import { cleanup, render, screen, within } from '@testing-library/preact';
import i18next from 'i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import arCommon from '../../locales/ar/common.json';
import arStaff from '../../locales/ar/staff.json';
import enCommon from '../../locales/en/common.json';
import enStaff from '../../locales/en/staff.json';
import type { StaffRole, StaffUser } from '../../src/domain/staff.ts';
import { StaffNav } from '../../src/app/features/staff/staff-nav.tsx';
import { StaffTools } from '../../src/app/features/staff/staff-tools.tsx';

/**
 * The staff home and each staff tool list the same tools for a role, from one list: a tool missing from
 * the home could be reached only from inside another tool. The tools' navigation adds the way home.
 */

beforeAll(async () => {
  await i18next.init({
    lng: 'en',
    resources: { en: { common: enCommon, staff: enStaff }, ar: { common: arCommon, staff: arStaff } },
    defaultNS: 'common',
    interpolation: { escapeValue: false },
  });
});

afterEach(() => cleanup());

const user = (role: StaffRole): StaffUser =>
  ({ id: 'u1', email: 'a@example.org', role, mustChangePassword: false }) as StaffUser;

function linksIn(nav: HTMLElement): Array<[string, string]> {
  return within(nav)
    .getAllByRole('link')
    .map((link) => [link.getAttribute('href') ?? '', link.textContent ?? '']);
}

const EXPECTED: Record<'analyst' | 'admin', Array<[string, keyof typeof enStaff.nav]>> = {
  analyst: [
    ['/staff/dashboard', 'dashboard'],
    ['/staff/dashboard/months', 'months'],
    ['/staff/dashboard/stories', 'stories'],
    ['/staff/dashboard/gaps', 'gaps'],
    ['/staff/dashboard/you-said-we-did', 'youSaid'],
    ['/staff/directory-quality', 'quality'],
  ],
  admin: [
    ['/staff/problems', 'problems'],
    ['/staff/users', 'users'],
    ['/staff/directory-quality', 'quality'],
  ],
};

for (const [lng, words] of [
  ['en', enStaff],
  ['ar', arStaff],
] as const) {
  describe(`staff links in ${lng}`, () => {
    beforeAll(() => i18next.changeLanguage(lng));

    for (const role of ['analyst', 'admin'] as const) {
      const tools = EXPECTED[role].map(([href, key]): [string, string] => [href, words.nav[key]]);

      it(`lists every ${role} tool on the staff home`, () => {
        render(<StaffTools role={role} />);
        expect(linksIn(screen.getByRole('navigation', { name: words.nav.label }))).toEqual(tools);
      });

      it(`lists the staff home and the same ${role} tools on each tool, marking the current one`, () => {
        const [current] = EXPECTED[role][0]!;
        render(<StaffNav user={user(role)} current={current} />);
        const nav = screen.getByRole('navigation', { name: words.nav.label });
        expect(linksIn(nav)).toEqual([['/staff', words.nav.staffHome], ...tools]);
        const marked = within(nav)
          .getAllByRole('link')
          .filter((link) => link.getAttribute('aria-current') === 'page');
        expect(marked.map((link) => link.getAttribute('href'))).toEqual([current]);
      });
    }

    it('shows no tools to field staff, whose home is recording with someone', () => {
      render(<StaffTools role="field" />);
      expect(screen.queryByRole('navigation')).toBeNull();
    });
  });
}
