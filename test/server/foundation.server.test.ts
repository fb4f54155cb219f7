import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/database.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { MIGRATIONS } from '../../src/server/db/migrations.ts';
import { parseSecurityContact } from '../../src/server/config.ts';
import { createApp } from '../../src/server/http/app.ts';
import { databaseKind, openTestDatabase } from '../support/database.ts';

let db: Database;
let drop: () => Promise<void>;
let staticDir: string;

beforeAll(async () => {
  ({ db, drop } = await openTestDatabase());
  staticDir = mkdtempSync(join(tmpdir(), 'signpost-static-'));
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Signpost</title><div id="app"></div>');
  writeFileSync(join(staticDir, 'assets', 'index-abc123.js'), 'console.log(1)');
});

afterAll(async () => {
  await drop?.();
  rmSync(staticDir, { recursive: true, force: true });
});

const app = () => createApp({ db, version: '9.9.9-test', staticDir });

describe(`the API on ${databaseKind}`, () => {
  it('reports its health, its database and its version', async () => {
    const response = await app().request('/api/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: databaseKind, version: '9.9.9-test' });
  });

  it('answers an unknown API path with 404 in the one JSON error shape', async () => {
    const response = await app().request('/api/v1/nothing-here', { method: 'POST' });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/json');
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('not_found');
    expect(body.error.message).toMatch(/\/api\/v1\/nothing-here/);
  });

  it('refuses a body over the size limit with 413 in the JSON error shape', async () => {
    const small = createApp({ db, version: 'x', maxBodyBytes: 1024 });
    const response = await small.request('/api/health', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': '5000' },
      body: JSON.stringify({ words: 'x'.repeat(5000) }),
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');
  });

  it('sends the security headers on every response, with HSTS only over TLS', async () => {
    const plain = await app().request('/api/health');
    const csp = plain.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(plain.headers.get('x-content-type-options')).toBe('nosniff');
    expect(plain.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(plain.headers.get('strict-transport-security')).toBeNull();

    const behindProxy = createApp({ db, version: 'x', trustProxy: { hops: 1 } });
    const tls = await behindProxy.request('/api/health', { headers: { 'x-forwarded-proto': 'https' } });
    expect(tls.headers.get('strict-transport-security')).toContain('max-age=');
    // Without trusting a proxy, a client cannot claim TLS for itself.
    const spoofed = await app().request('/api/health', { headers: { 'x-forwarded-proto': 'https' } });
    expect(spoofed.headers.get('strict-transport-security')).toBeNull();
  });
});

describe('/.well-known/security.txt', () => {
  it('says where to report a vulnerability, from configuration, and when the file expires (RFC 9116)', async () => {
    const response = await createApp({
      db,
      version: 'x',
      securityContact: parseSecurityContact('security@council.example'),
    }).request('/.well-known/security.txt');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const text = await response.text();
    expect(text).toMatch(/^Contact: mailto:security@council\.example$/m);
    const expires = Date.parse(/^Expires: (\S+)$/m.exec(text)?.[1] ?? '');
    expect(expires).toBeGreaterThan(Date.now() + 30 * 24 * 3600 * 1000);
    expect(expires).toBeLessThan(Date.now() + 365 * 24 * 3600 * 1000);
    expect(() => parseSecurityContact('javascript:alert(1)')).toThrow(/SECURITY_CONTACT/);
    expect(parseSecurityContact('https://council.example/report')).toBe('https://council.example/report');
  });
});

describe('the client host', () => {
  it('serves the app shell for any page address, so history URLs open directly', async () => {
    for (const path of ['/', '/search', '/services/abc', '/accessibility']) {
      const response = await app().request(path);
      expect(response.status, path).toBe(200);
      expect(await response.text()).toContain('<div id="app">');
      expect(response.headers.get('cache-control')).toBe('no-cache');
    }
  });

  it('caches hashed assets for a year and answers a missing file with 404', async () => {
    const asset = await app().request('/assets/index-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    const missing = await app().request('/assets/gone-000.js');
    expect(missing.status).toBe(404);
  });
});

describe(`migrations on ${databaseKind}`, () => {
  it('apply once, and a second run changes nothing', async () => {
    const rows = await db.query<{ id: string }>('select id from schema_migrations order by id');
    expect(rows.map((r) => r.id)).toEqual(MIGRATIONS.map((m) => m.id));
    expect(await migrate(db)).toEqual([]);
  });

  it('are safe when several server processes start at once', async () => {
    const fresh = await openTestDatabase({ migrated: false });
    try {
      const results = await Promise.all([migrate(fresh.db), migrate(fresh.db), migrate(fresh.db)]);
      expect(results.flat().sort()).toEqual(MIGRATIONS.map((m) => m.id).sort());
    } finally {
      await fresh.drop();
    }
  });

  it('are one list, oldest first, that keeps the ids databases have already applied', () => {
    const ids = MIGRATIONS.map((m) => m.id);
    expect(ids.slice(0, 5)).toEqual([
      '001-meta',
      '002-directory',
      '010-staff-accounts',
      '020-feedback',
      '030-insight',
    ]);
    const numbers = ids.map((id) => Number(/^(\d{3})-[a-z0-9-]+$/.exec(id)?.[1]));
    for (const [i, n] of numbers.entries()) if (i > 0) expect(n).toBeGreaterThan(numbers[i - 1]!);
  });

  it('bring an older database up to date in the same order as a fresh one', async () => {
    const older = await openTestDatabase({ migrated: false });
    try {
      expect(await migrate(older.db, MIGRATIONS.slice(0, 2))).toEqual(
        MIGRATIONS.slice(0, 2).map((m) => m.id),
      );
      expect(await migrate(older.db)).toEqual(MIGRATIONS.slice(2).map((m) => m.id));
      const appended = { id: '999-appended', statements: ['create table appended_for_test (n int)'] };
      expect(await migrate(older.db, [...MIGRATIONS, appended])).toEqual(['999-appended']);
    } finally {
      await older.drop();
    }
  });

  it('refuse a migration inserted before one the database has already applied', async () => {
    const inserted = { id: '005-inserted', statements: ['create table inserted_for_test (n int)'] };
    const [first, ...rest] = MIGRATIONS;
    await expect(migrate(db, [first!, inserted, ...rest])).rejects.toThrow(
      /005-inserted is listed before 002-directory/,
    );
    expect(await db.query("select to_regclass('inserted_for_test') as t")).toEqual([{ t: null }]);
  });
});
