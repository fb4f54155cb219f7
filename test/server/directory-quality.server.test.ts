import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QualityReport } from '../../src/domain/directory-quality.ts';
import type { StaffRole } from '../../src/domain/staff.ts';
import type { Database } from '../../src/server/db/database.ts';
import { importDirectory, type ImportSummary } from '../../src/server/directory/import.ts';
import { createApp } from '../../src/server/http/app.ts';
import { requester, signedIn, type SignedIn } from '../fixtures/insight/staff.ts';
import { databaseKind, openTestDatabase } from '../support/database.ts';

// A fictional council feed written the way real ones are (scripts/lib/messy-feed.ts).
const MESSY_FEED = new URL('../fixtures/messy/messy-feed.json', import.meta.url).pathname;

let db: Database;
let drop: () => Promise<void>;
let summary: ImportSummary;
const staff = {} as Record<StaffRole, SignedIn>;
const request = requester(() => createApp({ db, version: 'test' }));

beforeAll(async () => {
  ({ db, drop } = await openTestDatabase());
  summary = await importDirectory(db, MESSY_FEED);
  for (const role of ['field', 'analyst', 'admin'] as const) staff[role] = await signedIn(db, role);
  const [first] = await db.query<{ id: string }>('select id from services where active order by id limit 1');
  await db.query(
    `insert into listing_problems (id, reference, service_id, problem, created_at, content_hash)
     values ($1, 'SP-7K3QM-9XA2P', $2, 'wrong-phone', now(), 'x')`,
    [randomUUID(), first!.id],
  );
});
afterAll(async () => {
  await drop();
});

async function report(path = '/api/v1/directory-quality', role: StaffRole = 'admin') {
  const response = await request(path, { cookie: staff[role].cookie });
  expect(response.status).toBe(200);
  return QualityReport.parse(await response.json());
}

describe(`the directory's data-quality report on ${databaseKind}`, () => {
  it('counts what needs attention, agreeing with the import', async () => {
    const body = await report();
    expect(body.services).toBe(summary.imported);
    expect(body.counts.quarantined).toBe(summary.quarantined);
    expect(body.counts['no-theme']).toBe(summary.noTheme);
    expect(body.counts['open-problem']).toBe(1);
    // Warnings are counted once per service, field and reason.
    expect(body.counts.warning).toBe(
      new Set(summary.warnings.flatMap((w) => w.warnings.map((x) => `${w.id} ${x.field} ${x.reason}`))).size,
    );
    expect(body.counts.warning).toBeGreaterThan(0);
    expect(body.counts['no-contact']).toBeGreaterThan(0);
    expect(body.counts['not-checked-12'] + body.counts['not-checked-6']).toBeGreaterThan(0);
  });

  it('gives each kind with its reasons, and links only services still listed', async () => {
    const quarantined = await report('/api/v1/directory-quality?kind=quarantined');
    expect(quarantined.rows.every((row) => row.kind === 'quarantined')).toBe(true);
    expect(quarantined.rows.map((row) => row.detail)).toEqual(
      expect.arrayContaining(['id: missing', 'name: missing']),
    );
    const warnings = await report('/api/v1/directory-quality?kind=warning');
    const warned = warnings.rows[0]!;
    expect(warned).toMatchObject({ kind: 'warning', listed: true });
    expect(warned.code).toBeTruthy();
    expect(warned.detail).toContain(warned.code!);
    const problems = await report('/api/v1/directory-quality?kind=open-problem');
    expect(problems.rows).toEqual([expect.objectContaining({ code: 'wrong-phone', listed: true })]);
  });

  it('lists services people said they could not reach, recently and since the listing was checked', async () => {
    const [reached, checked] = await db.query<{ id: string }>(
      'select id from services where active order by id limit 2 offset 1',
    );
    const today = new Date().toISOString().slice(0, 10);
    // The second listing was checked today, after the one answer about it.
    await db.query(
      `update services set record = jsonb_set(record, '{lastChecked}', to_jsonb($2::text)) where id = $1`,
      [checked!.id, today],
    );
    const answer = (serviceId: string, said: string, daysAgo: number) =>
      db.query(
        `insert into follow_up_answers (id, content_hash, received_at, period, service_id, answer)
         values ($1, 'x', now() - make_interval(days => $3::int), current_date, $2, $4)`,
        [randomUUID(), serviceId, daysAgo, said],
      );
    await answer(reached!.id, 'could-not-reach', 0);
    await answer(reached!.id, 'could-not-reach', 20);
    await answer(reached!.id, 'could-not-reach', 120); // longer ago than three months
    await answer(reached!.id, 'not-contacted', 0); // says nothing about the listing
    await answer(reached!.id, 'no', 0);
    await answer(checked!.id, 'could-not-reach', 2);
    await answer('no-longer-listed', 'could-not-reach', 1);

    const body = await report('/api/v1/directory-quality?kind=could-not-reach', 'analyst');
    expect(body.counts['could-not-reach']).toBe(2);
    expect(body.rows).toEqual([
      expect.objectContaining({ serviceId: reached!.id, answers: 2, listed: true }),
      expect.objectContaining({ serviceId: 'no-longer-listed', answers: 1, listed: false, name: null }),
    ]);
    expect(Date.now() - Date.parse(body.rows[0]!.date!)).toBeLessThan(60 * 60_000);

    const csv = await request('/api/v1/directory-quality.csv?kind=could-not-reach', {
      cookie: staff.admin.cookie,
    });
    const lines = (await csv.text()).trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(new RegExp(`^could-not-reach,${reached!.id},.*,/services/[^,]+,2$`));
  });

  it('refuses a kind it does not know', async () => {
    const response = await request('/api/v1/directory-quality?kind=everything', {
      cookie: staff.admin.cookie,
    });
    expect(response.status).toBe(400);
  });

  it('exports every row as CSV, with the path of each listed service', async () => {
    const response = await request('/api/v1/directory-quality.csv', { cookie: staff.analyst.cookie });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.headers.get('content-disposition')).toContain('signpost-directory-quality.csv');
    const lines = (await response.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe('kind,service_id,name,detail,code,date,service_page,answers');
    const body = await report();
    const total = Object.values(body.counts).reduce((sum, n) => sum + n, 0);
    expect(lines).toHaveLength(total + 1);
    const noTheme = lines.filter((line) => line.startsWith('no-theme,'));
    expect(noTheme).toHaveLength(body.counts['no-theme']);
    expect(noTheme[0]).toMatch(/,\/services\/[^,]+,$/);
    const one = await request('/api/v1/directory-quality.csv?kind=no-contact', {
      cookie: staff.admin.cookie,
    });
    expect((await one.text()).trimEnd().split('\r\n')).toHaveLength(body.counts['no-contact'] + 1);
  });

  it('is for admins and analysts: field staff and people not signed in are refused', async () => {
    for (const path of ['/api/v1/directory-quality', '/api/v1/directory-quality.csv']) {
      expect((await request(path, { cookie: staff.field.cookie })).status).toBe(403);
      expect((await request(path)).status).toBe(401);
      for (const role of ['admin', 'analyst'] as const) {
        expect((await request(path, { cookie: staff[role].cookie })).status).toBe(200);
      }
    }
  });
});
