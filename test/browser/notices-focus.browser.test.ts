import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures.ts';
import { expectFocusOnThePage } from '../support/installed.ts';
import { PAGES, type AppPage, type StaffRole } from '../support/pages.ts';
import { controlledByServiceWorker, pathOf, sampleServiceId, settle } from '../support/visit.ts';

/**
 * The app's own notices ("ready to work offline", a new version) and the offer to install never hide
 * what has focus (WCAG 2.2, 2.4.11). With both showing, on a 320 × 640 and a 360 × 740 phone, Tab goes
 * through every page, and each element that takes focus is checked against every element fixed or stuck
 * to the screen. The notices take their own place between the header and the page, in the order they
 * are seen and tabbed through.
 */

const OFFLINE_NOTICE = 'Signpost is ready to work offline.';
const INSTALL_OFFER = 'Add Signpost to your home screen';

/** The notices' words in the languages whose longer lines make them taller than in English. */
const WORDS = {
  ar: {
    name: 'Arabic',
    offline: 'Signpost جاهز للعمل بدون اتصال.',
    install: 'أضف Signpost إلى شاشتك الرئيسية',
    ok: 'حسنًا',
    notNow: 'ليس الآن',
  },
  'en-easy': {
    name: 'Easy Read',
    offline: 'Signpost now works without the internet.',
    install: 'Put Signpost on your home screen',
    ok: 'OK',
    notNow: 'Not now',
  },
} as const;

let serviceId: string | undefined;

test.beforeEach(async ({ api }) => {
  serviceId ??= await sampleServiceId(api);
});

/** A page of the app opened from within it, as a link does, so the notices stay where they are. */
async function goInApp(page: Page, path: string): Promise<void> {
  await page.evaluate((to) => {
    history.pushState(null, '', to);
    dispatchEvent(new PopStateEvent('popstate'));
  }, path);
  await expect(page).toHaveURL((url) => url.pathname + url.search === path);
  await settle(page);
}

/**
 * The offer to install, as Chromium makes it to an app that can be installed, a moment after the page is
 * drawn: it waits for the next page (`then`), so nothing on the page the person is reading moves. Made on
 * My list, whose words the offer shares, so an offer drawn at once would show within a frame.
 */
async function offerInstall(page: Page, then: string, title = INSTALL_OFFER): Promise<void> {
  await expect(page).toHaveURL(/\/my-list/);
  const before = await page.evaluate(() => document.querySelector('main')!.getBoundingClientRect().top);
  await page.evaluate(() => {
    const offer = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
      prompt: () => Promise.resolve({ outcome: 'dismissed' as const }),
    });
    window.dispatchEvent(offer);
  });
  // Looked at after a frame of its own, so an offer drawn at once would be on the page by then.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
  await expect(page.getByText(title)).toHaveCount(0);
  expect(await page.evaluate(() => document.querySelector('main')!.getBoundingClientRect().top)).toBe(before);
  await goInApp(page, then);
  await expect(page.getByText(title)).toBeVisible();
}

interface Stop {
  what: string;
  covered: string[];
}

/** Presses Tab from the top of the page until focus has been everywhere once; what covered each stop. */
async function tabThrough(page: Page): Promise<Stop[]> {
  // Blurring leaves Tab's starting point where focus was: focus a mark at the very top instead.
  await page.evaluate(() => {
    const top = Object.assign(document.createElement('span'), { id: 'tab-from-here', tabIndex: -1 });
    document.body.prepend(top);
    top.focus();
    window.scrollTo(0, 0);
  });
  const stops: Stop[] = [];
  const seen = new Set<string>();
  for (let presses = 0; presses < 400; presses++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const focused = document.activeElement as HTMLElement | null;
      if (!focused || focused === document.body) return null;
      const path: string[] = [];
      for (let el: Element | null = focused; el && el !== document.body; el = el.parentElement) {
        path.unshift(`${el.tagName}:${[...(el.parentElement?.children ?? [])].indexOf(el)}`);
      }
      const box = focused.getBoundingClientRect();
      const covered = [...document.querySelectorAll<HTMLElement>('body *')]
        .filter((el) => ['fixed', 'sticky'].includes(getComputedStyle(el).position) && el.checkVisibility())
        .filter((el) => !el.contains(focused) && !focused.contains(el))
        .filter((el) => {
          const over = el.getBoundingClientRect();
          const width = Math.min(box.right, over.right) - Math.max(box.left, over.left);
          const height = Math.min(box.bottom, over.bottom) - Math.max(box.top, over.top);
          return width > 0 && height > 0;
        })
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
      const name = (focused.textContent || focused.getAttribute('aria-label') || focused.id).trim();
      return {
        key: path.join('/'),
        what: `${focused.tagName.toLowerCase()} "${name.slice(0, 40)}"`,
        covered,
      };
    });
    if (!stop) continue;
    if (seen.has(stop.key)) break;
    seen.add(stop.key);
    stops.push({ what: stop.what, covered: stop.covered });
  }
  await page.evaluate(() => document.getElementById('tab-from-here')?.remove());
  return stops;
}

/** Opens a page in the app with the notices still showing, and tabs through it: nothing may cover focus. */
async function expectNothingCovered(page: Page, appPage: AppPage, notices: string[]): Promise<void> {
  await goInApp(page, pathOf(appPage, serviceId as string));
  for (const notice of notices) await expect(page.getByText(notice)).toBeVisible();
  const stops = await tabThrough(page);
  expect.soft(stops.length, appPage.name).toBeGreaterThan(3);
  expect
    .soft(
      stops.filter((stop) => stop.covered.length > 0),
      appPage.name,
    )
    .toEqual([]);
}

/**
 * The app with both notices showing. Staff are signed in first, so the app starts signed in: the offline
 * notice comes once, when the app is first saved on the device.
 */
async function openWithNotices(page: Page): Promise<void> {
  await page.goto('/my-list');
  await settle(page);
  await controlledByServiceWorker(page);
  await expect(page.getByText(OFFLINE_NOTICE)).toBeVisible();
  await offerInstall(page, '/');
}

const GROUPS: Array<StaffRole | undefined> = [undefined, 'field', 'analyst', 'admin'];

for (const [width, height] of [
  [320, 640],
  [360, 740],
] as const) {
  test.describe(`at ${width} × ${height}, with the offline notice and the install offer showing`, () => {
    test.use({ viewport: { width, height } });

    test('shows them between the header and the page, in the order they are tabbed through', async ({
      page,
    }) => {
      await openWithNotices(page);
      const order = await page.evaluate(() => {
        const top = (selector: string) => document.querySelector(selector)!.getBoundingClientRect().top;
        return { header: top('header'), news: top('.app-news .banner'), main: top('main') };
      });
      expect(order.header).toBeLessThan(order.news);
      expect(order.news).toBeLessThan(order.main);
      const stops = (await tabThrough(page)).map((stop) => stop.what);
      const ok = stops.findIndex((what) => what === 'button "OK"');
      const notNow = stops.findIndex((what) => what === 'button "Not now"');
      const language = stops.findIndex((what) => what.includes('Language'));
      const firstInPage = stops.findIndex((what) => what.includes('Search'));
      expect(language).toBeLessThan(ok);
      expect(ok).toBeLessThan(notNow);
      expect(notNow).toBeLessThan(firstInPage);

      // Each notice's own button takes it away and moves focus on to the page below the notices (2.4.3).
      await page.getByRole('button', { name: 'Not now', exact: true }).click();
      await expect(page.getByText(INSTALL_OFFER)).toHaveCount(0);
      await expectFocusOnThePage(page);
      await page.getByRole('button', { name: 'OK', exact: true }).click();
      await expect(page.getByText(OFFLINE_NOTICE)).toHaveCount(0);
      await expectFocusOnThePage(page);
    });

    for (const role of GROUPS) {
      const pages = PAGES.filter((p) => p.staff === role);
      test(`hides nothing that has focus on the ${role ? `${role} staff` : 'public'} pages`, async ({
        page,
        signIn,
      }) => {
        // A guard for a busy machine, by the number of pages: each is tabbed through from top to end.
        test.setTimeout(30_000 + 20_000 * pages.length);
        if (role) await signIn(role);
        await openWithNotices(page);
        for (const appPage of pages) {
          await test.step(appPage.name, () =>
            expectNothingCovered(page, appPage, [OFFLINE_NOTICE, INSTALL_OFFER]),
          );
        }
      });
    }
  });
}

for (const lng of ['ar', 'en-easy'] as const) {
  const words = WORDS[lng];
  test.describe(`in ${words.name} at 320 × 640, with the offline notice and the install offer showing`, () => {
    test.use({ viewport: { width: 320, height: 640 } });

    test('hides nothing that has focus on the public pages, and moves focus on to the page as each goes', async ({
      page,
    }) => {
      const pages = PAGES.filter((p) => !p.staff);
      test.setTimeout(30_000 + 20_000 * pages.length);
      await page.goto(`/my-list?lng=${lng}`);
      await settle(page);
      await controlledByServiceWorker(page);
      await expect(page.getByText(words.offline)).toBeVisible();
      await offerInstall(page, '/', words.install);
      await expect(page.locator('html')).toHaveAttribute('dir', lng === 'ar' ? 'rtl' : 'ltr');
      for (const appPage of pages) {
        await test.step(appPage.name, () =>
          expectNothingCovered(page, appPage, [words.offline, words.install]),
        );
      }

      // Each notice's own button takes it away and moves focus on to the page below the notices (2.4.3).
      await page.getByRole('button', { name: words.notNow, exact: true }).click();
      await expect(page.getByText(words.install)).toHaveCount(0);
      await expectFocusOnThePage(page);
      await page.getByRole('button', { name: words.ok, exact: true }).click();
      await expect(page.getByText(words.offline)).toHaveCount(0);
      await expectFocusOnThePage(page);
    });
  });
}
