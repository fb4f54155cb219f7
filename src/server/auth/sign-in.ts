import { normaliseEmail } from '../../domain/staff.ts';
import type { Database, Queryable } from '../db/database.ts';
import type { Secrets } from '../secrets.ts';
import { addressForLimits, privateKeyHash } from './client-address.ts';
import { dummyPasswordHash, verifyPassword } from './password.ts';
import { takeFromLimit, type RateLimit } from './rate-limit.ts';
import { findStaffUserByEmail, type StaffUserRow } from './users.ts';

/** Sign-in attempts from one address, right or wrong: enough for an office behind one address. */
export const SIGN_IN_PER_ADDRESS: RateLimit = {
  bucket: 'sign-in-address',
  limit: 30,
  windowSeconds: 15 * 60,
};

/** Wrong passwords for one email, within `windowSeconds` of the first, before it is locked for `lockSeconds`. */
export const ACCOUNT_LOCK = { failures: 10, windowSeconds: 15 * 60, lockSeconds: 15 * 60 } as const;

export type SignInOutcome =
  | { ok: true; user: StaffUserRow }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'slow-down'; retryAfterSeconds: number };

/**
 * Checks an email and password. A wrong email and a wrong password get the same answer in about the
 * same time (a dummy hash is checked when there is no such account), and an email that does not
 * exist locks just as one that does, so nothing tells an attacker which accounts are real.
 */
export async function checkSignIn(
  db: Database,
  secrets: Secrets,
  attempt: { email: string; password: string; address: string },
  at?: Date,
): Promise<SignInOutcome> {
  const addressKey = privateKeyHash(secrets, 'sign-in-address', addressForLimits(attempt.address));
  const limited = await takeFromLimit(db, SIGN_IN_PER_ADDRESS, addressKey, 1, at);
  if (!limited.allowed)
    return { ok: false, reason: 'slow-down', retryAfterSeconds: limited.retryAfterSeconds };

  const accountKey = accountKeyFor(secrets, attempt.email);
  const lockedFor = await takeAttempt(db, accountKey);
  if (lockedFor > 0) return { ok: false, reason: 'slow-down', retryAfterSeconds: lockedFor };

  const user = await findStaffUserByEmail(db, attempt.email);
  const matches = await verifyPassword(attempt.password, user?.password_hash ?? (await dummyPasswordHash()));
  if (!user || !matches) return { ok: false, reason: 'invalid' };
  await clearFailures(db, accountKey);
  await db.query('update staff_users set last_signed_in_at = now() where id = $1', [user.id]);
  return { ok: true, user };
}

export function accountKeyFor(secrets: Secrets, email: string): string {
  return privateKeyHash(secrets, 'sign-in-account', normaliseEmail(email));
}

/** Unlocked rows are removed a window after their first failure; this often is enough to keep the table small. */
const PRUNE_EVERY_MS = 60_000;
const lastPruned = new WeakMap<Queryable, number>();

async function pruneFailures(db: Queryable): Promise<void> {
  const now = Date.now();
  if (now - (lastPruned.get(db) ?? -Infinity) < PRUNE_EVERY_MS) return;
  lastPruned.set(db, now);
  await db.query(
    `delete from sign_in_failures
     where first_failed_at <= now() - make_interval(secs => $1::int)
       and (locked_until is null or locked_until <= now())`,
    [ACCOUNT_LOCK.windowSeconds],
  );
}

/**
 * Counts an attempt as a failure before its password is checked, and refuses it if the account is locked,
 * in one statement: concurrent attempts queue on the row, so no more than `ACCOUNT_LOCK.failures` passwords
 * are ever checked in a window, however many arrive at once. A right password then clears the count.
 * Returns 0 when the password may be checked, else how many seconds the lock has left.
 */
export async function takeAttempt(db: Queryable, accountKey: string): Promise<number> {
  // A failure more than a window after the first starts the count again.
  const fresh = 'sign_in_failures.first_failed_at <= now() - make_interval(secs => $2::int)';
  const failures = `case when ${fresh} then 1 else sign_in_failures.failures + 1 end`;
  const lock = 'now() + make_interval(secs => $4::int)';
  const [taken] = await db.query<{ fresh: boolean }>(
    `insert into sign_in_failures (key_hash, failures, first_failed_at, locked_until)
     values ($1, 1, now(), case when $3::int <= 1 then ${lock} end)
     on conflict (key_hash) do update set
       failures = ${failures},
       first_failed_at = case when ${fresh} then now() else sign_in_failures.first_failed_at end,
       locked_until = case when ${failures} >= $3::int then ${lock} end
     where sign_in_failures.locked_until is null or sign_in_failures.locked_until <= now()
     returning (xmax = 0) as fresh`,
    [accountKey, ACCOUNT_LOCK.windowSeconds, ACCOUNT_LOCK.failures, ACCOUNT_LOCK.lockSeconds],
  );
  if (taken) {
    if (taken.fresh) await pruneFailures(db);
    return 0;
  }
  const [row] = await db.query<{ seconds: number }>(
    `select ceil(extract(epoch from locked_until - now()))::int as seconds
     from sign_in_failures where key_hash = $1`,
    [accountKey],
  );
  return Math.max(1, row?.seconds ?? ACCOUNT_LOCK.lockSeconds);
}

export async function clearFailures(db: Database, accountKey: string): Promise<void> {
  await db.query('delete from sign_in_failures where key_hash = $1', [accountKey]);
}
