import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { StaffRole } from '../../src/domain/staff.ts';
import { createStaffUser, requireRole, sessionUser, staffSession } from '../../src/server/auth/index.ts';
import { hashPassword, verifyPassword } from '../../src/server/auth/password.ts';
import { ACCOUNT_LOCK, SIGN_IN_PER_ADDRESS } from '../../src/server/auth/sign-in.ts';
import type { Database } from '../../src/server/db/database.ts';
import { openPglite } from '../../src/server/db/pglite.ts';
import { createApp } from '../../src/server/http/app.ts';
import { ApiError, sendError } from '../../src/server/http/errors.ts';
import { createFirstAdmin } from '../../src/server/staff-bootstrap.ts';
import { databaseKind, openTestDatabase } from '../support/database.ts';

const PASSWORD = 'a long and memorable passphrase';
const ORIGIN = 'http://localhost';

let db: Database;
let drop: () => Promise<void>;
let url: string | undefined;
let app: Hono;

// The server's clock stands still through each test, so a test that fills a rate limit's window
// cannot straddle two of them.
let testStarted = new Date();

beforeAll(async () => {
  ({ db, drop, url } = await openTestDatabase());
  app = createApp({ db, version: 'test', clock: () => testStarted });
});
afterAll(async () => drop?.());

// Every test starts with no accounts, sessions, failures or rate-limit windows.
beforeEach(async () => {
  testStarted = new Date();
  await db.query('delete from staff_sessions');
  await db.query('delete from sign_in_failures');
  await db.query('delete from rate_limits');
  await db.query('delete from staff_users');
});

let nextAddress = 1;
/** Each test signs in from its own address unless it says otherwise, so address limits stay apart. */
function freshAddress() {
  return `198.51.100.${nextAddress++}`;
}

function fromAddress(address: string) {
  return { incoming: { socket: { remoteAddress: address } } };
}

let passwordHash: Promise<string> | undefined;

/** An account that has already chosen its password (hashed once per file: hashing is slow on purpose). */
async function account(role: StaffRole, email = `${role}@signpost.example`) {
  const { user } = await createStaffUser(db, { email, role });
  passwordHash ??= hashPassword(PASSWORD);
  await db.query('update staff_users set password_hash = $2, must_change_password = false where id = $1', [
    user.id,
    await passwordHash,
  ]);
  return { ...user, mustChangePassword: false, password: PASSWORD };
}

interface Sent {
  status: number;
  body: { user?: unknown; error?: { code: string; message: string; details?: unknown } } | null;
  headers: Headers;
  cookie?: string;
}

async function send(
  method: string,
  path: string,
  options: { body?: unknown; cookie?: string; origin?: string | null; address?: string; on?: Hono } = {},
): Promise<Sent> {
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.cookie) headers.cookie = options.cookie;
  if (options.origin !== null && method !== 'GET') headers.origin = options.origin ?? ORIGIN;
  const response = await (options.on ?? app).request(
    path,
    { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) },
    fromAddress(options.address ?? '192.0.2.1'),
  );
  const text = await response.text();
  const setCookie = response.headers.get('set-cookie') ?? '';
  const cookie = /^(__Host-signpost-session=[^;]*)/.exec(setCookie)?.[1];
  return {
    status: response.status,
    body: text ? (JSON.parse(text) as Sent['body']) : null,
    headers: response.headers,
    ...(cookie ? { cookie } : {}),
  };
}

function signIn(email: string, password: string, address = freshAddress()) {
  return send('POST', '/api/v1/session', { body: { email, password }, address });
}

async function signedIn(role: StaffRole) {
  const user = await account(role);
  const response = await signIn(user.email, user.password);
  if (!response.cookie) throw new Error(`sign-in failed: ${JSON.stringify(response.body)}`);
  return { user, cookie: response.cookie };
}

describe(`signing in on ${databaseKind}`, () => {
  it('signs a member of staff in with their email and password and sets a __Host- session cookie', async () => {
    const user = await account('field');
    const response = await signIn('Field@Signpost.example ', PASSWORD);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      user: { id: user.id, email: 'field@signpost.example', role: 'field', mustChangePassword: false },
    });
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^__Host-signpost-session=[\w-]{43};/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('Secure');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).toContain('Path=/');
    expect(setCookie).not.toContain('Domain');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('keeps only a hash of the session token and of the password', async () => {
    const { cookie } = await signedIn('analyst');
    const token = cookie.split('=')[1] ?? '';
    const rows = await db.query<{ token_hash: string }>('select token_hash from staff_sessions');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.token_hash).not.toContain(token);
    const [stored] = await db.query<{ password_hash: string }>('select password_hash from staff_users');
    expect(stored?.password_hash).toMatch(/^scrypt\$32768\$8\$3\$/);
    expect(stored?.password_hash).not.toContain(PASSWORD);
    expect(await verifyPassword(PASSWORD, stored?.password_hash ?? '')).toBe(true);
  });

  it('gives a wrong password and an unknown email the same answer', async () => {
    await account('field');
    const wrongPassword = await signIn('field@signpost.example', 'not the passphrase at all');
    const unknownUser = await signIn('nobody@signpost.example', PASSWORD);
    expect(wrongPassword.status).toBe(401);
    expect(unknownUser.status).toBe(401);
    expect(wrongPassword.body).toEqual(unknownUser.body);
    expect(wrongPassword.body?.error?.code).toBe('invalid_credentials');
    expect(wrongPassword.cookie).toBeUndefined();
  });

  it('takes about as long for an unknown email as for a wrong password, since both check a hash', async () => {
    await account('field');
    const time = async (email: string) => {
      const start = performance.now();
      await signIn(email, 'not the passphrase at all');
      return performance.now() - start;
    };
    await time('nobody@signpost.example');
    const known: number[] = [];
    const unknown: number[] = [];
    // Interleaved, and compared by median, so a busy machine slows both alike.
    for (let i = 0; i < 3; i++) {
      known.push(await time('field@signpost.example'));
      unknown.push(await time(`nobody-${i}@signpost.example`));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1] ?? 0;
    // Hashing takes tens of milliseconds; skipping it for an unknown email would take about none.
    expect(median(unknown), `known ${known.join(', ')}; unknown ${unknown.join(', ')}`).toBeGreaterThan(
      median(known) * 0.3,
    );
  });

  it('names the missing fields of a sign-in', async () => {
    const response = await send('POST', '/api/v1/session', { body: { email: '' } });
    expect(response.status).toBe(400);
    expect(response.body?.error).toMatchObject({
      code: 'invalid_request',
      details: [
        { path: 'email', code: 'required' },
        { path: 'password', code: 'required' },
      ],
    });
  });

  it('refuses a disabled account as if it did not exist', async () => {
    const user = await account('field');
    await db.query('update staff_users set disabled_at = now() where id = $1', [user.id]);
    expect((await signIn(user.email, PASSWORD)).body?.error?.code).toBe('invalid_credentials');
  });

  it('refuses a sign-in sent from another site’s page', async () => {
    const user = await account('field');
    const response = await send('POST', '/api/v1/session', {
      body: { email: user.email, password: PASSWORD },
      origin: 'https://evil.example',
    });
    expect(response.status).toBe(403);
    expect(response.body?.error?.code).toBe('bad_origin');
    expect(response.cookie).toBeUndefined();
  });
});

describe('the session', () => {
  it('says who is signed in, and 401 when nobody is', async () => {
    const { user, cookie } = await signedIn('analyst');
    expect((await send('GET', '/api/v1/session', { cookie })).body).toEqual({
      user: { id: user.id, email: user.email, role: 'analyst', mustChangePassword: false },
    });
    const nobody = await send('GET', '/api/v1/session');
    expect(nobody.status).toBe(401);
    expect(nobody.body?.error?.code).toBe('unauthenticated');
    const madeUp = await send('GET', '/api/v1/session', { cookie: '__Host-signpost-session=made-up' });
    expect(madeUp.status).toBe(401);
  });

  it('ends on sign-out: the cookie is cleared and a replayed cookie is refused', async () => {
    const { cookie } = await signedIn('field');
    const out = await send('DELETE', '/api/v1/session', { cookie });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/__Host-signpost-session=;.*Max-Age=0/);
    expect(await db.query('select 1 from staff_sessions')).toHaveLength(0);
    const replayed = await send('GET', '/api/v1/session', { cookie });
    expect(replayed.status).toBe(401);
    const replayedChange = await send('POST', '/api/v1/session/password', {
      cookie,
      body: { currentPassword: PASSWORD, newPassword: 'another long passphrase' },
    });
    expect(replayedChange.status).toBe(401);
  });

  it('signing out with no session is harmless', async () => {
    expect((await send('DELETE', '/api/v1/session')).status).toBe(204);
  });

  it('ends after two hours idle, and after twelve hours whatever happens', async () => {
    const { cookie } = await signedIn('field');
    await db.query("update staff_sessions set last_seen_at = now() - interval '2 hours 1 minute'");
    expect((await send('GET', '/api/v1/session', { cookie })).status).toBe(401);

    const again = await signedIn('analyst');
    expect((await send('GET', '/api/v1/session', { cookie: again.cookie })).status).toBe(200);
    await db.query("update staff_sessions set expires_at = now() - interval '1 second'");
    expect((await send('GET', '/api/v1/session', { cookie: again.cookie })).status).toBe(401);
  });

  it('stays alive while it is used', async () => {
    const { cookie } = await signedIn('field');
    await db.query("update staff_sessions set last_seen_at = now() - interval '1 hour 59 minutes'");
    expect((await send('GET', '/api/v1/session', { cookie })).status).toBe(200);
    const [row] = await db.query<{ recent: boolean }>(
      "select last_seen_at > now() - interval '1 minute' as recent from staff_sessions",
    );
    expect(row?.recent).toBe(true);
  });

  it('ends when the account is disabled', async () => {
    const { user, cookie } = await signedIn('field');
    await db.query('update staff_users set disabled_at = now() where id = $1', [user.id]);
    expect((await send('GET', '/api/v1/session', { cookie })).status).toBe(401);
  });

  it('is replaced, not reused, when someone signs in again on the same browser', async () => {
    const { user, cookie } = await signedIn('field');
    const again = await send('POST', '/api/v1/session', {
      cookie,
      body: { email: user.email, password: PASSWORD },
      address: freshAddress(),
    });
    expect(again.cookie).toBeDefined();
    expect(again.cookie).not.toBe(cookie);
    expect((await send('GET', '/api/v1/session', { cookie })).status).toBe(401);
    expect(await db.query('select 1 from staff_sessions')).toHaveLength(1);
  });
});

describe('the Origin check', () => {
  it('refuses a request that changes something with the session cookie from another site', async () => {
    const { cookie } = await signedIn('field');
    for (const origin of ['https://evil.example', 'null', 'http://localhost:9999']) {
      const response = await send('DELETE', '/api/v1/session', { cookie, origin });
      expect(response.status).toBe(403);
      expect(response.body?.error?.code).toBe('bad_origin');
    }
    const noOrigin = await send('DELETE', '/api/v1/session', { cookie, origin: null });
    expect(noOrigin.status).toBe(403);
    // Nothing was signed out by any of them.
    expect((await send('GET', '/api/v1/session', { cookie })).status).toBe(200);
  });

  it('lets the same request through from the site’s own page', async () => {
    const { cookie } = await signedIn('field');
    expect((await send('DELETE', '/api/v1/session', { cookie, origin: ORIGIN })).status).toBe(204);
  });

  it('checks the feedback endpoint too when it carries the session cookie', async () => {
    const { cookie } = await signedIn('field');
    const response = await send('POST', '/api/v1/feedback', {
      cookie,
      origin: 'https://evil.example',
      body: {},
    });
    expect(response.status).toBe(403);
    expect(response.body?.error?.code).toBe('bad_origin');
  });

  it('compares with the forwarded host and scheme only behind a trusted proxy', async () => {
    const behindProxy = createApp({ db, version: 'test', trustProxy: { hops: 1 } });
    const { cookie } = await signedIn('field');
    const request = (headers: Record<string, string>) =>
      behindProxy.request('/api/v1/session', { method: 'DELETE', headers: { cookie, ...headers } });
    const spoofed = await request({ origin: 'https://signpost.example' });
    expect(spoofed.status).toBe(403);
    const forwarded = await request({
      origin: 'https://signpost.example',
      'x-forwarded-host': 'signpost.example',
      'x-forwarded-proto': 'https',
    });
    expect(forwarded.status).toBe(204);
  });
});

describe('brute force', () => {
  it('locks an account after repeated wrong passwords, even against the right one, then unlocks', async () => {
    const user = await account('admin');
    for (let i = 0; i < ACCOUNT_LOCK.failures; i++) {
      expect((await signIn(user.email, `wrong guess number ${i}`)).status).toBe(401);
    }
    const locked = await signIn(user.email, PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.body?.error?.code).toBe('rate_limited');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(ACCOUNT_LOCK.lockSeconds - 60);
    expect(locked.cookie).toBeUndefined();

    await db.query("update sign_in_failures set locked_until = now() - interval '1 second'");
    expect((await signIn(user.email, PASSWORD)).status).toBe(200);
    // A success clears the count, so one more slip does not lock it again.
    expect((await signIn(user.email, 'one more slip')).status).toBe(401);
    expect((await signIn(user.email, PASSWORD)).status).toBe(200);
  });

  it('locks an email that has no account just the same, so locking reveals nothing', async () => {
    for (let i = 0; i < ACCOUNT_LOCK.failures; i++) await signIn('ghost@signpost.example', `guess ${i}`);
    expect((await signIn('ghost@signpost.example', PASSWORD)).status).toBe(429);
  });

  it('slows down one address trying many accounts', async () => {
    const address = freshAddress();
    for (let i = 0; i < SIGN_IN_PER_ADDRESS.limit; i++) {
      expect(
        (
          await send('POST', '/api/v1/session', {
            body: { email: `n${i}@x.example`, password: 'p' },
            address,
          })
        ).status,
      ).toBe(401);
    }
    const slowed = await signIn('n-last@x.example', 'p', address);
    expect(slowed.status).toBe(429);
    expect(Number(slowed.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another address is not affected.
    await account('field');
    expect((await signIn('field@signpost.example', PASSWORD)).status).toBe(200);
  }, 60_000);

  it('counts failures in the database, where every server process sees them', async () => {
    await signIn('field@signpost.example', 'wrong');
    const rows = await db.query<{ key_hash: string; failures: number }>('select * from sign_in_failures');
    expect(rows).toEqual([expect.objectContaining({ failures: 1 })]);
    // Keyed hashes only: neither the email nor the address is stored.
    const stored = JSON.stringify([rows, await db.query('select * from rate_limits')]);
    expect(stored).not.toContain('field@signpost.example');
    expect(stored).not.toContain('198.51.100');
  });
});

describe('changing a password', () => {
  it('replaces a one-time password, after which nothing asks for a change', async () => {
    const { user, oneTimePassword } = await createStaffUser(db, {
      email: 'new@signpost.example',
      role: 'field',
    });
    expect(user.mustChangePassword).toBe(true);
    const first = await signIn(user.email, oneTimePassword);
    expect(first.body?.user).toMatchObject({ mustChangePassword: true });
    const cookie = first.cookie ?? '';
    const changed = await send('POST', '/api/v1/session/password', {
      cookie,
      body: { currentPassword: oneTimePassword, newPassword: 'correct horse battery staple' },
    });
    expect(changed.status).toBe(204);
    expect((await send('GET', '/api/v1/session', { cookie })).body?.user).toMatchObject({
      mustChangePassword: false,
    });
    expect((await signIn(user.email, oneTimePassword)).status).toBe(401);
    expect((await signIn(user.email, 'correct horse battery staple')).status).toBe(200);
  });

  it('needs at least 12 characters, and takes a passphrase with spaces and no symbols', async () => {
    const { cookie } = await signedIn('field');
    const short = await send('POST', '/api/v1/session/password', {
      cookie,
      body: { currentPassword: PASSWORD, newPassword: 'Sh0rt!pass' },
    });
    expect(short.status).toBe(400);
    expect(short.body?.error?.details).toEqual([{ path: 'newPassword', code: 'too-short' }]);
    const passphrase = await send('POST', '/api/v1/session/password', {
      cookie,
      body: { currentPassword: PASSWORD, newPassword: 'tea in the garden at four' },
    });
    expect(passphrase.status).toBe(204);
  });

  it('needs the current password, and a new one that differs from it', async () => {
    const { cookie } = await signedIn('field');
    const wrong = await send('POST', '/api/v1/session/password', {
      cookie,
      body: { currentPassword: 'not my password', newPassword: 'a brand new passphrase' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body?.error?.details).toEqual([{ path: 'currentPassword', code: 'incorrect' }]);
    const same = await send('POST', '/api/v1/session/password', {
      cookie,
      body: { currentPassword: PASSWORD, newPassword: PASSWORD },
    });
    expect(same.body?.error?.details).toEqual([{ path: 'newPassword', code: 'same-as-current' }]);
  });

  it('signs out every other device, and keeps this one signed in', async () => {
    const user = await account('analyst');
    const phone = (await signIn(user.email, PASSWORD)).cookie ?? '';
    const desk = (await signIn(user.email, PASSWORD)).cookie ?? '';
    await send('POST', '/api/v1/session/password', {
      cookie: desk,
      body: { currentPassword: PASSWORD, newPassword: 'a fresh start for spring' },
    });
    expect((await send('GET', '/api/v1/session', { cookie: phone })).status).toBe(401);
    expect((await send('GET', '/api/v1/session', { cookie: desk })).status).toBe(200);
  });

  it('needs a session', async () => {
    const response = await send('POST', '/api/v1/session/password', {
      body: { currentPassword: PASSWORD, newPassword: 'a brand new passphrase' },
    });
    expect(response.status).toBe(401);
    expect(response.body?.error?.code).toBe('unauthenticated');
  });
});

describe('requireRole, for routes that need staff', () => {
  const guarded = new Hono();
  beforeAll(() => {
    guarded.use('*', staffSession({ db }));
    guarded.get('/stories', requireRole('analyst'), (c) => c.json({ reader: sessionUser(c)?.email }));
    guarded.onError((error, c) =>
      error instanceof ApiError ? sendError(c, error.status, error.code, error.message) : c.text('', 500),
    );
  });

  it('answers 401 with no session, 403 with the wrong role, and lets the right role through', async () => {
    const nobody = await send('GET', '/stories', { on: guarded });
    expect([nobody.status, nobody.body?.error?.code]).toEqual([401, 'unauthenticated']);
    for (const role of ['field', 'admin'] as const) {
      const { cookie } = await signedIn(role);
      const wrong = await send('GET', '/stories', { on: guarded, cookie });
      expect([wrong.status, wrong.body?.error?.code]).toEqual([403, 'forbidden']);
    }
    const { cookie } = await signedIn('analyst');
    const right = await send('GET', '/stories', { on: guarded, cookie });
    expect(right.status).toBe(200);
    expect(right.body).toEqual({ reader: 'analyst@signpost.example' });
  });

  it('lets nobody through on a one-time password until it is changed', async () => {
    const { user, oneTimePassword } = await createStaffUser(db, {
      email: 'fresh@signpost.example',
      role: 'analyst',
    });
    const { cookie } = await signIn(user.email, oneTimePassword);
    const response = await send('GET', '/stories', { on: guarded, cookie: cookie ?? '' });
    expect([response.status, response.body?.error?.code]).toEqual([403, 'password_change_required']);
  });
});

describe('the first admin', () => {
  it('is created on first start with a one-time password printed once, and never again', async () => {
    const lines: string[] = [];
    const passwordFile = join(mkdtempSync(join(tmpdir(), 'signpost-first-admin-')), 'first-admin.txt');
    expect(
      await createFirstAdmin(db, {
        email: 'chief@signpost.example',
        passwordFile,
        print: (l) => lines.push(l),
      }),
    ).toBe(true);
    // Only the file's path is printed; the password is in the file, which only this user can read.
    expect(lines.join('\n')).toContain(passwordFile);
    expect(lines.join('\n')).not.toMatch(/[0-9A-Z]{5}-[0-9A-Z]{5}/);
    expect(statSync(passwordFile).mode & 0o777).toBe(0o600);
    const password = /One-time password: (\S+)/.exec(readFileSync(passwordFile, 'utf8'))?.[1] ?? '';
    expect(password.length).toBeGreaterThanOrEqual(12);
    const signedInAdmin = await signIn('chief@signpost.example', password);
    expect(signedInAdmin.body?.user).toMatchObject({ role: 'admin', mustChangePassword: true });
    expect(await createFirstAdmin(db, { passwordFile, print: (l) => lines.push(l) })).toBe(false);
    expect(lines).toHaveLength(1);
  });

  it('is created once when several processes start together', async () => {
    const results = await Promise.all(
      Array.from({ length: 4 }, () =>
        createFirstAdmin(db, {
          passwordFile: join(tmpdir(), `signpost-admin-${randomUUID()}.txt`),
          print: () => {},
        }),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await db.query('select email from staff_users')).toEqual([{ email: 'admin@signpost.example' }]);
  });
});

describe('npm run user:add', () => {
  const cli = (args: string[], env: Record<string, string>) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/server/cli/user-add.ts', ...args], {
      cwd: new URL('../..', import.meta.url).pathname,
      env: { ...process.env, ...env },
      encoding: 'utf8',
    });

  it('creates an account and prints its one-time password once', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'signpost-user-add-'));
    const env: Record<string, string> = url ? { DATABASE_URL: url } : { DATABASE_URL: '', DATA_DIR: dataDir };
    try {
      const made = cli(['--role', 'field', 'Sam.Field@Signpost.example'], env);
      expect(made.status, made.stderr).toBe(0);
      expect(made.stdout).toContain('Created a field account for sam.field@signpost.example');
      const password = /One-time password: (\S+)/.exec(made.stdout)?.[1] ?? '';
      expect(password).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$/);

      const again = cli(['--role', 'admin', 'sam.field@signpost.example'], env);
      expect(again.status).toBe(1);
      expect(again.stderr).toContain('already a staff account');
      expect(again.stdout).not.toContain('One-time password');

      const target = url ? db : await openPglite(join(dataDir, 'pgdata'));
      try {
        const cliApp = createApp({ db: target, version: 'test' });
        const response = await send('POST', '/api/v1/session', {
          on: cliApp,
          body: { email: 'sam.field@signpost.example', password },
        });
        expect(response.body?.user).toMatchObject({ role: 'field', mustChangePassword: true });
      } finally {
        if (!url) await target.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);

  it('explains itself when the role or email is wrong', () => {
    const bad = cli(['--role', 'boss', 'not-an-email'], { DATABASE_URL: 'postgres://127.0.0.1:1/none' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('There is no role "boss"');
    expect(bad.stderr).toContain('"not-an-email" is not an email address');
    expect(bad.stderr).toContain('Usage: npm run user:add -- --role field|analyst|admin <email>');
  });
});
