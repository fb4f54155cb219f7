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

describe('rate limits kept in the database', () => {
  it('takes hits until the window is used up, then says how long to wait', async () => {
    expect(await takeFromLimit(db, rule, 'someone', 2)).toEqual({ allowed: true });
    expect(await takeFromLimit(db, rule, 'someone')).toEqual({ allowed: true });
    const refused = await takeFromLimit(db, rule, 'someone');
    expect(refused.allowed).toBe(false);
    if (!refused.allowed) {
      expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect(refused.retryAfterSeconds).toBeLessThanOrEqual(rule.windowSeconds);
    }
    expect(await takeFromLimit(db, rule, 'someone else', 3)).toEqual({ allowed: true });
    expect(await takeFromLimit(db, rule, 'a third', 4)).toMatchObject({ allowed: false });
  });

  it('lets exactly as many through as fit when takes arrive together, never more', async () => {
    const crowd = await Promise.all([1, 2, 3, 4, 5].map(() => takeFromLimit(db, rule, 'crowd')));
    expect(crowd.filter((d) => d.allowed)).toHaveLength(3);
    const costs = [2, 2, 1];
    const shared = await Promise.all(costs.map((cost) => takeFromLimit(db, rule, 'shared', cost)));
    const taken = costs.filter((_, i) => shared[i]!.allowed).reduce((sum, cost) => sum + cost, 0);
    // Either order fills the window exactly: 2 + 1, or 1 + 2, with the other 2 refused.
    expect(taken).toBe(3);
    expect(await takeFromLimit(db, rule, 'crowd')).toMatchObject({ allowed: false });
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
