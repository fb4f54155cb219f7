// `npm run user:add -- --role field|analyst|admin <email>`
import { parseArgs } from 'node:util';
import { StaffEmail, StaffRole, normaliseEmail } from '../../domain/staff.ts';
import { createStaffUser, StaffUserExistsError } from '../auth/users.ts';
import { loadConfig } from '../config.ts';
import { migrate } from '../db/migrate.ts';
import { openDatabase } from '../db/open.ts';

const USAGE = 'Usage: npm run user:add -- --role field|analyst|admin <email>';

const { values, positionals } = parseArgs({
  args: process.argv.slice(2),
  allowPositionals: true,
  options: { role: { type: 'string' } },
});
const role = StaffRole.safeParse(values.role);
const email = StaffEmail.safeParse(normaliseEmail(positionals[0] ?? ''));
if (!role.success || !email.success || positionals.length !== 1) {
  if (values.role !== undefined && !role.success) console.error(`There is no role "${values.role}".`);
  if (positionals[0] !== undefined && !email.success)
    console.error(`"${positionals[0]}" is not an email address.`);
  console.error(USAGE);
  process.exit(2);
}

const config = loadConfig();
const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: `${config.dataDir}/pgdata` });
try {
  await migrate(db);
  const { user, oneTimePassword } = await createStaffUser(db, { email: email.data, role: role.data });
  console.log(`Created a ${user.role} account for ${user.email}.`);
  console.log(`One-time password: ${oneTimePassword}`);
  console.log('It is shown only this once. They sign in with it and choose a new password.');
} catch (error) {
  if (!(error instanceof StaffUserExistsError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
} finally {
  await db.close();
}
