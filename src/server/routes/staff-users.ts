import { Hono } from 'hono';
import {
  AccountChange,
  AccountChangedResponse,
  AccountWithPasswordResponse,
  InviteRequest,
  RoleChangesResponse,
  StaffAccountsResponse,
} from '../../domain/api/staff-users.ts';
import { requireRole, staffMember, staffSession } from '../auth/middleware.ts';
import type { AppContext } from '../http/context.ts';
import { ApiError } from '../http/errors.ts';
import { noStore, notFound, readBody, reply, uuidParam } from '../http/validate.ts';
import {
  changeStaffAccount,
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

  app.get('/users', async (c) => reply(c, StaffAccountsResponse, { users: await listStaffAccounts(db) }));

  app.post('/users', async (c) => {
    const invite = await readBody(c, InviteRequest);
    const outcome = await inviteStaff(db, invite, staffMember(c).id);
    if (outcome.status === 'exists') {
      throw new ApiError(409, 'already_exists', 'There is already an account for this email address.');
    }
    const { account, oneTimePassword } = outcome;
    return reply(c, AccountWithPasswordResponse, { user: account, oneTimePassword }, 201);
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
    return reply(c, AccountChangedResponse, { user: outcome.account });
  });

  app.get('/role-changes', async (c) =>
    reply(c, RoleChangesResponse, { changes: await listRoleChanges(db) }),
  );

  app.post('/users/:id/one-time-password', async (c) => {
    const issued = await issueOneTimePassword(db, uuidParam(c, 'id', 'account'));
    if (!issued) throw notFound('account');
    const { account, oneTimePassword } = issued;
    return reply(c, AccountWithPasswordResponse, { user: account, oneTimePassword });
  });

  return app;
}
