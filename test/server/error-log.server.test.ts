import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffUser, SESSION_COOKIE } from '../../src/server/auth/index.ts';
import { startSession } from '../../src/server/auth/sessions.ts';
import type { Database } from '../../src/server/db/database.ts';
import { openPostgres } from '../../src/server/db/postgres.ts';
import { createApp } from '../../src/server/http/app.ts';
import { createLogger } from '../../src/server/log.ts';
import { DatabaseLine } from '../faults/database-line.ts';
import { databaseKind, openTestDatabase } from '../support/database.ts';

/** Personal data a request carries: none of it may reach the log, whatever the database says. */
const WORDS = 'Mrs Okafor at 12 Ashdown Road said the bus never came';
const EMAIL = 'sam.okafor@example.org';
const ADDRESS = '198.51.100.77';

let db: Database;
let url: string | undefined;
let drop: () => Promise<void>;
const lines: string[] = [];
let app: ReturnType<typeof createApp>;
let analyst: string;
let admin: string;

function memoryLog() {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
}

async function sessionCookie(role: 'analyst' | 'admin'): Promise<string> {
  const { user } = await createStaffUser(db, { email: `${role}@signpost.example`, role });
  await db.query('update staff_users set must_change_password = false where id = $1', [user.id]);
  const { token } = await startSession(db, user.id);
  return `${SESSION_COOKIE}=${token}`;
}

beforeAll(async () => {
  ({ db, url, drop } = await openTestDatabase());
  app = createApp({ db, version: 'test', logger: createLogger({ destination: memoryLog() }) });
  analyst = await sessionCookie('analyst');
  admin = await sessionCookie('admin');
});
afterAll(async () => drop?.());

async function send(path: string, cookie: string, body: unknown, on = app) {
  const before = lines.length;
  const response = await on.request(
    path,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost', cookie },
      body: JSON.stringify(body),
    },
    { incoming: { socket: { remoteAddress: ADDRESS } } },
  );
  return { response, logged: lines.slice(before) };
}

const entry = { youSaid: WORDS, weDid: `We wrote to ${EMAIL} and changed the timetable` };

/** What must be in an error's log line, and what must never be. */
function expectSafeLog(logged: string[], response: Response, code: string | RegExp) {
  const requestId = response.headers.get('x-request-id');
  expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
  const text = logged.join('\n');
  const errorLine = logged.map((line) => JSON.parse(line) as Record<string, unknown>).find((l) => l.err);
  expect(errorLine).toMatchObject({
    requestId,
    err: { code: typeof code === 'string' ? code : expect.stringMatching(code) },
  });
  expect(String(errorLine?.route)).toMatch(/^\/api\/v1\//);
  for (const secret of [
    WORDS,
    'Okafor',
    EMAIL,
    'sam.okafor',
    ADDRESS,
    'Failing row',
    'insert into',
    'Key (',
  ]) {
    expect(text, `the log holds "${secret}"`).not.toContain(secret);
  }
}

describe(`the error log (${databaseKind})`, () => {
  it('logs a unique violation by its code, the route and the request id, without the values', async () => {
    await db.query('create unique index test_one_we_did on you_said_we_did (we_did)');
    try {
      expect((await send('/api/v1/you-said-we-did', analyst, entry)).response.status).toBe(201);
      const { response, logged } = await send('/api/v1/you-said-we-did', analyst, entry);
      expect(response.status).toBe(500);
      expectSafeLog(logged, response, '23505');
    } finally {
      await db.query('drop index test_one_we_did');
      await db.query('delete from you_said_we_did');
    }
  });

  it('logs a check violation without the failing row', async () => {
    await db.query(
      'alter table you_said_we_did add constraint test_short check (length(you_said) < 10) not valid',
    );
    try {
      const { response, logged } = await send('/api/v1/you-said-we-did', analyst, entry);
      expect(response.status).toBe(500);
      expectSafeLog(logged, response, '23514');
    } finally {
      await db.query('alter table you_said_we_did drop constraint test_short');
    }
  });

  it('logs a not-null violation without the failing row', async () => {
    await db.query(`create function test_drop_we_did() returns trigger language plpgsql as $$
      begin new.we_did := null; return new; end $$`);
    await db.query(`create trigger test_drop_we_did before insert on you_said_we_did
      for each row execute function test_drop_we_did()`);
    try {
      const { response, logged } = await send('/api/v1/you-said-we-did', analyst, entry);
      expect(response.status).toBe(500);
      expectSafeLog(logged, response, '23502');
    } finally {
      await db.query('drop trigger test_drop_we_did on you_said_we_did');
      await db.query('drop function test_drop_we_did');
    }
  });

  it('logs bad input syntax without the input that was bad', async () => {
    await db.query(`create function test_email_number() returns trigger language plpgsql as $$
      begin perform new.email::int; return new; end $$`);
    await db.query(`create trigger test_email_number before insert on staff_users
      for each row execute function test_email_number()`);
    try {
      const { response, logged } = await send('/api/v1/staff/users', admin, { email: EMAIL, role: 'field' });
      expect(response.status).toBe(500);
      expectSafeLog(logged, response, '22P02');
    } finally {
      await db.query('drop trigger test_email_number on staff_users');
      await db.query('drop function test_email_number');
    }
  });

  it('logs a losing connection to the database as the database being unavailable', async () => {
    if (url) {
      // PostgreSQL reached through a line the test cuts, as when the database server goes down.
      const target = new URL(url);
      const line = new DatabaseLine({ host: target.hostname, port: Number(target.port || 5432) });
      const through = new URL(url);
      through.hostname = '127.0.0.1';
      through.port = String(await line.start());
      const cut = await openPostgres(through.toString());
      const cutApp = createApp({
        db: cut,
        version: 'test',
        logger: createLogger({ destination: memoryLog() }),
      });
      try {
        await line.cut('stopped');
        const { response, logged } = await send('/api/v1/you-said-we-did', analyst, entry, cutApp);
        expect(response.status).toBe(503);
        // Connections open when the line went down close; new ones are refused.
        expectSafeLog(logged, response, /^(CONNECTION_CLOSED|ECONNREFUSED)$/);
      } finally {
        await line.restore();
        await cut.close();
        await line.close();
      }
    } else {
      // PGlite runs inside the process: closing it is the nearest thing to losing the connection.
      const own = await openTestDatabase();
      const ownApp = createApp({
        db: own.db,
        version: 'test',
        logger: createLogger({ destination: memoryLog() }),
      });
      await own.db.close();
      const { response, logged } = await send('/api/v1/you-said-we-did', analyst, entry, ownApp);
      expect(response.status).toBe(500);
      const requestId = response.headers.get('x-request-id');
      expect(logged.some((line) => line.includes(String(requestId)))).toBe(true);
      expect(logged.join('\n')).not.toContain(ADDRESS);
    }
  });
});
