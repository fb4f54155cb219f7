/**
 * Staff authentication for every API router that needs it, attached to the router itself:
 *
 *   new Hono()
 *     .use(staffSession(ctx))
 *     .get('/', requireRole('analyst', 'admin'), (c) => … sessionUser(c) …)
 */
export {
  currentSession,
  hasRole,
  requireRole,
  sessionUser,
  staffMember,
  staffSession,
  type AuthContext,
} from './middleware.ts';
export { createStaffUser, StaffUserExistsError } from './users.ts';
export { SESSION_COOKIE, SESSION_ABSOLUTE_SECONDS, SESSION_IDLE_SECONDS } from './sessions.ts';
export { takeFromLimit, type RateLimit } from './rate-limit.ts';
export { addressForLimits, clientAddress, privateKeyHash, trustsProxy } from './client-address.ts';
