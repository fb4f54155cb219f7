import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/database.ts';
import { openPostgres } from '../../src/server/db/postgres.ts';
import { lastSyncRun, startFeedSync, syncOnce, syncSettings } from '../../src/server/directory/sync.ts';
import { createApp } from '../../src/server/http/app.ts';
import { databaseKind, openTestDatabase } from '../support/database.ts';

// Open Referral's own example service (attribution and licence: test/fixtures/oruk/README.md).
const serviceFull = JSON.parse(
  readFileSync(new URL('../fixtures/oruk/oruk3-service_full.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

/** The council's ORUK API, as the test wants it to behave. */
interface Upstream {
  services: Map<string, { record: Record<string, unknown>; modified: string }>;
  /** Answer this page with a server error. */
  failPage?: number;
  /** Hold every request until this promise settles. */
  gate?: Promise<void>;
  requests: string[];
}

const upstream: Upstream = { services: new Map(), requests: [] };
let server: Server;
let feedUrl: string;

function put(id: string, name: string, modified = new Date()) {
  upstream.services.set(id, { record: { ...serviceFull, id, name }, modified: modified.toISOString() });
}

beforeAll(async () => {
  server = createServer((req, res) => {
    upstream.requests.push(req.url ?? '');
    void (async () => {
      await upstream.gate;
      const url = new URL(req.url ?? '/', 'http://x');
      const page = Number(url.searchParams.get('page'));
      const perPage = Number(url.searchParams.get('per_page'));
      if (page === upstream.failPage) {
        res.statusCode = 502;
        res.end('Bad gateway');
        return;
      }
      const since = url.searchParams.get('modified_after');
      const all = [...upstream.services.values()]
        .filter((s) => !since || Date.parse(s.modified) > Date.parse(since))
        .map((s) => s.record);
      const contents = all.slice((page - 1) * perPage, page * perPage);
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({
          total_items: all.length,
          total_pages: Math.max(1, Math.ceil(all.length / perPage)),
          page_number: page,
          size: contents.length,
          first_page: page === 1,
          last_page: page * perPage >= all.length,
          empty: contents.length === 0,
          contents,
        }),
      );
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

let db: Database;
let url: string | undefined;
let drop: () => Promise<void>;

beforeEach(async () => {
  ({ db, url, drop } = await openTestDatabase());
  upstream.services.clear();
  upstream.requests.length = 0;
  upstream.failPage = undefined;
  upstream.gate = undefined;
  const yesterday = new Date(Date.now() - 24 * 60 * 60 * 1000);
  for (let i = 1; i <= 5; i++) put(`sync-${i}`, `Carers Café ${i}`, yesterday);
});
afterEach(async () => {
  await drop();
});

const settings = () => ({ url: feedUrl, perPage: 2, timeoutMs: 10_000 });

async function names(): Promise<Record<string, string>> {
  const rows = await db.query<{ id: string; name: string }>(
    "select id, record ->> 'name' as name from services where active order by id",
  );
  return Object.fromEntries(rows.map((row) => [row.id, row.name]));
}

describe(`the scheduled feed sync on ${databaseKind}`, () => {
  it('brings a change made upstream into the directory, asking only for what changed', async () => {
    const first = await syncOnce(db, settings());
    expect(first.ran && first.summary.imported).toBe(5);
    expect(upstream.requests.every((path) => !path.includes('modified_after'))).toBe(true);

    put('sync-2', 'Carers Café Two, now on Fridays');
    put('sync-6', 'Dementia Singing Group');
    upstream.requests.length = 0;
    const second = await syncOnce(db, settings());
    expect(second.ran && second.summary).toMatchObject({ read: 2, imported: 1, updated: 1, deactivated: 0 });
    expect(upstream.requests).toHaveLength(1);
    expect(upstream.requests[0]).toMatch(/modified_after=\d{4}-\d\d-\d\dT/);
    expect(await names()).toMatchObject({
      'sync-1': 'Carers Café 1',
      'sync-2': 'Carers Café Two, now on Fridays',
      'sync-6': 'Dementia Singing Group',
    });
    expect(await lastSyncRun(db)).toMatchObject({ read: 2, imported: 1, updated: 1, error: null });
  });

  it('changes nothing when the upstream fails part way, and says why', async () => {
    await syncOnce(db, settings());
    const before = await names();
    put('sync-1', 'Renamed, but never arrives');
    put('sync-7', 'A new service, never arrives');
    put('sync-8', 'Another, never arrives');
    upstream.failPage = 2;
    const failed = await syncOnce(db, settings());
    expect(failed.ran && failed.summary.error).toMatch(/answered 502/);
    expect(await names()).toEqual(before);
    const run = await lastSyncRun(db);
    expect(run?.error).toMatch(/answered 502/);
    expect(run?.finishedAt).toBeTruthy();

    // The next run asks again for everything since the last good one, so nothing is lost.
    upstream.failPage = undefined;
    const again = await syncOnce(db, settings());
    expect(again.ran && again.summary).toMatchObject({ read: 3, imported: 2, updated: 1 });
    expect((await names())['sync-1']).toBe('Renamed, but never arrives');
  });

  it('shows the last run in /api/health, without the feed’s address', async () => {
    upstream.failPage = 1;
    await syncOnce(db, settings());
    const response = await createApp({ db, version: 'test' }).request('/api/health');
    const body = (await response.json()) as {
      feedSync: { lastRun: { error: string; read: number; finishedAt: string } };
    };
    expect(body.feedSync.lastRun.error).toMatch(/^the feed answered 502/);
    expect(JSON.stringify(body)).not.toContain('127.0.0.1');
    expect(body.feedSync.lastRun.finishedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('runs one sync at a time: a second server asking meanwhile skips it', async () => {
    // On PostgreSQL the second server is another connection pool, as another process would have.
    const other = url ? await openPostgres(url) : db;
    try {
      let release!: () => void;
      upstream.gate = new Promise((resolve) => (release = resolve));
      const first = syncOnce(db, settings());
      await expect.poll(() => upstream.requests.length).toBe(1);
      const second = await syncOnce(other, settings());
      expect(second.ran).toBe(false);
      release();
      const done = await first;
      expect(done.ran && done.summary.imported).toBe(5);
      expect(upstream.requests.filter((path) => path.includes('page=1&'))).toHaveLength(1);
      const [row] = await db.query<{ n: number }>(
        "select count(*)::int as n from import_runs where started_by = 'sync'",
      );
      expect(row?.n).toBe(1);
      // Once it is over, the lock is free again.
      expect((await syncOnce(other, settings())).ran).toBe(true);
    } finally {
      if (other !== db) await other.close();
    }
  });

  it('syncs on its own once started, and stops when told', async () => {
    const logged: string[] = [];
    const schedule = startFeedSync(
      db,
      { ...settings(), intervalMinutes: 60 },
      { info: (line) => logged.push(line), warn: (line) => logged.push(line) },
      { firstDelayMs: 0 },
    );
    try {
      await expect
        .poll(() => logged.join('\n'), { timeout: 90_000 })
        .toMatch(/^Feed sync: read 5, 5 imported, 0 updated, 0 unchanged, \d+ warned, 0 quarantined/);
      expect(Object.keys(await names())).toHaveLength(5);
    } finally {
      schedule.stop();
    }
  }, 120_000);
});

describe('the feed sync settings', () => {
  it('are off without SIGNPOST_FEED_URL, daily by default, and refuse what cannot be right', () => {
    expect(syncSettings({})).toBeUndefined();
    expect(syncSettings({ SIGNPOST_FEED_URL: 'https://council.example/oruk' })).toEqual({
      url: 'https://council.example/oruk',
      intervalMinutes: 1440,
    });
    expect(
      syncSettings({
        SIGNPOST_FEED_URL: 'https://council.example/oruk',
        SIGNPOST_FEED_INTERVAL_MINUTES: '60',
      })?.intervalMinutes,
    ).toBe(60);
    expect(() => syncSettings({ SIGNPOST_FEED_URL: 'council.example/oruk' })).toThrow(/http or https/);
    expect(() =>
      syncSettings({ SIGNPOST_FEED_URL: 'https://council.example/', SIGNPOST_FEED_INTERVAL_MINUTES: '1' }),
    ).toThrow(/5 or more/);
  });
});
