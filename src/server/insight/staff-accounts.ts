import type { AccountChange, RoleChange, StaffAccount } from '../../domain/api/staff-users.ts';
import { generateOneTimePassword, hashPassword } from '../auth/password.ts';
import { createStaffUser, StaffUserExistsError } from '../auth/users.ts';
import type { Database, Queryable } from '../db/database.ts';
import { toIsoTime } from './csv.ts';

/**
 * Staff accounts as an admin manages them: invite (a one-time password shown once), change a role,
 * disable and enable, issue a new one-time password. Accounts are never deleted here, and the last
 * enabled admin can be neither disabled nor given another role, so the service always has an admin.
 * Separation of duties: no admin changes their own role, and every role given is recorded with who gave it.
 */

interface AccountRow {
  id: string;
  email: string;
  role: StaffAccount['role'];
  must_change_password: boolean;
  created_at: unknown;
  last_signed_in_at: unknown;
  disabled_at: unknown;
}

const COLUMNS = 'id, email, role, must_change_password, created_at, last_signed_in_at, disabled_at';

function toAccount(row: AccountRow): StaffAccount {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    mustChangePassword: row.must_change_password,
    createdAt: toIsoTime(row.created_at),
    lastSignedInAt: row.last_signed_in_at ? toIsoTime(row.last_signed_in_at) : null,
    disabled: row.disabled_at !== null && row.disabled_at !== undefined,
  };
}

export async function listStaffAccounts(db: Database): Promise<StaffAccount[]> {
  const rows = await db.query<AccountRow>(`select ${COLUMNS} from staff_users order by email`);
  return rows.map(toAccount);
}

export type InviteOutcome =
  { status: 'created'; account: StaffAccount; oneTimePassword: string } | { status: 'exists' };

export async function inviteStaff(
  db: Database,
  invite: { email: string; role: StaffAccount['role'] },
  invitedBy: string,
): Promise<InviteOutcome> {
  try {
    const { user, oneTimePassword } = await createStaffUser(db, invite);
    await recordRoleChange(db, { userId: user.id, changedBy: invitedBy, from: null, to: invite.role });
    const [row] = await db.query<AccountRow>(`select ${COLUMNS} from staff_users where id = $1`, [user.id]);
    return { status: 'created', account: toAccount(row as AccountRow), oneTimePassword };
  } catch (error) {
    if (error instanceof StaffUserExistsError) return { status: 'exists' };
    throw error;
  }
}

export type ChangeOutcome =
  | { status: 'changed'; account: StaffAccount; roleChanged?: { from: string; to: string } }
  | { status: 'not-found' }
  | { status: 'last-admin' }
  | { status: 'own-role' };

async function recordRoleChange(
  db: Queryable,
  change: { userId: string; changedBy: string; from: string | null; to: string },
): Promise<void> {
  await db.query(
    'insert into staff_role_changes (user_id, changed_by, from_role, to_role) values ($1, $2, $3, $4)',
    [change.userId, change.changedBy, change.from, change.to],
  );
}

/** Every role given, newest first: invitations (no previous role) and changes. */
export async function listRoleChanges(db: Database): Promise<RoleChange[]> {
  const rows = await db.query<{
    user_id: string;
    changed_by: string | null;
    from_role: StaffAccount['role'] | null;
    to_role: StaffAccount['role'];
    changed_at: unknown;
  }>('select user_id, changed_by, from_role, to_role, changed_at from staff_role_changes order by id desc');
  return rows.map((row) => ({
    userId: row.user_id,
    changedBy: row.changed_by,
    fromRole: row.from_role,
    toRole: row.to_role,
    changedAt: toIsoTime(row.changed_at),
  }));
}

export async function changeStaffAccount(
  db: Database,
  id: string,
  change: AccountChange,
  changedBy: string,
): Promise<ChangeOutcome> {
  // An admin who could set their own role could give themselves an analyst's reading of stories.
  if (change.role !== undefined && id === changedBy) return { status: 'own-role' };
  return db.transaction(async (tx) => {
    // Two admins demoting each other at once must not leave the service with none.
    await tx.query("select pg_advisory_xact_lock(hashtext('signpost:staff-admins'))");
    const [account] = await tx.query<AccountRow>(`select ${COLUMNS} from staff_users where id = $1`, [id]);
    if (!account) return { status: 'not-found' };
    const enabledAdmin = account.role === 'admin' && !account.disabled_at;
    const staysEnabledAdmin =
      (change.role ?? account.role) === 'admin' && !(change.disabled ?? Boolean(account.disabled_at));
    if (enabledAdmin && !staysEnabledAdmin && (await otherEnabledAdmins(tx, id)) === 0) {
      return { status: 'last-admin' };
    }
    const [row] = await tx.query<AccountRow>(
      `update staff_users set
         role = coalesce($2, role),
         disabled_at = case when $3::boolean is null then disabled_at
                            when $3 then coalesce(disabled_at, now()) end
       where id = $1 returning ${COLUMNS}`,
      [id, change.role ?? null, change.disabled ?? null],
    );
    // A disabled account is signed out everywhere at once.
    if (change.disabled) await tx.query('delete from staff_sessions where user_id = $1', [id]);
    if (change.role !== undefined && change.role !== account.role) {
      await recordRoleChange(tx, { userId: id, changedBy, from: account.role, to: change.role });
      return {
        status: 'changed',
        account: toAccount(row as AccountRow),
        roleChanged: { from: account.role, to: change.role },
      };
    }
    return { status: 'changed', account: toAccount(row as AccountRow) };
  });
}

async function otherEnabledAdmins(tx: Queryable, id: string): Promise<number> {
  const [row] = await tx.query<{ count: number }>(
    `select count(*)::int as count from staff_users
     where role = 'admin' and disabled_at is null and id <> $1`,
    [id],
  );
  return row?.count ?? 0;
}

/** A new one-time password for someone who forgot theirs: shown once, to be changed at sign-in. */
export async function issueOneTimePassword(
  db: Database,
  id: string,
): Promise<{ account: StaffAccount; oneTimePassword: string } | undefined> {
  const oneTimePassword = generateOneTimePassword();
  const hash = await hashPassword(oneTimePassword);
  return db.transaction(async (tx) => {
    const [row] = await tx.query<AccountRow>(
      `update staff_users set password_hash = $2, must_change_password = true
       where id = $1 returning ${COLUMNS}`,
      [id, hash],
    );
    if (!row) return undefined;
    await tx.query('delete from staff_sessions where user_id = $1', [id]);
    return { account: toAccount(row), oneTimePassword };
  });
}
