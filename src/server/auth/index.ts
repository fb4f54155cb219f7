/**
 * Staff authentication for every API route that needs it:
 *
 *   new Hono()
 *     .use('/v1/stories', staffSession(ctx))
 *     .get('/v1/stories', requireRole('analyst', 'admin'), (c) => … sessionUser(c) …)
 */
export {
  currentSession,
  hasRole,
  requireRole,
  sessionUser,
  staffSession,
  type AuthContext,
} from './middleware.ts';
export { createStaffUser, StaffUserExistsError } from './users.ts';
export { SESSION_COOKIE, SESSION_ABSOLUTE_SECONDS, SESSION_IDLE_SECONDS } from './sessions.ts';
export { takeFromLimit, type RateLimit } from './rate-limit.ts';
export { addressForLimits, clientAddress, privateKeyHash, trustsProxy } from './client-address.ts';
