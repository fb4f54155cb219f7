import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FollowUpAnswer } from '../../src/domain/evidence/follow-up.ts';
import { wilsonInterval } from '../../src/domain/measures/wilson.ts';
import type { Database } from '../../src/server/db/database.ts';
import { upsertServices } from '../../src/server/directory/store.ts';
import type { HelpfulnessTable } from '../../src/domain/evidence/helpfulness.ts';
import { createApp } from '../../src/server/http/app.ts';
import { requester, signedIn, type SignedIn } from '../fixtures/insight/staff.ts';
import { databaseKind, openTestDatabase } from '../support/database.ts';
import { makeService } from '../support/make-services.ts';

let db: Database;
let drop: () => Promise<void>;
let analyst: SignedIn;
let field: SignedIn;
const request = requester(() => createApp({ db, version: 'test' }));

const cafe = makeService({ name: 'Clacton Carers Cafe', towns: ['clacton'], themes: ['carers'] });
const advice = makeService({
  name: 'Colchester Benefits Advice',
  towns: ['colchester'],
  themes: ['housing'],
});

function answers(serviceId: string, theme: string, said: Partial<Record<FollowUpAnswer, number>>) {
  return Object.entries(said).flatMap(([answer, times]) =>
    Array.from({ length: times }, () => ({
      kind: 'follow-up',
      id: randomUUID(),
      createdAt: '2026-03-16T09:00:00.000Z',
      serviceId,
      theme,
      answer,
    })),
  );
}

beforeAll(async () => {
  ({ db, drop } = await openTestDatabase());
  await upsertServices(db, [{ service: cafe }, { service: advice }]);
  analyst = await signedIn(db, 'analyst');
  field = await signedIn(db, 'field');
  const sent = await request('/api/v1/feedback', {
    method: 'POST',
    body: [
      // In touch 12, helped 8; 4 did not say Yes, a count the public could subtract its way to.
      ...answers(cafe.id, 'carers', { yes: 8, partly: 3, no: 1, 'could-not-reach': 2, 'not-contacted': 1 }),
      ...answers(advice.id, 'housing', { yes: 10, no: 6 }),
      // A service no longer listed, with too few answers to publish.
      ...answers('no-longer-listed', 'carers', { yes: 3 }),
    ],
  });
  expect(sent.status).toBe(200);
  const { results } = (await sent.json()) as { results: { status: string }[] };
  expect(results.every((result) => result.status === 'stored')).toBe(true);
});

afterAll(async () => drop?.());

async function table(query = ''): Promise<HelpfulnessTable> {
  const response = await request(`/api/v1/analyst/helpfulness${query}`, { cookie: analyst.cookie });
  expect(response.status).toBe(200);
  expect(response.headers.get('cache-control')).toBe('no-store');
  return (await response.json()) as HelpfulnessTable;
}

describe(`whether services helped, for analysts, on ${databaseKind}`, () => {
  it('gives each service the share who said it helped among those in touch, with its interval', async () => {
    const { services } = await table();
    expect(services.map((row) => [row.key, row.name, row.base, row.helped])).toEqual([
      [advice.id, 'Colchester Benefits Advice', 16, 10],
      [cafe.id, 'Clacton Carers Cafe', 12, 8],
      ['no-longer-listed', null, 3, 3],
    ]);
    const cafeRow = services.find((row) => row.key === cafe.id)!;
    expect(cafeRow.share).toBeCloseTo(8 / 12, 10);
    expect(cafeRow.interval).toEqual(wilsonInterval(8, 12));
    // Outside the base, counted apart.
    expect([cafeRow.couldNotReach, cafeRow.notContacted]).toEqual([2, 1]);
  });

  it('says which shares disclosure control would let the public see, and why not', async () => {
    const { services, themes } = await table();
    const view = (rows: HelpfulnessTable['services']) =>
      Object.fromEntries(rows.map((r) => [r.key, r.publicView]));
    expect(view(services)).toEqual({
      [advice.id]: 'shown',
      [cafe.id]: 'small-count',
      'no-longer-listed': 'fewer-than-10',
    });
    expect(themes.map((row) => [row.key, row.base, row.helped, row.publicView])).toEqual([
      ['housing', 16, 10, 'shown'],
      ['carers', 15, 11, 'small-count'],
    ]);
  });

  it('counts only the months asked for', async () => {
    const before = await table('?to=2020-06&months=12');
    expect(before).toMatchObject({ from: '2019-07', to: '2020-06', services: [], themes: [] });
  });

  it('is for analysts only, and checks its query', async () => {
    expect((await request('/api/v1/analyst/helpfulness')).status).toBe(401);
    expect((await request('/api/v1/analyst/helpfulness', { cookie: field.cookie })).status).toBe(403);
    expect((await request('/api/v1/analyst/helpfulness?months=0', { cookie: analyst.cookie })).status).toBe(
      400,
    );
  });
});
