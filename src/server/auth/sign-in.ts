import { normaliseEmail } from '../../domain/staff.ts';
import type { Database } from '../db/database.ts';
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
  attempt: { email: string; password: string; address: string },
): Promise<SignInOutcome> {
  const addressKey = await privateKeyHash(db, 'sign-in-address', addressForLimits(attempt.address));
  const limited = await takeFromLimit(db, SIGN_IN_PER_ADDRESS, addressKey);
  if (!limited.allowed)
    return { ok: false, reason: 'slow-down', retryAfterSeconds: limited.retryAfterSeconds };

  const accountKey = await accountKeyFor(db, attempt.email);
  const lockedFor = await secondsLocked(db, accountKey);
  if (lockedFor > 0) return { ok: false, reason: 'slow-down', retryAfterSeconds: lockedFor };

  const user = await findStaffUserByEmail(db, attempt.email);
  const matches = await verifyPassword(attempt.password, user?.password_hash ?? (await dummyPasswordHash()));
  if (!user || !matches) {
    await recordFailure(db, accountKey);
    return { ok: false, reason: 'invalid' };
  }
  await clearFailures(db, accountKey);
  await db.query('update staff_users set last_signed_in_at = now() where id = $1', [user.id]);
  return { ok: true, user };
}

export function accountKeyFor(db: Database, email: string): Promise<string> {
  return privateKeyHash(db, 'sign-in-account', normaliseEmail(email));
}

/** How long the account stays locked, in whole seconds; 0 when it is not locked. */
export async function secondsLocked(db: Database, accountKey: string): Promise<number> {
  const [row] = await db.query<{ seconds: number }>(
    `select ceil(extract(epoch from locked_until - now()))::int as seconds
     from sign_in_failures where key_hash = $1 and locked_until > now()`,
    [accountKey],
  );
  return row ? Math.max(1, row.seconds) : 0;
}

export async function recordFailure(db: Database, accountKey: string): Promise<void> {
  // A failure more than a window after the first starts the count again.
  const fresh = 'sign_in_failures.first_failed_at <= now() - make_interval(secs => $2::int)';
  const failures = `case when ${fresh} then 1 else sign_in_failures.failures + 1 end`;
  await db.query(
    `insert into sign_in_failures (key_hash, failures, first_failed_at, locked_until)
     values ($1, 1, now(), case when $3::int <= 1 then now() + make_interval(secs => $4::int) end)
     on conflict (key_hash) do update set
       failures = ${failures},
       first_failed_at = case when ${fresh} then now() else sign_in_failures.first_failed_at end,
       locked_until = case when ${failures} >= $3::int then now() + make_interval(secs => $4::int) end`,
    [accountKey, ACCOUNT_LOCK.windowSeconds, ACCOUNT_LOCK.failures, ACCOUNT_LOCK.lockSeconds],
  );
}

export async function clearFailures(db: Database, accountKey: string): Promise<void> {
  await db.query('delete from sign_in_failures where key_hash = $1', [accountKey]);
}
