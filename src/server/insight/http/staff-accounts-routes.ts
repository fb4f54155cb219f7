import { Hono } from 'hono';
import { requireRole } from '../../auth/middleware.ts';
import type { Database } from '../../db/database.ts';
import { ApiError } from '../../http/errors.ts';
import {
  AccountChange,
  changeStaffAccount,
  InviteRequest,
  inviteStaff,
  issueOneTimePassword,
  listRoleChanges,
  listStaffAccounts,
} from '../staff-accounts.ts';
import { noStore, notFound, readBody, staffMember, uuidParam } from './params.ts';

/** Staff accounts, for admins. One-time passwords appear once, in the answer that made them. */
export function staffAccountsRoutes(db: Database): Hono {
  const app = new Hono();
  app.use('/v1/staff/*', requireRole('admin'), async (c, next) => {
    noStore(c);
    await next();
  });

  app.get('/v1/staff/users', async (c) => c.json({ users: await listStaffAccounts(db) }));

  app.post('/v1/staff/users', async (c) => {
    const invite = await readBody(c, InviteRequest);
    const outcome = await inviteStaff(db, invite, staffMember(c).id);
    if (outcome.status === 'exists') {
      throw new ApiError(409, 'already_exists', 'There is already an account for this email address.');
    }
    return c.json({ user: outcome.account, oneTimePassword: outcome.oneTimePassword }, 201);
  });

  app.patch('/v1/staff/users/:id', async (c) => {
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

  app.get('/v1/staff/role-changes', async (c) => c.json({ changes: await listRoleChanges(db) }));

  app.post('/v1/staff/users/:id/one-time-password', async (c) => {
    const issued = await issueOneTimePassword(db, uuidParam(c, 'id', 'account'));
    if (!issued) throw notFound('account');
    return c.json({ user: issued.account, oneTimePassword: issued.oneTimePassword });
  });

  return app;
}
