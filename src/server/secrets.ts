import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Queryable } from './db/database.ts';

/**
 * The server's secrets, kept outside the database so that a copy of the database (a backup, a dump, a
 * read replica) does not carry the key that protects what is in it. One master secret, 32 random bytes,
 * from `SIGNPOST_SECRET` (base64) or the file `SIGNPOST_SECRET_FILE` names; each use has its own key
 * derived from it (HKDF, RFC 5869), so adding a use never needs a new secret.
 */
export interface Secrets {
  /** HMAC-SHA-256 key for the keyed hashes of addresses and emails kept for rate limits and locks. */
  hashKey: Buffer;
  /** Names this master secret without revealing it, so processes can check they share one. */
  fingerprint: string;
}

const MASTER_BYTES = 32;

export function secretsFrom(master: Buffer): Secrets {
  return {
    hashKey: Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'signpost keyed hashes', 32)),
    fingerprint: createHmac('sha256', master)
      .update('signpost secret fingerprint')
      .digest('base64url')
      .slice(0, 22),
  };
}

/** A secret for this process only: for tests and tools that keep nothing between runs. */
export function ephemeralSecrets(): Secrets {
  return secretsFrom(randomBytes(MASTER_BYTES));
}

function readMaster(text: string, from: string): Buffer {
  const master = Buffer.from(text.trim(), 'base64');
  if (master.length < MASTER_BYTES) {
    throw new Error(
      `${from} must hold at least ${MASTER_BYTES} random bytes in base64 (openssl rand -base64 32), not ${master.length} bytes`,
    );
  }
  return master;
}

/** Writes a new master secret to `path`, readable by this user only, unless a file is there already. */
export function writeNewSecretFile(path: string): boolean {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  try {
    // `wx`: two processes starting together never overwrite each other's secret.
    writeFileSync(path, `${randomBytes(MASTER_BYTES).toString('base64')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  chmodSync(path, 0o600);
  return true;
}

export interface SecretSource {
  /** `SIGNPOST_SECRET`: the master secret itself, in base64. */
  secret?: string;
  /** `SIGNPOST_SECRET_FILE`, or its default beside the data. */
  secretFile: string;
}

/**
 * The secrets from the environment, else from the file, which is created (mode 0600) on first start.
 * `created` says a new secret was made, so the caller can say where it is.
 */
export function loadSecrets(source: SecretSource): { secrets: Secrets; created: boolean } {
  if (source.secret)
    return { secrets: secretsFrom(readMaster(source.secret, 'SIGNPOST_SECRET')), created: false };
  const created = writeNewSecretFile(source.secretFile);
  const text = readFileSync(source.secretFile, 'utf8');
  return { secrets: secretsFrom(readMaster(text, source.secretFile)), created };
}

export class SecretMismatchError extends Error {
  constructor() {
    super(
      'This server has a different secret from the one the database was first used with. Give every server ' +
        'the same SIGNPOST_SECRET or SIGNPOST_SECRET_FILE, or, to change it on purpose, run `npm run secret:rotate`.',
    );
    this.name = 'SecretMismatchError';
  }
}

const FINGERPRINT_KEY = 'secret-fingerprint';

/**
 * Records the secret's fingerprint in the database on first use, and refuses to go on with another one:
 * processes with different secrets would count one client as several and let a locked account in.
 */
export async function checkSecretFingerprint(db: Queryable, secrets: Secrets): Promise<void> {
  await db.query(
    'insert into app_meta (key, value) values ($1, to_jsonb($2::text)) on conflict (key) do nothing',
    [FINGERPRINT_KEY, secrets.fingerprint],
  );
  const [row] = await db.query<{ value: string }>('select value from app_meta where key = $1', [
    FINGERPRINT_KEY,
  ]);
  if (row?.value !== secrets.fingerprint) throw new SecretMismatchError();
}

/**
 * Starts using a new secret: the one now in `SIGNPOST_SECRET`, or else a new file. The database's
 * fingerprint is replaced, and the keyed hashes made with the old secret are removed, since they can no
 * longer be matched: rate-limit windows and sign-in failure counts start again. Every other server must
 * then be given the new secret and restarted.
 */
export async function rotateSecret(db: Queryable, source: SecretSource): Promise<Secrets> {
  let secrets: Secrets;
  let pending: string | undefined;
  if (source.secret) {
    secrets = secretsFrom(readMaster(source.secret, 'SIGNPOST_SECRET'));
  } else {
    const master = randomBytes(MASTER_BYTES);
    secrets = secretsFrom(master);
    mkdirSync(dirname(source.secretFile), { recursive: true, mode: 0o700 });
    pending = `${source.secretFile}.next`;
    writeFileSync(pending, `${master.toString('base64')}\n`, { mode: 0o600 });
    chmodSync(pending, 0o600);
  }
  await db.query('delete from rate_limits');
  await db.query('delete from sign_in_failures');
  await db.query(
    `insert into app_meta (key, value) values ($1, to_jsonb($2::text))
     on conflict (key) do update set value = excluded.value, updated_at = now()`,
    [FINGERPRINT_KEY, secrets.fingerprint],
  );
  if (pending) renameSync(pending, source.secretFile);
  return secrets;
}
