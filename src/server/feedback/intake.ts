import { randomUUID } from 'node:crypto';
import type { FeedbackItemResult } from '../../domain/api/feedback.ts';
import { provenanceOf, STAFF_CHANNEL_GATHERED_BY } from '../../domain/feedback/about.ts';
import { referenceFor } from '../../domain/feedback/reference.ts';
import { parseFeedbackBatch, type FeedbackSubmission } from '../../domain/feedback/submission.ts';
import { answerTime } from '../../domain/measures/publication.ts';
import type { StaffUser } from '../../domain/staff.ts';
import { hasRole } from '../auth/middleware.ts';
import { DatabaseUnavailableError, type Database } from '../db/database.ts';
import { isEvidence, storeEvidence } from '../evidence/store.ts';
import { publishedMonths } from '../insight/publications.ts';
import { storeEach, StoreFailure, type StoreOutcome, type ToStore } from './store.ts';

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

/** Whether a raw item says it was captured by staff, before it is validated (for the rate limit). */
export function claimsStaffChannel(item: unknown): boolean {
  const channel = (item as { channel?: unknown } | null)?.channel;
  return typeof channel === 'string' && Object.hasOwn(STAFF_CHANNEL_GATHERED_BY, channel);
}

/** What the server knows about a request, beside its items: when it came, from where, as one batch. */
export interface Arrival {
  /** The server's clock when the request arrived. */
  receivedAt?: Date;
  /** A keyed hash of the sender's address for the month, stored with self-completed answers only. */
  source?: string;
  /** One id per request: a device's outbox sends its answers together. */
  sentTogether?: string;
}

type Admitted = { index: number } & ToStore;

interface Admission {
  staff: StaffUser | undefined;
  arrival: Required<Pick<Arrival, 'receivedAt'>> & Arrival;
  isPublished: (period: string) => boolean;
}

/**
 * Validates one item. A filled honeypot is answered exactly as a stored submission is, so a robot
 * learns nothing, and nothing is stored. Staff-assisted feedback needs a member of staff who may
 * capture it, whose id is stored with it; otherwise it stays in the device's outbox. The month the item
 * counts in is the server's to decide (`answerTime`); a staff-given time it cannot accept refuses the item.
 */
function admit(
  item: unknown,
  index: number,
  { staff, arrival, isPublished }: Admission,
): FeedbackItemResult | Admitted {
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
  const staffAssisted = isStaffAssisted(submission);
  if (staffAssisted && !hasRole(staff, ...STAFF_CAPTURE_ROLES)) {
    return { index, id: submission.id, status: 'unauthorised' };
  }
  const provenance = submission.kind === 'experience' ? provenanceOf(submission.channel) : 'self-completed';
  const time = answerTime({
    provenance,
    createdAt: new Date(submission.createdAt),
    receivedAt: arrival.receivedAt,
    isPublished,
  });
  if ('refused' in time) {
    const path = provenance === 'paper' ? 'assisted.givenOn' : 'createdAt';
    return { index, id: submission.id, status: 'invalid', errors: [{ path, code: time.refused }] };
  }
  return {
    index,
    submission,
    receivedAt: arrival.receivedAt,
    time,
    ...(staffAssisted && staff ? { submittedBy: staff.id } : {}),
    ...(provenance === 'self-completed' && arrival.source ? { source: arrival.source } : {}),
    ...(arrival.sentTogether ? { sentTogether: arrival.sentTogether } : {}),
  };
}

/**
 * Validates each item of a batch on its own and stores the valid ones together, answering each in
 * order: a bad item never costs the good ones their place, and one the database refuses is answered
 * `invalid` on its own while the rest are stored.
 */
export async function receiveFeedback(
  db: Database,
  items: readonly unknown[],
  staff: StaffUser | undefined,
  arrival: Arrival = {},
): Promise<FeedbackItemResult[]> {
  const receivedAt = arrival.receivedAt ?? new Date();
  // Only staff-given times can reach back into a month, so only they need to know which are published.
  const published = items.some(claimsStaffChannel) ? new Set(await publishedMonths(db)) : new Set<string>();
  const admission: Admission = {
    staff,
    arrival: { ...arrival, receivedAt },
    isPublished: (period) => published.has(period),
  };
  const checked = items.map((item, index) => admit(item, index, admission));
  const admitted = checked.filter((c): c is Admitted => 'submission' in c);
  const feedback = admitted.filter((c) => !isEvidence(c.submission));
  const evidence = admitted.flatMap((c) => (isEvidence(c.submission) ? [c.submission] : []));
  const [feedbackOutcomes, evidenceOutcomes] = await Promise.all([
    storeAlongsideOthers(db, feedback),
    storeEvidence(db, evidence, receivedAt),
  ]);
  const failure = evidenceOutcomes.find((outcome) => outcome instanceof Error);
  if (failure) throw failure;
  const outcomes = new Map<Admitted, Settled>();
  feedback.forEach((c, i) => outcomes.set(c, feedbackOutcomes[i]!));
  let nextEvidence = 0;
  for (const c of admitted) {
    if (isEvidence(c.submission)) outcomes.set(c, evidenceOutcomes[nextEvidence++] as StoreOutcome);
  }
  return checked.map((c): FeedbackItemResult => {
    if (!('submission' in c)) return c;
    const { index, submission } = c;
    const outcome = outcomes.get(c)!;
    if (outcome instanceof StoreFailure) {
      return { index, id: submission.id, status: 'invalid', errors: [{ path: '', code: 'invalid' }] };
    }
    return outcome === 'conflict'
      ? { index, id: submission.id, status: outcome }
      : { index, id: submission.id, status: outcome, reference: referenceFor(submission.id) };
  });
}

/** At most this many submissions, from however many requests, are stored in one statement. */
const MOST_AT_ONCE = 1_000;

/** A stored item's outcome, or the refusal of an item whose data the database would not take. */
type Settled = StoreOutcome | StoreFailure;

interface Waiting {
  items: readonly ToStore[];
  stored: (outcomes: Settled[]) => void;
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
function storeAlongsideOthers(db: Database, items: readonly ToStore[]): Promise<Settled[]> {
  if (items.length === 0) return Promise.resolve([]);
  let queue = queues.get(db);
  if (!queue) queues.set(db, (queue = { waiting: [], storing: false }));
  const waiting = queue.waiting;
  const done = new Promise<Settled[]>((stored, failed) => waiting.push({ items, stored, failed }));
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
          // A refusal of one item's data is that item's answer; any other failure is the request's.
          const failure = mine.find(
            (s) => s instanceof Error && !(s instanceof StoreFailure && s.refusesData),
          );
          if (failure) w.failed(failure as Error);
          else w.stored(mine as Settled[]);
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
