import { Hono } from 'hono';
import { requireRole, staffMember, staffSession } from '../auth/middleware.ts';
import type { AppContext } from '../http/context.ts';
import { ApiError } from '../http/errors.ts';
import { noStore, notFound, readBody, uuidParam } from '../http/validate.ts';
import {
  AccountChange,
  changeStaffAccount,
  InviteRequest,
  inviteStaff,
  issueOneTimePassword,
  listRoleChanges,
  listStaffAccounts,
} from '../insight/staff-accounts.ts';

/** `/api/v1/staff`: accounts and role changes, for admins. One-time passwords appear once, in the answer that made them. */
export function staffUsersRoutes(ctx: AppContext): Hono {
  const { db } = ctx;
  const app = new Hono();
  app.use(staffSession(ctx), requireRole('admin'), async (c, next) => {
    noStore(c);
    await next();
  });

  app.get('/users', async (c) => c.json({ users: await listStaffAccounts(db) }));

  app.post('/users', async (c) => {
    const invite = await readBody(c, InviteRequest);
    const outcome = await inviteStaff(db, invite, staffMember(c).id);
    if (outcome.status === 'exists') {
      throw new ApiError(409, 'already_exists', 'There is already an account for this email address.');
    }
    return c.json({ user: outcome.account, oneTimePassword: outcome.oneTimePassword }, 201);
  });

  app.patch('/users/:id', async (c) => {
    const id = uuidParam(c, 'id', 'account');
    const change = await readBody(c, AccountChange);
    const outcome = await changeStaffAccount(db, id, change, staffMember(c).id);
    if (outcome.status === 'not-found') throw notFound('account');
    if (outcome.status === 'own-role') {
      throw new ApiError(403, 'own_role', 'Another administrator must change your role.');
    }
    if (outcome.status === 'last-admin') {
      throw new ApiError(409, 'last_admin', 'This is the only admin. Make someone else an admin first.');
    }
    return c.json({ user: outcome.account });
  });

  app.get('/role-changes', async (c) => c.json({ changes: await listRoleChanges(db) }));

  app.post('/users/:id/one-time-password', async (c) => {
    const issued = await issueOneTimePassword(db, uuidParam(c, 'id', 'account'));
    if (!issued) throw notFound('account');
    return c.json({ user: issued.account, oneTimePassword: issued.oneTimePassword });
  });

  return app;
}
