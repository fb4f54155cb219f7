import { createHash, randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { StaffUser } from '../../domain/staff.ts';
import type { Queryable } from '../db/database.ts';
import { toStaffUser, type StaffUserRow } from './users.ts';

/**
 * Server-side sessions: the browser holds a random token in a `__Host-` cookie (Secure, Path=/, no
 * Domain: RFC 6265bis §4.1.3.2), the database holds only its SHA-256, with idle and absolute expiry.
 */
export const SESSION_COOKIE = '__Host-signpost-session';
/** A visit to a home can run long with the app open but idle; two hours covers it. */
export const SESSION_IDLE_SECONDS = 2 * 60 * 60;
/** On a shared computer (a library, an office hot desk) a session left idle ends sooner. */
export const SHARED_SESSION_IDLE_SECONDS = 30 * 60;
/** A working day, after which staff sign in again whatever they did. */
export const SESSION_ABSOLUTE_SECONDS = 12 * 60 * 60;
/** `last_seen_at` is written at most this often, not on every request. */
const TOUCH_EVERY_SECONDS = 60;

export interface StaffSession {
  tokenHash: string;
  user: StaffUser;
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export async function startSession(
  db: Queryable,
  userId: string,
  options: { sharedComputer?: boolean } = {},
): Promise<{ token: string; tokenHash: string }> {
  const token = randomBytes(32).toString('base64url');
  const tokenHash = hashToken(token);
  await db.query(
    `delete from staff_sessions
     where expires_at <= now() or last_seen_at <= now() - make_interval(secs => idle_seconds)`,
  );
  await db.query(
    `insert into staff_sessions (token_hash, user_id, expires_at, idle_seconds)
     values ($1, $2, now() + make_interval(secs => $3::int), $4)`,
    [
      tokenHash,
      userId,
      SESSION_ABSOLUTE_SECONDS,
      options.sharedComputer ? SHARED_SESSION_IDLE_SECONDS : SESSION_IDLE_SECONDS,
    ],
  );
  return { token, tokenHash };
}

/** The live session a token belongs to, if any: not expired, not idle too long, its account enabled. */
export async function findSession(db: Queryable, token: string): Promise<StaffSession | undefined> {
  const tokenHash = hashToken(token);
  const [row] = await db.query<Omit<StaffUserRow, 'password_hash'> & { stale: boolean }>(
    `select u.id, u.email, u.role, u.must_change_password,
            s.last_seen_at < now() - make_interval(secs => $2::int) as stale
     from staff_sessions s join staff_users u on u.id = s.user_id
     where s.token_hash = $1 and s.expires_at > now()
       and s.last_seen_at > now() - make_interval(secs => s.idle_seconds)
       and u.disabled_at is null`,
    [tokenHash, TOUCH_EVERY_SECONDS],
  );
  if (!row) return undefined;
  if (row.stale)
    await db.query('update staff_sessions set last_seen_at = now() where token_hash = $1', [tokenHash]);
  return { tokenHash, user: toStaffUser(row) };
}

export async function endSession(db: Queryable, tokenHash: string): Promise<void> {
  await db.query('delete from staff_sessions where token_hash = $1', [tokenHash]);
}

/** After a password change, every other device signed in as this person is signed out. */
export async function endOtherSessions(db: Queryable, userId: string, keepTokenHash: string): Promise<void> {
  await db.query('delete from staff_sessions where user_id = $1 and token_hash <> $2', [
    userId,
    keepTokenHash,
  ]);
}

export function sessionToken(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE) || undefined;
}

/**
 * Browsers treat http://localhost and 127.0.0.1 as secure, so Secure cookies work in development too (a
 * browser test checks Chromium). On a shared computer the cookie has no Max-Age or Expires, so the
 * browser forgets it when it closes (RFC 6265bis §5.7, a session cookie).
 */
export function setSessionCookie(
  c: Context,
  token: string,
  options: { sharedComputer?: boolean } = {},
): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    secure: true,
    sameSite: 'Strict',
    path: '/',
    ...(options.sharedComputer ? {} : { maxAge: SESSION_ABSOLUTE_SECONDS }),
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { httpOnly: true, secure: true, sameSite: 'Strict', path: '/' });
}
