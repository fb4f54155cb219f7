import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceFor } from '../../src/domain/feedback/reference.ts';
import type { ScorecardJsonRow } from '../../src/domain/measures/scorecard.ts';
import type { Database } from '../../src/server/db/database.ts';
import { createApp } from '../../src/server/http/app.ts';
import type { OverviewResponse as Overview } from '../../src/domain/api/measures.ts';
import { seedFeedback } from '../../scripts/seed-feedback.ts';
import {
  experience,
  listingProblem,
  publish,
  scorecardFixture,
  setRecordKeys,
  store,
} from '../fixtures/insight/feedback.ts';
import { requester, signedIn, type SignedIn } from '../fixtures/insight/staff.ts';
import { databaseKind, openTestDatabase } from '../support/database.ts';

let db: Database;
let drop: () => Promise<void>;
let analyst: SignedIn;
const request = requester(() => createApp({ db, version: 'test' }));

interface MeasuresBody {
  period: string;
  audience: string;
  breakdown: string;
  rows: ScorecardJsonRow[];
}

const json = async <T>(response: Response) => {
  expect(response.status).toBe(200);
  return (await response.json()) as T;
};

beforeAll(async () => {
  ({ db, drop } = await openTestDatabase());
  await store(db, scorecardFixture());
  // A year of made-up feedback before the fixture's months, with deliberately small groups.
  // No VACUUM ANALYZE after it: its extended statistics take longer than a query may on a busy machine.
  await seedFeedback(db, { responses: 3000, to: '2025-01', months: 12, seed: 7, vacuum: false });
  // Every record key 1, so each published count can be worked by hand from the true one.
  await setRecordKeys(db, 1);
  analyst = await signedIn(db, 'analyst');
  await publish(db, ['2024-06', '2024-09', '2025-01', '2025-02', '2025-03'], analyst.user.id);
  // A year of seeded answers takes a while on a busy machine.
}, 180_000);

afterAll(async () => {
  await drop();
});

describe(`GET /api/v1/measures on ${databaseKind}`, () => {
  it('shows the month as published, small groups only as "withheld", every count perturbed', async () => {
    const body = await json<MeasuresBody>(await request('/api/v1/measures?period=2025-03&by=district'));
    expect(body).toMatchObject({ period: '2025-03', audience: 'public', breakdown: 'district', revision: 1 });
    const control = body.rows.filter((r) => r.measure_id === 'control');
    // True: 36 (24), Chelmsford 20 (13), Colchester 12 (9), Harlow 4. With record keys of 1, 24 → 22 and
    // 12 → 10 (base 32); Chelmsford 13 → 11 and 7 → 5 (base 16).
    expect(control.map((r) => [r.group, r.n, r.positive, r.suppressed])).toEqual([
      ['all', 32, 22, null],
      ['chelmsford', 16, 11, null],
      ['colchester', null, null, 'withheld'],
      ['harlow', null, null, 'withheld'],
    ]);
  });

  it('never publishes a share on fewer than 10 answers, month after month of seeded data', async () => {
    let smallGroups = 0;
    for (const period of ['2024-06', '2024-09', '2025-01']) {
      for (const by of ['district', 'respondent', 'age', 'channel', 'how-answered']) {
        const body = await json<MeasuresBody>(await request(`/api/v1/measures?period=${period}&by=${by}`));
        for (const row of body.rows) {
          if (row.suppressed !== null) smallGroups++;
          expect([null, 'withheld']).toContain(row.suppressed);
          if (row.share !== null) expect(row.n).toBeGreaterThanOrEqual(10);
        }
      }
      const uttlesford = await json<MeasuresBody>(
        await request(`/api/v1/measures?period=${period}&by=district`),
      );
      for (const row of uttlesford.rows.filter((r) => r.group === 'uttlesford')) {
        expect(row.share).toBeNull();
        expect(row.suppressed).not.toBeNull();
      }
    }
    expect(smallGroups).toBeGreaterThan(0);
  });

  it('gives analysts the unrounded counts at their own address', async () => {
    const body = await json<MeasuresBody>(
      await request('/api/v1/analyst/measures?period=2025-03&by=district', { cookie: analyst.cookie }),
    );
    const harlow = body.rows.find((r) => r.measure_id === 'control' && r.group === 'harlow');
    expect(harlow).toMatchObject({ n: 4, positive: 2, share: 0.5, suppressed: 'fewer-than-10' });
  });

  it('answers bad parameters with 400 in the JSON error shape', async () => {
    for (const path of [
      '/api/v1/measures',
      '/api/v1/measures?period=2025-3',
      '/api/v1/measures?period=0000-01',
      '/api/v1/measures?period=0001-01',
      '/api/v1/measures/overview?to=9999-12',
      '/api/v1/measures?period=2025-03&by=postcode',
      // The equality breakdowns are for analysts.
      '/api/v1/measures?period=2025-03&by=ethnicity',
      '/api/v1/measures/overview?for=district:atlantis',
      '/api/v1/measures/overview?months=0',
    ]) {
      const response = await request(path);
      expect(response.status, path).toBe(400);
      const body = (await response.json()) as { error: { code: string; details: unknown[] } };
      expect(body.error.code).toBe('invalid_query');
      expect(body.error.details.length).toBeGreaterThan(0);
    }
  });
});

describe(`GET /api/v1/measures/overview on ${databaseKind}`, () => {
  it('gives each measure for the latest month and its trend over the 12 months before', async () => {
    const overview = await json<Overview>(await request('/api/v1/measures/overview'));
    expect(overview.period).toBe('2025-03');
    const control = overview.measures.find((m) => m.measure === 'control');
    expect(control?.trend).toHaveLength(12);
    expect(control?.trend[0]?.period).toBe('2024-04');
    expect(control?.latest).toMatchObject({ published: true, n: 32, share: 0.6875, change: 0 });
    expect(overview.publication).toMatchObject({
      revision: 1,
      note: null,
      notes: { arrivedLate: 0, excluded: [] },
    });
    // The month under way: its true count is not shown, only none, "fewer than 10" or a round number.
    expect(overview.current?.period).toMatch(/^\d{4}-\d{2}$/);
  });

  it('narrows to one published group, suppressed as the scorecard suppresses it', async () => {
    const harlow = await json<Overview>(await request('/api/v1/measures/overview?for=district:harlow'));
    expect(harlow.group).toEqual({ breakdown: 'district', group: 'harlow' });
    const control = harlow.measures.find((m) => m.measure === 'control');
    expect(control?.latest).toMatchObject({ n: null, share: null, suppressed: 'withheld' });
    const carers = await json<Overview>(
      await request('/api/v1/measures/overview?for=respondent:carer&to=2025-01'),
    );
    expect(carers.period).toBe('2025-01');
  });
});

describe(`erasure on request, on ${databaseKind}`, () => {
  it('removes a response from every figure, with its words, by the reference the person was given', async () => {
    const person = experience({
      district: 'harlow',
      ageBand: '85-plus',
      answers: { control: 'none', safe: 'not-safe' },
      words: 'Please delete what I said.',
      consent: {
        storeWords: true,
        quote: false,
        contact: true,
        contactBy: { method: 'phone', value: '01632 960001' },
      },
    });
    await store(db, [person]);
    const reference = referenceFor(person.id);
    const figures = async () => {
      const counts = new Map<string, number | null>();
      for (const by of ['district', 'age', 'how-answered', 'respondent', 'sex']) {
        const body = await json<MeasuresBody>(
          await request(`/api/v1/analyst/measures?period=2025-03&by=${by}`, { cookie: analyst.cookie }),
        );
        for (const row of body.rows) counts.set(`${row.measure_id}/${row.breakdown}/${row.group}`, row.n);
      }
      return counts;
    };
    const before = await figures();
    expect(before.get('control/all/all')).toBe(37);
    expect(before.get('control/district/harlow')).toBe(5);
    expect(before.get('safe/age/85-plus')).toBe(13);

    const erased = await request(`/api/v1/responses/${reference.toLowerCase().replaceAll('-', ' ')}`, {
      method: 'DELETE',
      cookie: analyst.cookie,
    });
    expect(erased.status).toBe(200);
    expect(await erased.json()).toEqual({ erased: { reference, submissions: 1 } });

    const after = await figures();
    const changed = [...before]
      .filter(([key, n]) => after.get(key) !== n)
      .map(([key]) => key)
      .sort();
    expect(changed).toEqual(
      [
        'control/all/all',
        'control/district/harlow',
        'control/age/85-plus',
        'control/how-answered/own',
        'control/respondent/resident',
        'control/sex/not-stated',
        'safe/all/all',
        'safe/district/harlow',
        'safe/age/85-plus',
        'safe/how-answered/own',
        'safe/respondent/resident',
        'safe/sex/not-stated',
      ].sort(),
    );
    expect(after.get('control/all/all')).toBe(36);
    const left = await db.query(
      `select (select count(*)::int from feedback_stories where response_id = $1) as stories,
              (select count(*)::int from feedback_contacts where response_id = $1) as contacts,
              (select count(*)::int from feedback_answers where response_id = $1) as answers`,
      [person.id],
    );
    expect(left).toEqual([{ stories: 0, contacts: 0, answers: 0 }]);

    const again = await request(`/api/v1/responses/${reference}`, {
      method: 'DELETE',
      cookie: analyst.cookie,
    });
    expect(again.status).toBe(404);
  });

  it('erases a listing problem by its reference too, and refuses what cannot be a reference', async () => {
    const problem = listingProblem({ contact: { method: 'email', value: 'pat@example.org' } });
    await store(db, [problem]);
    const erased = await request(`/api/v1/responses/${referenceFor(problem.id)}`, {
      method: 'DELETE',
      cookie: analyst.cookie,
    });
    expect(await erased.json()).toEqual({ erased: { reference: referenceFor(problem.id), submissions: 1 } });
    expect(await db.query('select id from listing_problems where id = $1', [problem.id])).toEqual([]);
    const bad = await request('/api/v1/responses/not-a-reference', {
      method: 'DELETE',
      cookie: analyst.cookie,
    });
    expect(bad.status).toBe(400);
  });
});
