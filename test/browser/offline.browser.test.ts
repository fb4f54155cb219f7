import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures.ts';
import { buildNextVersion } from '../support/next-build.ts';
import {
  comeBackToApp,
  controlledByServiceWorker,
  layoutShifts,
  servedVersion,
  watchLayoutShifts,
} from '../support/visit.ts';

const scriptsOf = (page: Page) =>
  page.locator('script[src]').evaluateAll((scripts) => scripts.map((s) => s.getAttribute('src')));

test.describe('offline, through the service worker', () => {
  test('says it is ready to work offline after the first visit', async ({ page }) => {
    await page.goto('/');
    await controlledByServiceWorker(page);
    await expect(page.getByText('Signpost is ready to work offline.')).toBeVisible();
  });

  test('keeps the offline notice in its place from the first paint, so the page below never moves', async ({
    page,
  }) => {
    // The page as a whole moves down if the notice pushes in above it after the first paint.
    await watchLayoutShifts(page);
    await page.goto('/search?q=carers');
    await expect(page.getByText('Saving Signpost on this device so it works offline…')).toBeAttached();
    await controlledByServiceWorker(page);
    await expect(page.getByText('Signpost is ready to work offline.')).toBeVisible();
    const mainMoved = (await layoutShifts(page)).filter((shift) => shift.moved.includes('main'));
    expect(mainMoved.map((shift) => shift.at)).toEqual([]);
  });

  test('reloads and navigates with no connection at all', async ({ page, context }) => {
    await page.goto('/');
    await controlledByServiceWorker(page);
    await context.setOffline(true);
    await page.reload();
    await expect(page.locator('h1')).toHaveText('Find support in Essex');
    await page.getByRole('link', { name: 'Privacy notice' }).click();
    await expect(page.locator('h1')).toHaveText('Privacy notice');
    // A page opened straight from its address, as from a bookmark or the home-screen shortcut.
    await page.goto('/accessibility');
    await expect(page.locator('h1')).toHaveText('Accessibility statement for Signpost');
    // Another language's text was never downloaded in this session, yet is there offline.
    await page.getByRole('button', { name: /Language/ }).click();
    await page.getByRole('link', { name: 'العربية' }).click();
    await expect(page.locator('h1')).toHaveText('بيان إمكانية الوصول لـ Signpost');
  });

  test('offers a new version when one is deployed, and only reloads when asked', async ({
    page,
    browser,
    ownServer,
  }) => {
    // Building the next version takes a minute or more on a busy machine.
    test.slow();
    const nextBuild = buildNextVersion('next-release');
    const server = await ownServer();
    await page.goto(server.url + '/');
    await controlledByServiceWorker(page);
    // A first visit, still open when the new version comes: the service worker took it over mid-visit.
    const firstVisit = await browser.newContext();
    const firstPage = await firstVisit.newPage();
    await firstPage.goto(server.url + '/');
    await controlledByServiceWorker(firstPage);
    expect(await servedVersion(page)).not.toBe('next-release');

    await server.restart({ STATIC_DIR: nextBuild });

    // Coming back to the app is when it checks for a new version.
    await comeBackToApp(page);
    const prompt = page.getByText('A new version of Signpost is ready.');
    await expect(prompt).toBeVisible({ timeout: 30_000 });
    // Nothing reloaded underneath the person: the old version is still running.
    await expect(page).toHaveTitle('Find support in Essex – Signpost');

    await page.getByRole('button', { name: 'Not now' }).click();
    await expect(prompt).toBeHidden();
    // The window taking focus without the person having left (a click on the page) is not coming back.
    await page.evaluate(async () => {
      window.dispatchEvent(new Event('focus'));
      await new Promise((drawn) => requestAnimationFrame(() => requestAnimationFrame(drawn)));
    });
    await expect(prompt).toBeHidden({ timeout: 0 });

    await comeBackToApp(page);
    await expect(prompt).toBeVisible();
    await Promise.all([
      page.waitForEvent('framenavigated'),
      page.getByRole('button', { name: 'Reload now' }).click(),
    ]);
    await expect(page.locator('h1')).toHaveText('Find support in Essex');
    expect(
      await page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting)),
    ).toBe(false);
    expect(await servedVersion(page)).toBe('next-release');
    const nextIndex = readFileSync(join(nextBuild, 'index.html'), 'utf8');
    for (const src of await scriptsOf(page)) expect(nextIndex).toContain(src);

    try {
      await comeBackToApp(firstPage);
      const reload = firstPage.getByRole('button', { name: 'Reload now' });
      await expect(reload).toBeVisible({ timeout: 30_000 });
      await Promise.all([firstPage.waitForEvent('framenavigated'), reload.click()]);
      await expect(firstPage.locator('h1')).toHaveText('Find support in Essex');
      for (const src of await scriptsOf(firstPage)) expect(nextIndex).toContain(src);
    } finally {
      await firstVisit.close();
    }
  });
});
