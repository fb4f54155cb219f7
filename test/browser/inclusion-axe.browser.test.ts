import { appendFileSync, cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LANGUAGES } from '../../src/domain/languages.ts';
import { findAccessibilityViolations } from '../support/axe.ts';
import { expect, test } from '../support/fixtures.ts';
import { PAGES } from '../support/pages.ts';
import { distDir } from '../support/server.ts';
import {
  comeBackToApp,
  controlledByServiceWorker,
  languageButton,
  pathOf,
  sampleServiceId,
  settle,
  visit,
  visitPage,
  withDisplay,
} from '../support/visit.ts';

/**
 * axe-core with the WCAG 2.2 AA tag set and best practice, on every page and state that exists.
 *
 * Which pages in which languages: every page in English (the source), Arabic (right to left) and Easy
 * Read (its own layout, with pictures); then, in every other language, the app's own pages and one page
 * of each distinct layout. A language changes words, not structure, so what can differ between languages
 * is text length, script and direction: the layouts catch those, and the full passes catch the rest,
 * in well under the time all pages in all languages would take.
 */

let serviceId: string | undefined;

test.beforeEach(async ({ api }) => {
  serviceId ??= await sampleServiceId(api);
});

const FULL_PASS = ['en', 'ar', 'en-easy'];

for (const { code: lng } of LANGUAGES) {
  const pages = PAGES.filter((p) => FULL_PASS.includes(lng) || p.shell || p.layout);
  test(`axe finds nothing in ${lng} on any of its ${pages.length} pages`, async ({ page, signIn }) => {
    // A guard for a busy machine, by the number of pages: each is opened and checked in turn.
    test.setTimeout(20_000 * pages.length);
    for (const appPage of pages) {
      await test.step(appPage.name, async () => {
        await visitPage(page, appPage, { serviceId: serviceId as string, lng, signIn });
        expect.soft(await findAccessibilityViolations(page), appPage.name).toEqual([]);
      });
    }
  });

  test(`axe finds nothing in ${lng} with the language menu open`, async ({ page }) => {
    await visit(page, '/', lng);
    await languageButton(page).click();
    await expect(page.locator('#language-list')).toBeVisible();
    expect(await findAccessibilityViolations(page)).toEqual([]);
  });
}

for (const lng of FULL_PASS) {
  test(`axe finds nothing in the display settings in ${lng}, with the panel open, after a choice`, async ({
    page,
  }) => {
    await visit(page, '/', lng);
    await page.locator('.site-footer__display > button').click();
    await page.locator('#text-size-large').check();
    await expect(page.locator('html')).toHaveCSS('font-size', '20px');
    expect(await findAccessibilityViolations(page)).toEqual([]);
  });
}

for (const [name, colours] of [
  ['dark colours', 'dark'],
  ['high contrast', 'contrast'],
]) {
  test.describe(`axe finds nothing with ${name}`, () => {
    test.beforeEach(async ({ page }) => {
      await withDisplay(page, { colours });
    });

    const pages = PAGES.filter((p) => p.shell || p.layout);
    test(`on each of the ${pages.length} distinct pages`, async ({ page, signIn }) => {
      test.setTimeout(20_000 * pages.length);
      for (const appPage of pages) {
        await test.step(appPage.name, async () => {
          await visitPage(page, appPage, { serviceId: serviceId as string, lng: 'en', signIn });
          await expect(page.locator('html')).toHaveClass(new RegExp(`theme-${colours}`));
          expect.soft(await findAccessibilityViolations(page), appPage.name).toEqual([]);
        });
      }
    });

    test('on the home page in Arabic, with larger text', async ({ page }) => {
      await withDisplay(page, { textSize: 'larger', colours });
      await visit(page, '/', 'ar');
      expect(await findAccessibilityViolations(page)).toEqual([]);
    });
  });
}

test.describe('axe finds nothing with the update prompt showing', () => {
  for (const lng of FULL_PASS) {
    test(`in ${lng}`, async ({ page, ownServer }) => {
      // A copy of the built app, so a "new version" can be deployed by changing two files in place.
      const copy = mkdtempSync(join(tmpdir(), 'signpost-next-'));
      try {
        cpSync(join(distDir, 'client'), copy, { recursive: true });
        const server = await ownServer({ env: { STATIC_DIR: copy } });
        await page.goto(`${server.url}/?lng=${lng}`);
        await settle(page);
        await controlledByServiceWorker(page);
        for (const file of ['sw.js', 'version.json']) {
          rmSync(join(copy, `${file}.br`), { force: true });
          rmSync(join(copy, `${file}.gz`), { force: true });
        }
        appendFileSync(join(copy, 'sw.js'), `\n// next release for ${lng}\n`);
        writeFileSync(join(copy, 'version.json'), JSON.stringify({ version: `next-${lng}` }));
        await comeBackToApp(page);
        await expect(page.locator('.banner--update')).toBeVisible({ timeout: 30_000 });
        expect(await findAccessibilityViolations(page)).toEqual([]);
      } finally {
        rmSync(copy, { recursive: true, force: true });
      }
    });
  }
});

test.describe('axe finds nothing offline', () => {
  // Staff pages check the signed-in session with the server, so they are left to the online passes.
  const pages = PAGES.filter((p) => p.layout && !p.staff);
  for (const lng of ['en', 'ar']) {
    test(`on every distinct layout in ${lng}, with no connection`, async ({ page, context }) => {
      await visit(page, '/', lng);
      await controlledByServiceWorker(page);
      await context.setOffline(true);
      for (const appPage of pages) {
        await test.step(appPage.name, async () => {
          await visit(page, pathOf(appPage, serviceId as string), lng);
          expect.soft(await findAccessibilityViolations(page), appPage.name).toEqual([]);
        });
      }
    });
  }
});

test('the accessibility check reports a real problem when there is one, so a clean result means something', async ({
  page,
}) => {
  await visit(page, '/', 'en');
  await page.evaluate(() => document.querySelector('main')?.append(document.createElement('input')));
  const violations = await findAccessibilityViolations(page);
  expect(violations.map((v) => v.id)).toContain('label');
});
