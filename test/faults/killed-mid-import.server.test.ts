import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromService } from '../../src/domain/oruk/from-service.ts';
import { Service } from '../../src/domain/service.ts';
import type { Queryable } from '../../src/server/db/database.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { openPglite } from '../../src/server/db/pglite.ts';
import { makeService, TOWNS, type Town } from '../support/make-services.ts';
import { openTestDatabase } from '../support/database.ts';
import { storeServicesDirectly } from './directory-rows.ts';
import { serveOrukFeed } from './feed-server.ts';
import { startImport } from './import-process.ts';

/** The importer's records per transaction (its default); the CLI reads 100 a page. */
const BATCH = 500;
const towns = Object.keys(TOWNS) as Town[];
const services = Array.from({ length: 3 * BATCH }, (_, i) =>
  makeService({ name: `Carers group ${String(i).padStart(4, '0')}`, towns: [towns[i % towns.length]!] }),
);
const feed = services.map(fromService);
const feedIds = services.map((s) => s.id);

/** What a phone or the ORUK API would be served now: ids, and any stored record that breaks the schema. */
async function directoryState(db: Queryable): Promise<{ ids: string[]; broken: string[] }> {
  const rows = await db.query<{ id: string; record: unknown }>('select id, record from services');
  return {
    ids: rows.map((r) => r.id).sort(),
    broken: rows.filter((r) => !Service.safeParse(r.record).success).map((r) => r.id),
  };
}

/** Consistent: whole batches from the start of the feed, never part of one, and every record whole. */
function expectWholeBatches(state: { ids: string[]; broken: string[] }): number {
  expect(state.broken).toEqual([]);
  expect(state.ids.length % BATCH, `${state.ids.length} services stored`).toBe(0);
  expect(state.ids).toEqual(feedIds.slice(0, state.ids.length).sort());
  return state.ids.length / BATCH;
}

describe('the import process killed with SIGKILL on PGlite, then run again', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'signpost-killed-import-'));
    // Created here once, as `npm start` would have, so each import process only opens it.
    const db = await openPglite(join(dataDir, 'pgdata'));
    await migrate(db);
    await db.close();
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('leaves whole batches only, opens cleanly, and a re-import completes', async () => {
    const env = { DATA_DIR: dataDir };
    // Kill at several moments after the first batch's last page was sent: while it commits, or just after.
    for (const delayMs of [5, 150]) {
      const importer = { kill: () => {} };
      // Pages after the fifth are held back, so the kill always lands inside the import.
      const feedServer = await serveOrukFeed(feed, {
        holdAfter: 5,
        onPageSent: (page) => page === 5 && setTimeout(() => importer.kill(), delayMs),
      });
      const run = startImport(feedServer.url, env);
      importer.kill = () => run.child.kill('SIGKILL');
      expect(await run.exited, run.output()).toBe('SIGKILL');
      await feedServer.close();

      const db = await openPglite(join(dataDir, 'pgdata'));
      try {
        expect(expectWholeBatches(await directoryState(db))).toBeLessThan(3);
      } finally {
        await db.close();
      }
    }

    const feedServer = await serveOrukFeed(feed);
    const run = startImport(feedServer.url, env);
    expect(await run.exited, run.output()).toBe(0);
    await feedServer.close();
    const db = await openPglite(join(dataDir, 'pgdata'));
    try {
      expect(expectWholeBatches(await directoryState(db))).toBe(3);
      const runs = await db.query<{ finished: boolean; read: number }>(
        'select finished_at is not null as finished, read from import_runs order by id',
      );
      // The killed runs are left visibly unfinished; the last one finished and read everything.
      expect(runs.map((r) => r.finished)).toEqual([false, false, true]);
      expect(runs.at(-1)?.read).toBe(feed.length);
    } finally {
      await db.close();
    }
  }, 120_000);
});

// The PostgreSQL pass: the kill lands inside a batch's transaction for certain, held there by a row lock.
if (process.env.DATABASE_URL) {
  describe('the import process killed with SIGKILL inside a transaction on PostgreSQL', () => {
    it('commits none of that batch, and a re-import completes', async () => {
      const { db, url, drop } = await openTestDatabase();
      const holder = postgres(url!, { max: 1, onnotice: () => {} });
      let release = () => {};
      let run: ReturnType<typeof startImport> | undefined;
      try {
        // A service of the second batch is already listed, under an older name, and the test holds its
        // row: the second batch's upsert waits on it with the rest of the batch written, not committed.
        const held = services[BATCH + 100]!;
        await storeServicesDirectly(db, [{ ...held, name: 'Old name' }]);
        const locked = new Promise<void>((resolve) => {
          void holder.begin(async (tx) => {
            await tx.unsafe('select 1 from services where id = $1 for update', [held.id]);
            resolve();
            await new Promise<void>((done) => (release = done));
          });
        });
        await locked;
        const feedServer = await serveOrukFeed(feed);
        run = startImport(feedServer.url, { DATABASE_URL: url! });
        const waitingBackend = async () =>
          (
            await db.query<{ pid: number }>(
              `select pid from pg_stat_activity
               where datname = current_database() and wait_event_type = 'Lock' and query like 'insert into services%'`,
            )
          )[0]?.pid;
        // A guard for a busy machine: the importer is a new Node process that must start before it waits.
        await expect.poll(waitingBackend, { timeout: 90_000, interval: 50 }).toBeTypeOf('number');
        const importerBackend = await waitingBackend();
        /** The first batch, and the held service as it was: nothing of the second batch. */
        const expectFirstBatchOnly = async () => {
          const state = await directoryState(db);
          expect(state.broken).toEqual([]);
          expect(state.ids).toEqual([...feedIds.slice(0, BATCH), held.id].sort());
          const [row] = await db.query<{ name: string }>(
            "select record->>'name' as name from services where id = $1",
            [held.id],
          );
          expect(row?.name).toBe('Old name');
        };
        await expectFirstBatchOnly();
        run.child.kill('SIGKILL');
        expect(await run.exited).toBe('SIGKILL');
        release();
        await feedServer.close();
        // Its server backend notices the client is gone once it has the row, and rolls back.
        await expect
          .poll(
            async () =>
              (await db.query('select 1 from pg_stat_activity where pid = $1', [importerBackend])).length,
            { timeout: 10_000 },
          )
          .toBe(0);
        await expectFirstBatchOnly();

        const again = await serveOrukFeed(feed);
        const rerun = startImport(again.url, { DATABASE_URL: url! });
        expect(await rerun.exited, rerun.output()).toBe(0);
        await again.close();
        expect(expectWholeBatches(await directoryState(db))).toBe(3);
      } finally {
        run?.child.kill('SIGKILL');
        release();
        await holder.end();
        await drop();
      }
    }, 120_000);
  });
}
