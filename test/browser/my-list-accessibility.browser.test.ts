import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAccessibilityViolations } from '../support/axe.ts';
import { openBrowser } from '../support/browser.ts';
import { startServer, type RunningServer } from '../support/server.ts';

let server: RunningServer;
let browser: Browser;
let ids: string[];

beforeAll(async () => {
  server = await startServer();
  const body = (await (await fetch(`${server.url}/api/v1/directory`)).json()) as {
    services: Array<{ id: string }>;
  };
  ids = body.services.slice(0, 3).map((s) => s.id);
  ({ browser } = await openBrowser());
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

/** A fresh profile in this language (a link's `lng` is remembered for the pages that follow). */
async function profileIn(lng: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/my-list?lng=${lng}`);
  await settled(page);
  return page;
}

async function settled(page: Page): Promise<void> {
  await page.locator('h1').waitFor();
  await page.waitForFunction(() => !document.querySelector('.loading'));
}

async function saveSome(page: Page): Promise<void> {
  await page.goto(`${server.url}/my-list/shared?ids=${ids.join(',')}`);
  await page.locator('.shared-list__save-all').click();
  await page.locator('.notice').waitFor();
  await page.goto(`${server.url}/my-list`);
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
  expect(await page.evaluate(() => document.documentElement.lang)).toBe(lng === 'en' ? 'en-GB' : lng);
  expect(await findAccessibilityViolations(page)).toEqual([]);
  expect(await smallTargets(page)).toEqual([]);
  await page.setViewportSize({ width: 320, height: 640 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
}

// English, and Arabic for right to left: the languages this part of the service is written in.
describe.each([['en'], ['ar']])('in %s', (lng) => {
  it('axe finds nothing on an empty list, and it reflows at 320px', async () => {
    const page = await profileIn(lng);
    await checkPage(page, lng);
  });

  it('axe finds nothing on a list with services, and it reflows at 320px', async () => {
    const page = await profileIn(lng);
    await saveSome(page);
    await checkPage(page, lng);
  });

  it('axe finds nothing on a list shared with you, and it reflows at 320px', async () => {
    const page = await profileIn(lng);
    await page.goto(`${server.url}/my-list/shared?ids=${ids.join(',')}`);
    await settled(page);
    await page.locator('.saved-list').waitFor();
    await checkPage(page, lng);
  });

  it('axe finds nothing while clearing the list is being confirmed, or after a service is saved', async () => {
    const page = await profileIn(lng);
    await saveSome(page);
    await page.locator('.clear-list .button').click();
    await page.locator('.clear-list--confirming').waitFor();
    expect(await findAccessibilityViolations(page)).toEqual([]);
    await page.locator('.button--warning').click();
    await page.locator('.notice').waitFor();

    await page.goto(`${server.url}/my-list/shared?ids=${ids.join(',')},${'0'.repeat(8)}`);
    await page.locator('.saved-list').waitFor();
    await page.locator('.save-button__toggle').first().click();
    await page.locator('.save-button__status a').waitFor();
    await page.locator('.missing-services').waitFor();
    expect(await findAccessibilityViolations(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);
  });
});
