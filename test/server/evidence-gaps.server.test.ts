import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gapsCsv, type GapTable } from '../../src/domain/evidence/gaps.ts';
import type { Database } from '../../src/server/db/database.ts';
import { upsertServices } from '../../src/server/directory/store.ts';
import { currentCoverage } from '../../src/server/evidence/gaps.ts';
import { createApp } from '../../src/server/http/app.ts';
import { requester, signedIn, type SignedIn } from '../fixtures/insight/staff.ts';
import { databaseKind, openTestDatabase } from '../support/database.ts';
import { makeService } from '../support/make-services.ts';

let db: Database;
let drop: () => Promise<void>;
let analyst: SignedIn;
let field: SignedIn;
const request = requester(() => createApp({ db, version: 'test' }));

function found(answer: 'yes' | 'partly' | 'no', details: Record<string, unknown> = {}) {
  return {
    kind: 'found',
    id: randomUUID(),
    createdAt: '2026-03-02T10:15:00.000Z',
    source: 'guided',
    answer,
    ...details,
  };
}

beforeAll(async () => {
  ({ db, drop } = await openTestDatabase());
  await upsertServices(
    db,
    [
      makeService({ name: 'Clacton Carers Cafe', towns: ['clacton'], themes: ['carers'] }),
      makeService({ name: 'Essex Carers Line', themes: ['carers'], countyWide: true, delivery: ['phone'] }),
      makeService({
        name: 'Colchester Benefits Advice',
        towns: ['colchester'],
        description: 'Benefits advice.',
      }),
    ].map((service) => ({ service })),
  );
  analyst = await signedIn(db, 'analyst');
  field = await signedIn(db, 'field');
  const sent = await request('/api/v1/feedback', {
    method: 'POST',
    body: [
      found('no', { needs: ['money', 'caring'], district: 'tendring' }),
      found('partly', { needs: ['caring'], district: 'tendring', forWhom: 'me' }),
      found('no', { needs: ['caring'], district: 'uttlesford' }),
      // Left out: a Yes, a need with no district, and "something else".
      found('yes'),
      found('no', { needs: ['money'] }),
      found('no', { needs: ['something-else'], district: 'tendring' }),
    ],
  });
  expect(sent.status).toBe(200);
});

afterAll(async () => drop?.());

describe(`the unmet-need table on ${databaseKind}`, () => {
  it('gives analysts each need and district with No and Partly counted, beside coverage, worst first', async () => {
    const response = await request('/api/v1/analyst/gaps', { cookie: analyst.cookie });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const table = (await response.json()) as GapTable;
    const coverage = await currentCoverage(db);
    const cover = (need: 'money' | 'caring', district: 'tendring' | 'uttlesford') =>
      coverage.get(need)!.get(district)!;
    expect([cover('caring', 'tendring'), cover('caring', 'uttlesford'), cover('money', 'tendring')]).toEqual([
      2, 1, 0,
    ]);
    const cells = table.rows.map((r) => ({
      need: r.need,
      district: r.district,
      no: r.no,
      partly: r.partly,
      coverage: r.coverage,
    }));
    expect(cells).toHaveLength(3);
    expect(cells).toEqual(
      expect.arrayContaining([
        { need: 'caring', district: 'tendring', no: 1, partly: 1, coverage: cover('caring', 'tendring') },
        { need: 'money', district: 'tendring', no: 1, partly: 0, coverage: cover('money', 'tendring') },
        { need: 'caring', district: 'uttlesford', no: 1, partly: 0, coverage: cover('caring', 'uttlesford') },
      ]),
    );
    const scores = table.rows.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(table.to).toMatch(/^\d{4}-\d{2}$/);
  });

  it('exports the same table as CSV', async () => {
    const json = (await (
      await request('/api/v1/analyst/gaps?months=1', { cookie: analyst.cookie })
    ).json()) as GapTable;
    const response = await request('/api/v1/analyst/gaps.csv?months=1', { cookie: analyst.cookie });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toContain(
      `signpost-gaps-${json.from}-to-${json.to}.csv`,
    );
    expect(await response.text()).toBe(gapsCsv(json.rows));
  });

  it('is for analysts only, and checks its query', async () => {
    expect((await request('/api/v1/analyst/gaps')).status).toBe(401);
    expect((await request('/api/v1/analyst/gaps', { cookie: field.cookie })).status).toBe(403);
    expect((await request('/api/v1/analyst/gaps.csv', { cookie: field.cookie })).status).toBe(403);
    expect((await request('/api/v1/analyst/gaps?months=25', { cookie: analyst.cookie })).status).toBe(400);
    expect((await request('/api/v1/analyst/gaps?to=2026-13', { cookie: analyst.cookie })).status).toBe(400);
  });
});
