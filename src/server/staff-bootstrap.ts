import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Database } from './db/database.ts';
import { createStaffUser } from './auth/users.ts';
import { DEFAULT_ADMIN_EMAIL } from './config.ts';

/**
 * On first start, with no staff accounts at all, creates an admin. Its email and one-time password go
 * to `passwordFile`, readable by this user only, and only the file's path is printed: logs are kept,
 * shipped and read by others, so a password printed there would outlive its one use. Processes starting
 * together create one admin between them.
 */
export async function createFirstAdmin(
  db: Database,
  options: { passwordFile: string; email?: string; print?: (line: string) => void },
): Promise<boolean> {
  const email = options.email ?? DEFAULT_ADMIN_EMAIL;
  const print = options.print ?? ((line: string) => console.log(line));
  const created = await db.transaction(async (tx) => {
    await tx.query("select pg_advisory_xact_lock(hashtext('signpost:first-admin'))");
    const [{ count } = { count: 0 }] = await tx.query<{ count: number }>(
      'select count(*)::int as count from staff_users',
    );
    if (count > 0) return undefined;
    const made = await createStaffUser(tx, { email, role: 'admin' });
    // Written before the account is committed: if the file cannot be written, there is no account to lose.
    mkdirSync(dirname(options.passwordFile), { recursive: true, mode: 0o700 });
    writeFileSync(
      options.passwordFile,
      `Signpost's first administrator account\n\n` +
        `Email address:     ${made.user.email}\n` +
        `One-time password: ${made.oneTimePassword}\n\n` +
        'Sign in at /staff/sign-in with these, choose a new password, then delete this file.\n',
      { mode: 0o600 },
    );
    chmodSync(options.passwordFile, 0o600);
    return made;
  });
  if (!created) return false;
  print(
    `No staff accounts existed, so an administrator account was created. Its email address and one-time ` +
      `password are in ${options.passwordFile} (readable by this user only). Sign in at /staff/sign-in ` +
      'with them, choose a new password, then delete the file.',
  );
  return true;
}
