import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffUser } from '../../src/server/auth/index.ts';
import { hashPassword } from '../../src/server/auth/password.ts';
import { ACCOUNT_LOCK, takeAttempt } from '../../src/server/auth/sign-in.ts';
import type { Database } from '../../src/server/db/database.ts';
import { createApp } from '../../src/server/http/app.ts';
import { databaseKind, openTestDatabase } from '../support/database.ts';

const PASSWORD = 'a long and memorable passphrase';
let db: Database;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ db, drop } = await openTestDatabase());
});
afterAll(async () => drop?.());

async function account(email: string) {
  const { user } = await createStaffUser(db, { email, role: 'field' });
  await db.query('update staff_users set password_hash = $2, must_change_password = false where id = $1', [
    user.id,
    await hashPassword(PASSWORD),
  ]);
  return user;
}

async function signIn(app: ReturnType<typeof createApp>, email: string, password: string, address: string) {
  return app.request(
    '/api/v1/session',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost' },
      body: JSON.stringify({ email, password }),
    },
    { incoming: { socket: { remoteAddress: address } } },
  );
}

describe(`the account lock under concurrent guesses (${databaseKind})`, () => {
  it(
    'checks no more wrong passwords than the lock allows, however many arrive at once',
    async () => {
      const app = createApp({ db, version: 'test' });
      const user = await account('target@signpost.example');
      const guesses = await Promise.all(
        Array.from({ length: 25 }, (_, i) => signIn(app, user.email, `wrong guess ${i}`, `198.51.100.${i}`)),
      );
      const statuses = guesses.map((response) => response.status);
      // 401 means the password was checked and was wrong; 429 means it was never checked.
      expect(statuses.filter((status) => status === 401)).toHaveLength(ACCOUNT_LOCK.failures);
      expect(statuses.filter((status) => status === 429)).toHaveLength(25 - ACCOUNT_LOCK.failures);
      const right = await signIn(app, user.email, PASSWORD, '203.0.113.1');
      expect(right.status).toBe(429);
    },
    // Each wrong password is checked against a memory-hard hash, slow on purpose.
    180_000,
  );

  it('still lets the right password in at once when fewer guesses than the limit came first', async () => {
    const app = createApp({ db, version: 'test' });
    const user = await account('owner@signpost.example');
    const typos = await Promise.all(
      Array.from({ length: ACCOUNT_LOCK.failures - 2 }, (_, i) =>
        signIn(app, user.email, `typo ${i}`, `192.0.2.${i}`),
      ),
    );
    expect(typos.map((response) => response.status)).toEqual(
      Array<number>(ACCOUNT_LOCK.failures - 2).fill(401),
    );
    expect((await signIn(app, user.email, PASSWORD, '192.0.2.200')).status).toBe(200);
    // A success clears this account's count (the other row is the first test's locked account).
    expect(await db.query('select 1 from sign_in_failures')).toHaveLength(1);
  }, 180_000);

  it('forgets failures once their window has passed, and keeps any lock still running', async () => {
    // A database of its own: pruning runs on a database's first new failure, then at most once a minute.
    const own = await openTestDatabase();
    try {
      await own.db.query(
        `insert into sign_in_failures (key_hash, failures, first_failed_at, locked_until) values
           ('yesterday', 3, now() - interval '1 day', null),
           ('lock ended', 10, now() - interval '40 minutes', now() - interval '10 minutes'),
           ('still locked', 10, now() - interval '20 minutes', now() + interval '5 minutes'),
           ('this morning', 2, now() - interval '5 minutes', null)`,
      );
      expect(await takeAttempt(own.db, 'newcomer')).toBe(0);
      const kept = await own.db.query<{ key_hash: string }>(
        'select key_hash from sign_in_failures order by key_hash',
      );
      expect(kept.map((row) => row.key_hash)).toEqual(['newcomer', 'still locked', 'this morning']);
    } finally {
      await own.drop();
    }
  });
});
