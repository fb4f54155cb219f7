import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/database.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { MIGRATIONS } from '../../src/server/db/migrations.ts';
import { parseSecurityContact } from '../../src/server/config.ts';
import { createApp } from '../../src/server/http/app.ts';
import { createLogger } from '../../src/server/log.ts';
import { databaseKind, openTestDatabase } from '../support/database.ts';

let db: Database;
let drop: () => Promise<void>;
let staticDir: string;

beforeAll(async () => {
  ({ db, drop } = await openTestDatabase());
  staticDir = mkdtempSync(join(tmpdir(), 'signpost-static-'));
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(
    join(staticDir, 'index.html'),
    '<!doctype html><head><title>Signpost</title></head><body><div id="app"></div></body>',
  );
  writeFileSync(join(staticDir, 'assets', 'index-abc123.js'), 'console.log(1)');
  writeFileSync(
    join(staticDir, 'page-preloads.json'),
    JSON.stringify({
      '/search': {
        scripts: ['assets/search-page-1.js'],
        styles: [],
        words: { en: ['assets/en-directory-1.js'] },
      },
      '/services/*': {
        scripts: ['assets/service-page-1.js', 'assets/shared-1.js'],
        styles: ['assets/page-1.css'],
        words: {
          en: ['assets/en-directory-1.js'],
          ar: ['assets/ar-directory-1.js'],
          pl: ['assets/pl-directory-1.js'],
        },
      },
    }),
  );
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

  it("names a linked page's own code and words in its HTML, and a service's page its service", async () => {
    const head = async (path: string, acceptLanguage = 'en-GB,en;q=0.9') => {
      const response = await app().request(path, { headers: { 'accept-language': acceptLanguage } });
      return (await response.text()).split('</head>')[0]!;
    };
    const service = await head('/services/abc%20d');
    expect(service).toContain('<link rel="modulepreload" crossorigin href="/assets/service-page-1.js">');
    expect(service).toContain('<link rel="modulepreload" crossorigin href="/assets/shared-1.js">');
    expect(service).toContain('<link rel="modulepreload" crossorigin href="/assets/en-directory-1.js">');
    expect(service).not.toContain('ar-directory');
    expect(service).toContain('<link rel="preload" as="style" crossorigin href="/assets/page-1.css">');
    // The address the page itself asks at, so the browser hands it the answer already on its way.
    expect(service).toContain(
      '<link rel="preload" as="fetch" crossorigin href="/api/v1/directory/services/abc%20d">',
    );
    const results = await head('/search');
    expect(results).toContain('href="/assets/search-page-1.js"');
    expect(results).not.toContain('service-page');
    expect(results).not.toContain('as="fetch"');
    for (const path of ['/', '/accessibility', '/searching'])
      expect(await head(path), path).not.toContain('<link');
    // A malformed address still opens (the page says it cannot find the service) and asks for no service.
    const malformed = await app().request('/services/%E0%A4%A');
    expect(malformed.status).toBe(200);
    expect(await malformed.text()).not.toContain('as="fetch"');
  });

  it('names the words in the language the page will choose, with English beneath another language', async () => {
    const words = async (path: string, acceptLanguage?: string) => {
      const headers: Record<string, string> = acceptLanguage ? { 'accept-language': acceptLanguage } : {};
      const html = await (await app().request(path, { headers })).text();
      return [...html.matchAll(/\/assets\/(\w+)-directory-1\.js/g)].map((match) => match[1]);
    };
    expect(await words('/services/x', 'ar-EG,ar;q=0.9,en;q=0.8')).toEqual(['ar', 'en']);
    // The browser's order by weight, not by position; a language Signpost lacks is passed over.
    expect(await words('/services/x', 'de;q=1, en;q=0.2, pl;q=0.7')).toEqual(['pl', 'en']);
    // A link's `lng` wins, as it does in the app; with nothing to go on, English.
    expect(await words('/services/x?lng=ar', 'pl')).toEqual(['ar', 'en']);
    expect(await words('/services/x')).toEqual(['en']);
    expect(await words('/services/x', 'de, fr;q=0.5')).toEqual(['en']);
  });

  it('opens every page when the list of what pages need is from another build, naming nothing early', async () => {
    const stale = mkdtempSync(join(tmpdir(), 'signpost-static-'));
    writeFileSync(join(stale, 'index.html'), '<!doctype html><head></head><body><div id="app"></div></body>');
    writeFileSync(join(stale, 'page-preloads.json'), JSON.stringify({ '/search': { scripts: 'search.js' } }));
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    try {
      const staleApp = createApp({
        db,
        version: 'x',
        staticDir: stale,
        logger: createLogger({ destination }),
      });
      const response = await staleApp.request('/search');
      expect(response.status).toBe(200);
      expect(await response.text()).not.toContain('<link');
      expect(lines.join('')).toContain('page-preloads.json is not as this server expects');
    } finally {
      rmSync(stale, { recursive: true, force: true });
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
