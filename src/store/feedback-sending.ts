/**
 * The outbox's decisions, as plain functions over plain data: which items go next, how long to wait
 * after a failure, and what the server's answer means for each item. Shared by the page and the
 * service worker, and tested without IndexedDB or a network.
 */
import { ApiErrorBody } from '../domain/api/errors.ts';
import {
  FeedbackBatchResponse,
  InvalidSubmissionDetails,
  type FeedbackItemResult,
} from '../domain/api/feedback.ts';
import type { FeedbackSubmission, FieldError } from '../domain/feedback/submission.ts';

export type OutboxState = 'waiting' | 'sending' | 'sent' | 'failed';

/** Why an item is still waiting: each is cleared by something that happens by itself, or by signing in. */
export type WaitReason = 'offline' | 'server-error' | 'rate-limited' | 'sign-in';

/** Why an item failed for good: never resent by itself; a person has to act. */
export type FailureReason = 'invalid' | 'conflict' | 'too-large';

export interface OutboxItem {
  /** The submission's client-made UUID: the server stores it once however often it is sent. */
  id: string;
  kind: FeedbackSubmission['kind'];
  /** The short reference the person was given. */
  reference: string;
  /** When it was queued (ms since the epoch): oldest is sent first. */
  queuedAt: number;
  state: OutboxState;
  /** What is sent. Dropped once the server has confirmed it, so a person's words do not linger here. */
  submission?: FeedbackSubmission;
  /** The member of staff who recorded it; absent for a person's own feedback. */
  owner?: string;
  attempts: number;
  /** Not before this time (ms since the epoch), unless something says the connection is back. */
  nextAttemptAt: number;
  waitingFor?: WaitReason;
  failure?: FailureReason;
  /** For an `invalid` item: what the server said was wrong, field by field. */
  errors?: FieldError[];
  sentAt?: number;
}

/** One entry of the server's answer to a batch (`POST /api/v1/feedback` with an array). */
export type BatchResult = FeedbackItemResult;

export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_MAX_MS = 15 * 60_000;
/** Under the server's 256 KB body limit with room to spare, however long people's words are. */
export const MAX_BATCH_BYTES = 200_000;
export const MAX_BATCH_ITEMS = 100;
/** A confirmed item's receipt (reference and time, no content) is kept this long for staff to see. */
export const KEEP_SENT_MS = 7 * 24 * 60 * 60_000;

/**
 * Exponential backoff with "equal jitter": the wait doubles with each failure up to a cap, and half of
 * it is random so many devices coming back online together do not all retry in step.
 * https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 */
export function backoffDelay(attempts: number, random: () => number = Math.random): number {
  const exponent = Math.max(0, attempts - 1);
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.min(exponent, 30));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

export interface BatchChoice {
  now: number;
  /** The member of staff signed in on this device, whose items may be sent with their session. */
  signedIn?: string;
  /** A fresh chance (app opened, connection back, page visible, a person pressed "send"): skip the backoff wait. */
  ignoreBackoff: boolean;
  maxItems?: number;
  maxBytes?: number;
  /** Tried already in this round and put back to wait: not again until the next round. */
  exclude?: ReadonlySet<string>;
}

/** Whether an item is one this device should try to send now or later (not sent, not failed for good). */
export function isPending(item: OutboxItem): boolean {
  return item.state === 'waiting' || item.state === 'sending';
}

/** Whether the item can be sent by whoever is signed in here (a person's own items need no one). */
export function canSendAs(item: OutboxItem, signedIn: string | undefined): boolean {
  if (item.owner === undefined) return true;
  // Sent again only once its member of staff has signed in afresh (which clears the wait).
  return item.owner === signedIn && item.waitingFor !== 'sign-in';
}

/** Oldest first; the id breaks ties so every tab and the worker agree on the order. */
export function byQueueOrder(a: OutboxItem, b: OutboxItem): number {
  return a.queuedAt - b.queuedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The next items to send together: oldest first, only those due, no more than the server takes in one
 * request by count and (roughly) by bytes, but always at least one so a single large item still goes.
 * An item left `sending` by a page that closed mid-send is due again: whoever calls this holds the lock.
 */
export function nextBatch(items: readonly OutboxItem[], choice: BatchChoice): OutboxItem[] {
  const maxItems = choice.maxItems ?? MAX_BATCH_ITEMS;
  const maxBytes = choice.maxBytes ?? MAX_BATCH_BYTES;
  const due = items
    .filter(
      (item) =>
        isPending(item) &&
        item.submission !== undefined &&
        canSendAs(item, choice.signedIn) &&
        !choice.exclude?.has(item.id) &&
        (choice.ignoreBackoff || item.nextAttemptAt <= choice.now),
    )
    .sort(byQueueOrder);
  const batch: OutboxItem[] = [];
  let bytes = 2;
  for (const item of due) {
    const size = JSON.stringify(item.submission).length + 1;
    if (batch.length >= maxItems || (batch.length > 0 && bytes + size > maxBytes)) break;
    batch.push(item);
    bytes += size;
  }
  return batch;
}

/** What one request's answer means for the batch it carried. */
export type SendOutcome =
  | { kind: 'results'; results: BatchResult[] }
  /** Nothing was stored; try again later (no connection, a server error, too many requests). */
  | { kind: 'retry'; reason: Exclude<WaitReason, 'sign-in'>; retryAfterMs?: number }
  /**
   * The server answered with an error of its own and no time to come back: perhaps one item it cannot
   * take, so a batch is split until that one is alone and the others go.
   */
  | { kind: 'server-error' }
  /** The body was refused as a whole; the errors say which items (by index) were wrong. */
  | { kind: 'rejected'; errors: FieldError[] }
  | { kind: 'too-large' }
  | { kind: 'sign-in' };

/** `Retry-After` in seconds or as an HTTP date, in milliseconds from now. */
export function parseRetryAfter(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Reads the server's answer. Anything unexpected counts as "try again later": an item is only ever
 * given up on when the server has said clearly that it will never take it.
 */
export function classifyResponse(
  status: number,
  body: unknown,
  retryAfter: string | null,
  now: number,
): SendOutcome {
  if (status === 200 || status === 201) {
    const answer = FeedbackBatchResponse.safeParse(body);
    if (answer.success) return { kind: 'results', results: answer.data.results };
    return { kind: 'retry', reason: 'server-error' };
  }
  const error = ApiErrorBody.safeParse(body);
  if (status === 400 && error.success && error.data.error.code === 'invalid_submission') {
    const details = InvalidSubmissionDetails.safeParse(error.data.error.details);
    return { kind: 'rejected', errors: details.success ? details.data : [] };
  }
  if (status === 401) return { kind: 'sign-in' };
  if (status === 413) return { kind: 'too-large' };
  const retryAfterMs = parseRetryAfter(retryAfter, now);
  if (status === 429) return { kind: 'retry', reason: 'rate-limited', retryAfterMs };
  if (status >= 500 && retryAfterMs === undefined) return { kind: 'server-error' };
  return retryAfterMs === undefined
    ? { kind: 'retry', reason: 'server-error' }
    : { kind: 'retry', reason: 'server-error', retryAfterMs };
}

export interface Changes {
  /** Items to write back as they are now. */
  put: OutboxItem[];
  /** The whole outbox should wait at least this long before the next request (429, Retry-After). */
  pauseMs?: number;
  /** Whether to carry on with the next batch now. */
  carryOn: boolean;
  /** For `too-large` and `server-error`: send fewer at a time. */
  smallerBatches?: boolean;
  /** One item alone met a server error: twice running, and it is the server, not an item. */
  failedAlone?: boolean;
}

function confirmed(item: OutboxItem, now: number, reference: string | undefined): OutboxItem {
  const { submission: _submission, waitingFor: _w, failure: _f, errors: _e, ...rest } = item;
  return { ...rest, state: 'sent', sentAt: now, reference: reference ?? item.reference };
}

function failed(item: OutboxItem, failure: FailureReason, errors?: FieldError[]): OutboxItem {
  const { waitingFor: _w, ...rest } = item;
  return errors?.length
    ? { ...rest, state: 'failed', failure, errors }
    : { ...rest, state: 'failed', failure };
}

function retrying(
  item: OutboxItem,
  reason: WaitReason,
  now: number,
  random: () => number,
  atLeastMs = 0,
): OutboxItem {
  const attempts = item.attempts + 1;
  const wait = Math.max(atLeastMs, backoffDelay(attempts, random));
  return { ...item, state: 'waiting', waitingFor: reason, attempts, nextAttemptAt: now + wait };
}

/** Not tried in earnest (the request was refused as a whole): due again at once, no attempt counted. */
function backToWaiting(item: OutboxItem): OutboxItem {
  return { ...item, state: 'waiting' };
}

/** Items wait for their staff member to sign in again; nothing about them has failed. */
function waitingForSignIn(item: OutboxItem): OutboxItem {
  return { ...item, state: 'waiting', waitingFor: 'sign-in' };
}

/** The batch's items as the server's results leave them. A result is matched by index and, where given, id. */
export function mergeResults(
  batch: readonly OutboxItem[],
  results: readonly BatchResult[],
  now: number,
  random: () => number = Math.random,
): OutboxItem[] {
  return batch.map((item, index) => {
    const result = results.find((r) => r.index === index && (r.id === undefined || r.id === item.id));
    switch (result?.status) {
      case 'stored':
      case 'already-stored':
        return confirmed(item, now, result.reference);
      case 'conflict':
        return failed(item, 'conflict');
      case 'invalid':
        return failed(item, 'invalid', result.errors);
      case 'unauthorised':
        // A person's own feedback needs no session: the refusal is the server's passing trouble.
        return item.owner === undefined
          ? retrying(item, 'server-error', now, random)
          : waitingForSignIn(item);
      default:
        // The server did not say: it is still ours to send.
        return retrying(item, 'server-error', now, random);
    }
  });
}

/** The batch's items, and what to do next, after one request. */
export function applyOutcome(
  batch: readonly OutboxItem[],
  outcome: SendOutcome,
  now: number,
  random: () => number = Math.random,
): Changes {
  switch (outcome.kind) {
    case 'results':
      return { put: mergeResults(batch, outcome.results, now, random), carryOn: true };
    case 'retry':
      return {
        put: batch.map((item) => retrying(item, outcome.reason, now, random, outcome.retryAfterMs)),
        carryOn: false,
        ...(outcome.retryAfterMs !== undefined ? { pauseMs: outcome.retryAfterMs } : {}),
      };
    case 'rejected': {
      // A batch's error paths start with the item's index ("3.answers.safe").
      const byIndex = new Map<number, FieldError[]>();
      for (const error of outcome.errors) {
        const index = Number(error.path.split('.')[0]);
        if (!Number.isInteger(index)) continue;
        byIndex.set(index, [
          ...(byIndex.get(index) ?? []),
          { ...error, path: error.path.split('.').slice(1).join('.') },
        ]);
      }
      if (byIndex.size === 0) {
        // Refused without saying which: one alone is plainly the one; several are sent one by one to find it.
        if (batch.length === 1)
          return { put: batch.map((item) => failed(item, 'invalid', outcome.errors)), carryOn: true };
        return { put: batch.map(backToWaiting), carryOn: true, smallerBatches: true };
      }
      return {
        put: batch.map((item, index) => {
          const errors = byIndex.get(index);
          return errors ? failed(item, 'invalid', errors) : backToWaiting(item);
        }),
        carryOn: true,
      };
    }
    case 'too-large':
      if (batch.length === 1) return { put: batch.map((item) => failed(item, 'too-large')), carryOn: true };
      return { put: batch.map(backToWaiting), carryOn: true, smallerBatches: true };
    case 'server-error':
      // Halves until the item the server cannot take is alone; it then waits, and the others go on.
      if (batch.length > 1) return { put: batch.map(backToWaiting), carryOn: true, smallerBatches: true };
      return {
        put: batch.map((item) => retrying(item, 'server-error', now, random)),
        carryOn: true,
        failedAlone: true,
      };
    case 'sign-in':
      return {
        put: batch.map((item) =>
          item.owner === undefined ? retrying(item, 'server-error', now, random) : waitingForSignIn(item),
        ),
        carryOn: false,
      };
  }
}

/** When the outbox should next try by itself: the soonest due item that nothing else is holding up. */
export function nextWakeUp(items: readonly OutboxItem[], signedIn: string | undefined): number | undefined {
  let soonest: number | undefined;
  for (const item of items) {
    if (!isPending(item) || !canSendAs(item, signedIn) || item.submission === undefined) continue;
    if (soonest === undefined || item.nextAttemptAt < soonest) soonest = item.nextAttemptAt;
  }
  return soonest;
}

/** Receipts of confirmed items older than `KEEP_SENT_MS`, to be deleted. */
export function expiredReceipts(items: readonly OutboxItem[], now: number): string[] {
  return items
    .filter((item) => item.state === 'sent' && (item.sentAt ?? 0) + KEEP_SENT_MS < now)
    .map((item) => item.id);
}

export interface OutboxSummary {
  /** Not sent yet and still to be tried (including those waiting for sign-in). */
  waiting: number;
  /** Of those, waiting for a member of staff to sign in again. */
  needSignIn: number;
  /** Refused for good: a person has to look at them. */
  failed: number;
  sent: number;
}

export function summarise(items: readonly OutboxItem[]): OutboxSummary {
  const summary: OutboxSummary = { waiting: 0, needSignIn: 0, failed: 0, sent: 0 };
  for (const item of items) {
    if (isPending(item)) {
      summary.waiting += 1;
      if (item.waitingFor === 'sign-in') summary.needSignIn += 1;
    } else if (item.state === 'failed') summary.failed += 1;
    else summary.sent += 1;
  }
  return summary;
}
