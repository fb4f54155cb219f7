import type { Page } from '@playwright/test';
import { findAccessibilityViolations } from '../support/axe.ts';
import { expect, test } from '../support/fixtures.ts';

/** The first three services of the worker's directory, read once per worker. */
let ids: string[] = [];

test.beforeEach(async ({ api }) => {
  if (ids.length) return;
  const body = (await api.get<{ services: Array<{ id: string }> }>('/api/v1/directory')).body;
  ids = (body?.services ?? []).slice(0, 3).map((s) => s.id);
});

/** Opens My list in this language (a link's `lng` is remembered for the pages that follow). */
async function openIn(page: Page, lng: string): Promise<void> {
  await page.goto(`/my-list?lng=${lng}`);
  await settled(page);
}

async function settled(page: Page): Promise<void> {
  await expect(page.locator('h1')).toHaveText(/\S/);
  await expect(page.locator('.loading')).toHaveCount(0);
}

async function saveSome(page: Page): Promise<void> {
  await page.goto(`/my-list/shared?ids=${ids.join(',')}`);
  await page.locator('.shared-list__save-all').click();
  await page.locator('.notice').waitFor();
  await page.goto(`/my-list`);
  await settled(page);
  await page.locator('.saved-list').waitFor();
}

/** Buttons and links in the page's content narrower or shorter than 44 CSS pixels. */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('main a, main button')]
      .filter((element) => element.checkVisibility())
      .filter((element) => {
        const box = element.getBoundingClientRect();
        return box.height < 44 || box.width < 44;
      })
      .map((element) => element.outerHTML.slice(0, 120)),
  );
}

async function checkPage(page: Page, lng: string): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('lang', lng === 'en' ? 'en-GB' : lng);
  expect(await findAccessibilityViolations(page)).toEqual([]);
  expect(await smallTargets(page)).toEqual([]);
  await page.setViewportSize({ width: 320, height: 640 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
}

// English, and Arabic for right to left: the languages this part of the service is written in.
for (const lng of ['en', 'ar']) {
  test.describe(`in ${lng}`, () => {
    test('axe finds nothing on an empty list, and it reflows at 320px', async ({ page }) => {
      await openIn(page, lng);
      await checkPage(page, lng);
    });

    test('axe finds nothing on a list with services, and it reflows at 320px', async ({ page }) => {
      await openIn(page, lng);
      await saveSome(page);
      await checkPage(page, lng);
    });

    test('axe finds nothing on a list shared with you, and it reflows at 320px', async ({ page }) => {
      await openIn(page, lng);
      await page.goto(`/my-list/shared?ids=${ids.join(',')}`);
      await settled(page);
      await page.locator('.saved-list').waitFor();
      await checkPage(page, lng);
    });

    test('axe finds nothing while clearing the list is being confirmed, or after a service is saved', async ({
      page,
    }) => {
      await openIn(page, lng);
      await saveSome(page);
      await page.locator('.clear-list .button').click();
      await page.locator('.clear-list--confirming').waitFor();
      expect(await findAccessibilityViolations(page)).toEqual([]);
      await page.locator('.button--warning').click();
      await page.locator('.notice').waitFor();

      await page.goto(`/my-list/shared?ids=${ids.join(',')},${'0'.repeat(8)}`);
      await page.locator('.saved-list').waitFor();
      await page.locator('.save-button__toggle').first().click();
      await page.locator('.save-button__status a').waitFor();
      await page.locator('.missing-services').waitFor();
      expect(await findAccessibilityViolations(page)).toEqual([]);
      expect(await smallTargets(page)).toEqual([]);
    });
  });
}
