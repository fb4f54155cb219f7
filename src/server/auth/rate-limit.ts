import type { Database, Queryable } from '../db/database.ts';
import { together } from '../db/together.ts';

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

function pruneIsDue(db: Queryable, now: number): boolean {
  if (now - (lastPruned.get(db) ?? -Infinity) < PRUNE_EVERY_MS) return false;
  lastPruned.set(db, now);
  return true;
}

const windowStart = (n: number) => `to_timestamp(floor(extract(epoch from now()) / $${n}::int) * $${n}::int)`;

async function pruneOldWindows(db: Queryable): Promise<void> {
  if (pruneIsDue(db, Date.now()))
    await db.query(`delete from rate_limits where window_start < now() - ${KEEP_WINDOWS}`);
}

/** Takes `cost` hits from one key's budget in the current window, or none if that would go over it. */
async function takeOne(db: Queryable, rule: RateLimit, keyHash: string, cost = 1): Promise<LimitDecision> {
  const [taken] = await db.query<{ fresh: boolean }>(
    `insert into rate_limits (bucket, key_hash, window_start, hits)
     select $1, $2, ${windowStart(3)}, $4::int where $4::int <= $5::int
     on conflict (bucket, key_hash, window_start)
       do update set hits = rate_limits.hits + excluded.hits where rate_limits.hits + excluded.hits <= $5
     returning (xmax = 0) as fresh`,
    [rule.bucket, keyHash, rule.windowSeconds, cost, rule.limit],
  );
  if (taken) {
    if (taken.fresh) await pruneOldWindows(db);
    return { allowed: true };
  }
  const [left] = await db.query<{ seconds: number }>(
    `select ceil(extract(epoch from ${windowStart(1)} + make_interval(secs => $1::int) - now()))::int as seconds`,
    [rule.windowSeconds],
  );
  return { allowed: false, retryAfterSeconds: Math.max(1, left?.seconds ?? rule.windowSeconds) };
}

interface Take {
  rule: RateLimit;
  keyHash: string;
  cost: number;
}

/**
 * Every key under one rule whose whole cost in this run fits its budget takes it in one statement; the
 * takes of a key that does not fit go one by one, in order, so each gets the answer it would alone.
 */
async function takeForRule(db: Database, rule: RateLimit, takes: Take[]): Promise<LimitDecision[]> {
  const costs = new Map<string, number>();
  for (const take of takes) costs.set(take.keyHash, (costs.get(take.keyHash) ?? 0) + take.cost);
  const rows = [...costs].map(([key_hash, hits]) => ({ key_hash, hits }));
  const taken = await db.query<{ key_hash: string; fresh: boolean }>(
    `insert into rate_limits (bucket, key_hash, window_start, hits)
     select $1, k.key_hash, ${windowStart(3)}, k.hits
       from jsonb_to_recordset($2::text::jsonb) as k (key_hash text, hits int) where k.hits <= $4::int
     on conflict (bucket, key_hash, window_start)
       do update set hits = rate_limits.hits + excluded.hits where rate_limits.hits + excluded.hits <= $4
     returning key_hash, (xmax = 0) as fresh`,
    [rule.bucket, JSON.stringify(rows), rule.windowSeconds, rule.limit],
  );
  if (taken.some((row) => row.fresh)) await pruneOldWindows(db);
  const allowed = new Set(taken.map((row) => row.key_hash));
  const decisions: LimitDecision[] = [];
  for (const take of takes) {
    decisions.push(
      allowed.has(take.keyHash) ? { allowed: true } : await takeOne(db, rule, take.keyHash, take.cost),
    );
  }
  return decisions;
}

/** The takes of every request that arrives while a statement is under way go in the next one together. */
const takeTogether = together<Take, LimitDecision>({
  most: 1_000,
  async run(db, takes) {
    const byRule = new Map<string, Take[]>();
    for (const take of takes) {
      const key = JSON.stringify(take.rule);
      byRule.set(key, [...(byRule.get(key) ?? []), take]);
    }
    const decided = new Map<Take, LimitDecision>();
    for (const group of byRule.values()) {
      const decisions = await takeForRule(db, group[0]!.rule, group);
      group.forEach((take, i) => decided.set(take, decisions[i]!));
    }
    return takes.map((take) => decided.get(take)!);
  },
});

/** Takes `cost` hits from the key's budget in the current window, or none if that would go over it. */
export function takeFromLimit(
  db: Database,
  rule: RateLimit,
  keyHash: string,
  cost = 1,
): Promise<LimitDecision> {
  return takeTogether(db, { rule, keyHash, cost });
}
