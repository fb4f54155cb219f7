/**
 * The outbox: every submission is written here, in its own IndexedDB database, before anything is
 * sent, and leaves only once the server has confirmed it. The page and the service worker both send
 * from it with `sendOutbox`; a Web Lock makes sure only one of them sends at a time.
 */
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import { databaseOpener } from './open-database.ts';
import { referenceFor } from '../domain/feedback/reference.ts';
import type { FeedbackSubmission } from '../domain/feedback/submission.ts';
import {
  applyOutcome,
  classifyResponse,
  expiredReceipts,
  isPending,
  MAX_BATCH_ITEMS,
  nextBatch,
  nextWakeUp,
  summarise,
  type OutboxItem,
  type OutboxSummary,
  type SendOutcome,
} from './feedback-sending.ts';
import { writeOrExplain } from './feedback-storage.ts';
import { finishPendingSignOut, markSessionExpired, signedInStaffId } from './staff-session.ts';
import { changeChannel } from './change-channel.ts';
import { OUTBOX_CHANNEL, OUTBOX_DATABASE } from './database-names.ts';

export type { OutboxItem, OutboxSummary } from './feedback-sending.ts';

/** 1: the first release, a bare queue. 2: states, retries, owners and receipts. */
export const OUTBOX_VERSION = 2;
export const SYNC_TAG = 'signpost-outbox';
const LOCK_NAME = 'signpost-outbox-send';
const FEEDBACK_URL = '/api/v1/feedback';
const REQUEST_TIMEOUT_MS = 30_000;

/** What version 1 kept: the submission and when it was queued, nothing else. */
export interface QueuedV1 {
  id: string;
  submission: FeedbackSubmission;
  queuedAt: string;
}

interface OutboxSchema extends DBSchema {
  items: { key: string; value: OutboxItem; indexes: { queuedAt: number } };
  meta: { key: string; value: number };
}

type UpgradeTransaction = IDBPTransaction<OutboxSchema, StoreNames<OutboxSchema>[], 'versionchange'>;

/** Version 1 kept a store `queue` of `QueuedV1`: each becomes a waiting item, sent as before. */
async function upgradeFromV1(tx: UpgradeTransaction): Promise<void> {
  const oldTx = tx as unknown as IDBPTransaction<
    { queue: { key: string; value: QueuedV1 } },
    ['queue'],
    'versionchange'
  >;
  const queued = await oldTx.objectStore('queue').getAll();
  for (const old of queued) {
    const queuedAt = Date.parse(old.queuedAt);
    await tx.objectStore('items').put({
      id: old.id,
      kind: old.submission.kind,
      reference: referenceFor(old.id),
      queuedAt: Number.isNaN(queuedAt) ? 0 : queuedAt,
      state: 'waiting',
      submission: old.submission,
      attempts: 0,
      nextAttemptAt: 0,
    });
  }
  tx.db.deleteObjectStore('queue' as never);
}

/** A failed request has already aborted the transaction, and aborting it again would throw. */
function abortQuietly(tx: UpgradeTransaction): void {
  try {
    tx.abort();
  } catch {
    // Already aborted: opening the database fails either way.
  }
}

const open = databaseOpener<OutboxSchema>(
  OUTBOX_DATABASE,
  OUTBOX_VERSION,
  (db, oldVersion, _newVersion, tx) => {
    if (oldVersion < 2) {
      const items = db.createObjectStore('items', { keyPath: 'id' });
      items.createIndex('queuedAt', 'queuedAt');
      db.createObjectStore('meta');
      if (oldVersion === 1 && db.objectStoreNames.contains('queue' as never)) {
        // All or nothing: a queue moved halfway must not become version 2, so any failure undoes the upgrade.
        upgradeFromV1(tx).catch(() => abortQuietly(tx));
      }
    }
  },
);

const changes = changeChannel(OUTBOX_CHANNEL);
const announce = changes.announce;

/** Calls `listener` whenever the outbox changes here, in another tab or in the service worker. */
export const onOutboxChange = changes.listen;

/** Every item, oldest first. */
export async function listOutbox(): Promise<OutboxItem[]> {
  return (await open()).getAllFromIndex('items', 'queuedAt');
}

export async function outboxSummary(owner?: string): Promise<OutboxSummary> {
  const items = await listOutbox();
  return summarise(owner === undefined ? items : items.filter((item) => item.owner === owner));
}

/**
 * Keeps a submission on the device to be sent. Sending the same id again (a draft submitted twice, say)
 * replaces what waits, or, once it has gone, changes nothing. Throws `StorageFullError` when the device
 * is full; what was queued before stays queued.
 */
export async function enqueue(
  submission: FeedbackSubmission,
  options: { owner?: string } = {},
): Promise<OutboxItem> {
  const db = await open();
  const item = await writeOrExplain(async () => {
    const tx = db.transaction('items', 'readwrite');
    const existing = await tx.store.get(submission.id);
    if (existing && !isPending(existing)) {
      await tx.done;
      return existing;
    }
    const fresh: OutboxItem = {
      id: submission.id,
      kind: submission.kind,
      reference: referenceFor(submission.id),
      queuedAt: existing?.queuedAt ?? Date.now(),
      state: 'waiting',
      submission,
      attempts: 0,
      nextAttemptAt: 0,
      ...(options.owner !== undefined ? { owner: options.owner } : {}),
    };
    await tx.store.put(fresh);
    await tx.done;
    return fresh;
  });
  announce();
  return item;
}

/** A person chose to try again an item the server refused: it waits once more. */
export async function retryItem(id: string): Promise<void> {
  const db = await open();
  const item = await db.get('items', id);
  if (!item || item.state !== 'failed' || !item.submission) return;
  const { failure: _failure, errors: _errors, ...rest } = item;
  await db.put('items', { ...rest, state: 'waiting', attempts: 0, nextAttemptAt: 0 });
  announce();
}

/** A person chose to drop an item (one the server refused, or one exported by hand). */
export async function discardItem(id: string): Promise<void> {
  await (await open()).delete('items', id);
  announce();
}

/** After a member of staff signs in again, their items that waited for it may go. */
export async function resumeAfterSignIn(owner: string): Promise<void> {
  const db = await open();
  const tx = db.transaction('items', 'readwrite');
  for (const item of await tx.store.getAll()) {
    if (item.owner === owner && item.waitingFor === 'sign-in') {
      const { waitingFor: _waitingFor, ...rest } = item;
      await tx.store.put({ ...rest, nextAttemptAt: 0 });
    }
  }
  await tx.done;
  announce();
}

/** Removes everything a member of staff left on this device: to be called only once none of it waits. */
export async function removeItemsOf(owner: string): Promise<void> {
  const db = await open();
  const tx = db.transaction('items', 'readwrite');
  for (const item of await tx.store.getAll()) {
    if (item.owner === owner) await tx.store.delete(item.id);
  }
  await tx.done;
  announce();
}

export interface OutboxExport {
  format: 'signpost-outbox-export';
  version: 1;
  exportedAt: string;
  /** Each is a valid body for `POST /api/v1/feedback` (or send them in batches of up to 100). */
  submissions: FeedbackSubmission[];
}

/** What waits to be sent (one member of staff's, or a person's own), as a file that can be sent by hand. */
export async function exportWaiting(owner: string | undefined): Promise<OutboxExport> {
  const items = await listOutbox();
  return {
    format: 'signpost-outbox-export',
    version: 1,
    exportedAt: new Date().toISOString(),
    submissions: items
      .filter((item) => item.owner === owner && item.state !== 'sent' && item.submission)
      .map((item) => item.submission as FeedbackSubmission),
  };
}

export interface SendReport {
  sent: number;
  failed: number;
  /** Something is still due and could not be sent: a later try (timer, Background Sync) is needed. */
  retryLater: boolean;
  /** When the outbox would next like to try by itself (ms since the epoch). */
  wakeUpAt?: number;
}

/** Why the outbox is sending: anything but the backoff timer is a fresh chance that skips the wait. */
export type SendTrigger = 'open' | 'online' | 'visible' | 'timer' | 'sync' | 'queued' | 'person' | 'sign-in';

async function post(batch: readonly OutboxItem[]): Promise<SendOutcome> {
  let response: Response;
  try {
    response = await fetch(FEEDBACK_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(batch.map((item) => item.submission)),
      credentials: 'same-origin',
      cache: 'no-store',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch {
    return { kind: 'retry', reason: navigator.onLine === false ? 'offline' : 'server-error' };
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // A proxy's HTML error page, or a connection cut mid-answer: read as no answer at all.
    if (response.ok) return { kind: 'retry', reason: 'server-error' };
  }
  return classifyResponse(response.status, body, response.headers.get('retry-after'), Date.now());
}

async function putAll(db: IDBPDatabase<OutboxSchema>, items: readonly OutboxItem[]): Promise<void> {
  const tx = db.transaction('items', 'readwrite');
  // An item discarded by a person while it was on its way stays discarded.
  const present = await Promise.all(items.map((item) => tx.store.getKey(item.id)));
  await Promise.all(items.filter((_, i) => present[i] !== undefined).map((item) => tx.store.put(item)));
  await tx.done;
}

async function drain(ignoreBackoff: boolean): Promise<SendReport> {
  const db = await open();
  const report: SendReport = { sent: 0, failed: 0, retryLater: false };
  const exclude = new Set<string>();
  let maxItems = MAX_BATCH_ITEMS;
  let failedAlone = 0;
  const pausedUntil = (await db.get('meta', 'paused-until')) ?? 0;
  const signedIn = await signedInStaffId();
  if (pausedUntil > Date.now()) {
    report.retryLater = true;
  } else if (!(await finishPendingSignOut())) {
    report.retryLater = true;
  } else {
    for (;;) {
      const items = await db.getAll('items');
      const batch = nextBatch(items, { now: Date.now(), signedIn, ignoreBackoff, maxItems, exclude });
      if (batch.length === 0) break;
      await putAll(
        db,
        batch.map((item) => ({ ...item, state: 'sending' })),
      );
      announce();
      const outcome = await post(batch);
      const changes = applyOutcome(batch, outcome, Date.now());
      await putAll(db, changes.put);
      for (const [i, item] of changes.put.entries()) {
        if (item.state === 'sent') report.sent += 1;
        else if (item.state === 'failed') report.failed += 1;
        else if (item.attempts > (batch[i]?.attempts ?? 0)) exclude.add(item.id);
        if (item.waitingFor === 'sign-in') await markSessionExpired();
      }
      if (outcome.kind === 'sign-in') await markSessionExpired();
      if (changes.pauseMs !== undefined) await db.put('meta', Date.now() + changes.pauseMs, 'paused-until');
      if (changes.smallerBatches) maxItems = Math.max(1, Math.floor(batch.length / 2));
      // One item alone failing is that item; two in a row is the server, and the round ends.
      failedAlone = changes.failedAlone ? failedAlone + 1 : 0;
      announce();
      if (!changes.carryOn || failedAlone >= 2) {
        report.retryLater = true;
        break;
      }
    }
  }
  const all = await db.getAll('items');
  const expired = expiredReceipts(all, Date.now());
  if (expired.length > 0) {
    const tx = db.transaction('items', 'readwrite');
    await Promise.all(expired.map((id) => tx.store.delete(id)));
    await tx.done;
  }
  const wakeUpAt = nextWakeUp(all, await signedInStaffId());
  if (wakeUpAt !== undefined) {
    report.wakeUpAt = Math.max(wakeUpAt, (await db.get('meta', 'paused-until')) ?? 0);
    report.retryLater = true;
  }
  return report;
}

let running: Promise<SendReport> | undefined;
let again = false;
let againIgnoresBackoff = false;

/**
 * Sends what is due, oldest first, in batches, until nothing is due or the server cannot take more.
 * Called again while it runs, it runs once more afterwards rather than twice at once; across tabs and
 * the service worker, the Web Lock does the same.
 */
export function sendOutbox(trigger: SendTrigger): Promise<SendReport> {
  const fresh = trigger !== 'timer';
  if (running) {
    again = true;
    againIgnoresBackoff ||= fresh;
    return running;
  }
  running = (async () => {
    let ignoreBackoff = fresh;
    let report: SendReport;
    try {
      do {
        again = false;
        report = await withSendLock(() => drain(ignoreBackoff));
        ignoreBackoff = againIgnoresBackoff;
        againIgnoresBackoff = false;
      } while (again);
    } finally {
      running = undefined;
    }
    return report;
  })();
  return running;
}

function withSendLock<T>(work: () => Promise<T>): Promise<T> {
  // Browsers without Web Locks (Safari before 15.4) have no Background Sync either: the page sends alone.
  if (typeof navigator === 'undefined' || !navigator.locks) return work();
  return navigator.locks.request(LOCK_NAME, work) as Promise<T>;
}
