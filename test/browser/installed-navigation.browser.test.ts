import type { Page } from '@playwright/test';
import arCommon from '../../locales/ar/common.json' with { type: 'json' };
import enCommon from '../../locales/en/common.json' with { type: 'json' };
import { findAccessibilityViolations } from '../support/axe.ts';
import { expect, test } from '../support/fixtures.ts';
import { emulateStandalone, setGuidedAnswers } from '../support/installed.ts';
import { PAGES } from '../support/pages.ts';
import { pathOf, sampleServiceId, settle, visit } from '../support/visit.ts';

/**
 * The app opened from the home screen, on a 320 px phone: there is no browser Back button, so these tests
 * never use one. Every way back is in the page: a Back link that returns to where the person was, with
 * their results, filters and place, and My list one tap away from every page, with its count.
 */

test.use({ viewport: { width: 320, height: 640 } });

let serviceId: string | undefined;

test.beforeEach(async ({ api, context }) => {
  serviceId ??= await sampleServiceId(api);
  await emulateStandalone(context);
});

const back = (page: Page) => page.locator('main .back-link');
const atPath = (expected: string) => (url: URL) => url.pathname + url.search === expected;
/** A list shared with the person, holding the sample service. */
const sharedList = () => `/my-list/shared?ids=${encodeURIComponent(serviceId as string)}`;
/** The service page's own code, which loads when a service is first opened. */
const servicePageCode = (url: URL) => url.pathname.includes('/service-page-');

/** Arabic-Indic digits as 0–9, so a number the page shows in its own script can be read. */
const westernDigits = (text: string) =>
  text.replace(/[\u0660-\u0669]/g, (digit) => String(digit.charCodeAt(0) - 0x660));

/** How many results the page says it shows ("Showing 40 of 212"), in any language. */
async function resultsShown(page: Page): Promise<number> {
  const line = (await page.locator('.directory-results__more .meta').textContent()) ?? '';
  return Number(/\d+/.exec(westernDigits(line))?.[0]);
}

/** Until every result the page says it shows is drawn: cards are drawn a screenful at a time. */
async function allResultsDrawn(page: Page): Promise<number> {
  await expect
    .poll(async () => (await page.locator('.result-card').count()) === (await resultsShown(page)))
    .toBe(true);
  return page.locator('.result-card').count();
}

/** Until the page has stopped scrolling (a wheel may scroll smoothly), and where it stopped. */
function scrollAtRest(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let last = window.scrollY;
        const nextFrame = () =>
          requestAnimationFrame(() => {
            if (window.scrollY === last) resolve(last);
            else {
              last = window.scrollY;
              nextFrame();
            }
          });
        nextFrame();
      }),
  );
}

for (const lng of ['en', 'ar']) {
  test.describe(`in the installed app, in ${lng}`, () => {
    test('comes back from a service to the same results, filters, place and focus', async ({ page }) => {
      await visit(page, '/', lng);
      expect(await page.evaluate(() => matchMedia('(display-mode: standalone)').matches)).toBe(true);
      await page.locator('.theme-card--carers').click();
      await expect(page.locator('.result-card').first()).toBeVisible();
      // A filter, as the person sets it: the address keeps it.
      await page.goto('/search?theme=carers&free=1');
      await settle(page);
      await page.locator('.directory-results__more button').click();
      await expect(page.locator('.result-card').nth(24)).toBeVisible();
      const shown = await allResultsDrawn(page);
      const link = page.locator('.result-card__name a').nth(24);
      await link.scrollIntoViewIfNeeded();
      const before = await scrollAtRest(page);
      expect(before).toBeGreaterThan(1000);
      // The person's own scroll: it lands after the wheel event, so wait for it, then for it to stop.
      await page.mouse.wheel(0, 120);
      await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(before);
      const scrolled = await scrollAtRest(page);
      const href = (await link.getAttribute('href')) as string;
      await link.focus();
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(atPath(href));
      await settle(page);

      await back(page).click();
      await expect(page).toHaveURL(atPath('/search?theme=carers&free=1'));
      await expect(page.locator('.result-card')).toHaveCount(shown);
      await expect.poll(() => page.evaluate(() => Math.round(window.scrollY))).toBe(Math.round(scrolled));
      await expect(page.locator(`.result-card__name a[href="${href}"]`)).toBeFocused();
      // The filter is still on, shown as a button to take it off.
      await expect(page.locator('.filter-tag').first()).toBeVisible();
    });

    test('goes to a sensible parent from a page opened straight from a link', async ({ page }) => {
      await visit(page, '/', lng);
      const cases: Array<[string, string]> = [
        [`/services/${encodeURIComponent(serviceId as string)}`, '/search'],
        [sharedList(), '/'],
        ['/insight/you-said-we-did', '/insight'],
        ['/accessibility', '/'],
      ];
      for (const [opened, parent] of cases) {
        await visit(page, opened);
        await back(page).click();
        await expect(page, opened).toHaveURL(atPath(parent));
      }
    });

    test('returns from a service to the shortlist and to a shared list it was opened from', async ({
      page,
    }) => {
      await visit(page, '/', lng);
      await setGuidedAnswers(page, {
        choices: { who: ['me'], where: ['district'], hard: ['lonely-or-low'] },
        district: 'chelmsford',
      });
      for (const list of ['/help-me-find/shortlist', sharedList()]) {
        await page.goto(list);
        await settle(page);
        await page.locator('main a[href^="/services/"]').first().click();
        await expect(page).toHaveURL(/\/services\//);
        await settle(page);
        await back(page).click();
        await expect(page, list).toHaveURL(atPath(list));
      }
    });

    test('keeps My list one tap away on every page, with its count, beside the name on a 320 px screen', async ({
      page,
    }) => {
      await visit(page, '/', lng);
      await visit(page, `/services/${encodeURIComponent(serviceId as string)}`);
      const myList = page.locator('.my-list-link');
      const count = myList.locator('.my-list-link__count');
      await expect(count).toHaveCount(0);
      await page.locator('.save-button__toggle').click();
      // The count follows at once, and the confirmation links to the list.
      await expect(count).toHaveText(new Intl.NumberFormat(lng).format(1));
      await expect(page.locator('.save-button__status a')).toHaveAttribute('href', '/my-list');
      expect(await findAccessibilityViolations(page)).toEqual([]);

      for (const appPage of PAGES.filter((p) => !p.staff)) {
        await test.step(appPage.name, async () => {
          await visit(page, pathOf(appPage, serviceId as string));
          await expect(count, appPage.name).toHaveCount(1);
          const layout = await page.evaluate(() => {
            const box = (selector: string) => document.querySelector(selector)!.getBoundingClientRect();
            const name = box('.site-header__name');
            const link = box('.my-list-link');
            return {
              sameRow: link.top < name.bottom && link.bottom > name.top,
              sideways: document.documentElement.scrollWidth - document.documentElement.clientWidth,
            };
          });
          expect.soft(layout, appPage.name).toEqual({ sameRow: true, sideways: 0 });
        });
      }
      await myList.click();
      await expect(page).toHaveURL(atPath('/my-list'));
      await expect(myList).toHaveAttribute('aria-current', 'page');
      await page.locator('.saved-service__remove').click();
      await expect(count).toHaveCount(0);
    });

    test('has Back on every page but the start pages', async ({ page }) => {
      const START_PAGES = ['/', '/help-me-find', '/feedback'];
      await visit(page, '/', lng);
      for (const appPage of PAGES.filter((p) => !p.staff)) {
        await test.step(appPage.name, async () => {
          await visit(page, pathOf(appPage, serviceId as string));
          await expect(page.locator('html'), appPage.name).toHaveAttribute(
            'dir',
            lng === 'ar' ? 'rtl' : 'ltr',
          );
          await expect
            .soft(page.locator('main .back-link, main .guided-back-link, main .fb-back-link'), appPage.name)
            .toHaveCount(START_PAGES.includes(appPage.path) ? 0 : 1);
        });
      }
    });
  });
}

test('keeps the page it leaves marked busy while the next page loads, and then shows only the new one', async ({
  context,
  page,
}) => {
  // The service page's code is held back, as on a slow connection, until the test lets it through.
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await context.route(servicePageCode, async (route) => {
    await released;
    await route.continue();
  });
  const list = sharedList();
  await visit(page, list);
  const leaving = (await page.locator('h1').textContent()) ?? '';
  await page.locator('main a[href^="/services/"]').first().click();
  await expect(page).toHaveURL(/\/services\//);
  const main = page.locator('main');
  await expect(main).toHaveAttribute('aria-busy', 'true');
  await expect(page.locator('h1')).toHaveText(leaving);

  release();
  await expect(main).not.toHaveAttribute('aria-busy');
  await expect(page.locator('h1')).not.toHaveText(leaving);
  await settle(page);
  await expect(back(page)).toHaveCount(1);
  await back(page).click();
  await expect(page).toHaveURL(atPath(list));
});

for (const [lng, words] of [
  ['en', enCommon],
  ['ar', arCommon],
] as const) {
  test(`says in ${lng} when the next page cannot be fetched, and fetches it again when asked`, async ({
    context,
    page,
  }) => {
    // The connection drops before the app is saved on the device: the service page's code cannot come.
    let connected = false;
    await context.route(servicePageCode, (route) =>
      connected ? route.continue() : route.abort('internetdisconnected'),
    );
    await visit(page, sharedList(), lng);
    const leaving = (await page.locator('h1').textContent()) ?? '';
    const link = page.locator('main a[href^="/services/"]').first();
    const name = ((await link.textContent()) ?? '').trim();
    await link.click();
    await expect(page).toHaveURL(/\/services\//);
    await settle(page);
    // Not the page it left, still on screen under the new address: a page that says what happened.
    await expect(page.locator('h1')).not.toHaveText(leaving);
    await expect(page.locator('main')).not.toHaveAttribute('aria-busy');
    await expect(page.locator('h1')).toBeFocused();
    expect(await findAccessibilityViolations(page)).toEqual([]);

    // Still offline, Try again waits for a connection rather than leave for the browser's offline page.
    const notLoaded = (await page.locator('h1').textContent()) ?? '';
    await context.setOffline(true);
    await page.locator('main button').click();
    const waiting = page.locator('main [role="status"]');
    await expect(waiting).toHaveText(words.pageNotLoaded.waiting);
    await expect(page.locator('h1')).toHaveText(notLoaded);
    expect(await findAccessibilityViolations(page)).toEqual([]);

    // The connection back, it loads the page again by itself (here the code is still refused, so the
    // page says so again), and Try again, now online, loads it at once.
    await context.setOffline(false);
    await expect(waiting).toHaveText('');
    await settle(page);
    await expect(page.locator('h1')).toHaveText(notLoaded);
    connected = true;
    await page.locator('main button').click();
    await settle(page);
    await expect(page.locator('h1')).toHaveText(name);
  });
}
