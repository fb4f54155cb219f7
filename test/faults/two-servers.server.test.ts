import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffUser } from '../../src/server/auth/index.ts';
import { hashPassword } from '../../src/server/auth/password.ts';
import { ACCOUNT_LOCK } from '../../src/server/auth/sign-in.ts';
import { DEFAULT_RETENTION_MONTHS } from '../../src/server/config.ts';
import type { Database } from '../../src/server/db/database.ts';
import { startFeedSync } from '../../src/server/directory/sync.ts';
import { createApp } from '../../src/server/http/app.ts';
import { applyRetention } from '../../src/server/retention.ts';
import { FEEDBACK_PER_ADDRESS } from '../../src/server/routes/feedback.ts';
import { secretsFrom } from '../../src/server/secrets.ts';
import { openTestDatabase } from '../support/database.ts';
import { startServerProcess, type ServerProcess } from './server-process.ts';

/**
 * More than one machine, proven. With DATABASE_URL (PostgreSQL), two real server processes, started as
 * `npm start` starts them, share one database and one secret, and every request below goes to one or
 * the other in turn. Without it there is no database two processes can share (PGlite is one process's
 * own), so the same checks run against two separate app instances on one PGlite database in this
 * process: they still prove that nothing is kept in an instance's memory.
 */
const PASSWORD = 'a long and memorable passphrase';
const MASTER = randomBytes(32);
const twoProcesses = Boolean(process.env.DATABASE_URL);

type Send = (path: string, init?: RequestInit) => Promise<Response>;

let db: Database;
let drop: () => Promise<void>;
let servers: ServerProcess[] = [];
let targets: Send[] = [];
/** How many old listing problems each server's retention run removed, as far as is known yet. */
let removedByEach: () => number[] = () =>
  servers.map((server) => Number(/the details of (\d+) listing problems/.exec(server.output())?.[1] ?? 0));

/** Listing problems received three years ago, whose details retention must remove exactly once. */
const OLD_PROBLEMS = 5;

/**
 * The council's ORUK API for the scheduled sync: three services on one page. It holds each request until
 * a server has said it skipped its sync (or for 25 s, within the sync's 30 s wait for a page), so the
 * first server's sync is still reading when the other's comes due.
 */
const feedRequests: string[] = [];
let releaseFeed: () => void = () => {};
const feedHeld = new Promise<void>((resolve) => (releaseFeed = resolve));
let feed: Server;
let feedUrl = '';
const FEED_SERVICES = ['two-servers-1', 'two-servers-2', 'two-servers-3'];
/** What the servers said of their scheduled syncs, as far as is known yet. */
let syncLog: () => string = () => servers.map((server) => server.output()).join('\n');
let stopSchedules: () => void = () => {};

async function startFeed(): Promise<void> {
  const record = JSON.parse(
    readFileSync(new URL('../fixtures/oruk/oruk3-service_full.json', import.meta.url), 'utf8'),
  ) as Record<string, unknown>;
  const contents = FEED_SERVICES.map((id, i) => ({ ...record, id, name: `Shared Sync Café ${i + 1}` }));
  feed = createServer((req, res) => {
    feedRequests.push(req.url ?? '');
    const most = new Promise((resolve) => setTimeout(resolve, 25_000).unref());
    void Promise.race([feedHeld, most]).then(() => {
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({
          total_items: contents.length,
          total_pages: 1,
          page_number: 1,
          size: contents.length,
          first_page: true,
          last_page: true,
          empty: false,
          contents,
        }),
      );
    });
  });
  await new Promise<void>((resolve) => feed.listen(0, '127.0.0.1', resolve));
  feedUrl = `http://127.0.0.1:${(feed.address() as AddressInfo).port}/api`;
  const watch = setInterval(() => {
    if (!/Feed sync skipped/.test(syncLog())) return;
    releaseFeed();
    clearInterval(watch);
  }, 100);
  watch.unref();
}

beforeAll(async () => {
  let url: string | undefined;
  ({ db, drop, url } = await openTestDatabase());
  for (let i = 0; i < OLD_PROBLEMS; i++) {
    await db.query(
      `insert into listing_problems (id, reference, service_id, problem, details, created_at, received_at, content_hash)
       values ($1, $2, 'svc', 'wrong-phone', 'The number rang a stranger', now() - interval '3 years',
               now() - interval '3 years', 'x')`,
      [randomUUID(), `REF-${i}`],
    );
  }
  await startFeed();
  if (url) {
    const env = {
      SIGNPOST_FEED_URL: feedUrl,
      DATABASE_URL: url,
      SIGNPOST_SECRET: MASTER.toString('base64'),
      DATA_DIR: mkdtempSync(join(tmpdir(), 'signpost-two-')),
    };
    servers = await Promise.all([startServerProcess(env), startServerProcess(env)]);
    // A browser's Origin is the server it talks to: each request names the one it goes to.
    targets = servers.map((server) => (path: string, init?: RequestInit) => {
      const headers = new Headers(init?.headers);
      if (headers.has('origin')) headers.set('origin', server.url);
      return fetch(server.url + path, { ...init, headers });
    });
  } else {
    const secrets = secretsFrom(MASTER);
    const apps = [createApp({ db, version: 'a', secrets }), createApp({ db, version: 'b', secrets })];
    targets = apps.map(
      (app) => (path: string, init?: RequestInit) =>
        Promise.resolve(app.request(path, init, { incoming: { socket: { remoteAddress: '127.0.0.1' } } })),
    );
    // What each instance's daily schedule does as it starts, at the same moment.
    const runs = await Promise.all([
      applyRetention(db, DEFAULT_RETENTION_MONTHS),
      applyRetention(db, DEFAULT_RETENTION_MONTHS),
    ]);
    removedByEach = () => runs.map((run) => run.listingProblems);
    // Each instance's feed schedule, as the server starts it, coming due at the same moment.
    const lines: string[] = [];
    const log = { info: (line: string) => lines.push(line), warn: (line: string) => lines.push(line) };
    const schedules = [0, 1].map(() =>
      startFeedSync(db, { url: feedUrl, intervalMinutes: 60 }, log, { firstDelayMs: 0 }),
    );
    syncLog = () => lines.join('\n');
    stopSchedules = () => schedules.forEach((schedule) => schedule.stop());
  }
}, 180_000);

afterAll(async () => {
  releaseFeed();
  stopSchedules();
  await Promise.all(
    servers.map(async (server) => {
      server.child.kill('SIGTERM');
      await server.exited;
    }),
  );
  await drop?.();
  feed?.closeAllConnections();
  feed?.close();
});

/**
 * Until the database's clock is at least `margin` seconds from the end of a rate-limit window: windows
 * are fixed on the clock, so requests that straddled an end would be counted in two windows.
 */
async function clearOfWindowEnd(windowSeconds: number, margin: number): Promise<void> {
  const [row] = await db.query<{ left: number }>(
    'select $1::int - mod(extract(epoch from now())::numeric, $1::int)::float8 as left',
    [windowSeconds],
  );
  const left = row!.left;
  // Waits for the clock itself, at most `margin` seconds, and only when the window is about to end.
  if (left < margin) await new Promise((resolve) => setTimeout(resolve, (left + 1) * 1000));
}

/** Request number `i` goes to one server or the other, as a load balancer would send it. */
const on = (i: number): Send => targets[i % targets.length]!;

function json(method: string, body: unknown, cookie?: string): RequestInit {
  return {
    method,
    headers: {
      'content-type': 'application/json',
      origin: 'http://localhost',
      ...(cookie ? { cookie } : {}),
    },
    body: JSON.stringify(body),
  };
}

async function account(email: string) {
  const { user } = await createStaffUser(db, { email, role: 'field' });
  await db.query('update staff_users set password_hash = $2, must_change_password = false where id = $1', [
    user.id,
    await hashPassword(PASSWORD),
  ]);
  return user;
}

describe(`two servers on one database (${twoProcesses ? 'two processes, PostgreSQL' : 'two app instances, PGlite'})`, () => {
  it('share one rate limit', async () => {
    await clearOfWindowEnd(FEEDBACK_PER_ADDRESS.windowSeconds, 30);
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const batch = Array.from({ length: FEEDBACK_PER_ADDRESS.limit / 2 }, () => ({
        kind: 'listing-problem',
        id: randomUUID(),
        createdAt: '2025-03-14T11:00:00+01:00',
        serviceId: 'essex-carers-network',
        problem: 'wrong-phone',
      }));
      statuses.push((await on(i)('/api/v1/feedback', json('POST', batch))).status);
    }
    expect(statuses).toEqual([200, 200, 429]);
  }, 120_000);

  it('share one account lock, however the guesses are spread', async () => {
    const user = await account('target@signpost.example');
    const guesses = await Promise.all(
      Array.from({ length: ACCOUNT_LOCK.failures + 4 }, (_, i) =>
        on(i)('/api/v1/session', json('POST', { email: user.email, password: `guess ${i}` })),
      ),
    );
    const statuses = guesses.map((response) => response.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(ACCOUNT_LOCK.failures);
    expect(statuses.filter((status) => status === 429)).toHaveLength(4);
    expect(
      (await on(1)('/api/v1/session', json('POST', { email: user.email, password: PASSWORD }))).status,
    ).toBe(429);
  }, 180_000);

  it('share sessions: signed in on one, known to the other, signed out on the other, gone from both', async () => {
    const user = await account('traveller@signpost.example');
    const signedIn = await on(0)('/api/v1/session', json('POST', { email: user.email, password: PASSWORD }));
    expect(signedIn.status).toBe(200);
    const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect((await on(1)('/api/v1/session', { headers: { cookie } })).status).toBe(200);
    const signedOut = await on(1)('/api/v1/session', {
      method: 'DELETE',
      headers: { cookie, origin: 'http://localhost' },
    });
    expect(signedOut.status).toBe(204);
    expect((await on(0)('/api/v1/session', { headers: { cookie } })).status).toBe(401);
    expect((await on(1)('/api/v1/session', { headers: { cookie } })).status).toBe(401);
  }, 120_000);

  it('run the daily retention job as one: each old detail removed once, by one of them', async () => {
    // Each server runs retention as it starts; together they remove each old detail exactly once.
    await expect
      .poll(() => removedByEach().reduce((sum, n) => sum + n, 0), { timeout: 60_000 })
      .toBe(OLD_PROBLEMS);
    expect(await db.query('select 1 from listing_problems where details is not null')).toEqual([]);
  }, 90_000);

  it('run the scheduled feed sync as one: the feed read once, by one of them', async () => {
    const count = (pattern: RegExp) => syncLog().match(pattern)?.length ?? 0;
    // Both schedules come due while the first sync is still reading the feed: the other skips its turn.
    await expect.poll(() => count(/Feed sync skipped/g), { timeout: 120_000 }).toBe(1);
    await expect.poll(() => count(/Feed sync: read 3, 3 imported/g), { timeout: 60_000 }).toBe(1);
    expect(count(/Feed sync failed/g)).toBe(0);
    expect(feedRequests).toHaveLength(1);
    const runs = await db.query<{ n: number }>(
      "select count(*)::int as n from import_runs where started_by = 'sync'",
    );
    expect(runs[0]?.n).toBe(1);
    const names = await db.query<{ id: string }>('select id from services where id = any($1) order by id', [
      FEED_SERVICES,
    ]);
    expect(names.map((row) => row.id)).toEqual(FEED_SERVICES);
  }, 200_000);
});
