import { describe, expect, it } from 'vitest';
import type { ListingProblemSubmission } from '../../src/domain/feedback/submission.ts';
import {
  applyOutcome,
  backoffDelay,
  BACKOFF_BASE_MS,
  BACKOFF_MAX_MS,
  classifyResponse,
  expiredReceipts,
  KEEP_SENT_MS,
  mergeResults,
  nextBatch,
  nextWakeUp,
  parseRetryAfter,
  summarise,
  type OutboxItem,
} from '../../src/store/feedback-sending.ts';

const NOW = Date.parse('2025-03-14T10:00:00Z');
const never = () => 0;
const always = () => 1;

function uuid(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

function item(n: number, overrides: Partial<OutboxItem> = {}): OutboxItem {
  const submission: ListingProblemSubmission = {
    kind: 'listing-problem',
    id: uuid(n),
    createdAt: '2025-03-14T09:00:00Z',
    serviceId: 'essex-carers-network',
    problem: 'wrong-phone',
  };
  return {
    id: uuid(n),
    kind: 'listing-problem',
    reference: `SP-${n}`,
    queuedAt: NOW - 1000 + n,
    state: 'waiting',
    submission,
    attempts: 0,
    nextAttemptAt: 0,
    ...overrides,
  };
}

const ids = (items: readonly OutboxItem[]) => items.map((i) => i.id);

describe('backoff', () => {
  it('doubles with each failure, up to a cap', () => {
    expect(backoffDelay(1, always)).toBe(BACKOFF_BASE_MS);
    expect(backoffDelay(2, always)).toBe(2 * BACKOFF_BASE_MS);
    expect(backoffDelay(5, always)).toBe(16 * BACKOFF_BASE_MS);
    expect(backoffDelay(40, always)).toBe(BACKOFF_MAX_MS);
  });

  it('spreads devices out with jitter, never below half the wait', () => {
    expect(backoffDelay(3, never)).toBe(2 * BACKOFF_BASE_MS);
    expect(backoffDelay(3, () => 0.5)).toBe(3 * BACKOFF_BASE_MS);
    const waits = new Set(Array.from({ length: 20 }, () => backoffDelay(4)));
    expect(waits.size).toBeGreaterThan(1);
  });
});

describe('choosing what to send next', () => {
  it('sends the oldest first, and no more than the server takes at once', () => {
    const items = [item(3, { queuedAt: 30 }), item(1, { queuedAt: 10 }), item(2, { queuedAt: 20 })];
    expect(ids(nextBatch(items, { now: NOW, ignoreBackoff: false, maxItems: 2 }))).toEqual([
      uuid(1),
      uuid(2),
    ]);
  });

  it('keeps a batch under the byte limit, but always sends at least one', () => {
    const big = (n: number) =>
      item(n, {
        submission: { ...item(n).submission!, details: 'x'.repeat(1500) } as ListingProblemSubmission,
      });
    const batch = nextBatch([big(1), big(2), big(3)], { now: NOW, ignoreBackoff: false, maxBytes: 3500 });
    expect(batch).toHaveLength(2);
    expect(nextBatch([big(1)], { now: NOW, ignoreBackoff: false, maxBytes: 10 })).toHaveLength(1);
  });

  it('waits out the backoff unless something says it is worth trying now', () => {
    const later = item(1, { nextAttemptAt: NOW + 5000, attempts: 2 });
    expect(nextBatch([later], { now: NOW, ignoreBackoff: false })).toEqual([]);
    expect(ids(nextBatch([later], { now: NOW, ignoreBackoff: true }))).toEqual([uuid(1)]);
  });

  it('takes up an item a closed page left half-sent, and leaves sent and refused ones alone', () => {
    const items = [
      item(1, { state: 'sending' }),
      item(2, { state: 'sent', submission: undefined }),
      item(3, { state: 'failed', failure: 'invalid' }),
    ];
    expect(ids(nextBatch(items, { now: NOW, ignoreBackoff: false }))).toEqual([uuid(1)]);
  });

  it('sends a member of staff’s items only with their session, and not until they sign in again', () => {
    const theirs = item(1, { owner: 'staff-a' });
    const someoneElses = item(2, { owner: 'staff-b' });
    const expired = item(3, { owner: 'staff-a', waitingFor: 'sign-in' });
    const anonymous = item(4);
    const choice = { now: NOW, ignoreBackoff: false };
    expect(ids(nextBatch([theirs, someoneElses, expired, anonymous], choice))).toEqual([uuid(4)]);
    expect(
      ids(nextBatch([theirs, someoneElses, expired, anonymous], { ...choice, signedIn: 'staff-a' })),
    ).toEqual([uuid(1), uuid(4)]);
  });

  it('does not try again in the same round an item it has just put back', () => {
    const batch = nextBatch([item(1), item(2)], {
      now: NOW,
      ignoreBackoff: true,
      exclude: new Set([uuid(1)]),
    });
    expect(ids(batch)).toEqual([uuid(2)]);
  });
});

describe('reading the server’s answer', () => {
  it('takes the per-item results of a batch', () => {
    const body = { results: [{ index: 0, id: uuid(1), status: 'stored', reference: 'SP-1' }] };
    expect(classifyResponse(200, body, null, NOW)).toEqual({ kind: 'results', results: body.results });
  });

  it('treats a server error, an unreadable answer and an unknown answer as "try again later"', () => {
    // A server's own error with no time to come back may be one item it cannot take: told apart.
    expect(classifyResponse(500, { error: { code: 'internal_error' } }, null, NOW)).toEqual({
      kind: 'server-error',
    });
    expect(classifyResponse(502, null, null, NOW).kind).toBe('server-error');
    expect(classifyResponse(200, { something: 'else' }, null, NOW).kind).toBe('retry');
    expect(classifyResponse(503, null, '7', NOW)).toEqual({
      kind: 'retry',
      reason: 'server-error',
      retryAfterMs: 7000,
    });
  });

  it('waits as long as a rate limit asks', () => {
    expect(classifyResponse(429, { error: { code: 'rate_limited' } }, '30', NOW)).toEqual({
      kind: 'retry',
      reason: 'rate-limited',
      retryAfterMs: 30_000,
    });
    expect(parseRetryAfter(new Date(NOW + 60_000).toUTCString(), NOW)).toBe(60_000);
    expect(parseRetryAfter('soon', NOW)).toBeUndefined();
  });

  it('knows a refusal of the whole body, a session that is needed, and a body too large', () => {
    const details = [{ path: '1.answers.safe', code: 'invalid-choice' }];
    const refused = {
      error: { code: 'invalid_submission', message: 'The submission is not valid.', details },
    };
    expect(classifyResponse(400, refused, null, NOW)).toEqual({
      kind: 'rejected',
      errors: details,
    });
    expect(classifyResponse(401, { error: { code: 'unauthorised' } }, null, NOW)).toEqual({
      kind: 'sign-in',
    });
    expect(classifyResponse(413, { error: { code: 'payload_too_large' } }, null, NOW)).toEqual({
      kind: 'too-large',
    });
  });
});

describe('merging a batch’s results', () => {
  const batch = [item(1), item(2), item(3, { owner: 'staff-a' }), item(4), item(5), item(6)];
  const merged = mergeResults(
    batch,
    [
      { index: 0, id: uuid(1), status: 'stored', reference: 'SP-AAAAA-11111' },
      { index: 1, id: uuid(2), status: 'already-stored' },
      { index: 2, id: uuid(3), status: 'unauthorised' },
      { index: 3, id: uuid(4), status: 'conflict' },
      { index: 4, status: 'invalid', errors: [{ path: 'details', code: 'too-long' }] },
    ],
    NOW,
    always,
  );

  it('keeps only a receipt of what the server confirmed, without the content', () => {
    expect(merged[0]).toMatchObject({ state: 'sent', sentAt: NOW, reference: 'SP-AAAAA-11111' });
    expect(merged[0]?.submission).toBeUndefined();
    expect(merged[1]).toMatchObject({ state: 'sent', reference: 'SP-2' });
  });

  it('holds a staff member’s item until they sign in again, counting no failure', () => {
    expect(merged[2]).toMatchObject({ state: 'waiting', waitingFor: 'sign-in', attempts: 0 });
    expect(merged[2]?.submission).toBeDefined();
  });

  it('keeps conflicts and invalid items, with their reasons, never to be sent by itself again', () => {
    expect(merged[3]).toMatchObject({ state: 'failed', failure: 'conflict' });
    expect(merged[4]).toMatchObject({
      state: 'failed',
      failure: 'invalid',
      errors: [{ path: 'details', code: 'too-long' }],
    });
    expect(merged[4]?.submission).toBeDefined();
    expect(nextBatch(merged, { now: NOW + BACKOFF_MAX_MS, ignoreBackoff: true })).not.toContainEqual(
      expect.objectContaining({ state: 'failed' }),
    );
  });

  it('sends again, after a wait, an item the server said nothing about', () => {
    expect(merged[5]).toMatchObject({ state: 'waiting', waitingFor: 'server-error', attempts: 1 });
    expect(merged[5]?.nextAttemptAt).toBe(NOW + BACKOFF_BASE_MS);
  });

  it('matches a result to its item by index and id, never to another item', () => {
    const crossed = mergeResults([item(1)], [{ index: 0, id: uuid(9), status: 'stored' }], NOW, always);
    expect(crossed[0]?.state).toBe('waiting');
  });
});

describe('after one request', () => {
  it('leaves every item of a failed request queued, with one more attempt and a later time', () => {
    const changes = applyOutcome([item(1), item(2)], { kind: 'retry', reason: 'offline' }, NOW, always);
    expect(changes.carryOn).toBe(false);
    expect(
      changes.put.map((i) => [i.state, i.attempts, i.nextAttemptAt, i.submission !== undefined]),
    ).toEqual([
      ['waiting', 1, NOW + BACKOFF_BASE_MS, true],
      ['waiting', 1, NOW + BACKOFF_BASE_MS, true],
    ]);
  });

  it('pauses the whole outbox as long as a rate limit says', () => {
    const changes = applyOutcome(
      [item(1)],
      { kind: 'retry', reason: 'rate-limited', retryAfterMs: 60_000 },
      NOW,
      never,
    );
    expect(changes.pauseMs).toBe(60_000);
    expect(changes.put[0]?.nextAttemptAt).toBe(NOW + 60_000);
  });

  it('marks only the items a refused batch names, and sends the rest again at once', () => {
    const changes = applyOutcome(
      [item(1), item(2, { state: 'sending' })],
      { kind: 'rejected', errors: [{ path: '0.answers.safe', code: 'invalid-choice' }] },
      NOW,
    );
    expect(changes.put[0]).toMatchObject({
      state: 'failed',
      failure: 'invalid',
      errors: [{ path: 'answers.safe', code: 'invalid-choice' }],
    });
    expect(changes.put[1]).toMatchObject({ state: 'waiting', attempts: 0 });
    expect(changes.carryOn).toBe(true);
  });

  it('splits a batch that is too large, and gives up only on one item that is too large alone', () => {
    const split = applyOutcome([item(1), item(2)], { kind: 'too-large' }, NOW);
    expect(split.smallerBatches).toBe(true);
    expect(split.put.every((i) => i.state === 'waiting')).toBe(true);
    const alone = applyOutcome([item(1)], { kind: 'too-large' }, NOW);
    expect(alone.put[0]).toMatchObject({ state: 'failed', failure: 'too-large' });
  });

  it('splits a batch the server fails on, so one item it cannot take never holds back the others', () => {
    const split = applyOutcome([item(1), item(2), item(3)], { kind: 'server-error' }, NOW, always);
    expect(split).toMatchObject({ carryOn: true, smallerBatches: true });
    // Not tried in earnest: no attempt counted, due again at once.
    expect(split.put.map((i) => [i.state, i.attempts])).toEqual([
      ['waiting', 0],
      ['waiting', 0],
      ['waiting', 0],
    ]);
    // Alone, the item waits its turn with backoff while the round carries on with the rest.
    const alone = applyOutcome([item(1)], { kind: 'server-error' }, NOW, always);
    expect(alone).toMatchObject({ carryOn: true, failedAlone: true });
    expect(alone.put[0]).toMatchObject({ state: 'waiting', waitingFor: 'server-error', attempts: 1 });
    expect(alone.put[0]?.nextAttemptAt).toBe(NOW + BACKOFF_BASE_MS);
  });

  it('holds staff items for sign-in when the session is refused, and retries a person’s own later', () => {
    const changes = applyOutcome([item(1, { owner: 'staff-a' }), item(2)], { kind: 'sign-in' }, NOW, always);
    expect(changes.put[0]).toMatchObject({ state: 'waiting', waitingFor: 'sign-in' });
    expect(changes.put[1]).toMatchObject({ state: 'waiting', waitingFor: 'server-error', attempts: 1 });
    expect(changes.carryOn).toBe(false);
  });
});

describe('the outbox over time', () => {
  it('wakes up for the soonest item that can be sent', () => {
    const items = [
      item(1, { nextAttemptAt: NOW + 9000 }),
      item(2, { nextAttemptAt: NOW + 4000 }),
      item(3, { owner: 'staff-a', waitingFor: 'sign-in', nextAttemptAt: NOW + 1 }),
      item(4, { state: 'failed', failure: 'conflict', nextAttemptAt: NOW }),
    ];
    expect(nextWakeUp(items, undefined)).toBe(NOW + 4000);
    expect(nextWakeUp([item(5, { state: 'sent', submission: undefined })], undefined)).toBeUndefined();
  });

  it('forgets receipts of sent items after a week', () => {
    const old = item(1, { state: 'sent', submission: undefined, sentAt: NOW - KEEP_SENT_MS - 1 });
    const recent = item(2, { state: 'sent', submission: undefined, sentAt: NOW - 1000 });
    expect(expiredReceipts([old, recent, item(3)], NOW)).toEqual([uuid(1)]);
  });

  it('counts what waits, what needs sign-in, what failed and what was sent', () => {
    expect(
      summarise([
        item(1),
        item(2, { state: 'sending' }),
        item(3, { owner: 'x', waitingFor: 'sign-in' }),
        item(4, { state: 'failed', failure: 'invalid' }),
        item(5, { state: 'sent', submission: undefined }),
      ]),
    ).toEqual({ waiting: 3, needSignIn: 1, failed: 1, sent: 1 });
  });
});
