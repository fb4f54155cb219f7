import { createStaffUser } from '../../src/server/auth/index.ts';
import { setStaffPassword } from '../../src/server/auth/users.ts';
import type { Database } from '../../src/server/db/database.ts';
import { migrate } from '../../src/server/db/migrate.ts';

export interface StaffAccount {
  email: string;
  password: string;
}

/** A field worker's account, made before the server starts, as `npm run user:add` and a first sign-in would. */
export async function prepareFieldWorker(db: Database): Promise<StaffAccount> {
  await migrate(db);
  const account = {
    email: 'field.worker@signpost-bench.example',
    password: 'a long passphrase for the bench',
  };
  const { user } = await createStaffUser(db, { email: account.email, role: 'field' });
  await setStaffPassword(db, user.id, account.password);
  return account;
}

/** Signs in through the API and returns the session cookie, as the browser would keep it. */
export async function signIn(serverUrl: string, account: StaffAccount): Promise<string> {
  const response = await fetch(`${serverUrl}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: serverUrl },
    body: JSON.stringify(account),
  });
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (!response.ok || !cookie) throw new Error(`Signing in answered ${response.status}`);
  return cookie;
}
