import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type BrowserSession } from '../support/browser.ts';
import { distDir, startServer, type RunningServer } from '../support/server.ts';

const EMAIL = 'sam.field@signpost.example';
const NEW_PASSWORD = 'a walk along the sea wall at dawn';

let server: RunningServer;
let session: BrowserSession;
let oneTimePassword: string;

beforeAll(async () => {
  // The account is made with `npm run user:add`'s built tool before the server opens the same data.
  const dataDir = mkdtempSync(join(tmpdir(), 'signpost-staff-'));
  const made = spawnSync(
    process.execPath,
    [join(distDir, 'server/server/cli/user-add.js'), '--role', 'field', EMAIL],
    { env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir }, encoding: 'utf8' },
  );
  if (made.status !== 0) throw new Error(`user:add failed: ${made.stderr}`);
  oneTimePassword = /One-time password: (\S+)/.exec(made.stdout)?.[1] ?? '';
  server = await startServer({ dataDir });
  session = await openBrowser();
});

afterAll(async () => {
  await session?.browser.close();
  await server?.dispose();
});

/** Calls the API from the page, as the app does: same origin, the browser handling cookies. */
function call(method: string, path: string, body?: unknown) {
  return session.page.evaluate(
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

describe('staff sign-in in a real browser', () => {
  it('keeps the Secure, HttpOnly __Host- session cookie from http://127.0.0.1 and sends it back', async () => {
    const { page, context } = session;
    await page.goto(server.url + '/');
    expect((await call('GET', '/api/v1/session')).status).toBe(401);

    const signedIn = await call('POST', '/api/v1/session', { email: EMAIL, password: oneTimePassword });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body).toMatchObject({ user: { email: EMAIL, role: 'field', mustChangePassword: true } });

    const cookies = await context.cookies(server.url);
    expect(cookies).toEqual([
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
    expect((await call('GET', '/api/v1/session')).body).toMatchObject({ user: { email: EMAIL } });
  });

  it('changes the one-time password, signs out, and refuses the old cookie afterwards', async () => {
    const { context } = session;
    const changed = await call('POST', '/api/v1/session/password', {
      currentPassword: oneTimePassword,
      newPassword: NEW_PASSWORD,
    });
    expect(changed.status).toBe(204);
    expect((await call('GET', '/api/v1/session')).body).toMatchObject({
      user: { mustChangePassword: false },
    });

    const [cookie] = await context.cookies(server.url);
    expect((await call('DELETE', '/api/v1/session')).status).toBe(204);
    expect(await context.cookies(server.url)).toEqual([]);
    expect((await call('GET', '/api/v1/session')).status).toBe(401);

    // Putting the old cookie back does not bring the session back.
    if (cookie) await context.addCookies([cookie]);
    expect((await call('GET', '/api/v1/session')).status).toBe(401);
    expect((await call('POST', '/api/v1/session', { email: EMAIL, password: NEW_PASSWORD })).status).toBe(
      200,
    );
  });
});
