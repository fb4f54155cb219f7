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
import type { Database } from '../db/database.ts';
import { together } from '../db/together.ts';
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
  const outcomes = await storeAlongsideOthers(db, admitted);
  let next = 0;
  return checked.map((c) => {
    if (!('submission' in c)) return c;
    const { index, submission } = c;
    const status = outcomes[next++]!;
    return status === 'conflict'
      ? { index, id: submission.id, status }
      : { index, id: submission.id, status, reference: referenceFor(submission.id) };
  });
}

/**
 * Stores one request's submissions together with those of every request that arrives while a batch is
 * being stored, at most 1,000 submissions in one statement, so a busy server commits once for many
 * people rather than once for each. A request fails only when one of its own submissions did.
 */
const storeTogether = together<readonly ToStore[], StoreOutcome[]>({
  most: 1_000,
  weight: (items) => items.length,
  async run(db, requests) {
    const settled = await storeEach(db, requests.flat());
    let at = 0;
    return requests.map((items) => {
      const mine = settled.slice(at, (at += items.length));
      return mine.find((s) => s instanceof Error) ?? (mine as StoreOutcome[]);
    });
  },
});

function storeAlongsideOthers(db: Database, items: readonly ToStore[]): Promise<StoreOutcome[]> {
  return items.length === 0 ? Promise.resolve([]) : storeTogether(db, items);
}
