/**
 * Staff authentication for every API router that needs it, attached to the router itself:
 *
 *   new Hono()
 *     .use(staffSession(ctx))
 *     .get('/', requireRole('analyst', 'admin'), (c) => … sessionUser(c) …)
 */
export { requireRole, sessionUser, staffSession } from './middleware.ts';
export { createStaffUser } from './users.ts';
export { SESSION_COOKIE } from './sessions.ts';
