import { randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceFor } from '../../src/domain/feedback/reference.ts';
import { parseFeedbackBatch, type FeedbackSubmission } from '../../src/domain/feedback/submission.ts';
import { DatabaseUnavailableError, type Database } from '../../src/server/db/database.ts';
import { receiveFeedback } from '../../src/server/feedback/intake.ts';
import { storeSubmissions, timed } from '../../src/server/feedback/store.ts';
import { createApp } from '../../src/server/http/app.ts';
import { databaseKind, openTestDatabase } from '../support/database.ts';

let db: Database;
let drop: () => Promise<void>;
let app: Hono;
let storesSoFar: () => number;

beforeAll(async () => {
  ({ db, drop } = await openTestDatabase());
  const counted = watched();
  storesSoFar = counted.stores;
  app = createApp({ db: counted.database, version: 'test' });
});
afterAll(async () => drop?.());

let nextAddress = 1;

function experience(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'experience',
    id: randomUUID(),
    createdAt: '2025-03-14T10:30:00.000Z',
    formVersion: 1,
    answers: { control: 'enough', safe: 'as-safe-as-i-want', info: 'prefer-not-to-say' },
    consent: { storeWords: false, quote: false, contact: false },
    respondent: 'resident',
    howAnswered: 'own',
    channel: 'self-online',
    ...overrides,
  };
}

function listingProblem(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'listing-problem',
    id: randomUUID(),
    createdAt: '2025-03-14T11:00:00+01:00',
    serviceId: 'essex-carers-network',
    problem: 'wrong-phone',
    ...overrides,
  };
}

function validated(item: Record<string, unknown>): FeedbackSubmission {
  const parsed = parseFeedbackBatch(item);
  if (!parsed.ok || !parsed.submissions[0]) throw new Error('the test built an invalid submission');
  return parsed.submissions[0];
}

interface Result {
  index: number;
  id?: string;
  status: string;
  reference?: string;
}

async function post(body: unknown): Promise<{ status: number; results: Result[] }> {
  const response = await app.request(
    '/api/v1/feedback',
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
    { incoming: { socket: { remoteAddress: `198.51.100.${nextAddress++}` } } },
  );
  const json = (await response.json()) as { results?: Result[] };
  return { status: response.status, results: json.results ?? [] };
}

async function rowsUnder(table: string, ids: readonly unknown[]): Promise<number> {
  const column = table === 'feedback_responses' || table === 'listing_problems' ? 'id' : 'response_id';
  const [row] = await db.query<{ n: number }>(
    `select count(*)::int as n from ${table} where ${column} = any($1::uuid[])`,
    [ids],
  );
  return row?.n ?? 0;
}

const stored = (index: number, id: unknown): Result => ({
  index,
  id: id as string,
  status: 'stored',
  reference: referenceFor(id as string),
});
const alreadyStored = (index: number, id: unknown): Result => ({
  ...stored(index, id),
  status: 'already-stored',
});
const conflict = (index: number, id: unknown): Result => ({ index, id: id as string, status: 'conflict' });

/** The database, counting the statements that store feedback, refusing those `refuse` answers with an error. */
function watched(refuse: (params: readonly unknown[]) => Error | undefined = () => undefined) {
  let stores = 0;
  const database: Database = {
    ...db,
    async query(sql, params = []) {
      if (sql.includes('insert into feedback_responses')) {
        stores += 1;
        const refusal = refuse(params);
        if (refusal) throw refusal;
      }
      return db.query(sql, params);
    },
  };
  return { database, stores: () => stores };
}

describe(`a batch stored together on ${databaseKind}`, () => {
  it('answers new, resent, changed, cross-kind and repeated items each as if sent one at a time', async () => {
    const resent = experience({
      words: 'The day centre is a lifeline.',
      consent: { storeWords: true, quote: false, contact: false },
    });
    const changed = experience();
    const problem = listingProblem();
    const response = experience();
    expect((await post([resent, changed, problem, response])).results.map((r) => r.status)).toEqual([
      'stored',
      'stored',
      'stored',
      'stored',
    ]);

    const fresh = experience({
      words: '  The library helped me fill in the form.  ',
      consent: {
        storeWords: true,
        quote: true,
        contact: true,
        contactBy: { method: 'email', value: 'sam@example.org' },
      },
    });
    const freshProblem = listingProblem({ details: 'It moved to the High Street' });
    const twice = experience();
    const batch = [
      fresh,
      { ...resent, id: (resent.id as string).toUpperCase() },
      { ...changed, answers: { control: 'none' } },
      experience({ id: problem.id }),
      listingProblem({ id: response.id }),
      freshProblem,
      fresh,
      twice,
      { ...twice, respondent: 'carer' },
      experience({ formVersion: 99 }),
      listingProblem({ id: fresh.id }),
    ];
    const storesBefore = storesSoFar();
    const { status, results } = await post(batch);
    expect(status).toBe(200);
    // All of it in one statement, not one for each item.
    expect(storesSoFar() - storesBefore).toBe(1);
    expect(results).toEqual([
      stored(0, fresh.id),
      alreadyStored(1, resent.id),
      conflict(2, changed.id),
      conflict(3, problem.id),
      conflict(4, response.id),
      stored(5, freshProblem.id),
      alreadyStored(6, fresh.id),
      stored(7, twice.id),
      conflict(8, twice.id),
      {
        index: 9,
        id: batch[9]!.id,
        status: 'invalid',
        errors: [{ path: 'formVersion', code: 'unknown-form-version' }],
      },
      conflict(10, fresh.id),
    ]);

    const experiences = [fresh.id, resent.id, changed.id, response.id, twice.id];
    expect(await rowsUnder('feedback_responses', experiences)).toBe(5);
    expect(await rowsUnder('feedback_answers', experiences)).toBe(15);
    expect(await rowsUnder('feedback_responses', [problem.id, batch[9]!.id])).toBe(0);
    expect(await rowsUnder('listing_problems', [problem.id, freshProblem.id])).toBe(2);
    expect(await rowsUnder('listing_problems', [response.id, fresh.id])).toBe(0);
    // What was stored first stays as it was.
    const kept = await db.query(
      `select r.id::text as id, r.respondent, a.answer from feedback_responses r
       join feedback_answers a on a.response_id = r.id and a.question = 'control'
       where r.id = any($1::uuid[])`,
      [[changed.id, twice.id]],
    );
    expect(kept).toHaveLength(2);
    expect(kept).toEqual(
      expect.arrayContaining([
        { id: changed.id, respondent: 'resident', answer: 'enough' },
        { id: twice.id, respondent: 'resident', answer: 'enough' },
      ]),
    );
    // Words and contact details only where the person agreed, once each.
    expect(
      await db.query('select words, may_quote from feedback_stories where response_id = any($1::uuid[])', [
        experiences,
      ]),
    ).toEqual(
      expect.arrayContaining([
        { words: 'The library helped me fill in the form.', may_quote: true },
        { words: 'The day centre is a lifeline.', may_quote: false },
      ]),
    );
    expect(await rowsUnder('feedback_stories', experiences)).toBe(2);
    expect(
      await db.query(
        'select response_id::text as id, method, value from feedback_contacts where response_id = any($1::uuid[])',
        [experiences],
      ),
    ).toEqual([{ id: fresh.id, method: 'email', value: 'sam@example.org' }]);
  });

  it('stores two overlapping batches sent at the same moment once each, and says "stored" once per item', async () => {
    const items = Array.from({ length: 40 }, (_, i) => (i % 4 === 0 ? listingProblem() : experience()));
    const first = items.slice(0, 30);
    const second = items.slice(10).reverse();
    const answers = await Promise.all([post(first), post(second)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);

    const statusesOf = new Map<string, string[]>();
    for (const { id, status } of answers.flatMap((a) => a.results))
      statusesOf.set(id!, [...(statusesOf.get(id!) ?? []), status].sort());
    const sentTwice = new Set(items.slice(10, 30).map((i) => i.id));
    for (const item of items) {
      expect(statusesOf.get(item.id as string)).toEqual(
        sentTwice.has(item.id) ? ['already-stored', 'stored'] : ['stored'],
      );
    }
    const ids = items.map((i) => i.id);
    expect(await rowsUnder('feedback_responses', ids)).toBe(30);
    expect(await rowsUnder('feedback_answers', ids)).toBe(90);
    expect(await rowsUnder('listing_problems', ids)).toBe(10);
  });

  it('stores overlapping batches raced straight at the database once each, without an error', async () => {
    const submissions = Array.from({ length: 60 }, () => validated(experience()));
    const batches = [
      submissions.slice(0, 40),
      submissions.slice(20).reverse(),
      // Ordered by the id's last part, so not in the order the others are.
      submissions.slice(10, 50).sort((a, b) => (a.id.slice(24) < b.id.slice(24) ? -1 : 1)),
      submissions,
    ];
    const outcomes = await Promise.all(
      batches.map((batch) =>
        storeSubmissions(
          db,
          batch.map((submission) => timed(submission, new Date())),
        ),
      ),
    );
    const storedIds = batches.flatMap((batch, b) =>
      batch.filter((_, i) => outcomes[b]![i] === 'stored').map((s) => s.id),
    );
    expect(storedIds.sort()).toEqual(submissions.map((s) => s.id).sort());
    expect(outcomes.flat().filter((o) => o !== 'stored' && o !== 'already-stored')).toEqual([]);
    const ids = submissions.map((s) => s.id);
    expect(await rowsUnder('feedback_responses', ids)).toBe(60);
    expect(await rowsUnder('feedback_answers', ids)).toBe(180);
  });
});

describe(`many people sending at once on ${databaseKind}`, () => {
  it('are stored together in a couple of statements, each answered for their own', async () => {
    const { database, stores } = watched();
    const people = Array.from({ length: 12 }, () => experience());
    const answers = await Promise.all(people.map((p) => receiveFeedback(database, [p], undefined)));
    expect(answers).toEqual(people.map((p) => [stored(0, p.id)]));
    // The first goes straight in; the rest, arriving while it is stored, go in together after it.
    expect(stores()).toBe(2);
    expect(
      await rowsUnder(
        'feedback_responses',
        people.map((p) => p.id),
      ),
    ).toBe(12);
  });

  it('lose nothing to one submission the database refuses: only that one is refused, without its words', async () => {
    const words = 'Please call Doreen Smallbone at 14 Quayside Lane';
    const { database } = watched((params) =>
      JSON.stringify(params).includes('Doreen')
        ? Object.assign(new Error(words), { code: '23514' })
        : undefined,
    );
    const refused = experience({ words, consent: { storeWords: true, quote: false, contact: false } });
    const people = Array.from({ length: 8 }, () => experience());
    const requests = [people[0]!, refused, ...people.slice(1)];
    const answers = await Promise.all(requests.map((p) => receiveFeedback(database, [p], undefined)));

    // The database's refusal of that one's data is its own answer: invalid, never retried, never a 500.
    expect(answers[1]).toEqual([
      { index: 0, id: refused.id, status: 'invalid', errors: [{ path: '', code: 'invalid' }] },
    ]);
    expect(answers.filter((_, i) => i !== 1).every(([a]) => a?.status === 'stored')).toBe(true);
    expect(JSON.stringify(answers)).not.toContain('Doreen');
    expect(
      await rowsUnder(
        'feedback_responses',
        people.map((p) => p.id),
      ),
    ).toBe(8);
    expect(await rowsUnder('feedback_responses', [refused.id])).toBe(0);
  });

  it('are all told at once that the database is unavailable, rather than each waiting its turn', async () => {
    const { database, stores } = watched(() => new DatabaseUnavailableError(new Error('connection refused')));
    const people = Array.from({ length: 6 }, () => experience());
    const settled = await Promise.allSettled(people.map((p) => receiveFeedback(database, [p], undefined)));
    for (const s of settled) {
      expect(s.status).toBe('rejected');
      expect((s as PromiseRejectedResult).reason).toBeInstanceOf(DatabaseUnavailableError);
    }
    expect(stores()).toBe(1);
    expect(
      await rowsUnder(
        'feedback_responses',
        people.map((p) => p.id),
      ),
    ).toBe(0);
  });
});
