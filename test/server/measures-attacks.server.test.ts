import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUESTIONS, type QuestionId } from '../../src/domain/feedback/questions.ts';
import { MAX_PERTURBATION, perturb, spreadFor } from '../../src/domain/measures/cell-key.ts';
import { PUBLIC_BREAKDOWNS, type ScorecardJsonRow } from '../../src/domain/measures/scorecard.ts';
import { wilsonInterval } from '../../src/domain/measures/wilson.ts';
import type { Database } from '../../src/server/db/database.ts';
import { createApp } from '../../src/server/http/app.ts';
import { publishMonth } from '../../src/server/insight/publications.ts';
import { computeScorecard } from '../../src/server/insight/scorecard.ts';
import { seedFeedback } from '../../scripts/seed-feedback.ts';
import { databaseKind, openTestDatabase } from '../support/database.ts';

/*
 * Attacks on the published figures, written as someone outside would try them, with nothing but the
 * public API and the method as docs/measures.md publishes it. Each one worked against the live,
 * rounded figures this replaced; here each must fail.
 *
 * The month attacked is March 2025: 424 made-up responses over the 12 districts and "no district",
 * proxies among them. The attacker acts during March; an analyst publishes it on 10 April.
 */
const MONTH = '2025-03';
const DURING = new Date('2025-03-20T12:00:00Z');
const AFTER = new Date('2025-04-10T12:00:00Z');

let db: Database;
let drop: () => Promise<void>;
let nextAddress = 1;

/** The app as it stands at `time`. */
const at = (time: Date) => createApp({ db, version: 'test', clock: () => time });

async function get<T>(time: Date, path: string): Promise<{ status: number; body: T; text: string }> {
  const response = await at(time).request(path);
  const text = await response.text();
  return { status: response.status, body: (text.startsWith('{') ? JSON.parse(text) : text) as T, text };
}

/** Anonymous answers from an address of the attacker's own, as the public form sends them. */
async function send(time: Date, items: unknown[]): Promise<{ status: number; body: unknown }> {
  const response = await at(time).request(
    '/api/v1/feedback',
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(items) },
    { incoming: { socket: { remoteAddress: `198.51.100.${nextAddress++}` } } },
  );
  return { status: response.status, body: await response.json() };
}

function answer(fields: Record<string, unknown>): Record<string, unknown> {
  return {
    kind: 'experience',
    id: randomUUID(),
    createdAt: '2025-03-05T10:00:00Z',
    formVersion: 1,
    answers: {},
    consent: { storeWords: false, quote: false, contact: false },
    respondent: 'resident',
    howAnswered: 'own',
    channel: 'self-online',
    ...fields,
  };
}

async function published(time: Date, by: string): Promise<ScorecardJsonRow[]> {
  const { status, body } = await get<{ rows: ScorecardJsonRow[] }>(
    time,
    `/api/v1/measures?period=${MONTH}&by=${by}`,
  );
  expect(status).toBe(200);
  return body.rows;
}

async function publish(): Promise<void> {
  const result = await publishMonth(db, { period: MONTH, now: AFTER, by: null });
  expect(result).toHaveProperty('published');
}

const key = (r: { measure_id?: string; breakdown: string; group: string }, measure?: string) =>
  `${measure ?? r.measure_id}/${r.breakdown}/${r.group}`;

/** The true counts of every public cell, which only an analyst can see. */
async function trueCounts(): Promise<Map<string, { n: number; positive: number }>> {
  const rows = await computeScorecard(db, MONTH, 'analyst');
  return new Map(rows.map((r) => [key({ breakdown: r.breakdown, group: r.group }, r.measureId), r as never]));
}

/**
 * The first attack of old: every (n, k) that gives the published share and interval to four places.
 * Against figures computed from true counts it found exactly one pair, the true one.
 */
function solveShare(row: ScorecardJsonRow): { n: number; k: number }[] {
  const found: { n: number; k: number }[] = [];
  const round = (x: number) => Math.round(x * 10_000) / 10_000;
  for (let n = 1; n <= 2_000; n++) {
    for (
      let k = Math.max(0, Math.floor((row.share as number) * n) - 1);
      k <= Math.min(n, (row.share as number) * n + 1);
      k++
    ) {
      const interval = wilsonInterval(k, n);
      if (
        round(k / n) === row.share &&
        round(interval?.low ?? -1) === row.ci_low &&
        round(interval?.high ?? -1) === row.ci_high
      )
        found.push({ n, k });
    }
  }
  return found;
}

/** Every true value that the published method could have turned into `shown`. */
function couldHaveBeen(shown: number, floor: number): number[] {
  const values: number[] = [];
  for (let value = Math.max(floor, shown - MAX_PERTURBATION); value <= shown + MAX_PERTURBATION; value++) {
    if (Math.abs(value - shown) > spreadFor(value, floor)) continue;
    for (let cellKey = 0; cellKey < 256; cellKey++) {
      if (perturb(value, cellKey, floor) === shown) {
        values.push(value);
        break;
      }
    }
  }
  return values;
}

/**
 * The attacker's best: every true (n, k) the published row could have come from, knowing the method
 * (the table, the floors, that the base is the sum of the perturbed parts) but not the cell keys.
 */
function candidates(row: { n: number | null; positive: number | null }): { n: number; k: number }[] {
  if (row.n === null || row.n === 0) return [];
  if (row.positive === null) return couldHaveBeen(row.n, 10).map((n) => ({ n, k: -1 }));
  const complement = row.n - row.positive;
  const ks = row.positive === 0 ? [0] : couldHaveBeen(row.positive, complement === 0 ? 10 : 5);
  const cs = complement === 0 ? [0] : couldHaveBeen(complement, row.positive === 0 ? 10 : 5);
  return ks.flatMap((k) => cs.map((c) => ({ n: k + c, k })));
}

interface Target {
  measure: QuestionId;
  breakdown: string;
  group: string;
  truth: { n: number; positive: number };
}

/** What the attacker added to each target cell, and how many of those were positive. */
const ADDED = 40;
const ADDED_POSITIVE = 20;
/** What the public API said while March ran, before it was published. */
let whileOpen: {
  measures: number;
  overview: { period: string | null; current: { responsesSoFar: number | null } };
};
let targets: Target[];

/** The attacker's answers to one question: half positive, half not, so neither count is small. */
function knownAnswers(measure: QuestionId): string[] {
  const question = QUESTIONS[measure];
  const positive = question.positive[0] as string;
  const negative = (question.answers as readonly string[]).find(
    (a) =>
      !(question.positive as readonly string[]).includes(a) &&
      !(question.outOfBase as readonly string[]).includes(a),
  ) as string;
  return Array.from({ length: ADDED }, (_, i) => (i < ADDED_POSITIVE ? positive : negative));
}

/** Forty known answers into one withheld cell, sent during March as the public form sends them. */
async function insertInto(target: Target): Promise<void> {
  // Only carers are asked about carers' support.
  const respondent =
    target.breakdown === 'respondent'
      ? target.group
      : target.measure === 'carer-support'
        ? 'carer'
        : 'resident';
  // Each target's answers fall in that one cell of those attacked: a respondent group's have a district.
  const district =
    target.breakdown === 'district'
      ? target.group === 'not-stated'
        ? {}
        : { district: target.group }
      : { district: 'chelmsford' };
  const items = knownAnswers(target.measure).map((given) =>
    answer({ ...district, respondent, answers: { [target.measure]: given } }),
  );
  expect((await send(DURING, items)).status).toBe(200);
}

/*
 * The scenario the tests examine: March's answers arrive; during March the attacker looks, picks eight
 * cells under 10 answers (which disclosure control withholds) and adds 40 known answers to each; on
 * 10 April an analyst publishes March.
 */
beforeAll(async () => {
  ({ db, drop } = await openTestDatabase());
  await seedFeedback(db, { responses: 424, to: MONTH, months: 1, seed: 16, vacuum: false });
  whileOpen = {
    measures: (await get(DURING, `/api/v1/measures?period=${MONTH}&by=district`)).status,
    overview: (await get<typeof whileOpen.overview>(DURING, '/api/v1/measures/overview')).body,
  };
  targets = [...(await trueCounts())]
    .filter(([k, c]) => c.n >= 1 && c.n <= 9 && /\/(district|respondent)\//.test(k))
    .slice(0, 8)
    .map(([k, c]) => {
      const [measure, breakdown, group] = k.split('/') as [QuestionId, string, string];
      return { measure, breakdown, group, truth: c };
    });
  for (const target of targets) await insertInto(target);
  await publish();
}, 180_000);

afterAll(async () => drop?.());

describe(`attacks on published figures, on ${databaseKind}`, () => {
  it('shows nothing of a month while it runs: no figures, only a rounded count of answers so far', () => {
    expect(whileOpen.measures).toBe(404);
    expect(whileOpen.overview.period).toBeNull();
    expect(whileOpen.overview.current.responsesSoFar).toBe(420);
  });

  it('(2) insert and subtract: answers added to a withheld cell cannot be taken off again', async () => {
    expect(targets).toHaveLength(8);
    let exact = 0;
    for (const target of targets) {
      const rows = await published(AFTER, target.breakdown);
      const row = rows.find((r) => key(r) === `${target.measure}/${target.breakdown}/${target.group}`);
      expect(row, `${target.measure}/${target.group}`).toBeDefined();
      if (!row || row.n === null) continue; // Still withheld: nothing to subtract from.
      const possible = candidates(row).map((c) => ({
        n: c.n - ADDED,
        k: c.k < 0 ? -1 : c.k - ADDED_POSITIVE,
      }));
      // The truth is among them, but never alone: subtracting gives at least two answers.
      expect(possible.length, `${target.measure}/${target.group}`).toBeGreaterThanOrEqual(2);
      expect(possible.some((p) => p.n === target.truth.n)).toBe(true);
      if (row.n - ADDED === target.truth.n && (row.positive ?? 0) - ADDED_POSITIVE === target.truth.positive)
        exact++;
    }
    // A guess is sometimes right; the attacker cannot tell when.
    expect(exact).toBeLessThan(targets.length);
  });

  it('(1) solving a published share and interval for the true counts fails for every cell', async () => {
    const truth = await trueCounts();
    let cells = 0;
    let solvedToTruth = 0;
    for (const by of PUBLIC_BREAKDOWNS) {
      for (const row of await published(AFTER, by)) {
        const real = truth.get(key(row));
        // A withheld cell has nothing to solve; a zero is shown as a zero, by the rules.
        if (!real || row.n === null || row.n === 0) continue;
        cells++;
        if (row.share !== null) {
          // The share and interval give back exactly the published counts, and no more.
          expect(solveShare(row)).toEqual([{ n: row.n, k: row.positive }]);
          if (row.n === real.n && row.positive === real.positive) solvedToTruth++;
        }
        const possible = candidates(row);
        expect(possible.length, key(row)).toBeGreaterThanOrEqual(2);
        expect(possible.some((p) => p.n === real.n && (p.k < 0 || p.k === real.positive))).toBe(true);
      }
    }
    expect(cells).toBeGreaterThan(100);
    // Perturbation leaves a few cells as they were, and nobody can tell which.
    expect(solvedToTruth).toBeLessThan(cells / 2);
  });

  it('(3) comparing the published month before and after sending an answer shows nothing', async () => {
    const snapshot = async () => {
      const parts: string[] = [];
      for (const by of PUBLIC_BREAKDOWNS) parts.push(JSON.stringify(await published(AFTER, by)));
      parts.push((await get(AFTER, `/api/v1/measures/scorecard.csv?period=${MONTH}`)).text);
      const overview = await get<Record<string, unknown>>(
        AFTER,
        '/api/v1/measures/overview?for=district:harlow',
      );
      const { generatedAt: _g, current: _c, ...rest } = overview.body;
      parts.push(JSON.stringify(rest));
      return parts;
    };
    const before = await snapshot();
    // One person in Harlow, their phone's answers given in late March, sent once March is published.
    const late = answer({
      createdAt: '2025-03-28T18:00:00Z',
      district: 'harlow',
      answers: { control: 'none' },
    });
    const sent = await send(AFTER, [late]);
    expect(sent.body).toMatchObject({ results: [{ status: 'stored' }] });
    expect(await snapshot()).toEqual(before);
    // It counts in April, the month it arrived in, where nobody can see it until April is published.
    const [row] = await db.query<{ period: string; late: boolean }>(
      `select to_char(period, 'YYYY-MM') as period, arrived_late as late from feedback_responses
       where id = $1`,
      [late.id as string],
    );
    expect(row).toEqual({ period: '2025-04', late: true });
  });

  it('(4) backdated and future-dated anonymous answers land in the current month or are refused', async () => {
    const dates = [
      '1999-06-01T00:00:00Z',
      '2030-01-01T00:00:00Z',
      '9999-12-31T00:00:00Z',
      '2025-01-15T09:00:00Z',
      '0000-01-01T00:00:00Z',
    ];
    const items = dates.map((createdAt) => answer({ createdAt, answers: { control: 'enough' } }));
    const { status, body } = await send(AFTER, items);
    expect(status).toBe(200);
    const results = (body as { results: { status: string; errors?: { path: string; code: string }[] }[] })
      .results;
    expect(results.map((r) => r.status)).toEqual(['invalid', 'stored', 'invalid', 'stored', 'invalid']);
    for (const refused of [results[0], results[2], results[4]]) {
      expect(refused?.errors).toEqual([{ path: 'createdAt', code: 'invalid-date' }]);
    }
    const stored = await db.query<{ period: string }>(
      `select distinct to_char(period, 'YYYY-MM') as period from feedback_responses where id = any($1::uuid[])`,
      [[items[1], items[3]].map((i) => (i as { id: string }).id)],
    );
    expect(stored).toEqual([{ period: '2025-04' }]);
    // Nothing anyone sends moves the month the public page or the dashboard opens on.
    const overview = await get<{ period: string }>(AFTER, '/api/v1/measures/overview');
    expect(overview.body.period).toBe(MONTH);
    const months = await db.query<{ period: string }>(
      `select distinct to_char(period, 'YYYY-MM') as period from feedback_responses order by period`,
    );
    expect(months.map((m) => m.period)).toEqual(['2025-03', '2025-04']);
  });
});
