import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffUser } from '../../src/domain/staff.ts';
import type { Database } from '../../src/server/db/database.ts';
import { receiveFeedback } from '../../src/server/feedback/intake.ts';
import { publicationOf, publishMonth } from '../../src/server/insight/publications.ts';
import { excludeGroup, restoreGroup, reviewMonth } from '../../src/server/insight/review.ts';
import { computeScorecard } from '../../src/server/insight/scorecard.ts';
import { signedIn, type SignedIn } from '../fixtures/insight/staff.ts';
import { databaseKind, openTestDatabase } from '../support/database.ts';

/*
 * Publication and the analysts' review, on the month of May 2025 (and June, when late answers arrive).
 * May ends at midnight on 31 May (UK, BST: 23:00 UTC); with 7 days' grace it may be published from
 * midnight on 7 June.
 */
const MAY = '2025-05';
const IN_MAY = new Date('2025-05-14T10:00:00Z');
const JUNE_3 = new Date('2025-06-03T10:00:00Z');
const JUNE_10 = new Date('2025-06-10T10:00:00Z');

let db: Database;
let drop: () => Promise<void>;
let analyst: SignedIn;
let field: StaffUser;

function answer(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'experience',
    id: randomUUID(),
    createdAt: '2025-05-14T09:00:00Z',
    formVersion: 1,
    answers: { control: 'enough', safe: 'as-safe-as-i-want' },
    consent: { storeWords: false, quote: false, contact: false },
    respondent: 'resident',
    howAnswered: 'own',
    channel: 'self-online',
    ...fields,
  };
}

function staffAnswer(createdAt: string): Record<string, unknown> {
  return answer({
    createdAt,
    channel: 'staff-in-person',
    assisted: { gatheredBy: 'in-person', consentStatementRead: true, areasOfFocus: [] },
  });
}

/** Answers as one request brings them: from one address (its month-keyed hash), at one time. */
async function arrive(
  items: Record<string, unknown>[],
  options: { at: Date; source?: string; staff?: StaffUser },
): Promise<string[]> {
  const results = await receiveFeedback(db, items, options.staff, {
    receivedAt: options.at,
    source: options.source ?? randomUUID(),
    sentTogether: randomUUID(),
  });
  return results.map((r) => r.status);
}

const minutes = (base: Date, n: number) => new Date(base.getTime() + n * 60_000);

async function headline(measure: string): Promise<number | null> {
  const rows = await computeScorecard(db, MAY, 'analyst');
  return rows.find((r) => r.measureId === measure && r.breakdown === 'all')?.n ?? null;
}

beforeAll(async () => {
  ({ db, drop } = await openTestDatabase());
  analyst = await signedIn(db, 'analyst');
  field = (await signedIn(db, 'field')).user;
  // 60 people in May, each on their own, each answering differently enough.
  const scale = ['as-much-as-i-want', 'enough', 'some-not-enough', 'none'] as const;
  const safe = ['as-safe-as-i-want', 'safe-enough', 'less-safe', 'not-safe'] as const;
  for (let i = 0; i < 60; i++) {
    const at = minutes(new Date('2025-05-02T08:00:00Z'), i * 600);
    const person = answer({ answers: { control: scale[i % 4], safe: safe[Math.floor(i / 4) % 4] } });
    expect(await arrive([person], { at })).toEqual(['stored']);
  }
  // A burst: 15 answers from one address within 20 minutes, in three requests of five.
  for (let r = 0; r < 3; r++) {
    const burst = Array.from({ length: 5 }, () => answer({ answers: { control: 'none' } }));
    expect(await arrive(burst, { at: minutes(IN_MAY, r * 10), source: 'one-address' })).toEqual(
      Array<string>(5).fill('stored'),
    );
  }
  // A device's outbox with 12 answers in one request, from 12 people's visits on a library PC.
  const device = Array.from({ length: 12 }, (_, i) => answer({ answers: { control: scale[i % 4] } }));
  expect(await arrive(device, { at: minutes(IN_MAY, 300) })).toEqual(Array<string>(12).fill('stored'));
  // Six identical responses from six addresses over the month, each answering four questions the same.
  const same = { control: 'none', home: 'not-at-all', social: 'isolated', time: 'nothing-i-value' };
  for (let i = 0; i < 6; i++) {
    await arrive([answer({ district: 'maldon', answers: same })], { at: minutes(IN_MAY, 1000 + i * 900) });
  }
  // Two answers a field worker gathered in person.
  await arrive([staffAnswer('2025-05-20T10:00:00Z'), staffAnswer('2025-05-21T10:00:00Z')], {
    at: new Date('2025-05-21T12:00:00Z'),
    staff: field,
  });
}, 180_000);

afterAll(async () => drop?.());

describe(`a month under review, on ${databaseKind}`, () => {
  it('says how its answers came: self-completed or with a member of staff', async () => {
    const review = await reviewMonth(db, { period: MAY, now: JUNE_3 });
    expect(review.provenance).toEqual({ 'self-completed': 93, 'staff-assisted': 2, paper: 0 });
    expect(review).toMatchObject({
      state: 'closing',
      endsAt: '2025-05-31T23:00:00.000Z',
      publishableFrom: '2025-06-07T23:00:00.000Z',
    });
  });

  it('flags a burst from one address, a device’s big batch, and a run of identical answers', async () => {
    const { flags } = await reviewMonth(db, { period: MAY, now: JUNE_3 });
    // The device's batch came from one address too, so it is flagged both ways.
    expect(flags.map((f) => [f.kind, f.responses, f.mostWithinWindow])).toEqual([
      ['address-burst', 15, 15],
      ['address-burst', 12, 12],
      ['device-burst', 12, 12],
      ['identical-answers', 6, null],
    ]);
    expect(flags[0]).toMatchObject({
      key: 'one-address',
      firstReceivedAt: '2025-05-14T10:00:00.000Z',
      lastReceivedAt: '2025-05-14T10:20:00.000Z',
    });
  });
});

describe(`leaving a flagged group out, on ${databaseKind}`, () => {
  it('takes its answers out of every figure, logs who did it and why, and can be undone', async () => {
    const before = await headline('control');
    const exclusion = await excludeGroup(db, {
      period: MAY,
      flag: 'address-burst',
      key: 'one-address',
      reason: '15 answers from one address in 20 minutes',
      by: analyst.user.id,
      now: JUNE_3,
    });
    expect(exclusion).toMatchObject({
      flag: 'address-burst',
      responses: 15,
      reason: '15 answers from one address in 20 minutes',
      excludedBy: analyst.user.email,
      restoredAt: null,
    });
    expect(await headline('control')).toBe((before as number) - 15);
    let review = await reviewMonth(db, { period: MAY, now: JUNE_3 });
    expect(review.flags.map((f) => f.key)).not.toContain('one-address');
    expect(review.provenance['self-completed']).toBe(93 - 15);

    // Nothing is left to exclude under the same flag.
    const again = await excludeGroup(db, {
      period: MAY,
      flag: 'address-burst',
      key: 'one-address',
      reason: 'twice',
      by: analyst.user.id,
      now: JUNE_3,
    });
    expect(again).toBeNull();

    const restored = await restoreGroup(db, {
      id: exclusion?.id as string,
      by: analyst.user.id,
      now: JUNE_3,
    });
    expect(restored).toMatchObject({ restoredBy: analyst.user.email, restoredAt: JUNE_3.toISOString() });
    expect(await headline('control')).toBe(before);
    expect(
      await restoreGroup(db, { id: exclusion?.id as string, by: analyst.user.id, now: JUNE_3 }),
    ).toBeNull();

    // Both steps stay in the log; the burst is excluded again for publication below.
    await excludeGroup(db, {
      period: MAY,
      flag: 'address-burst',
      key: 'one-address',
      reason: '15 answers from one address in 20 minutes',
      by: analyst.user.id,
      now: JUNE_3,
    });
    review = await reviewMonth(db, { period: MAY, now: JUNE_3 });
    expect(review.exclusions.map((e) => [e.responses, e.restoredAt !== null])).toEqual([
      [15, true],
      [15, false],
    ]);
  });
});

describe(`publication, on ${databaseKind}`, () => {
  it('is refused while the month runs and during its grace period', async () => {
    expect(await publishMonth(db, { period: MAY, now: IN_MAY, by: analyst.user.id })).toEqual({
      refused: 'month-not-over',
    });
    expect(await publishMonth(db, { period: MAY, now: JUNE_3, by: analyst.user.id })).toEqual({
      refused: 'in-grace',
    });
    expect(await publicationOf(db, MAY)).toBeUndefined();
  });

  it('stores the figures once, with the groups left out counted in its notes', async () => {
    const result = await publishMonth(db, { period: MAY, now: JUNE_10, by: analyst.user.id });
    if (!('published' in result)) throw new Error(`refused: ${result.refused}`);
    const { published } = result;
    expect(published).toMatchObject({ period: MAY, revision: 1, note: null });
    expect(published.notes.excluded).toHaveLength(1);
    expect(published.notes.excluded[0]?.reason).toBe('15 answers from one address in 20 minutes');
    // 15 is perturbed: somewhere from 13 to 17, never below 5.
    expect(published.notes.excluded[0]?.responses).toBeGreaterThanOrEqual(13);
    expect(published.notes.excluded[0]?.responses).toBeLessThanOrEqual(17);
    expect(published.rows.every((r) => r.suppressed === null || r.suppressed === 'withheld')).toBe(true);
    expect((await reviewMonth(db, { period: MAY, now: JUNE_10 })).state).toBe('published');
  });

  it('does not move when answers given in the month arrive after it is published: they count in the next', async () => {
    const stored = await publicationOf(db, MAY);
    // A field worker's phone, offline since late May; and a resident's, whose answers the server dates.
    expect(await arrive([staffAnswer('2025-05-30T16:00:00Z')], { at: JUNE_10, staff: field })).toEqual([
      'stored',
    ]);
    expect(await arrive([answer({ createdAt: '2025-05-31T20:00:00Z' })], { at: JUNE_10 })).toEqual([
      'stored',
    ]);
    expect(await publicationOf(db, MAY)).toEqual(stored);
    const late = await db.query<{ period: string; late: boolean }>(
      `select to_char(period, 'YYYY-MM') as period, arrived_late as late from feedback_responses
       where received_at = $1 order by channel`,
      [JUNE_10],
    );
    expect(late).toEqual([
      { period: '2025-06', late: true },
      { period: '2025-06', late: true },
    ]);
    expect((await reviewMonth(db, { period: MAY, now: JUNE_10 })).givenHereCountedLater).toBe(2);
    expect((await reviewMonth(db, { period: '2025-06', now: JUNE_10 })).arrivedLate).toBe(2);
  });

  it('may be done again only with a note, as a new revision, and every revision is kept', async () => {
    const later = new Date('2025-06-20T10:00:00Z');
    expect(await publishMonth(db, { period: MAY, now: later, by: analyst.user.id })).toEqual({
      refused: 'note-required',
    });
    const result = await publishMonth(db, {
      period: MAY,
      now: later,
      by: analyst.user.id,
      note: '  A device batch from a library computer is counted as it was.  ',
    });
    if (!('published' in result)) throw new Error(`refused: ${result.refused}`);
    expect(result.published).toMatchObject({
      revision: 2,
      note: 'A device batch from a library computer is counted as it was.',
      history: [
        { revision: 1, note: null, publishedAt: JUNE_10.toISOString() },
        {
          revision: 2,
          note: 'A device batch from a library computer is counted as it was.',
          publishedAt: later.toISOString(),
        },
      ],
    });
    const review = await reviewMonth(db, { period: MAY, now: later });
    expect(review.publications.map((p) => [p.revision, p.publishedBy])).toEqual([
      [1, analyst.user.email],
      [2, analyst.user.email],
    ]);
  });

  it('never stores two publications as one revision when two analysts publish at once', async () => {
    const now = new Date('2025-06-21T10:00:00Z');
    const both = await Promise.all(
      ['first', 'second'].map((who) =>
        publishMonth(db, { period: MAY, now, by: analyst.user.id, note: `Republished by the ${who}` }),
      ),
    );
    // One after the other, each is a revision; racing, the second is told it was beaten to it.
    for (const result of both) {
      if ('refused' in result) expect(result.refused).toBe('conflict');
    }
    const revisions = await db.query<{ revision: number }>(
      "select revision from measure_publications where period = '2025-05-01' order by revision",
    );
    const stored = both.filter((r) => 'published' in r).length;
    expect(revisions.map((r) => r.revision)).toEqual(Array.from({ length: 2 + stored }, (_, i) => i + 1));
  });
});
