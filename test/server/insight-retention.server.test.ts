import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../src/server/db/database.ts';
import { approveQuote } from '../../src/server/insight/stories.ts';
import { computeScorecard } from '../../src/server/insight/scorecard.ts';
import { parseRetentionMonths } from '../../src/server/config.ts';
import { applyRetention, startRetentionSchedule } from '../../src/server/retention.ts';
import { experience, listingProblem, store } from '../fixtures/insight/feedback.ts';
import { databaseKind, openTestDatabase } from '../support/database.ts';

let db: Database;
let drop: () => Promise<void>;

const words = (id: string, when: 'old' | 'recent') =>
  experience({
    id,
    answers: { control: 'enough', safe: 'as-safe-as-i-want' },
    words: `Words kept ${when}.`,
    consent: {
      storeWords: true,
      quote: true,
      contact: true,
      contactBy: { method: 'email', value: `${when}@example.org` },
    },
  });

const OLD = ['10000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000002'];
const RECENT = '10000000-0000-4000-8000-000000000003';
const oldProblem = listingProblem({
  details: 'Closed last year.',
  contact: { method: 'phone', value: '01632 960002' },
});
const newProblem = listingProblem({ details: 'Wrong number.' });

beforeAll(async () => {
  ({ db, drop } = await openTestDatabase());
});

afterAll(async () => {
  await drop();
});

async function setUp(): Promise<void> {
  await db.query('delete from feedback_responses');
  await db.query('delete from listing_problems');
  await store(db, [...OLD.map((id) => words(id, 'old')), words(RECENT, 'recent'), oldProblem, newProblem]);
  const analyst = null as unknown as string;
  for (const id of [...OLD, RECENT]) await approveQuote(db, id, 'A quote.', analyst);
  const longAgo = "now() - interval '25 months'";
  await db.query(`update feedback_stories set received_at = ${longAgo} where response_id = any($1::uuid[])`, [
    OLD,
  ]);
  await db.query(
    `update feedback_contacts set received_at = ${longAgo} where response_id = any($1::uuid[])`,
    [OLD],
  );
  await db.query(`update listing_problems set received_at = ${longAgo} where id = $1`, [oldProblem.id]);
}

const count = async (table: string) =>
  (await db.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]?.n;

describe(`retention on ${databaseKind}`, () => {
  it('deletes words and contact details older than the period and keeps every answer', async () => {
    await setUp();
    const before = await computeScorecard(db, '2025-03', 'analyst');
    const result = await applyRetention(db, 24);
    expect(result).toEqual({ ran: true, stories: 2, contacts: 2, listingProblems: 1 });

    const stories = await db.query<{ response_id: string }>('select response_id from feedback_stories');
    expect(stories.map((s) => s.response_id)).toEqual([RECENT]);
    expect(await count('story_quotes')).toBe(1);
    expect(await count('feedback_contacts')).toBe(1);
    expect(await count('feedback_responses')).toBe(3);
    expect(await count('feedback_answers')).toBe(6);
    expect(await computeScorecard(db, '2025-03', 'analyst')).toEqual(before);

    const problems = await db.query<{ id: string; details: string | null; contact_value: string | null }>(
      'select id, details, contact_value from listing_problems order by details nulls first',
    );
    expect(problems).toEqual([
      { id: oldProblem.id, details: null, contact_value: null },
      { id: newProblem.id, details: 'Wrong number.', contact_value: null },
    ]);
  });

  it('deletes each story once when several server processes run it at the same time', async () => {
    await setUp();
    const runs = await Promise.all([applyRetention(db, 24), applyRetention(db, 24), applyRetention(db, 24)]);
    expect(runs.some((r) => r.ran)).toBe(true);
    expect(runs.reduce((sum, r) => sum + r.stories, 0)).toBe(2);
    expect(await count('feedback_stories')).toBe(1);
  });

  it('runs when the server starts, logging only counts, never the words', async () => {
    await setUp();
    const log = vi.fn<(line: string) => void>();
    const schedule = startRetentionSchedule(db, { months: 24, log });
    try {
      await vi.waitFor(() => expect(log).toHaveBeenCalled(), { timeout: 10_000 });
    } finally {
      schedule.stop();
    }
    expect(await count('feedback_stories')).toBe(1);
    const lines = log.mock.calls.map(([line]) => line).join('\n');
    expect(lines).toMatch(/deleted the words of 2 responses, 2 contact details/);
    expect(lines).not.toMatch(/Words kept|example\.org|01632/);
  });

  it('reads the period from RETENTION_MONTHS, 24 by default, and refuses nonsense', () => {
    expect(parseRetentionMonths(undefined)).toBe(24);
    expect(parseRetentionMonths('36')).toBe(36);
    expect(() => parseRetentionMonths('two years')).toThrow(/RETENTION_MONTHS/);
    expect(() => parseRetentionMonths('0')).toThrow(/RETENTION_MONTHS/);
  });
});
