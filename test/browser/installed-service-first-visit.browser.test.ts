import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures.ts';
import { emulateStandalone } from '../support/installed.ts';
import {
  controlledByServiceWorker,
  firstDrawing,
  inLanguage,
  sampleServiceId,
  watchFirstDrawing,
} from '../support/visit.ts';

/**
 * A service's page opened first on a phone that has never had Signpost (a link in a text message), from
 * the home screen at 320 px: the service is drawn from the server's answer for it alone, without waiting
 * for the whole directory, which still arrives once and is kept, so the same page opens offline later.
 */

test.use({ viewport: { width: 320, height: 640 } });

const words = (lng: string) =>
  JSON.parse(readFileSync(new URL(`../../locales/${lng}/directory.json`, import.meta.url), 'utf8')) as {
    service: { report: string };
  };

/** How many services the device's copy of the directory holds, and whether it is complete (its meta). */
function storedDirectory(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open('signpost-directory');
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('meta')) return resolve(0);
          const read = db.transaction('meta').objectStore('meta').get('directory');
          read.onsuccess = () => resolve((read.result as { count?: number } | undefined)?.count ?? 0);
          read.onerror = () => resolve(0);
        };
        open.onerror = () => resolve(0);
      }),
  );
}

for (const lng of ['en', 'ar']) {
  test(`opened first on a new phone, draws its service before the directory arrives, then works offline (${lng})`, async ({
    page,
    context,
    api,
  }) => {
    const id = await sampleServiceId(api);
    const { body: service } = await api.get<{ name: string }>(`/api/v1/directory/services/${id}`);
    const name = service!.name;
    await emulateStandalone(context);
    const asked = { directory: 0, service: 0 };
    context.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path === '/api/v1/directory') asked.directory += 1;
      if (path.startsWith('/api/v1/directory/services/')) asked.service += 1;
    });
    // The whole directory is held back until the service has been drawn.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await context.route(
      (url) => url.pathname === '/api/v1/directory',
      async (route) => {
        await released;
        await route.continue();
      },
    );

    await watchFirstDrawing(page);
    await page.goto(inLanguage(`/services/${encodeURIComponent(id)}`, lng === 'en' ? undefined : lng));
    await expect(page.locator('h1')).toHaveText(name);
    // Drawn whole the first time, with its service: never a "Loading" line first.
    expect(await firstDrawing(page)).toEqual({ loading: false, firstHeading: name });
    await expect(page.locator('html')).toHaveAttribute('dir', lng === 'ar' ? 'rtl' : 'ltr');
    // All of it, not only its first part: the report link comes in the part drawn after first paint.
    await expect(page.getByRole('link', { name: words(lng).service.report })).toBeVisible();
    await expect(page.getByRole('link', { name: /Directions|الاتجاهات/ }).first()).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(await storedDirectory(page), 'nothing of the directory is on the phone yet').toBe(0);
    expect(asked).toEqual({ directory: 1, service: 1 });
    // The page's HTML named its code and its service, so both were on their way before the app's first
    // script had run, rather than asked for by that script a round trip later.
    const named = await page.evaluate(() => ({
      code: document.head.querySelector('link[rel="modulepreload"][href^="/assets/service-page-"]') !== null,
      service: performance
        .getEntriesByType('resource')
        .filter(({ name }) => name.includes('/api/v1/directory/services/'))
        .map((entry) => (entry as PerformanceResourceTiming).initiatorType),
    }));
    expect(named).toEqual({ code: true, service: ['link'] });

    release();
    await expect.poll(() => storedDirectory(page), { timeout: 30_000 }).toBeGreaterThan(100);
    // Downloaded once, and the service page was not drawn again from scratch.
    expect(asked.directory).toBe(1);
    await expect(page.locator('h1')).toHaveText(name);

    await controlledByServiceWorker(page);
    await context.setOffline(true);
    await page.reload();
    await expect(page.locator('h1')).toHaveText(name);
    await expect(page.getByRole('link', { name: words(lng).service.report })).toBeVisible();
    // From the device's copy: the server was not asked for the service again.
    expect(asked.service).toBe(1);
  });
}
