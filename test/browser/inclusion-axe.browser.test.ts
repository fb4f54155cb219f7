import { appendFileSync, cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/domain/languages.ts';
import { findAccessibilityViolations } from '../support/axe.ts';
import { openBrowser, waitForServiceWorker, type BrowserSession } from '../support/browser.ts';
import { PAGES } from '../support/pages.ts';
import { distDir, startServer, type RunningServer } from '../support/server.ts';
import {
  pathOf,
  sampleServiceId,
  settle,
  startServerWithStaff,
  visit,
  visitPage,
} from './inclusion-helpers.ts';

/**
 * axe-core with the WCAG 2.2 AA tag set and best practice, on every page and state that exists.
 *
 * Which pages in which languages: every page in English (the source), Arabic (right to left) and Easy
 * Read (its own layout, with pictures); then, in every other language, the app's own pages and one page
 * of each distinct layout. A language changes words, not structure, so what can differ between languages
 * is text length, script and direction: the layouts catch those, and the full passes catch the rest,
 * in well under the time all pages in all languages would take.
 */

let server: RunningServer;
let session: BrowserSession;
let serviceId: string;

beforeAll(async () => {
  server = await startServerWithStaff();
  session = await openBrowser();
  serviceId = await sampleServiceId(server);
});

afterAll(async () => {
  await session?.browser.close();
  await server?.dispose();
});

const FULL_PASS = ['en', 'ar', 'en-easy'];
const plan = LANGUAGES.map((language) => ({
  lng: language.code,
  pages: PAGES.filter((p) => FULL_PASS.includes(language.code) || p.shell || p.layout),
}));

describe.each(plan.map((entry) => [entry.lng, entry.pages] as const))(
  'axe finds nothing in %s',
  (lng, pages) => {
    it.each(pages.map((p) => [p.name, p] as const))('on the %s page', async (_name, appPage) => {
      const { page } = session;
      await visit(page, server, pathOf(appPage, serviceId), lng);
      expect(await findAccessibilityViolations(page)).toEqual([]);
    });

    it('with the language menu open', async () => {
      const { page } = session;
      await visit(page, server, '/', lng);
      await page.locator('.language-switch__toggle').click();
      await page.locator('#language-list').waitFor();
      expect(await findAccessibilityViolations(page)).toEqual([]);
    });
  },
);

describe.each([['en'], ['ar'], ['en-easy']])('axe finds nothing in the display settings in %s', (lng) => {
  it('with the panel open, after a choice', async () => {
    const { page } = session;
    await visit(page, server, '/', lng);
    await page.locator('.site-footer__display > button').click();
    await page.locator('#display-settings fieldset').first().waitFor();
    await page.locator('#text-size-large').check();
    expect(await findAccessibilityViolations(page)).toEqual([]);
    await page.locator('#text-size-standard').check();
  });
});

describe.each([
  ['dark colours', 'dark'],
  ['high contrast', 'contrast'],
])('axe finds nothing with %s', (_name, colours) => {
  const pages = PAGES.filter((p) => p.shell || p.layout);
  it.each(pages.map((p) => [p.name, p] as const))('on the %s page', async (_pageName, appPage) => {
    const { page } = session;
    await page.goto(server.url + '/');
    await page.evaluate((chosen) => {
      localStorage.setItem('signpost.display', JSON.stringify({ textSize: 'standard', colours: chosen }));
    }, colours);
    await visitPage(page, server, appPage, serviceId, 'en');
    expect(await page.evaluate(() => document.documentElement.className)).toContain(`theme-${colours}`);
    expect(await findAccessibilityViolations(page)).toEqual([]);
    await page.evaluate(() => localStorage.removeItem('signpost.display'));
  });

  it('on the home page in Arabic', async () => {
    const { page } = session;
    await page.goto(server.url + '/');
    await page.evaluate((chosen) => {
      localStorage.setItem('signpost.display', JSON.stringify({ textSize: 'larger', colours: chosen }));
    }, colours);
    await visit(page, server, '/', 'ar');
    expect(await findAccessibilityViolations(page)).toEqual([]);
    await page.evaluate(() => localStorage.removeItem('signpost.display'));
  });
});

describe('axe finds nothing with the update prompt showing', () => {
  let copy: string;
  let updating: RunningServer;
  let browser: BrowserSession;

  beforeAll(async () => {
    // A copy of the built app, so a "new version" can be deployed by changing two files in place.
    copy = mkdtempSync(join(tmpdir(), 'signpost-inclusion-'));
    cpSync(join(distDir, 'client'), copy, { recursive: true });
    updating = await startServer({ env: { STATIC_DIR: copy } });
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.browser.close();
    await updating?.dispose();
    rmSync(copy, { recursive: true, force: true });
  });

  it.each([['en'], ['ar'], ['en-easy']])('in %s', async (lng) => {
    const { page } = browser;
    await visit(page, updating, '/', lng);
    await waitForServiceWorker(page);
    for (const file of ['sw.js', 'version.json']) {
      rmSync(join(copy, `${file}.br`), { force: true });
      rmSync(join(copy, `${file}.gz`), { force: true });
    }
    appendFileSync(join(copy, 'sw.js'), `\n// next release for ${lng}\n`);
    writeFileSync(join(copy, 'version.json'), JSON.stringify({ version: `next-${lng}` }));
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await page.locator('.banner--update').waitFor({ timeout: 30_000 });
    expect(await findAccessibilityViolations(page)).toEqual([]);
    // "Reload now" reloads into the new version: wait for that, so the next visit does not race it.
    await Promise.all([
      page.waitForEvent('framenavigated'),
      page.locator('.banner--update .button').first().click(),
    ]);
    await settle(page);
    await page.waitForFunction(async () => !(await navigator.serviceWorker.getRegistration())?.waiting);
  });
});

describe('axe finds nothing offline', () => {
  // Staff pages check the signed-in session with the server, so they are left to the online passes.
  const pages = PAGES.filter((p) => p.layout && !p.staff);
  it.each([['en'], ['ar']])('on every distinct layout in %s, with no connection', async (lng) => {
    const { page, context } = session;
    await visit(page, server, '/', lng);
    await waitForServiceWorker(page);
    await context.setOffline(true);
    try {
      for (const appPage of pages) {
        await visit(page, server, pathOf(appPage, serviceId), lng);
        expect(await findAccessibilityViolations(page), appPage.name).toEqual([]);
      }
    } finally {
      await context.setOffline(false);
    }
  });
});

describe('the accessibility check itself', () => {
  it('reports a real problem when there is one, so a clean result means something', async () => {
    const { page } = session;
    await visit(page, server, '/', 'en');
    await page.evaluate(() => document.querySelector('main')?.append(document.createElement('input')));
    const violations = await findAccessibilityViolations(page);
    expect(violations.map((v) => v.id)).toContain('label');
  });
});
