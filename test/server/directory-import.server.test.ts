import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Service } from '../../src/domain/service.ts';
import type { Database } from '../../src/server/db/database.ts';
import { importDirectory } from '../../src/server/directory/import.ts';
import { SAMPLE_DIRECTORY } from '../../src/server/directory/sample.ts';
import { databaseKind, openTestDatabase } from '../support/database.ts';

// Open Referral's own examples (attribution and licence: test/fixtures/oruk/README.md).
const fixtures = new URL('../fixtures/oruk/', import.meta.url).pathname;
const serviceFull = JSON.parse(readFileSync(join(fixtures, 'oruk3-service_full.json'), 'utf8')) as Record<
  string,
  unknown
>;

let db: Database;
let drop: () => Promise<void>;
let dir: string;

beforeEach(async () => {
  ({ db, drop } = await openTestDatabase());
});
afterEach(async () => {
  await drop();
});
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'signpost-feed-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function feedFile(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

const variant = (id: string, changes: Record<string, unknown> = {}) => ({ ...serviceFull, id, ...changes });

async function stored(id: string): Promise<{ record: Service; active: boolean } | undefined> {
  const [row] = await db.query<{ record: Service; active: boolean }>(
    'select record, active from services where id = $1',
    [id],
  );
  return row;
}

describe(`importing on ${databaseKind}`, () => {
  it.each([
    'oruk3-service_full.json',
    'oruk3-service_list.json',
    'oruk3-organization_full.json',
    'oruk3-service_at_location_full.json',
    'hsds3-service_full.json',
    'hsds3-service_list.json',
    'hsds3-organization_full.json',
  ])('reads the standard example %s with nothing quarantined', async (file) => {
    const summary = await importDirectory(db, join(fixtures, file));
    expect(summary.quarantine).toEqual([]);
    expect(summary.read).toBeGreaterThan(0);
    expect(summary.imported).toBe(summary.read);
  });

  it('imports the shipped sample directory with nothing quarantined and every service marked as sample', async () => {
    const summary = await importDirectory(db, SAMPLE_DIRECTORY, { sample: true });
    expect(summary.quarantine).toEqual([]);
    expect(summary.imported).toBeGreaterThanOrEqual(300);
    const [row] = await db.query<{ n: number }>(
      "select count(*)::int as n from services where (record ->> 'sample')::boolean is not true",
    );
    expect(row?.n).toBe(0);
  });

  it('keeps the key fields of a full ORUK service', async () => {
    await importDirectory(db, join(fixtures, 'oruk3-service_full.json'));
    const row = await stored(serviceFull.id as string);
    expect(row?.record.name).toBe(serviceFull.name);
    expect(row?.record.organization).toBe((serviceFull.organization as { name: string }).name);
    expect(row?.active).toBe(true);
  });

  it('lists every service it can show, warns of each field set aside, and quarantines the rest with a reason', async () => {
    const feed = [
      variant('good-1'),
      { ...serviceFull, id: undefined },
      variant('wrong-types', { name: { en: 'Not a string' }, phones: 'x' }),
      variant('bad-schedule', { schedules: [{ id: 's1', freq: 'WEEKLY', byday: 'XY', opens_at: '25:99' }] }),
      variant('bad-coordinates', {
        service_at_locations: [{ id: 'sal', location: { id: 'loc', latitude: 'north', longitude: 0.5 } }],
      }),
      variant('good-2'),
      variant('good-2', { name: 'A second record with the same id' }),
      'not even an object',
    ];
    const summary = await importDirectory(db, feedFile('broken.json', feed));
    expect(summary.read).toBe(8);
    expect(summary.imported).toBe(4);
    expect(summary.warned).toBe(4);
    expect(summary.quarantined).toBe(4);
    const reasonFor = (id: string | undefined) =>
      summary.quarantine.find((q) => q.id === id)?.reasons.join(' ') ?? '(not quarantined)';
    expect(summary.quarantine.some((q) => !q.id && /id/.test(q.reasons.join(' ')))).toBe(true);
    expect(reasonFor('wrong-types')).toMatch(/name/);
    expect(reasonFor('good-2')).toMatch(/more than once/);
    const warned = (id: string) =>
      summary.warnings.find((w) => w.id === id)?.warnings.map((w) => w.field) ?? [];
    expect(warned('bad-schedule')).toEqual(
      expect.arrayContaining(['schedules[0].byday', 'schedules[0].opens_at']),
    );
    expect(warned('bad-coordinates')).toContain('service_at_locations[0].location.latitude');
    expect((await stored('bad-schedule'))?.record.schedules).toEqual([]);
    expect((await stored('good-2'))?.record.name).toBe(serviceFull.name);
    const rows = await db.query<{ kind: string; n: number }>(
      'select kind, count(*)::int as n from import_quarantine group by kind order by kind',
    );
    expect(rows.find((r) => r.kind === 'quarantined')?.n).toBe(4);
    const [warning] = await db.query<{ record_id: string; field: string; value: string; reason: string }>(
      "select record_id, field, value, reason from import_quarantine where kind = 'warning' and record_id = 'bad-schedule' order by id",
    );
    expect(warning).toEqual({
      record_id: 'bad-schedule',
      field: 'schedules[0].byday',
      value: '"XY"',
      reason: expect.stringMatching(/^is not a day like MO or 2TU; left out/),
    });
  });

  it('refuses a file that is not JSON, saying so, and imports nothing', async () => {
    const summary = await importDirectory(db, feedFile('not.json', '<html>Service unavailable</html>'));
    expect(summary.error).toMatch(/not JSON/);
    expect(summary.imported).toBe(0);
  });

  it('can run again safely: unchanged records stay unchanged, changed ones update', async () => {
    const path = feedFile('twice.json', [variant('a'), variant('b')]);
    const first = await importDirectory(db, path);
    expect([first.imported, first.updated, first.unchanged]).toEqual([2, 0, 0]);
    const again = await importDirectory(db, path);
    expect([again.imported, again.updated, again.unchanged]).toEqual([0, 0, 2]);
    const changed = await importDirectory(
      db,
      feedFile('twice.json', [variant('a', { name: 'Renamed' }), variant('b')]),
    );
    expect([changed.imported, changed.updated, changed.unchanged]).toEqual([0, 1, 1]);
    expect((await stored('a'))?.record.name).toBe('Renamed');
  });

  it('marks a service missing from a full feed as inactive, never deleting it', async () => {
    await importDirectory(db, feedFile('full-1.json', [variant('stays'), variant('goes')]));
    const summary = await importDirectory(db, feedFile('full-2.json', [variant('stays')]));
    expect(summary.deactivated).toBe(1);
    expect((await stored('goes'))?.active).toBe(false);
    expect((await stored('stays'))?.active).toBe(true);
  });
});

describe('importing from an ORUK API', () => {
  let server: Server;
  let base: string;
  const requests: string[] = [];
  let hang = false;

  beforeAll(async () => {
    const all = Array.from({ length: 5 }, (_, i) => variant(`api-${i + 1}`));
    server = createServer((req, res) => {
      requests.push(req.url ?? '');
      if (hang) return; // never answers
      const url = new URL(req.url ?? '/', 'http://x');
      const page = Number(url.searchParams.get('page'));
      const perPage = Number(url.searchParams.get('per_page'));
      const contents = all.slice((page - 1) * perPage, page * perPage);
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({
          total_items: all.length,
          total_pages: Math.ceil(all.length / perPage),
          page_number: page,
          size: contents.length,
          first_page: page === 1,
          last_page: page * perPage >= all.length,
          empty: contents.length === 0,
          contents,
        }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it('follows total_pages to read every page', async () => {
    requests.length = 0;
    const summary = await importDirectory(db, `${base}/api`, { perPage: 2 });
    expect(summary.imported).toBe(5);
    expect(requests).toEqual([
      '/api/services?page=1&per_page=2',
      '/api/services?page=2&per_page=2',
      '/api/services?page=3&per_page=2',
    ]);
  });

  it('asks only for changes with modified_after, and then marks nothing inactive', async () => {
    await importDirectory(db, feedFile('local.json', [variant('local-only')]));
    requests.length = 0;
    const summary = await importDirectory(db, `${base}/services`, {
      perPage: 10,
      modifiedAfter: '2026-01-01T00:00:00Z',
    });
    expect(requests[0]).toBe('/services?page=1&per_page=10&modified_after=2026-01-01T00%3A00%3A00Z');
    expect(summary.deactivated).toBe(0);
    expect((await stored('local-only'))?.active).toBe(true);
  });

  it('gives up on a URL that does not answer, with a clear message', async () => {
    hang = true;
    try {
      const summary = await importDirectory(db, base, { timeoutMs: 300 });
      expect(summary.error).toMatch(/did not answer within 0.3 s/);
      expect(summary.imported).toBe(0);
    } finally {
      hang = false;
    }
  });
});
