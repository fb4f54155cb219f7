import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './chromium.ts';

export interface BrowserSession {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Messages the page logged as errors, including Content Security Policy refusals. */
  errors: string[];
}

/** A fresh browser profile, as a first-time visitor has, with the page's console errors collected. */
export async function openBrowser(
  options: { locale?: string; viewport?: { width: number; height: number } } = {},
) {
  const browser = await launchChromium();
  const context = await browser.newContext({
    locale: options.locale ?? 'en-GB',
    viewport: options.viewport ?? { width: 390, height: 844 },
    serviceWorkers: 'allow',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return { browser, context, page, errors } satisfies BrowserSession;
}

/** Waits until a service worker controls the page, so what follows can rely on it offline. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
      );
    }
  });
}
