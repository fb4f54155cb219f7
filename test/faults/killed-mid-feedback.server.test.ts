import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Queryable } from '../../src/server/db/database.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { openPglite } from '../../src/server/db/pglite.ts';
import { databaseKind, openTestDatabase } from '../support/database.ts';
import { startServerProcess, type ServerProcess } from './server-process.ts';

const BATCH = 100;
const ANSWERS = { control: 'enough', say: 'usually', home: 'most-needs', social: 'enough' } as const;

/** A phone's outbox: a batch of submissions, sent again unchanged until the server confirms it. */
function outboxBatch(): object[] {
  const createdAt = new Date().toISOString();
  return Array.from({ length: BATCH }, () => ({
    kind: 'experience',
    id: randomUUID(),
    createdAt,
    formVersion: 1,
    answers: ANSWERS,
    words: 'The day centre is the best part of my week.',
    consent: { storeWords: true, quote: false, contact: false },
    respondent: 'resident',
    howAnswered: 'own',
    channel: 'self-online',
  }));
}

let phone = 0;
function send(server: ServerProcess, batch: object[]): Promise<Response> {
  phone += 1;
  return fetch(`${server.url}/api/v1/feedback`, {
    method: 'POST',
    // Each send from another phone, so the per-address limit (the server trusts its proxy here) is not what stops it.
    headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.9.${phone % 250}.${phone % 250}` },
    body: JSON.stringify(batch),
  });
}

/** For each id: stored once, with all its answers and its words, or not at all. */
async function storedState(db: Queryable, ids: string[]) {
  const rows = await db.query<{ id: string; answers: number; stories: number }>(
    `select r.id::text as id,
       (select count(*)::int from feedback_answers a where a.response_id = r.id) as answers,
       (select count(*)::int from feedback_stories s where s.response_id = r.id) as stories
     from feedback_responses r where r.id = any($1::uuid[])`,
    [ids],
  );
  return {
    stored: rows.length,
    partial: rows
      .filter((r) => r.answers !== Object.keys(ANSWERS).length || r.stories !== 1)
      .map((r) => r.id),
  };
}

describe(`the server killed with SIGKILL while storing a batch of feedback (${databaseKind})`, () => {
  let dataDir: string;
  let db: Database | undefined;
  let url: string | undefined;
  let drop = async () => {};
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'signpost-killed-feedback-'));
    if (process.env.DATABASE_URL) ({ db, url, drop } = await openTestDatabase());
    else {
      // Created once here, as a first start would have, so each server process only opens it.
      const first = await openPglite(join(dataDir, 'pgdata'));
      await migrate(first);
      await first.close();
    }
  });
  afterAll(async () => {
    server?.child.kill('SIGKILL');
    await drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const env = () => ({ DATA_DIR: dataDir, DATABASE_URL: url ?? '', TRUST_PROXY: '1' });
  /** PGlite belongs to one process: read it once the server is gone; PostgreSQL can be read any time. */
  async function inspect<T>(read: (db: Queryable) => Promise<T>): Promise<T> {
    if (db) return read(db);
    const local = await openPglite(join(dataDir, 'pgdata'));
    try {
      return await read(local);
    } finally {
      await local.close();
    }
  }

  it('stores each submission whole or not at all, and the resent batch adds each missing one once', async () => {
    server = await startServerProcess(env());
    // A first batch shows how long one takes here, so the kill can land in the middle of the next.
    const timing = performance.now();
    expect((await send(server, outboxBatch())).status).toBe(200);
    const batchMs = performance.now() - timing;

    const batch = outboxBatch();
    const ids = batch.map((s) => (s as { id: string }).id);
    const sent = send(server, batch).catch((error: Error) => error);
    if (db) {
      await expect
        .poll(async () => (await storedState(db!, ids)).stored, { timeout: 20_000, interval: 5 })
        .toBeGreaterThanOrEqual(10);
    } else await new Promise((resolve) => setTimeout(resolve, batchMs / 4));
    server.child.kill('SIGKILL');
    expect(await server.exited).toBe('SIGKILL');

    const afterKill = await inspect((q) => storedState(q, ids));
    expect(afterKill.partial).toEqual([]);
    expect(afterKill.stored).toBeLessThanOrEqual(BATCH);
    // Killed before it answered, the phone saw the connection fail, so the batch stays in its outbox.
    if (afterKill.stored < BATCH) expect(await sent).toBeInstanceOf(Error);

    server = await startServerProcess(env());
    const resent = await send(server, batch);
    expect(resent.status).toBe(200);
    const { results } = (await resent.json()) as { results: Array<{ status: string }> };
    const counts = { stored: 0, 'already-stored': 0 } as Record<string, number>;
    for (const r of results) counts[r.status] = (counts[r.status] ?? 0) + 1;
    expect(counts).toEqual({ stored: BATCH - afterKill.stored, 'already-stored': afterKill.stored });

    const again = (await (await send(server, batch)).json()) as { results: Array<{ status: string }> };
    expect(again.results.every((r) => r.status === 'already-stored')).toBe(true);
    server.child.kill('SIGTERM');
    await server.exited;
    server = undefined;
    expect(await inspect((q) => storedState(q, ids))).toEqual({ stored: BATCH, partial: [] });
  }, 120_000);
});
