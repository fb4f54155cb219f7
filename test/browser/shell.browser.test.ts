import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type BrowserSession } from '../support/browser.ts';
import { startServer, type RunningServer } from '../support/server.ts';

let server: RunningServer;
let session: BrowserSession;

beforeAll(async () => {
  server = await startServer();
  session = await openBrowser();
});

afterAll(async () => {
  await session?.browser.close();
  await server?.dispose();
});

describe('the app shell', () => {
  it('opens on the home page with the four themes as links', async () => {
    const { page } = session;
    await page.goto(server.url + '/');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Find support in Essex');
    const themes = page.locator('.theme-grid .theme-card');
    expect(await themes.allTextContents()).toEqual([
      expect.stringContaining('Staying well'),
      expect.stringContaining('Support for carers'),
      expect.stringContaining('Housing'),
      expect.stringContaining('Work, learning and things to do'),
    ]);
    expect(await themes.first().getAttribute('href')).toBe('/search?theme=staying-well');
    await expect.poll(() => page.title()).toBe('Find support in Essex – Signpost');
  });

  it('moves focus to the new page heading after a navigation, without reloading the page', async () => {
    const { page } = session;
    await page.goto(server.url + '/');
    await page.locator('h1').waitFor();
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    await page.getByRole('link', { name: 'Accessibility statement' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect(await page.locator('h1').textContent()).toBe('Accessibility statement for Signpost');
    expect(new URL(page.url()).pathname).toBe('/accessibility');
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
    await page.goBack();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Find support in Essex');
  });

  it('shows a page-not-found page for an unknown address', async () => {
    const { page } = session;
    await page.goto(server.url + '/no-such-page');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Page not found');
    await page.getByRole('link', { name: 'Go to the Signpost home page' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Find support in Essex');
  });

  it('switches to Arabic, right to left, and remembers the choice on this device', async () => {
    const { page } = session;
    await page.goto(server.url + '/');
    await page.getByRole('button', { name: /Language/ }).click();
    await page.getByRole('link', { name: 'العربية' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('ابحث عن دعم في إسكس');
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
      'ar',
      'rtl',
    ]);
    await page.reload();
    await expect.poll(() => page.locator('h1').textContent()).toBe('ابحث عن دعم في إسكس');
    // The layout mirrors: the header's language button sits on the left in right-to-left.
    const box = await page.locator('.language-switch__toggle').boundingBox();
    expect(box && box.x < 390 / 2).toBe(true);
  });

  it('opens in the language a link asks for with ?lng=, then forgets the parameter but not the choice', async () => {
    const fresh = await openBrowser();
    try {
      await fresh.page.goto(server.url + '/privacy?lng=ar');
      await expect.poll(() => fresh.page.locator('h1').textContent()).toBe('إشعار الخصوصية');
      expect(new URL(fresh.page.url()).search).toBe('');
      await fresh.page.goto(server.url + '/?lng=en');
      await expect.poll(() => fresh.page.locator('h1').textContent()).toBe('Find support in Essex');
    } finally {
      await fresh.browser.close();
    }
  });

  it('guesses the language from the browser when no choice has been made', async () => {
    const arabicBrowser = await openBrowser({ locale: 'ar-EG' });
    try {
      await arabicBrowser.page.goto(server.url + '/');
      await expect.poll(() => arabicBrowser.page.locator('h1').textContent()).toBe('ابحث عن دعم في إسكس');
    } finally {
      await arabicBrowser.browser.close();
    }
  });

  it('runs under the strict Content Security Policy with no errors in the console', async () => {
    const fresh = await openBrowser();
    try {
      const response = await fresh.page.goto(server.url + '/');
      expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
      await fresh.page.locator('h1').waitFor();
      await fresh.page.getByRole('link', { name: 'Privacy notice' }).click();
      await expect.poll(() => fresh.page.locator('h1').textContent()).toBe('Privacy notice');
      expect(fresh.errors).toEqual([]);
    } finally {
      await fresh.browser.close();
    }
  });

  it('fits a 320 px wide screen without scrolling sideways', async () => {
    const narrow = await openBrowser({ viewport: { width: 320, height: 640 } });
    try {
      for (const path of ['/', '/accessibility', '/privacy']) {
        await narrow.page.goto(server.url + path);
        await narrow.page.locator('h1').waitFor();
        const overflow = await narrow.page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, path).toBe(0);
      }
    } finally {
      await narrow.browser.close();
    }
  });
});
