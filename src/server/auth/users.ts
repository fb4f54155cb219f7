import { randomUUID } from 'node:crypto';
import { normaliseEmail, type StaffRole, type StaffUser } from '../../domain/staff.ts';
import type { Queryable } from '../db/database.ts';
import { generateOneTimePassword, hashPassword } from './password.ts';

export interface StaffUserRow {
  id: string;
  email: string;
  role: StaffRole;
  password_hash: string;
  must_change_password: boolean;
}

export function toStaffUser(row: Omit<StaffUserRow, 'password_hash'>): StaffUser {
  return { id: row.id, email: row.email, role: row.role, mustChangePassword: row.must_change_password };
}

export class StaffUserExistsError extends Error {
  constructor(email: string) {
    super(`There is already a staff account for ${email}.`);
    this.name = 'StaffUserExistsError';
  }
}

/** Creates an account with a one-time password, which is returned once and never stored in clear. */
export async function createStaffUser(
  db: Queryable,
  account: { email: string; role: StaffRole },
): Promise<{ user: StaffUser; oneTimePassword: string }> {
  const email = normaliseEmail(account.email);
  const oneTimePassword = generateOneTimePassword();
  const rows = await db.query<StaffUserRow>(
    `insert into staff_users (id, email, role, password_hash, must_change_password)
     values ($1, $2, $3, $4, true)
     on conflict (email) do nothing
     returning id, email, role, must_change_password`,
    [randomUUID(), email, account.role, await hashPassword(oneTimePassword)],
  );
  const [row] = rows;
  if (!row) throw new StaffUserExistsError(email);
  return { user: toStaffUser(row), oneTimePassword };
}

/** Enabled accounts only: a disabled one cannot sign in. */
export async function findStaffUserByEmail(db: Queryable, email: string): Promise<StaffUserRow | undefined> {
  const [row] = await db.query<StaffUserRow>(
    `select id, email, role, password_hash, must_change_password
     from staff_users where email = $1 and disabled_at is null`,
    [normaliseEmail(email)],
  );
  return row;
}

export async function findStaffUserById(db: Queryable, id: string): Promise<StaffUserRow | undefined> {
  const [row] = await db.query<StaffUserRow>(
    `select id, email, role, password_hash, must_change_password
     from staff_users where id = $1 and disabled_at is null`,
    [id],
  );
  return row;
}

export async function setStaffPassword(db: Queryable, userId: string, password: string): Promise<void> {
  await db.query(
    `update staff_users
     set password_hash = $2, must_change_password = false, password_changed_at = now()
     where id = $1`,
    [userId, await hashPassword(password)],
  );
}
