import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAccessibilityViolations } from '../support/axe.ts';
import { openBrowser, type BrowserSession } from '../support/browser.ts';
import { PAGES } from '../support/pages.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { pathOf, sampleServiceId, settle } from './inclusion-helpers.ts';
import { emulateStandalone, setGuidedAnswers, waitForDirectory } from './installed-helpers.ts';

/**
 * The app opened from the home screen, on a 320 px phone: there is no browser Back button, so these tests
 * never use one. Every way back is in the page: a Back link that returns to where the person was, with
 * their results, filters and place, and My list one tap away from every page, with its count.
 */

let server: RunningServer;
let session: BrowserSession;
let serviceId: string;

beforeAll(async () => {
  server = await startServer();
  session = await openBrowser({ viewport: { width: 320, height: 640 } });
  await emulateStandalone(session.context);
  serviceId = await sampleServiceId(server);
});

afterAll(async () => {
  await session?.browser.close();
  await server?.dispose();
});

const back = (page: Page) => page.locator('main .back-link');
const path = (page: Page) => {
  const url = new URL(page.url());
  return url.pathname + url.search;
};

async function inLanguage(page: Page, lng: string): Promise<void> {
  await page.goto(`${server.url}/?lng=${lng}`);
  await settle(page);
}

describe.each([['en'], ['ar']])('in the installed app, in %s', (lng) => {
  it('comes back from a service to the same results, filters, place and focus', async () => {
    const { page } = session;
    await inLanguage(page, lng);
    expect(await page.evaluate(() => matchMedia('(display-mode: standalone)').matches)).toBe(true);
    await page.locator('.theme-card--carers').click();
    await waitForDirectory(page);
    await page.locator('.result-card').first().waitFor();
    // A filter, as the person sets it: the address keeps it.
    await page.goto(`${server.url}/search?theme=carers&free=1`);
    await waitForDirectory(page);
    await page.locator('.directory-results__more button').click();
    await expect.poll(() => page.locator('.result-card').count()).toBeGreaterThan(20);
    const shown = await page.locator('.result-card').count();
    const link = page.locator('.result-card__name a').nth(24);
    await link.scrollIntoViewIfNeeded();
    await page.mouse.wheel(0, 120);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(1000);
    const scrolled = await page.evaluate(() => window.scrollY);
    const href = await link.getAttribute('href');
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`**${href}`);
    await settle(page);

    await back(page).click();
    await page.waitForURL('**/search?theme=carers&free=1');
    await expect.poll(() => page.locator('.result-card').count()).toBe(shown);
    await expect.poll(() => page.evaluate(() => Math.round(window.scrollY))).toBe(Math.round(scrolled));
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(href);
    // The filter is still on, shown as a button to take it off.
    expect(await page.locator('.filter-tag').count()).toBeGreaterThan(0);
  });

  it('goes to a sensible parent from a page opened straight from a link', async () => {
    const { page } = session;
    await inLanguage(page, lng);
    const cases: Array<[string, string]> = [
      [`/services/${encodeURIComponent(serviceId)}`, '/search'],
      [`/my-list/shared?ids=${encodeURIComponent(serviceId)}`, '/'],
      ['/insight/you-said-we-did', '/insight'],
      ['/accessibility', '/'],
    ];
    for (const [opened, parent] of cases) {
      await page.goto(server.url + opened);
      await settle(page);
      await back(page).click();
      await expect.poll(() => path(page), { message: opened }).toBe(parent);
    }
  });

  it('returns from a service to the shortlist and to a shared list it was opened from', async () => {
    const { page } = session;
    await inLanguage(page, lng);
    await setGuidedAnswers(page, {
      choices: { who: ['me'], where: ['district'], hard: ['lonely-or-low'] },
      district: 'chelmsford',
    });
    for (const list of ['/help-me-find/shortlist', `/my-list/shared?ids=${encodeURIComponent(serviceId)}`]) {
      await page.goto(server.url + list);
      await waitForDirectory(page);
      const first = page.locator('main a[href^="/services/"]').first();
      await first.click();
      await page.waitForURL('**/services/**');
      await settle(page);
      await back(page).click();
      await expect.poll(() => path(page), { message: list }).toBe(list);
    }
  });

  it('keeps My list one tap away on every page, with its count, beside the name on a 320 px screen', async () => {
    const { page } = session;
    await inLanguage(page, lng);
    await page.goto(`${server.url}/services/${encodeURIComponent(serviceId)}`);
    await waitForDirectory(page);
    const myList = page.locator('.my-list-link');
    expect(await myList.locator('.my-list-link__count').count()).toBe(0);
    await page.locator('.save-button__toggle').click();
    // The count follows at once, and the confirmation links to the list.
    await expect
      .poll(() => myList.locator('.my-list-link__count').textContent())
      .toBe(new Intl.NumberFormat(lng).format(1));
    const view = page.locator('.save-button__status a');
    expect(await view.getAttribute('href')).toBe('/my-list');
    expect(await findAccessibilityViolations(page)).toEqual([]);

    for (const appPage of PAGES.filter((p) => !p.staff)) {
      await page.goto(server.url + pathOf(appPage, serviceId));
      await settle(page);
      const layout = await page.evaluate(() => {
        const box = (selector: string) => document.querySelector(selector)!.getBoundingClientRect();
        const name = box('.site-header__name');
        const link = box('.my-list-link');
        return {
          sameRow: link.top < name.bottom && link.bottom > name.top,
          sideways: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          count: document.querySelector('.my-list-link__count')?.textContent,
        };
      });
      expect(layout, appPage.name).toMatchObject({ sameRow: true, sideways: 0 });
      await expect
        .poll(() => myList.locator('.my-list-link__count').count(), { message: appPage.name })
        .toBe(1);
    }
    await myList.click();
    await expect.poll(() => path(page)).toBe('/my-list');
    expect(await myList.getAttribute('aria-current')).toBe('page');
    await page.locator('.saved-service__remove').click();
    await expect.poll(() => myList.locator('.my-list-link__count').count()).toBe(0);
  });
});

describe('Back on every page', () => {
  const START_PAGES = ['/', '/help-me-find', '/feedback'];
  it.each(PAGES.filter((p) => !p.staff).map((p) => [p.name, p] as const))(
    'is on the %s page unless it is a start page',
    async (_name, appPage) => {
      const { page } = session;
      await page.goto(server.url + pathOf(appPage, serviceId));
      await settle(page);
      const links = await page.locator('main .back-link, main .guided-back-link, main .fb-back-link').count();
      expect(links).toBe(START_PAGES.includes(appPage.path) ? 0 : 1);
    },
  );
});
