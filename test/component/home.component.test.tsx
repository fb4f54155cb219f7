import { cleanup, render, screen } from '@testing-library/preact';
import axe from 'axe-core';
import i18next from 'i18next';
import { LocationProvider } from 'preact-iso';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import enCommon from '../../locales/en/common.json';
import { HomePage } from '../../src/app/pages/home.tsx';

beforeAll(async () => {
  await i18next.init({ lng: 'en', resources: { en: { common: enCommon } }, defaultNS: 'common' });
});

afterEach(cleanup);

describe('the home page', () => {
  it('offers the four themes as labelled links and a search', () => {
    render(
      <LocationProvider>
        <HomePage />
      </LocationProvider>,
    );
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Find support in Essex');
    for (const name of ['Staying well', 'Support for carers', 'Housing', 'Work, learning and things to do']) {
      expect(screen.getByRole('link', { name: new RegExp(name) })).toBeTruthy();
    }
    expect(screen.getByRole('searchbox', { name: 'Search for support' })).toBeTruthy();
  });

  it('has no accessibility problems that axe can find in the component', async () => {
    const { container } = render(
      <LocationProvider>
        <main>
          <HomePage />
        </main>
      </LocationProvider>,
    );
    // Colour contrast needs real layout, which the browser suite checks.
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((v) => v.id)).toEqual([]);
  });
});
