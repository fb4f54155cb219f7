import type { Queryable } from '../db/database.ts';

/**
 * Fixed-window counters in the database, so every server process counts against the same budget.
 * A key is always a keyed hash (`privateKeyHash`), never an address or an email.
 */
export interface RateLimit {
  /** What is being limited, e.g. `feedback` or `sign-in-address`. */
  bucket: string;
  /** How many hits a key may take in one window. */
  limit: number;
  windowSeconds: number;
}

export type LimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Old windows are kept a day, long enough for anyone looking into an incident, then removed. */
const KEEP_WINDOWS = "interval '1 day'";

/** Removing them once a minute is enough; once a request would cost more than the request's own work. */
const PRUNE_EVERY_MS = 60_000;
const lastPruned = new WeakMap<Queryable, number>();

/** The database's clock, so every process agrees on the windows, unless the app runs on a clock of its own. */
const clock = (n: number) => `coalesce($${n}::timestamptz, now())`;
const windowStart = (seconds: number, at: number) =>
  `to_timestamp(floor(extract(epoch from ${clock(at)}) / $${seconds}::int) * $${seconds}::int)`;

async function pruneOldWindows(db: Queryable): Promise<void> {
  const now = Date.now();
  if (now - (lastPruned.get(db) ?? -Infinity) < PRUNE_EVERY_MS) return;
  lastPruned.set(db, now);
  await db.query(`delete from rate_limits where window_start < now() - ${KEEP_WINDOWS}`);
}

/**
 * Takes `cost` hits from the key's budget in the current window, or none if that would go over it.
 * `at` is the app's clock when it has one (tests stand on a given moment); otherwise the database's.
 */
export async function takeFromLimit(
  db: Queryable,
  rule: RateLimit,
  keyHash: string,
  cost = 1,
  at?: Date,
): Promise<LimitDecision> {
  const when = at?.toISOString() ?? null;
  const [taken] = await db.query<{ fresh: boolean }>(
    `insert into rate_limits (bucket, key_hash, window_start, hits)
     select $1, $2, ${windowStart(3, 6)}, $4::int where $4::int <= $5::int
     on conflict (bucket, key_hash, window_start)
       do update set hits = rate_limits.hits + excluded.hits where rate_limits.hits + excluded.hits <= $5
     returning (xmax = 0) as fresh`,
    [rule.bucket, keyHash, rule.windowSeconds, cost, rule.limit, when],
  );
  if (taken) {
    if (taken.fresh) await pruneOldWindows(db);
    return { allowed: true };
  }
  const [left] = await db.query<{ seconds: number }>(
    `select ceil(extract(epoch from ${windowStart(1, 2)} + make_interval(secs => $1::int) - ${clock(2)}))::int as seconds`,
    [rule.windowSeconds, when],
  );
  return { allowed: false, retryAfterSeconds: Math.max(1, left?.seconds ?? rule.windowSeconds) };
}
