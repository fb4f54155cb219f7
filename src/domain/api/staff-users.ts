import { z } from 'zod/mini';
import { normaliseEmail, StaffEmail, StaffRole, StaffUser } from '../staff.ts';

/** Staff accounts at `/api/v1/staff/users`, for admins. */

/** `POST /api/v1/staff/users`: an invitation, which makes the account with a one-time password. */
export const InviteRequest = z.object({
  email: z.pipe(z.string().check(z.overwrite(normaliseEmail)), StaffEmail),
  role: StaffRole,
});
export type InviteRequest = z.infer<typeof InviteRequest>;

/** `PATCH /api/v1/staff/users/{id}`: a new role, or disabled or enabled, or both. */
export const AccountChange = z
  .object({ role: z.optional(StaffRole), disabled: z.optional(z.boolean()) })
  .check(
    z.refine((change) => change.role !== undefined || change.disabled !== undefined, {
      error: 'Give a role or disabled',
    }),
  );
export type AccountChange = z.infer<typeof AccountChange>;

/** An account as an admin sees it. */
export const StaffAccount = z.extend(StaffUser, {
  createdAt: z.string(),
  lastSignedInAt: z.nullable(z.string()),
  disabled: z.boolean(),
});
export type StaffAccount = z.infer<typeof StaffAccount>;

/** `GET /api/v1/staff/users`. */
export const StaffAccountsResponse = z.object({ users: z.array(StaffAccount) });
export type StaffAccountsResponse = z.infer<typeof StaffAccountsResponse>;

/** `POST /api/v1/staff/users` and `POST …/{id}/one-time-password`: the password appears here once only. */
export const AccountWithPasswordResponse = z.object({ user: StaffAccount, oneTimePassword: z.string() });
export type AccountWithPasswordResponse = z.infer<typeof AccountWithPasswordResponse>;

/** `PATCH /api/v1/staff/users/{id}`. */
export const AccountChangedResponse = z.object({ user: StaffAccount });
export type AccountChangedResponse = z.infer<typeof AccountChangedResponse>;

/** A role given: at an invitation (no previous role) or a change, and by whom if they still exist. */
export const RoleChange = z.object({
  userId: z.string(),
  changedBy: z.nullable(z.string()),
  fromRole: z.nullable(StaffRole),
  toRole: StaffRole,
  changedAt: z.string(),
});
export type RoleChange = z.infer<typeof RoleChange>;

/** `GET /api/v1/staff/role-changes`: every role given, newest first. */
export const RoleChangesResponse = z.object({ changes: z.array(RoleChange) });
export type RoleChangesResponse = z.infer<typeof RoleChangesResponse>;
