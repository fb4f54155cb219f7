import type { Database } from './db/database.ts';
import { createStaffUser } from './auth/users.ts';

export const DEFAULT_ADMIN_EMAIL = 'admin@signpost.example';

/**
 * On first start, with no staff accounts at all, creates an admin and prints its one-time password
 * once (it must be changed at first sign-in). Processes starting together create one admin between them.
 */
export async function createFirstAdmin(
  db: Database,
  options: { email?: string; print?: (line: string) => void } = {},
): Promise<boolean> {
  const email = options.email || process.env.ADMIN_EMAIL || DEFAULT_ADMIN_EMAIL;
  const print = options.print ?? ((line: string) => console.log(line));
  const created = await db.transaction(async (tx) => {
    await tx.query("select pg_advisory_xact_lock(hashtext('signpost:first-admin'))");
    const [{ count } = { count: 0 }] = await tx.query<{ count: number }>(
      'select count(*)::int as count from staff_users',
    );
    return count === 0 ? createStaffUser(tx, { email, role: 'admin' }) : undefined;
  });
  if (!created) return false;
  print(
    `No staff accounts existed, so an admin account was created for ${created.user.email}.\n` +
      `  One-time password: ${created.oneTimePassword}\n` +
      '  It is shown only this once. Sign in with it and choose a new password.',
  );
  return true;
}
