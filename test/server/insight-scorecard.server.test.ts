import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/database.ts';
import { createApp } from '../../src/server/http/app.ts';
import { computeScorecard } from '../../src/server/insight/scorecard.ts';
import {
  publish,
  scorecardFixture,
  setRecordKeys,
  store,
  storeEvidenceFixture,
} from '../fixtures/insight/feedback.ts';
import { requester, signedIn, type SignedIn } from '../fixtures/insight/staff.ts';
import { databaseKind, openTestDatabase } from '../support/database.ts';

const expected = (name: string) =>
  readFileSync(new URL(`../fixtures/insight/scorecard-2025-03-${name}.csv`, import.meta.url), 'utf8');

let db: Database;
let drop: () => Promise<void>;
let analyst: SignedIn;
const request = requester(() => createApp({ db, version: 'test' }));

beforeAll(async () => {
  ({ db, drop } = await openTestDatabase());
  await store(db, scorecardFixture());
  await storeEvidenceFixture(db);
  // Every record key 1, so each cell's key is its own count and the public file can be worked by hand.
  await setRecordKeys(db, 1);
  analyst = await signedIn(db, 'analyst');
  await publish(db, ['2025-02', '2025-03'], analyst.user.id);
});

afterAll(async () => {
  await drop();
});

/*
 * The expected files, worked by hand from the fixture (test/fixtures/insight/feedback.ts), March 2025
 * against February, every breakdown.
 *
 * The analysts' file has the true counts:
 * control: headline 36 answers, 24 positive = 0.6667 (proxies and "prefer not to say" left out);
 *   February 20 (13) = 0.65, so +0.0167. Districts: Chelmsford 20 (13); Colchester 12 (9) has 3 negative
 *   answers, so its share is withheld (small count); Harlow 4 has fewer than 10. Harlow's base alone
 *   would be found from the total, so the next-smallest base, Colchester's, is withheld with it (16
 *   together). Ages repeat the districts (45–54 is Colchester, 65–74 Chelmsford, 85 and over Harlow).
 *   How answered: with help 6 is fewer than 10, so own (30) goes with it; the 3 answered on someone's
 *   behalf are their own line, under 10. Respondent, channel, sex, ethnicity and disability each have
 *   one group, the headline itself.
 * safe: headline 57 (30) = 0.5263. Harlow 12 with 2 positive: count withheld; Colchester's positive
 *   count, in the next-smallest cell (15), is withheld beside it.
 * The other nine measures had no answers: a headline of 0 each, nothing withheld.
 * unmet-need: 33 answers to "Did you find what you needed?", 15 Partly or No = 0.4545; February had none.
 * helped: no one was asked "Did it help?": 0.
 *
 * The public file is March as published (revision 1), with no equality breakdowns and only
 * "withheld". Every record key is 1, so each cell key is its count, and each part moves by the table:
 * control headline: 24 positive (key 24) → 22, complement 12 (key 12) → 10, base 32, share 0.6875.
 *   Chelmsford: 13 (key 13) → 11, complement 7 (spread 2, key 7) → 5, base 16, a small sample.
 *   February's headline was 20 (13): 11 of 16 too, so the change is 0.
 * safe headline: 30 → 28, 27 → 25, base 53. Harlow's base 12 (key 12) → 10; Colchester's 15 → 13.
 * unmet-need: 15 counted (key 15) → 13, complement 18 (key 18) → 16, base 29: 0.4483, a small sample.
 */
describe(`the monthly scorecard from stored feedback on ${databaseKind}`, () => {
  it('is the hand-worked public CSV, byte for byte, for anyone', async () => {
    const response = await request('/api/v1/measures/scorecard.csv?period=2025-03');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('x-scorecard-version')).toBe('public');
    expect(response.headers.get('content-disposition')).toContain('signpost-scorecard-2025-03-public.csv');
    expect(await response.text()).toBe(expected('public'));
  });

  it('is the hand-worked analysts’ CSV, unrounded, for a signed-in analyst, who can still fetch the public one', async () => {
    const response = await request('/api/v1/measures/scorecard.csv?period=2025-03', {
      cookie: analyst.cookie,
    });
    expect(response.headers.get('x-scorecard-version')).toBe('analyst');
    expect(response.headers.get('content-disposition')).toContain('signpost-scorecard-2025-03-analyst.csv');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.text()).toBe(expected('analyst'));

    const asPublic = await request('/api/v1/measures/scorecard.csv?period=2025-03&version=public', {
      cookie: analyst.cookie,
    });
    expect(await asPublic.text()).toBe(expected('public'));
  });

  it('gives the same rows as JSON', async () => {
    const response = await request('/api/v1/measures/scorecard.json?period=2025-03');
    const body = (await response.json()) as { version: string; rows: Record<string, unknown>[] };
    expect(body.version).toBe('public');
    const csvLines = expected('public').trimEnd().split('\r\n').slice(1);
    expect(body.rows).toHaveLength(csvLines.length);
    expect(body.rows[0]).toEqual({
      measure_id: 'control',
      outcome: 'independence-and-wellbeing',
      period: '2025-03',
      breakdown: 'all',
      group: 'all',
      n: 32,
      positive: 22,
      share: 0.6875,
      ci_low: 0.5143,
      ci_high: 0.8205,
      suppressed: null,
      change_vs_previous_month: 0,
      small_sample: false,
    });
    expect(body).toMatchObject({ revision: 1, note: null, notes: { arrivedLate: 0, excluded: [] } });
  });

  it('refuses the analysts’ version to anyone else', async () => {
    const none = await request('/api/v1/measures/scorecard.csv?period=2025-03&version=analyst');
    expect(none.status).toBe(401);
    const field = await signedIn(db, 'field');
    const wrong = await request('/api/v1/measures/scorecard.json?period=2025-03&version=analyst', {
      cookie: field.cookie,
    });
    expect(wrong.status).toBe(403);
    expect(((await wrong.json()) as { error: { code: string } }).error.code).toBe('forbidden');
  });

  it('answers a month not yet published with 404: the public never sees live figures', async () => {
    for (const path of ['scorecard.csv?period=2025-04', 'scorecard.json?period=2025-01']) {
      const response = await request(`/api/v1/measures/${path}`);
      expect(response.status, path).toBe(404);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('not_published');
    }
  });

  it('answers a bad month with 400 in the error shape', async () => {
    for (const period of ['2025-13', '03-2025', '', '0000-01', '0001-01', '9999-12']) {
      const response = await request(`/api/v1/measures/scorecard.csv?period=${period}`);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('invalid_query');
    }
  });

  it('exposes the full scorecard as a function, as the benchmark times it', async () => {
    const rows = await computeScorecard(db, '2025-03', 'analyst');
    expect(rows.find((r) => r.measureId === 'safe' && r.breakdown === 'all')).toMatchObject({
      n: 57,
      positive: 30,
    });
  });
});
