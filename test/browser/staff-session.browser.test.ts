import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures.ts';

const NEW_PASSWORD = 'a walk along the sea wall at dawn';

/** Calls the API from the page itself, so the browser's own cookie rules are what is tested. */
function fromPage(page: Page, method: string, path: string, body?: unknown) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const response = await fetch(path, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
    },
    { method, path, body },
  );
}

test.describe('staff sign-in in a real browser', () => {
  test('keeps the Secure, HttpOnly __Host- session cookie from http://127.0.0.1 and sends it back', async ({
    page,
    context,
    server,
    newStaffAccount,
  }) => {
    const account = await newStaffAccount('field');
    await page.goto('/');
    expect((await fromPage(page, 'GET', '/api/v1/session')).status).toBe(401);

    const signedIn = await fromPage(page, 'POST', '/api/v1/session', account);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body).toMatchObject({
      user: { email: account.email, role: 'field', mustChangePassword: true },
    });

    expect(await context.cookies(server.url)).toEqual([
      expect.objectContaining({
        name: '__Host-signpost-session',
        path: '/',
        secure: true,
        httpOnly: true,
        sameSite: 'Strict',
      }),
    ]);
    // Script on the page cannot read it.
    expect(await page.evaluate(() => document.cookie)).not.toContain('signpost-session');

    await page.reload();
    expect((await fromPage(page, 'GET', '/api/v1/session')).body).toMatchObject({
      user: { email: account.email },
    });
  });

  test('changes the one-time password, signs out, and refuses the old cookie afterwards', async ({
    page,
    context,
    server,
    newStaffAccount,
  }) => {
    const account = await newStaffAccount('field');
    await page.goto('/');
    expect((await fromPage(page, 'POST', '/api/v1/session', account)).status).toBe(200);
    const changed = await fromPage(page, 'POST', '/api/v1/session/password', {
      currentPassword: account.password,
      newPassword: NEW_PASSWORD,
    });
    expect(changed.status).toBe(204);
    expect((await fromPage(page, 'GET', '/api/v1/session')).body).toMatchObject({
      user: { mustChangePassword: false },
    });

    const [cookie] = await context.cookies(server.url);
    expect((await fromPage(page, 'DELETE', '/api/v1/session')).status).toBe(204);
    expect(await context.cookies(server.url)).toEqual([]);
    expect((await fromPage(page, 'GET', '/api/v1/session')).status).toBe(401);

    // Putting the old cookie back does not bring the session back.
    if (cookie) await context.addCookies([cookie]);
    expect((await fromPage(page, 'GET', '/api/v1/session')).status).toBe(401);
    expect(
      (await fromPage(page, 'POST', '/api/v1/session', { email: account.email, password: NEW_PASSWORD }))
        .status,
    ).toBe(200);
  });

  test('signs the page in through the shared request helper', async ({ page, signIn, api, server }) => {
    await signIn('analyst');
    expect((await api.get('/api/v1/session')).body).toMatchObject({
      user: { email: server.staff.analyst.email, role: 'analyst' },
    });
    await page.goto('/staff');
    await expect(page.locator('main')).toContainText(`Signed in as ${server.staff.analyst.email}`);
  });

  test('ends a sign-out made offline on the server once the page is back online', async ({
    page,
    context,
    signIn,
    server,
  }) => {
    await signIn('field');
    await page.goto('/staff');
    await expect(page.locator('main')).toContainText(`Signed in as ${server.staff.field.email}`);

    await context.setOffline(true);
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await expect(page).toHaveURL(/\/staff\/sign-in\?signedOut=1/);
    await context.setOffline(false);

    // Back online, the sign-out is finished before anything else, and the session is never taken up again.
    await page.goto('/staff');
    await expect.poll(async () => (await fromPage(page, 'GET', '/api/v1/session')).status).toBe(401);
    await expect(page).toHaveURL(/\/staff\/sign-in/);
  });
});
