import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromService } from '../../src/domain/oruk/from-service.ts';
import { Service } from '../../src/domain/service.ts';
import type { Database } from '../../src/server/db/database.ts';
import { importDirectory, type ImportSummary } from '../../src/server/directory/import.ts';
import { createApp } from '../../src/server/http/app.ts';
import { deeplyNested, HOSTILE_TEXT, hostileString } from '../faults/hostile-values.ts';
import { databaseKind, openTestDatabase } from '../support/database.ts';
import { makeService } from '../support/make-services.ts';

let db: Database;
let drop: () => Promise<void>;
let dir: string;
let feeds = 0;

beforeAll(async () => {
  ({ db, drop } = await openTestDatabase());
  dir = mkdtempSync(join(tmpdir(), 'signpost-hostile-feed-'));
});
afterAll(async () => {
  await drop();
  rmSync(dir, { recursive: true, force: true });
});

type Record_ = ReturnType<typeof fromService> & Record<string, unknown>;

/** A valid ORUK 3.0 service, as a council's feed would have it. */
function goodRecord(id: string): Record_ {
  return {
    ...fromService(makeService({ name: `Good service ${id}`, towns: ['colchester'] })),
    id,
  } as Record_;
}

/** Writes `text` as a feed file and imports it: the importer must never throw, whatever the file holds. */
async function importText(text: string | Buffer): Promise<ImportSummary> {
  const path = join(dir, `feed-${++feeds}.json`);
  writeFileSync(path, text);
  return importDirectory(db, path, { fullFeed: false });
}

/** Placeholders swapped for raw JSON after stringifying: values JSON.stringify cannot make itself. */
const RAW = {
  '"§deep-list§"': deeplyNested(100_000),
  '"§deep-object§"': deeplyNested(100_000, 'object'),
  '"§proto§"': '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}',
};
function withRaw(json: string): string {
  let text = json;
  for (const [placeholder, raw] of Object.entries(RAW)) text = text.split(placeholder).join(raw);
  return text;
}

async function expectStoredRecordsWhole(): Promise<void> {
  const rows = await db.query<{ id: string; record: unknown }>('select id, record from services');
  const broken = rows.filter((r) => !Service.safeParse(r.record).success).map((r) => r.id);
  expect(broken).toEqual([]);
  expect(Object.prototype).not.toHaveProperty('polluted');
}

/** Every record read was imported, updated, left unchanged, retired or quarantined: none vanished. */
function expectEveryRecordAccountedFor(summary: ImportSummary, records: number): void {
  expect(summary.read).toBe(records);
  expect(summary.imported + summary.updated + summary.unchanged + summary.quarantined).toBeLessThanOrEqual(
    records,
  );
}

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom('§deep-list§', '§deep-object§', '§proto§', null, [], {}, -1, 1e308),
);

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), field: fc.string({ maxLength: 12 }), value: hostileValue }),
  fc.record({
    kind: fc.constant('set' as const),
    field: fc.constantFrom(
      'id',
      'name',
      'description',
      'url',
      'email',
      'status',
      'organization',
      'schedules',
      'service_at_locations',
      'phones',
      'attributes',
      'last_modified',
      'assured_date',
      '__proto__',
      'constructor',
    ),
    value: hostileValue,
  }),
  fc.record({ kind: fc.constant('delete' as const), field: fc.constantFrom('id', 'name', 'organization') }),
);

describe(`the importer given hostile feeds (${databaseKind})`, () => {
  it('never throws, accounts for every record and stores only records the schema accepts', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(mutation, { maxLength: 3 }), { minLength: 1, maxLength: 4 }),
        async (mutationsPerRecord) => {
          const records = mutationsPerRecord.map((mutations, i) => {
            const record: Record<string, unknown> = goodRecord(`p${feeds}-${i}`);
            for (const m of mutations) {
              if (m.kind === 'delete') delete record[m.field];
              // defineProperty, so "__proto__" becomes a key of the record as JSON.parse would make it.
              else
                Object.defineProperty(record, m.field, { value: m.value, enumerable: true, writable: true });
            }
            return record;
          });
          const summary = await importText(withRaw(JSON.stringify(records)));
          expectEveryRecordAccountedFor(summary, records.length);
          await expectStoredRecordsWhole();
        },
      ),
      { numRuns: 30 },
    );
  });

  it.each([
    ['not JSON', 'this is not JSON'],
    ['empty', ''],
    ['bytes that are not UTF-8', Buffer.from([0x5b, 0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d, 0x5d])],
    ['a byte-order mark first', `\uFEFF${JSON.stringify([goodRecord('bom')])}`],
    ['null', 'null'],
    ['a number', '42'],
    ['a list nested 100,000 deep', deeplyNested(100_000)],
    ['an object nested 100,000 deep', deeplyNested(100_000, 'object')],
    ['contents that is not a list', '{"contents": 5}'],
    ['a thousand nulls', JSON.stringify({ contents: new Array(1000).fill(null) })],
  ])('reads a feed that is %s without throwing, and stores nothing broken', async (_name, text) => {
    await importText(text);
    await expectStoredRecordsWhole();
  });

  it.each([
    ['a NUL character', 'Carers\u0000 café'],
    ['an unpaired surrogate', 'Carers \ud800 café'],
    ['a right-to-left override', '\u202eéfac sreraC'],
    ['2 MB of text', 'Carers café '.repeat(180_000)],
    ['a script tag', '<script>alert(1)</script>'],
    ['an image with an error handler', '<img src=x onerror=alert(1)>'],
  ])('keeps a feed with %s in every text field from losing its good records', async (_name, text) => {
    const id = `text-${feeds}`;
    const record = goodRecord(id);
    const hostile = {
      ...record,
      name: text,
      description: text,
      email: text,
      url: text,
      organization: { ...record.organization, name: text },
    };
    const good = goodRecord(`${id}-neighbour`);
    const summary = await importText(JSON.stringify([hostile, good, goodRecord(`${id}-after`)]));
    expectEveryRecordAccountedFor(summary, 3);
    const [row] = await db.query<{ n: number }>(
      'select count(*)::int as n from services where id = any($1::text[])',
      [[good.id, `${id}-after`]],
    );
    expect(row?.n).toBe(2);
    await expectStoredRecordsWhole();
  });

  it('stores ids with a NUL or an unpaired surrogate cleaned, whether it lists, retires or quarantines them', async () => {
    const run = feeds;
    const id = (n: number, bad: string) => `odd${bad}id-${run}-${n}`;
    const records = ['\u0000', '\ud800'].flatMap((bad, i) => [
      goodRecord(id(i, bad)),
      { ...goodRecord(id(i + 2, bad)), status: 'inactive' },
      { ...goodRecord(id(i + 4, bad)), name: undefined },
    ]);
    const summary = await importText(JSON.stringify(records));
    expectEveryRecordAccountedFor(summary, records.length);
    expect(summary.imported).toBe(2);
    expect(summary.quarantine.map((q) => q.id)).toEqual([id(4, ''), id(5, '\uFFFD')]);
    const quarantined = await db.query<{ record_id: string }>(
      'select record_id from import_quarantine where record_id = any($1::text[])',
      [[id(4, ''), id(5, '\uFFFD')]],
    );
    expect(quarantined.map((r) => r.record_id).sort()).toEqual([id(4, ''), id(5, '\uFFFD')].sort());
    const listed = await db.query<{ id: string }>('select id from services where id = any($1::text[])', [
      [id(0, ''), id(1, '\uFFFD')],
    ]);
    expect(listed.map((r) => r.id).sort()).toEqual([id(0, ''), id(1, '\uFFFD')].sort());
    await expectStoredRecordsWhole();
  });

  it('shows markup as words only, and serves the description back exactly, as JSON', async () => {
    const id = 'markup-service';
    const markup = HOSTILE_TEXT.filter((t) => t.includes('<'));
    for (const text of markup) {
      const record = { ...goodRecord(id), name: `Carers ${text} group`, description: `${text} ${text}` };
      const summary = await importText(JSON.stringify([record]));
      expect(summary.quarantine).toEqual([]);
      const [row] = await db.query<{ record: Service }>('select record from services where id = $1', [id]);
      expect(row?.record.name).not.toMatch(/<[a-z]/i);
      expect(row?.record.description).not.toMatch(/<[a-z]/i);
      const response = await createApp({ db, version: 'test' }).request(`/api/oruk/services/${id}`);
      expect(response.headers.get('content-type')).toContain('application/json');
      const served = (await response.json()) as { name: string; description: string };
      expect(served.name).toBe(row?.record.name);
      expect(served.description).toBe(`${text} ${text}`);
    }
  });
});
