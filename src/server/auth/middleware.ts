import type { Context, MiddlewareHandler } from 'hono';
import type { StaffRole, StaffUser } from '../../domain/staff.ts';
import type { Database } from '../db/database.ts';
import { ApiError } from '../http/errors.ts';
import type { TrustedProxies } from '../config.ts';
import { trustsProxy } from './client-address.ts';
import { changesState, fromOwnOrigin } from './origin.ts';
import { findSession, sessionToken, type StaffSession } from './sessions.ts';

declare module 'hono' {
  interface ContextVariableMap {
    /** Set by `staffSession`: the session, or null when the request has none. */
    staffSession: StaffSession | null | undefined;
  }
}

export interface AuthContext {
  db: Database;
  /** Which proxies' forwarded headers to believe; none when omitted. */
  trustProxy?: TrustedProxies;
}

/**
 * Reads the session cookie, if any, for the handlers after it (`sessionUser`, `requireRole`). A request
 * that changes state and carries the cookie must come from one of our own pages: 403 `bad_origin`
 * otherwise, whatever the route, so no other site can act with a member of staff's session.
 */
export function staffSession(ctx: AuthContext): MiddlewareHandler {
  return async (c, next) => {
    if (c.get('staffSession') === undefined) {
      const token = sessionToken(c);
      if (token && changesState(c) && !fromOwnOrigin(c, trustsProxy(ctx.trustProxy ?? { hops: 0 })))
        throw badOrigin();
      c.set('staffSession', token ? ((await findSession(ctx.db, token)) ?? null) : null);
    }
    await next();
  };
}

export function badOrigin(): ApiError {
  return new ApiError(403, 'bad_origin', 'This request did not come from a Signpost page.');
}

/** The signed-in member of staff, or undefined. Needs `staffSession(ctx)` earlier in the chain. */
export function sessionUser(c: Context): StaffUser | undefined {
  return currentSession(c)?.user;
}

/** The member of staff `requireRole` let through; 401 if there is none. */
export function staffMember(c: Context): StaffUser {
  const user = sessionUser(c);
  if (!user) throw new ApiError(401, 'unauthenticated', 'Sign in to do this.');
  return user;
}

export function currentSession(c: Context): StaffSession | undefined {
  const session = c.get('staffSession');
  if (session === undefined) throw new Error('staffSession(ctx) must run before the session is read');
  return session ?? undefined;
}

/**
 * Lets the request through only for a signed-in member of staff with one of `roles` (an admin is not
 * let in unless named), who has replaced their one-time password. Needs `staffSession(ctx)` first.
 */
export function requireRole(...roles: StaffRole[]): MiddlewareHandler {
  return async (c, next) => {
    const user = sessionUser(c);
    if (!user) throw new ApiError(401, 'unauthenticated', 'Sign in to do this.');
    if (user.mustChangePassword)
      throw new ApiError(403, 'password_change_required', 'Change your one-time password first.');
    if (!roles.includes(user.role)) throw new ApiError(403, 'forbidden', 'Your account does not allow this.');
    await next();
  };
}

/** Whether this user may do what `roles` allows (for decisions inside a handler, per item). */
export function hasRole(user: StaffUser | undefined, ...roles: StaffRole[]): user is StaffUser {
  return user !== undefined && !user.mustChangePassword && roles.includes(user.role);
}
