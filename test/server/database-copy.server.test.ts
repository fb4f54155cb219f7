import { createHmac, hkdfSync, randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/database.ts';
import { createApp } from '../../src/server/http/app.ts';
import { checkSecretFingerprint, secretsFrom, type Secrets } from '../../src/server/secrets.ts';
import { databaseKind, openTestDatabase } from '../support/database.ts';

/**
 * Finding 6 of the security review, as it was found: with a copy of the database, try every address of
 * a /16 against the stored keyed hashes of client addresses, with every key the copy holds. When the key
 * sat in `app_meta` beside the hashes, this took seconds and recovered the addresses.
 */
const CLIENTS = ['10.7.3.4', '10.7.200.9', '10.7.45.1', '10.7.9.9'];
const PURPOSES = ['sign-in-address', 'feedback'];

let db: Database;
let drop: () => Promise<void>;
let secrets: Secrets;

async function request(address: string, path: string, body: unknown): Promise<number> {
  const app = createApp({ db, version: 'test', secrets });
  const response = await app.request(
    path,
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
    { incoming: { socket: { remoteAddress: address } } },
  );
  return response.status;
}

beforeAll(async () => {
  ({ db, drop } = await openTestDatabase());
  secrets = secretsFrom(randomBytes(32));
  // As every start does: the database keeps the secret's fingerprint, never the secret.
  await checkSecretFingerprint(db, secrets);
  for (const address of CLIENTS.slice(0, 3)) {
    const status = await request(address, '/api/v1/session', {
      email: 'someone@signpost.example',
      password: 'not the right password',
    });
    expect(status).toBe(401);
  }
  const problem = {
    kind: 'listing-problem',
    id: randomUUID(),
    createdAt: '2025-03-14T11:00:00+01:00',
    serviceId: 'essex-carers-network',
    problem: 'wrong-phone',
  };
  expect(await request(CLIENTS[3]!, '/api/v1/feedback', [problem])).toBe(200);
}, 120_000);
afterAll(async () => drop?.());

/** Every string anywhere in the database, as a dump of it would hold them. */
async function everyStoredString(): Promise<string[]> {
  const tables = await db.query<{ name: string }>(
    "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'",
  );
  const found: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') found.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  for (const { name } of tables) {
    const rows = await db.query<{ row: unknown }>(`select to_jsonb(t) as row from "${name}" t`);
    for (const { row } of rows) walk(typeof row === 'string' ? JSON.parse(row) : row);
  }
  return found;
}

/** Keys an attacker would try: any stored value that reads as 32 bytes, as it is or as a master secret. */
function candidateKeys(strings: readonly string[]): Buffer[] {
  const keys: Buffer[] = [];
  for (const text of new Set(strings)) {
    for (const bytes of [Buffer.from(text, 'base64'), Buffer.from(text, 'base64url')]) {
      if (bytes.length !== 32) continue;
      keys.push(bytes, Buffer.from(hkdfSync('sha256', bytes, Buffer.alloc(0), 'signpost keyed hashes', 32)));
    }
  }
  return keys;
}

/** Every address of 10.7.0.0/16, the network the clients are in. */
const SLASH_16 = Array.from({ length: 65_536 }, (_, i) => `10.7.${i >> 8}.${i & 255}`);

/** How many of the stored hashes these keys turn back into one of `addresses`. */
function recovered(
  stored: ReadonlySet<string>,
  keys: readonly Buffer[],
  addresses: readonly string[],
): number {
  const found = new Set<string>();
  for (const key of keys) {
    for (const address of addresses) {
      for (const purpose of PURPOSES) {
        const hash = createHmac('sha256', key).update(`${purpose}\u0000${address}`).digest('base64url');
        if (stored.has(hash)) found.add(hash);
      }
    }
  }
  return found.size;
}

describe(`a copy of the database (${databaseKind})`, () => {
  it('holds keyed hashes of client addresses that no key in it turns back into the addresses', async () => {
    const hashes = await db.query<{ key_hash: string }>('select distinct key_hash from rate_limits');
    const stored = new Set(hashes.map((row) => row.key_hash));
    // One for each address that signed in or sent feedback.
    expect(stored.size).toBeGreaterThanOrEqual(CLIENTS.length);
    const strings = await everyStoredString();
    expect(strings.some((text) => text.includes('10.7.'))).toBe(false);

    // A key that does not give back the real addresses' hashes gives back none of the /16's, so each
    // key the copy holds is tried on those alone: the sweep below shows what one right key would do.
    expect(recovered(stored, candidateKeys(strings), CLIENTS)).toBe(0);
    expect(recovered(stored, [secrets.hashKey], SLASH_16)).toBe(CLIENTS.length);
  }, 180_000);
});
