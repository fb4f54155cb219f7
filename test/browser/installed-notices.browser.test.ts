import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures.ts';
import { emulateStandalone, expectFocusOnThePage } from '../support/installed.ts';
import { PAGES } from '../support/pages.ts';
import { controlledByServiceWorker, pathOf, sampleServiceId, settle } from '../support/visit.ts';

/**
 * The app opened from the home screen of a 320 × 640 phone, in English and in Arabic: the notice that it
 * is ready to work offline takes its own place between the header and the page, and hides nothing that
 * has focus on any page a person reaches. The app makes no offer to install itself when it is installed.
 */

const WORDS = {
  en: { offline: 'Signpost is ready to work offline.', ok: 'OK' },
  ar: { offline: 'Signpost جاهز للعمل بدون اتصال.', ok: 'حسنًا' },
} as const;

test.use({ viewport: { width: 320, height: 640 } });

/** A page of the app opened from within it, as a link does, so the notice stays where it is. */
async function goInApp(page: Page, path: string): Promise<void> {
  await page.evaluate((to) => {
    history.pushState(null, '', to);
    dispatchEvent(new PopStateEvent('popstate'));
  }, path);
  await page.waitForFunction((to) => location.pathname + location.search === to, path);
  await settle(page);
}

/** Presses Tab from the top until focus has been everywhere once; what fixed or sticky thing covered each stop. */
async function tabThrough(page: Page): Promise<{ stops: number; covered: string[] }> {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
    (window as unknown as { tabbed: WeakSet<Element> }).tabbed = new WeakSet();
  });
  let stops = 0;
  const covered: string[] = [];
  for (let presses = 0; presses < 400; presses++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const focused = document.activeElement as HTMLElement | null;
      if (!focused || focused === document.body) return null;
      const tabbed = (window as unknown as { tabbed: WeakSet<Element> }).tabbed;
      if (tabbed.has(focused)) return 'again';
      tabbed.add(focused);
      const box = focused.getBoundingClientRect();
      const name = `${focused.tagName.toLowerCase()} "${(focused.textContent ?? '').trim().slice(0, 40)}"`;
      return [...document.querySelectorAll<HTMLElement>('body *')]
        .filter((el) => ['fixed', 'sticky'].includes(getComputedStyle(el).position) && el.checkVisibility())
        .filter((el) => !el.contains(focused) && !focused.contains(el))
        .filter((el) => {
          const over = el.getBoundingClientRect();
          const width = Math.min(box.right, over.right) - Math.max(box.left, over.left);
          const height = Math.min(box.bottom, over.bottom) - Math.max(box.top, over.top);
          return width > 0 && height > 0;
        })
        .map((el) => `${el.tagName.toLowerCase()}.${el.className} covers ${name}`);
    });
    if (stop === null) continue;
    if (stop === 'again') break;
    stops += 1;
    covered.push(...stop);
  }
  return { stops, covered };
}

for (const lng of ['en', 'ar'] as const) {
  test.describe(`opened from the home screen, in ${lng === 'en' ? 'English' : 'Arabic'}, at 320 × 640`, () => {
    test.beforeEach(async ({ context }) => emulateStandalone(context));

    test('the offline notice sits between the header and the page and hides nothing that has focus', async ({
      page,
      api,
    }) => {
      test.slow();
      const serviceId = await sampleServiceId(api);
      await page.goto(`/?lng=${lng}`);
      await settle(page);
      await controlledByServiceWorker(page);
      const notice = page.getByText(WORDS[lng].offline);
      await expect(notice).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('dir', lng === 'ar' ? 'rtl' : 'ltr');

      // Chromium's offer to install comes to a page that can be installed; the installed app has no use for it.
      await page.evaluate(() => {
        const offer = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
          prompt: () => Promise.resolve({ outcome: 'dismissed' as const }),
        });
        dispatchEvent(offer);
      });
      const top = (selector: string) =>
        page.evaluate((s) => document.querySelector(s)!.getBoundingClientRect().top, selector);
      expect(await top('header')).toBeLessThan(await top('.app-news .banner'));
      expect(await top('.app-news .banner')).toBeLessThan(await top('main'));

      for (const appPage of PAGES.filter((p) => !p.staff)) {
        await goInApp(page, pathOf(appPage, serviceId));
        await expect(notice, appPage.name).toBeVisible();
        const { stops, covered } = await tabThrough(page);
        expect(stops, appPage.name).toBeGreaterThan(3);
        expect(covered, appPage.name).toEqual([]);
      }
      // Pages later, the offer to install never came: the notice is the only one.
      await expect(page.locator('.app-news .banner')).toHaveCount(1);

      // OK takes the notice away and moves focus on to the page it stood above (WCAG 2.4.3).
      await page.getByRole('button', { name: WORDS[lng].ok, exact: true }).click();
      await expect(notice).toHaveCount(0);
      await expectFocusOnThePage(page);
    });
  });
}
