import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/domain/languages.ts';
import { findAccessibilityViolations } from '../support/axe.ts';
import { openBrowser, type BrowserSession } from '../support/browser.ts';
import { PAGES } from '../support/pages.ts';
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

describe.each(LANGUAGES.map((l) => [l.code]))('axe finds nothing in %s', (lng) => {
  it.each(PAGES.map((p) => [p.name, p.path]))('on the %s page', async (_name, path) => {
    const { page } = session;
    await page.goto(`${server.url}${path}?lng=${lng}`);
    await page.locator('h1').waitFor();
    await page.waitForFunction(() => !document.querySelector('.loading'));
    expect(await findAccessibilityViolations(page)).toEqual([]);
  });

  it('with the language menu open', async () => {
    const { page } = session;
    await page.goto(`${server.url}/?lng=${lng}`);
    await page.locator('.language-switch__toggle').click();
    await page.locator('#language-list').waitFor();
    expect(await findAccessibilityViolations(page)).toEqual([]);
  });
});

describe('the accessibility check itself', () => {
  it('reports a real problem when there is one, so a clean result means something', async () => {
    const { page } = session;
    await page.goto(`${server.url}/`);
    await page.locator('h1').waitFor();
    await page.evaluate(() => document.querySelector('main')?.append(document.createElement('input')));
    const violations = await findAccessibilityViolations(page);
    expect(violations.map((v) => v.id)).toContain('label');
  });
});
