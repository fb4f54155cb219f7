import type { Browser, BrowserContext, Page } from '@playwright/test';
import type { StaffLogin } from '../support/test-server.ts';
import { findAccessibilityViolations } from '../support/axe.ts';
import { expect, test } from '../support/fixtures.ts';
import { inLanguage, settle } from '../support/visit.ts';

const SESSION_COOKIE = '__Host-signpost-session';

/** Signs in on the sign-in page as a person does, ticking "This is a shared computer" or not. */
async function signInOnPage(page: Page, login: StaffLogin, shared: boolean): Promise<void> {
  await page.goto('/staff/sign-in');
  await settle(page);
  await page.getByLabel('Email address').fill(login.email);
  await page.getByLabel('Password', { exact: true }).fill(login.password);
  const box = page.getByRole('checkbox', { name: 'This is a shared computer' });
  await expect(box).not.toBeChecked();
  if (shared) await box.check();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText(`Signed in as ${login.email}`)).toBeVisible();
}

/**
 * The browser closed and opened again: the site's storage stays, and of its cookies only those with an
 * expiry, as a browser keeps them. (A test cannot quit the shared Chromium, so a new context is given
 * what a restart would keep.)
 */
async function afterRestart(browser: Browser, context: BrowserContext, url: string): Promise<Page> {
  const state = await context.storageState({ indexedDB: true });
  const reopened = await browser.newContext({
    baseURL: url,
    storageState: { ...state, cookies: state.cookies.filter((cookie) => cookie.expires > 0) },
  });
  return reopened.newPage();
}

/** What the server says of the page's session cookie. */
function sessionStatus(page: Page): Promise<number> {
  return page.evaluate(async () => (await fetch('/api/v1/session')).status);
}

test.describe('“This is a shared computer” at sign-in', () => {
  test('ends the session when the browser closes', async ({ page, context, browser, server }) => {
    await signInOnPage(page, server.staff.field, true);
    const [cookie] = (await context.cookies(server.url)).filter((c) => c.name === SESSION_COOKIE);
    expect(cookie?.expires, 'a cookie the browser drops on closing').toBe(-1);

    const later = await afterRestart(browser, context, server.url);
    try {
      await later.goto('/staff');
      // The device still holds what was recorded for its owner; the session to send it is gone.
      await expect(later.getByText('Your session has ended.')).toBeVisible();
      await expect(later.getByRole('link', { name: 'Sign in again' })).toBeVisible();
      expect(await sessionStatus(later)).toBe(401);
    } finally {
      await later.context().close();
    }
  });

  test('leaves a personal device signed in across a restart when not ticked', async ({
    page,
    context,
    browser,
    server,
  }) => {
    await signInOnPage(page, server.staff.analyst, false);
    const [cookie] = (await context.cookies(server.url)).filter((c) => c.name === SESSION_COOKIE);
    // Twelve hours from now, give or take the test's own time.
    expect(cookie?.expires ?? 0).toBeGreaterThan(Date.now() / 1000 + 11 * 3600);

    const later = await afterRestart(browser, context, server.url);
    try {
      await later.goto('/staff');
      await expect(later.getByText(`Signed in as ${server.staff.analyst.email}`)).toBeVisible();
      expect(await sessionStatus(later)).toBe(200);
      await expect(later.getByText('Your session has ended.')).toHaveCount(0);
    } finally {
      await later.context().close();
    }
  });

  test('explains the choice in the person’s language, with nothing for axe to find', async ({ page }) => {
    await page.goto(inLanguage('/staff/sign-in', 'ar'));
    await settle(page);
    const box = page.getByRole('checkbox', { name: 'هذا حاسوب مشترك' });
    await expect(box).toBeVisible();
    await expect(box).toHaveAccessibleDescription(/30 دقيقة/);
    // A 44-pixel target: the label is part of it.
    const size = await page.locator('label[for="shared-computer"]').boundingBox();
    expect(size?.height ?? 0).toBeGreaterThanOrEqual(44);
    expect(await findAccessibilityViolations(page)).toEqual([]);
  });
});
