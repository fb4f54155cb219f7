import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffUser } from '../../src/server/auth/index.ts';
import type { Database } from '../../src/server/db/database.ts';
import { createApp } from '../../src/server/http/app.ts';
import { databaseKind, openTestDatabase } from '../support/database.ts';

let db: Database;
let drop: () => Promise<void>;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  ({ db, drop } = await openTestDatabase());
  app = createApp({ db, version: 'test' });
});
afterAll(async () => drop?.());

async function post(path: string, body: unknown, cookie = '') {
  const response = await app.request(
    path,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost', cookie },
      body: JSON.stringify(body),
    },
    { incoming: { socket: { remoteAddress: '198.51.100.40' } } },
  );
  const text = await response.text();
  return {
    status: response.status,
    body: (text ? JSON.parse(text) : null) as { error?: { details?: unknown } } | null,
    cookie: response.headers.get('set-cookie')?.split(';')[0] ?? '',
  };
}

describe(`choosing a new password (${databaseKind})`, () => {
  it(
    'refuses common and repeated passwords and the account’s own email, and says which',
    async () => {
      const { user, oneTimePassword } = await createStaffUser(db, {
        email: 'sam.jones@signpost.example',
        role: 'field',
      });
      const { cookie } = await post('/api/v1/session', { email: user.email, password: oneTimePassword });
      const change = (newPassword: string) =>
        post('/api/v1/session/password', { currentPassword: oneTimePassword, newPassword }, cookie);

      for (const [newPassword, code] of [
        ['aaaaaaaaaaaa', 'too-common'],
        ['password1234', 'too-common'],
        ['P@ssw0rd2024!', 'too-common'],
        ['sam.jones@signpost.example', 'contains-email'],
        ['Sam.Jones-is-me', 'contains-email'],
      ] as const) {
        const refused = await change(newPassword);
        expect(refused.status, newPassword).toBe(400);
        expect(refused.body?.error?.details, newPassword).toEqual([{ path: 'newPassword', code }]);
      }
      // Nothing about which kinds of character: a passphrase of plain words is welcome.
      expect((await change('tea in the garden at four')).status).toBe(204);
    },
    // Each change checks the current password against a memory-hard hash, slow on purpose.
    120_000,
  );
});
