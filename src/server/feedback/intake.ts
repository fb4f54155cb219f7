import { randomUUID } from 'node:crypto';
import { STAFF_CHANNEL_GATHERED_BY } from '../../domain/feedback/about.ts';
import { referenceFor } from '../../domain/feedback/reference.ts';
import {
  parseFeedbackBatch,
  type FeedbackSubmission,
  type FieldError,
} from '../../domain/feedback/submission.ts';
import type { StaffUser } from '../../domain/staff.ts';
import { hasRole } from '../auth/middleware.ts';
import { DatabaseUnavailableError, type Database } from '../db/database.ts';
import { isEvidence, storeEvidence } from '../evidence/store.ts';
import { storeEach, type StoreOutcome, type ToStore } from './store.ts';

export type ItemStatus = 'stored' | 'already-stored' | 'conflict' | 'invalid' | 'unauthorised';

/** One submission's answer, in a batch's `results` or a single submission's `result`. */
export interface ItemResult {
  index: number;
  id?: string;
  status: ItemStatus;
  reference?: string;
  errors?: FieldError[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Staff-assisted capture is for staff who capture feedback: field workers, and admins. */
export const STAFF_CAPTURE_ROLES = ['field', 'admin'] as const;

function idOf(item: unknown): string | undefined {
  const id = (item as { id?: unknown } | null)?.id;
  return typeof id === 'string' && UUID.test(id) ? id.toLowerCase() : undefined;
}

/** Only a robot fills in the field people never see. */
function isHoneypotFilled(item: unknown): boolean {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return false;
  const website = (item as { website?: unknown }).website;
  return website !== undefined && website !== '';
}

export function isStaffAssisted(submission: FeedbackSubmission): boolean {
  return submission.kind === 'experience' && STAFF_CHANNEL_GATHERED_BY[submission.channel] !== undefined;
}

type Admitted = { index: number } & ToStore;

/**
 * Validates one item. A filled honeypot is answered exactly as a stored submission is, so a robot
 * learns nothing, and nothing is stored. Staff-assisted feedback needs a member of staff who may
 * capture it, whose id is stored with it; otherwise it stays in the device's outbox.
 */
function admit(item: unknown, index: number, staff: StaffUser | undefined): ItemResult | Admitted {
  if (isHoneypotFilled(item)) {
    const id = idOf(item) ?? randomUUID();
    return { index, id, status: 'stored', reference: referenceFor(id) };
  }
  const parsed = Array.isArray(item)
    ? { ok: false as const, errors: [{ path: '', code: 'invalid-type' as const }] }
    : parseFeedbackBatch(item);
  const id = idOf(item);
  if (!parsed.ok) return { index, ...(id ? { id } : {}), status: 'invalid', errors: parsed.errors };
  const [submission] = parsed.submissions;
  if (!submission) return { index, status: 'invalid', errors: [{ path: '', code: 'required' }] };
  if (!isStaffAssisted(submission)) return { index, submission };
  if (!hasRole(staff, ...STAFF_CAPTURE_ROLES)) return { index, id: submission.id, status: 'unauthorised' };
  return { index, submission, submittedBy: staff.id };
}

/**
 * Validates each item of a batch on its own and stores the valid ones together, answering each in
 * order: a bad item never costs the good ones their place.
 */
export async function receiveFeedback(
  db: Database,
  items: readonly unknown[],
  staff: StaffUser | undefined,
): Promise<ItemResult[]> {
  const checked = items.map((item, index) => admit(item, index, staff));
  const admitted = checked.filter((c): c is Admitted => 'submission' in c);
  const feedback = admitted.filter((c) => !isEvidence(c.submission));
  const evidence = admitted.flatMap((c) => (isEvidence(c.submission) ? [c.submission] : []));
  const [feedbackOutcomes, evidenceOutcomes] = await Promise.all([
    storeAlongsideOthers(db, feedback),
    storeEvidence(db, evidence, new Date()),
  ]);
  const failure = evidenceOutcomes.find((outcome) => outcome instanceof Error);
  if (failure) throw failure;
  const outcomes = new Map<Admitted, StoreOutcome>();
  feedback.forEach((c, i) => outcomes.set(c, feedbackOutcomes[i]!));
  let nextEvidence = 0;
  for (const c of admitted) {
    if (isEvidence(c.submission)) outcomes.set(c, evidenceOutcomes[nextEvidence++] as StoreOutcome);
  }
  return checked.map((c) => {
    if (!('submission' in c)) return c;
    const { index, submission } = c;
    const status = outcomes.get(c)!;
    return status === 'conflict'
      ? { index, id: submission.id, status }
      : { index, id: submission.id, status, reference: referenceFor(submission.id) };
  });
}

/** At most this many submissions, from however many requests, are stored in one statement. */
const MOST_AT_ONCE = 1_000;

interface Waiting {
  items: readonly ToStore[];
  stored: (outcomes: StoreOutcome[]) => void;
  failed: (error: Error) => void;
}

interface Queue {
  waiting: Waiting[];
  storing: boolean;
}

/** Per database: the requests waiting while a batch is being stored. */
const queues = new WeakMap<Database, Queue>();

/**
 * Stores one request's submissions together with those of every request that arrives while a batch
 * is being stored, so a busy server commits once for many people rather than once for each. When
 * nothing is being stored nothing waits. Each request gets its own outcomes, or its own failure.
 */
function storeAlongsideOthers(db: Database, items: readonly ToStore[]): Promise<StoreOutcome[]> {
  if (items.length === 0) return Promise.resolve([]);
  let queue = queues.get(db);
  if (!queue) queues.set(db, (queue = { waiting: [], storing: false }));
  const waiting = queue.waiting;
  const done = new Promise<StoreOutcome[]>((stored, failed) => waiting.push({ items, stored, failed }));
  if (!queue.storing) void storeWaiting(db, queue);
  return done;
}

async function storeWaiting(db: Database, queue: Queue): Promise<void> {
  queue.storing = true;
  try {
    while (queue.waiting.length > 0) {
      const taken = takeFront(queue.waiting);
      const together = taken.flatMap((w) => w.items);
      try {
        const settled = await storeEach(db, together);
        let at = 0;
        for (const w of taken) {
          const mine = settled.slice(at, (at += w.items.length));
          const failure = mine.find((s) => s instanceof Error);
          if (failure) w.failed(failure);
          else w.stored(mine as StoreOutcome[]);
        }
      } catch (error) {
        // With the database gone, those still waiting would only wait out the same deadline.
        const alsoWaiting = error instanceof DatabaseUnavailableError ? queue.waiting.splice(0) : [];
        for (const w of [...taken, ...alsoWaiting]) w.failed(error as Error);
      }
    }
  } finally {
    queue.storing = false;
  }
}

/** The requests at the front of the queue that fit in one statement together: always at least one. */
function takeFront(waiting: Waiting[]): Waiting[] {
  let items = waiting[0]!.items.length;
  let count = 1;
  while (count < waiting.length && items + waiting[count]!.items.length <= MOST_AT_ONCE)
    items += waiting[count++]!.items.length;
  return waiting.splice(0, count);
}
