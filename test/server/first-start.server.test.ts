import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/server/db/migrate.ts';
import { MIGRATIONS } from '../../src/server/db/migrations.ts';
import { checkSecretFingerprint, loadSecrets, rotateSecret } from '../../src/server/secrets.ts';
import { startServerProcess, type ServerProcess } from '../faults/server-process.ts';
import { openTestDatabase } from '../support/database.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'signpost-first-start-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function stop(server: ServerProcess) {
  server.child.kill('SIGTERM');
  await server.exited;
}

describe('the first start on a fresh machine (PGlite)', () => {
  it('keeps its secret and the first admin’s password in files only this user can read, and says where', async () => {
    const first = await startServerProcess({
      DATA_DIR: dataDir,
      SIGNPOST_SECRET: '',
      SIGNPOST_SECRET_FILE: '',
    });
    const passwordFile = join(dataDir, 'first-admin.txt');
    const secretFile = join(dataDir, 'secret.key');
    try {
      expect(statSync(passwordFile).mode & 0o777).toBe(0o600);
      expect(statSync(secretFile).mode & 0o777).toBe(0o600);
      const credentials = readFileSync(passwordFile, 'utf8');
      const email = /Email address:\s+(\S+)/.exec(credentials)?.[1] ?? '';
      const password = /One-time password:\s+(\S+)/.exec(credentials)?.[1] ?? '';
      expect(password).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$/);
      const signIn = await fetch(`${first.url}/api/v1/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: first.url },
        body: JSON.stringify({ email, password }),
      });
      expect(signIn.status).toBe(200);
      expect(await signIn.json()).toMatchObject({ user: { role: 'admin', mustChangePassword: true } });
    } finally {
      await stop(first);
    }
    expect(first.output()).toContain(passwordFile);
    expect(first.output()).toContain('/staff/sign-in');
    const password = /One-time password:\s+(\S+)/.exec(readFileSync(passwordFile, 'utf8'))?.[1] ?? '';
    expect(first.output()).not.toContain(password);
    expect(first.output()).toContain(secretFile);
    expect(first.output()).not.toContain(readFileSync(secretFile, 'utf8').trim());
  }, 180_000);

  it('starts again with the same secret, and refuses to start with another one', async () => {
    const again = await startServerProcess({
      DATA_DIR: dataDir,
      SIGNPOST_SECRET: '',
      SIGNPOST_SECRET_FILE: '',
    });
    expect((await fetch(`${again.url}/api/health`)).status).toBe(200);
    await stop(again);
    expect(again.output()).not.toContain('first-admin.txt');

    const other = Buffer.alloc(32, 7).toString('base64');
    await expect(startServerProcess({ DATA_DIR: dataDir, SIGNPOST_SECRET: other })).rejects.toThrow(
      /different secret/,
    );
  }, 180_000);
});

describe('upgrading a deployment whose key was in the database', () => {
  it('deletes the old key and the hashes made with it, and keeps everything else', async () => {
    const { db, drop } = await openTestDatabase({ migrated: false });
    // A database as it was before the key moved out: every migration before 040 applied, none after.
    const before = MIGRATIONS.findIndex((m) => m.id === '040-keyed-hashes-outside-database');
    await migrate(db, MIGRATIONS.slice(0, before));
    try {
      await db.query(
        `insert into app_meta (key, value) values ('rate-limit-hash-key', to_jsonb('b2xkIGtleQ=='::text)),
           ('kept', '1'::jsonb)`,
      );
      await db.query(
        "insert into rate_limits (bucket, key_hash, window_start, hits) values ('feedback', 'old', now(), 3)",
      );
      await db.query(
        "insert into sign_in_failures (key_hash, failures, first_failed_at) values ('old', 2, now())",
      );
      expect(await migrate(db)).toEqual(MIGRATIONS.slice(before).map((m) => m.id));
      expect(await db.query('select key from app_meta order by key')).toEqual([{ key: 'kept' }]);
      expect(await db.query('select 1 from rate_limits')).toEqual([]);
      expect(await db.query('select 1 from sign_in_failures')).toEqual([]);
    } finally {
      await drop();
    }
  }, 120_000);
});

describe('rotating the secret', () => {
  it('writes a new secret, makes the database expect it, and starts the counts again', async () => {
    const { db, drop } = await openTestDatabase();
    const secretFile = join(dataDir, 'rotated', 'secret.key');
    try {
      const { secrets: old } = loadSecrets({ secretFile });
      await checkSecretFingerprint(db, old);
      await db.query(
        "insert into sign_in_failures (key_hash, failures, first_failed_at) values ('x', 2, now())",
      );
      const rotated = await rotateSecret(db, { secretFile });
      expect(rotated.fingerprint).not.toBe(old.fingerprint);
      expect(statSync(secretFile).mode & 0o777).toBe(0o600);
      expect(loadSecrets({ secretFile }).secrets.fingerprint).toBe(rotated.fingerprint);
      await expect(checkSecretFingerprint(db, old)).rejects.toThrow(/different secret/);
      await checkSecretFingerprint(db, rotated);
      expect(await db.query('select 1 from sign_in_failures')).toEqual([]);
    } finally {
      await drop();
    }
  }, 120_000);
});
