import { expect, type BrowserContext, type Page } from '@playwright/test';

/**
 * The app as it runs from the home screen, where there is no browser Back button and every way back must
 * be in the page.
 */

/**
 * Makes the app's script believe it was opened from the home screen. DevTools cannot emulate
 * `display-mode` for script, so the media query the app reads is answered here.
 */
export async function emulateStandalone(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const real = window.matchMedia.bind(window);
    window.matchMedia = (query: string) => {
      if (/display-mode:\s*standalone/.test(query)) return real('all');
      if (/display-mode:\s*browser/.test(query)) return real('not all');
      return real(query);
    };
  });
}

/** Makes the page's style sheets see `display-mode: standalone`, as on a phone's home screen. */
export async function standaloneStyles(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setEmulatedMedia', { features: [{ name: 'display-mode', value: 'standalone' }] });
}

/** Sets the guided-help answers for this tab, as a person who went through the questions has them. */
export async function setGuidedAnswers(page: Page, answers: unknown): Promise<void> {
  await page.evaluate((state) => sessionStorage.setItem('signpost.guided', JSON.stringify(state)), {
    answers,
  });
}

/**
 * Where focus belongs once a notice's own button ("OK", "Not now") has taken the notice away: on the
 * page that follows the notices (the skip link's target), so the next Tab goes on into the page rather
 * than starting again at the top of the document (WCAG 2.4.3).
 */
export async function expectFocusOnThePage(page: Page): Promise<void> {
  await expect(page.locator('main#main')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.closest('main#main') !== null))
    .toBe(true);
}
