import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/database.ts';
import { takeFromLimit, type RateLimit } from '../../src/server/auth/rate-limit.ts';
import { openTestDatabase } from '../support/database.ts';

let db: Database;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ db, drop } = await openTestDatabase());
});
afterAll(async () => drop?.());

const rule: RateLimit = { bucket: 'test', limit: 3, windowSeconds: 600 };

/** 100 seconds into the current window: a fixed moment, so no test straddles two windows. */
const windowMs = rule.windowSeconds * 1000;
const at = new Date(Math.floor(Date.now() / windowMs) * windowMs + 100_000);
const take = (key: string, cost = 1, when = at) => takeFromLimit(db, rule, key, cost, when);

describe('rate limits kept in the database', () => {
  it('takes hits until the window is used up, then says how long to wait', async () => {
    expect(await take('someone', 2)).toEqual({ allowed: true });
    expect(await take('someone')).toEqual({ allowed: true });
    expect(await take('someone')).toEqual({ allowed: false, retryAfterSeconds: rule.windowSeconds - 100 });
    expect(await take('someone else', 3)).toEqual({ allowed: true });
    expect(await take('a third', 4)).toMatchObject({ allowed: false });
  });

  it('starts afresh in the next window', async () => {
    expect(await take('returning', 3)).toEqual({ allowed: true });
    expect(await take('returning', 1, new Date(at.getTime() + windowMs - 101_000))).toMatchObject({
      allowed: false,
    });
    expect(await take('returning', 3, new Date(at.getTime() + windowMs - 100_000))).toEqual({
      allowed: true,
    });
  });

  it("counts by the database's clock when the app has none of its own", async () => {
    expect(await takeFromLimit(db, rule, 'by the database', 3)).toEqual({ allowed: true });
    const refused = await takeFromLimit(db, rule, 'by the database');
    expect(refused.allowed).toBe(false);
    if (!refused.allowed) {
      expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect(refused.retryAfterSeconds).toBeLessThanOrEqual(rule.windowSeconds);
    }
  });

  it('lets exactly as many through as fit when takes arrive together, never more', async () => {
    const crowd = await Promise.all([1, 2, 3, 4, 5].map(() => take('crowd')));
    expect(crowd.filter((d) => d.allowed)).toHaveLength(3);
    const costs = [2, 2, 1];
    const shared = await Promise.all(costs.map((cost) => take('shared', cost)));
    const taken = costs.filter((_, i) => shared[i]!.allowed).reduce((sum, cost) => sum + cost, 0);
    // Either order fills the window exactly: 2 + 1, or 1 + 2, with the other 2 refused.
    expect(taken).toBe(3);
    expect(await take('crowd')).toMatchObject({ allowed: false });
  });

  it("removes windows older than a day, and keeps the last day's for looking into an incident", async () => {
    // A database of its own: pruning runs on a database's first new window, then at most once a minute.
    const own = await openTestDatabase();
    try {
      await own.db.query(
        `insert into rate_limits (bucket, key_hash, window_start, hits) values
           ($1, 'two days ago', now() - interval '2 days', 1), ($1, 'an hour ago', now() - interval '1 hour', 1)`,
        [rule.bucket],
      );
      expect(await takeFromLimit(own.db, rule, 'newcomer')).toEqual({ allowed: true });
      const kept = await own.db.query<{ key_hash: string }>(
        'select key_hash from rate_limits where bucket = $1 order by key_hash',
        [rule.bucket],
      );
      expect(kept.map((r) => r.key_hash)).toEqual(['an hour ago', 'newcomer']);
    } finally {
      await own.drop();
    }
  });
});
