import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures.ts';
import { emulateStandalone, expectFocusOnThePage, standaloneStyles } from '../support/installed.ts';
import { buildNextVersion } from '../support/next-build.ts';
import { comeBackToApp, controlledByServiceWorker, servedVersion, settle } from '../support/visit.ts';

/**
 * The offer of a new version in the app opened from the home screen of a 320 × 640 phone, where there is
 * no browser Reload button: the prompt is the only way to the new version. It takes its own place
 * between the header and the page, "Not now" moves focus on to the page, and "Reload now" brings the new
 * version in the same language.
 */

const WORDS = {
  en: {
    name: 'English',
    ready: 'A new version of Signpost is ready.',
    reload: 'Reload now',
    notNow: 'Not now',
  },
  ar: {
    name: 'Arabic',
    ready: 'إصدار جديد من Signpost جاهز.',
    reload: 'أعد التحميل الآن',
    notNow: 'ليس الآن',
  },
} as const;

test.use({ viewport: { width: 320, height: 640 } });
// One after the other: both deploy the same next build, which the first to need it makes.
test.describe.configure({ mode: 'default' });

/** Where the header, the prompt and the page are, top to bottom, and whether the prompt is in the flow. */
function placeOf(page: Page, ready: string) {
  return page.evaluate((text) => {
    const banner = [...document.querySelectorAll<HTMLElement>('.app-news .banner')].find((el) =>
      el.textContent?.includes(text),
    )!;
    const box = (el: Element) => el.getBoundingClientRect();
    return {
      headerBottom: box(document.querySelector('header')!).bottom,
      top: box(banner).top,
      bottom: box(banner).bottom,
      mainTop: box(document.querySelector('main')!).top,
      position: getComputedStyle(banner).position,
    };
  }, ready);
}

for (const lng of ['en', 'ar'] as const) {
  const words = WORDS[lng];
  test(`opened from the home screen in ${words.name}, offers a new version in the page and reloads only when asked`, async ({
    page,
    context,
    ownServer,
  }) => {
    // Building the next version takes a minute or more on a busy machine.
    test.slow();
    const nextBuild = buildNextVersion('next-release');
    await emulateStandalone(context);
    const server = await ownServer();
    await standaloneStyles(page);
    await page.goto(`${server.url}/?lng=${lng}`);
    await settle(page);
    await controlledByServiceWorker(page);
    expect(await page.evaluate(() => matchMedia('(display-mode: standalone)').matches)).toBe(true);
    expect(await servedVersion(page)).not.toBe('next-release');

    await server.restart({ STATIC_DIR: nextBuild });
    await comeBackToApp(page);
    const prompt = page.getByText(words.ready);
    await expect(prompt).toBeVisible({ timeout: 30_000 });

    // In the flow between the header and the page, so it can never cover what has focus.
    const place = await placeOf(page, words.ready);
    expect(['static', 'relative']).toContain(place.position);
    expect(place.top).toBeGreaterThanOrEqual(place.headerBottom);
    expect(place.bottom).toBeLessThanOrEqual(place.mainTop);

    await page.getByRole('button', { name: words.notNow, exact: true }).click();
    await expect(prompt).toBeHidden();
    await expectFocusOnThePage(page);

    await comeBackToApp(page);
    await expect(prompt).toBeVisible({ timeout: 30_000 });
    await Promise.all([
      page.waitForEvent('framenavigated'),
      page.getByRole('button', { name: words.reload, exact: true }).click(),
    ]);
    await settle(page);
    expect(await servedVersion(page)).toBe('next-release');
    await expect(prompt).toHaveCount(0);
    await expect(page.locator('html')).toHaveAttribute('dir', lng === 'ar' ? 'rtl' : 'ltr');
  });
}
