import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { StaffRole } from '../../src/domain/staff.ts';
import { createStaffUser, SESSION_COOKIE } from '../../src/server/auth/index.ts';
import { hashPassword } from '../../src/server/auth/password.ts';
import { startSession } from '../../src/server/auth/sessions.ts';
import type { Database } from '../../src/server/db/database.ts';
import { createApp } from '../../src/server/http/app.ts';
import { databaseKind, openTestDatabase } from '../support/database.ts';

const PASSWORD = 'a long and memorable passphrase';
let db: Database;
let drop: () => Promise<void>;
let app: ReturnType<typeof createApp>;
let passwordHash: string;

beforeAll(async () => {
  ({ db, drop } = await openTestDatabase());
  app = createApp({ db, version: 'test' });
  passwordHash = await hashPassword(PASSWORD);
});
afterAll(async () => drop?.());
beforeEach(async () => {
  await db.query('delete from staff_sessions');
  await db.query('delete from staff_role_changes');
  await db.query('delete from staff_users');
  await db.query('delete from rate_limits');
});

async function account(role: StaffRole, email = `${role}@signpost.example`) {
  const { user } = await createStaffUser(db, { email, role });
  await db.query('update staff_users set password_hash = $2, must_change_password = false where id = $1', [
    user.id,
    passwordHash,
  ]);
  const { token } = await startSession(db, user.id);
  return { user, cookie: `${SESSION_COOKIE}=${token}` };
}

async function request(method: string, path: string, options: { cookie?: string; body?: unknown } = {}) {
  const response = await app.request(
    path,
    {
      method,
      headers: {
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(method === 'GET' ? {} : { origin: 'http://localhost' }),
        ...(options.cookie ? { cookie: options.cookie } : {}),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    },
    { incoming: { socket: { remoteAddress: '198.51.100.60' } } },
  );
  return response;
}

const idleFor = (minutes: number) =>
  db.query(`update staff_sessions set last_seen_at = now() - make_interval(mins => $1::int)`, [minutes]);

describe(`a shared computer (${databaseKind})`, () => {
  it('keeps the session only until the browser closes, and for 30 idle minutes', async () => {
    const { user } = await account('field');
    const shared = await request('POST', '/api/v1/session', {
      body: { email: user.email, password: PASSWORD, sharedComputer: true },
    });
    expect(shared.status).toBe(200);
    const setCookie = shared.headers.get('set-cookie') ?? '';
    expect(setCookie).toContain(`${SESSION_COOKIE}=`);
    expect(setCookie).not.toMatch(/max-age|expires/i);
    const cookie = setCookie.split(';')[0] ?? '';
    await idleFor(29);
    expect((await request('GET', '/api/v1/session', { cookie })).status).toBe(200);
    await idleFor(31);
    expect((await request('GET', '/api/v1/session', { cookie })).status).toBe(401);
  }, 120_000);

  it('leaves a personal device signed in across restarts and a longer pause', async () => {
    const { user } = await account('field');
    const personal = await request('POST', '/api/v1/session', {
      body: { email: user.email, password: PASSWORD },
    });
    const setCookie = personal.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/max-age=43200/i);
    await idleFor(31);
    expect((await request('GET', '/api/v1/session', { cookie: setCookie.split(';')[0] })).status).toBe(200);
  }, 120_000);
});

describe(`separation of duties (${databaseKind})`, () => {
  it('lets no admin change their own role, and records who changed whose', async () => {
    const first = await account('admin', 'first.admin@signpost.example');
    const second = await account('admin', 'second.admin@signpost.example');
    const own = await request('PATCH', `/api/v1/staff/users/${first.user.id}`, {
      cookie: first.cookie,
      body: { role: 'analyst' },
    });
    expect(own.status).toBe(403);
    expect(((await own.json()) as { error: { code: string } }).error.code).toBe('own_role');
    expect((await request('GET', '/api/v1/stories', { cookie: first.cookie })).status).toBe(403);

    const invited = await request('POST', '/api/v1/staff/users', {
      cookie: first.cookie,
      body: { email: 'new.analyst@signpost.example', role: 'analyst' },
    });
    const newcomer = ((await invited.json()) as { user: { id: string } }).user;
    const changed = await request('PATCH', `/api/v1/staff/users/${newcomer.id}`, {
      cookie: second.cookie,
      body: { role: 'field' },
    });
    expect(changed.status).toBe(200);

    const log = await request('GET', '/api/v1/staff/role-changes', { cookie: second.cookie });
    expect(((await log.json()) as { changes: unknown[] }).changes).toEqual([
      expect.objectContaining({
        userId: newcomer.id,
        changedBy: second.user.id,
        fromRole: 'analyst',
        toRole: 'field',
      }),
      expect.objectContaining({
        userId: newcomer.id,
        changedBy: first.user.id,
        fromRole: null,
        toRole: 'analyst',
      }),
    ]);
    const analyst = await account('analyst');
    expect((await request('GET', '/api/v1/staff/role-changes', { cookie: analyst.cookie })).status).toBe(403);
  }, 120_000);
});
