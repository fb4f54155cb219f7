import type { BrowserContext, Page } from 'playwright-core';

/**
 * Shared steps of the installed-app browser suites: the app as it runs from the home screen, where
 * there is no browser Back button and every way back must be in the page.
 */

/**
 * Makes the page believe it was opened from the home screen. Headless Chromium cannot open a real app
 * window, and DevTools cannot emulate `display-mode`, so the media query the app reads is answered here.
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

/** Sets the guided-help answers for this tab, as a person who went through the questions has them. */
export async function setGuidedAnswers(page: Page, answers: unknown): Promise<void> {
  await page.evaluate((state) => sessionStorage.setItem('signpost.guided', JSON.stringify(state)), {
    answers,
  });
}

/** Until the directory is saved on the device and a page that reads it has its results. */
export async function waitForDirectory(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('.loading, [aria-busy="true"]'), undefined, {
    timeout: 60_000,
  });
}
