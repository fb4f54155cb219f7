import { createHash } from 'node:crypto';
import { provenanceOf } from '../../domain/feedback/about.ts';
import { referenceFor } from '../../domain/feedback/reference.ts';
import {
  canonicalSubmission,
  isSafetyConcern,
  type ExperienceSubmission,
  type FeedbackSubmission,
  type ListingProblemSubmission,
} from '../../domain/feedback/submission.ts';
import { periodDate } from '../../domain/measures/periods.ts';
import { answerTime, type AnswerTime } from '../../domain/measures/publication.ts';
import { answerPattern } from '../../domain/measures/stuffing.ts';
import { DatabaseUnavailableError, type Queryable } from '../db/database.ts';

/** What storing a submission came to: new, a resend of what is stored, or a different one under the same id. */
export type StoreOutcome = 'stored' | 'already-stored' | 'conflict';

/** A validated submission to store, with the member of staff who captured it on the person's behalf. */
export interface ToStore {
  submission: FeedbackSubmission;
  submittedBy?: string;
  /** When the server received it: its own clock, never the sender's. */
  receivedAt: Date;
  /** The month it counts in and when it was given, from `answerTime`. */
  time: AnswerTime;
  /** Self-completed only: a keyed hash of where it came from this month, for the analysts' burst flags. */
  source?: string;
  /** The request it came in: one request is one device. */
  sentTogether?: string;
}

/**
 * The timing of a submission stored by hand, as if the server had received it at `receivedAt` (scripts
 * and test fixtures): a person's own answers count in the month received; staff ones in the month given.
 */
export function timed(submission: FeedbackSubmission, receivedAt: Date, submittedBy?: string): ToStore {
  const time = answerTime({
    provenance: submission.kind === 'experience' ? provenanceOf(submission.channel) : 'self-completed',
    createdAt: new Date(submission.createdAt),
    receivedAt,
    isPublished: () => false,
  });
  if ('refused' in time)
    throw new RangeError(`A submission given at ${submission.createdAt} is ${time.refused}`);
  return { submission, receivedAt, time, ...(submittedBy ? { submittedBy } : {}) };
}

export function contentHash(submission: FeedbackSubmission): string {
  return createHash('sha256').update(canonicalSubmission(submission)).digest('base64url');
}

/** Responses with the same answers share this; it cannot be turned back into the answers without them. */
function patternHash(submission: ExperienceSubmission): string | null {
  const pattern = answerPattern(submission);
  return pattern === null ? null : createHash('sha256').update(pattern).digest('base64url').slice(0, 22);
}

/** Stores one validated submission exactly once: see `storeSubmissions`. */
export async function storeSubmission(db: Queryable, item: ToStore): Promise<StoreOutcome> {
  const [outcome] = await storeSubmissions(db, [item]);
  return outcome!;
}

/**
 * Stores a batch of validated submissions, each exactly once however often and however concurrently
 * it arrives, with one outcome per item in order: the same outcomes as storing them one after another.
 * Throws the first item's failure, after the others are stored.
 */
export async function storeSubmissions(db: Queryable, items: readonly ToStore[]): Promise<StoreOutcome[]> {
  const settled = await storeEach(db, items);
  const failure = settled.find((s) => s instanceof Error);
  if (failure) throw failure;
  return settled as StoreOutcome[];
}

/**
 * Stores a batch, answering for each item its outcome or the error (without personal data) that kept
 * it out. The batch goes in with one statement, which the database runs as one transaction: each new
 * submission whole, or nothing. Should that fail, each item is stored on its own, so one the database
 * refuses never costs the others their place. Throws when the database is unavailable, or when what
 * was stored could not be told from what was there already.
 */
export async function storeEach(
  db: Queryable,
  items: readonly ToStore[],
): Promise<Array<StoreOutcome | Error>> {
  if (items.length === 0) return [];
  const batch = prepare(items);
  let inserted: Set<string>;
  try {
    inserted = await insertNew(db, batch);
  } catch (error) {
    if (error instanceof DatabaseUnavailableError) throw withoutPersonalData(error);
    return items.length === 1 ? [withoutPersonalData(error)] : storeOneByOne(db, items);
  }
  try {
    return await settle(db, batch, inserted);
  } catch (error) {
    throw withoutPersonalData(error);
  }
}

async function storeOneByOne(db: Queryable, items: readonly ToStore[]): Promise<Array<StoreOutcome | Error>> {
  const settled: Array<StoreOutcome | Error> = [];
  for (const item of items) {
    try {
      settled.push(...(await storeEach(db, [item])));
    } catch (error) {
      if (error instanceof DatabaseUnavailableError) throw error;
      settled.push(error as Error);
    }
  }
  return settled;
}

/** A submission the database would not store, with only the database's error code. */
export class StoreFailure extends Error {
  constructor(readonly code: string) {
    super(`Storing feedback failed (database error ${code})`);
  }

  /**
   * The database refused this submission's data itself (SQLSTATE class 22, a data exception, or 23, a
   * broken constraint): sending it again cannot help, so it is refused, not retried.
   */
  get refusesData(): boolean {
    return this.code.startsWith('22') || this.code.startsWith('23');
  }
}

/**
 * A database error can carry the statement's parameters, and so a person's words, into a log:
 * only its code goes on. https://www.postgresql.org/docs/current/errcodes-appendix.html
 */
function withoutPersonalData(error: unknown): Error {
  if (error instanceof DatabaseUnavailableError) return new DatabaseUnavailableError(undefined);
  const code = (error as { code?: unknown } | null)?.code;
  return new StoreFailure(typeof code === 'string' ? code : 'unknown');
}

interface Hashed extends ToStore {
  hash: string;
}

interface Batch {
  items: Hashed[];
  /** An id twice in a batch is inserted from its first item only; the later ones compare with it. */
  firstOf: Map<string, Hashed>;
}

interface StoredRow {
  id: string;
  kind: FeedbackSubmission['kind'];
  content_hash: string;
}

function prepare(items: readonly ToStore[]): Batch {
  const hashed = items.map((item) => ({ ...item, hash: contentHash(item.submission) }));
  const firstOf = new Map<string, Hashed>();
  for (const item of hashed) if (!firstOf.has(item.submission.id)) firstOf.set(item.submission.id, item);
  return { items: hashed, firstOf };
}

/** The ids of the submissions the batch's one insert statement stored. */
async function insertNew(db: Queryable, { firstOf }: Batch): Promise<Set<string>> {
  const firsts = [...firstOf.values()];
  const inserted = await db.query<{ id: string }>(INSERT_NEW, [
    JSON.stringify(
      firsts.flatMap((item) => (item.submission.kind === 'experience' ? [experienceRow(item)] : [])),
    ),
    JSON.stringify(
      firsts.flatMap((item) => (item.submission.kind === 'listing-problem' ? [listingProblemRow(item)] : [])),
    ),
  ]);
  return new Set(inserted.map((r) => r.id));
}

/**
 * Each item's outcome: stored by this batch, or, for an id that was there already (only then is the
 * database asked again), a resend when the row there is the same kind with the same content hash.
 */
async function settle(
  db: Queryable,
  { items, firstOf }: Batch,
  inserted: Set<string>,
): Promise<StoreOutcome[]> {
  const storedHere = (item: Hashed) =>
    inserted.has(item.submission.id) && firstOf.get(item.submission.id) === item;
  const unsettled = [...new Set(items.filter((i) => !storedHere(i)).map((i) => i.submission.id))];
  const there = unsettled.length > 0 ? await storedUnder(db, unsettled) : [];
  return items.map((item): StoreOutcome => {
    if (storedHere(item)) return 'stored';
    const rows = there.filter((r) => r.id === item.submission.id);
    // An id already used by the other kind of submission is a conflict, whatever its content.
    if (rows.some((r) => r.kind !== item.submission.kind)) return 'conflict';
    return rows.some((r) => r.content_hash === item.hash) ? 'already-stored' : 'conflict';
  });
}

/** Read in a statement of its own, so it sees a row that a concurrent batch committed while this one waited. */
function storedUnder(db: Queryable, ids: readonly string[]): Promise<StoredRow[]> {
  return db.query<StoredRow>(
    `select id::text as id, 'experience' as kind, content_hash from feedback_responses where id = any($1::uuid[])
     union all
     select id::text, 'listing-problem', content_hash from listing_problems where id = any($1::uuid[])`,
    [ids],
  );
}

function experienceRow(item: Hashed) {
  const s = item.submission as ExperienceSubmission;
  const { hash, submittedBy, time } = item;
  const words = s.words?.trim();
  const contactBy = s.consent.contact ? s.consent.contactBy : undefined;
  return {
    id: s.id,
    reference: referenceFor(s.id),
    form_version: s.formVersion,
    created_at: s.createdAt,
    received_at: item.receivedAt.toISOString(),
    period: periodDate(time.period),
    given_at: time.givenAt?.toISOString() ?? null,
    arrived_late: time.late,
    source: item.source ?? null,
    sent_together: item.sentTogether ?? null,
    answer_pattern: patternHash(s),
    respondent: s.respondent,
    how_answered: s.howAnswered,
    channel: s.channel,
    district: s.district ?? null,
    age_band: s.ageBand ?? null,
    sex: s.equality?.sex ?? null,
    ethnic_group: s.equality?.ethnicGroup ?? null,
    disability: s.equality?.disability ?? null,
    areas_of_focus: s.assisted?.areasOfFocus ?? [],
    safety_concern: isSafetyConcern(s.answers),
    safeguarding_concern: s.assisted?.safeguardingConcern ?? null,
    submitted_by: submittedBy ?? null,
    consent_store_words: s.consent.storeWords,
    consent_quote: s.consent.quote,
    consent_contact: s.consent.contact,
    content_hash: hash,
    answers: s.answers,
    // Words and contact details go only where the person agreed to them being kept.
    words: s.consent.storeWords && words ? words : null,
    contact_method: contactBy?.method ?? null,
    contact_value: contactBy?.value ?? null,
  };
}

function listingProblemRow(item: Hashed) {
  const s = item.submission as ListingProblemSubmission;
  const { hash } = item;
  return {
    id: s.id,
    reference: referenceFor(s.id),
    service_id: s.serviceId,
    problem: s.problem,
    details: s.details?.trim() || null,
    contact_method: s.contact?.method ?? null,
    contact_value: s.contact?.value ?? null,
    created_at: s.createdAt,
    received_at: item.receivedAt.toISOString(),
    content_hash: hash,
  };
}

/**
 * Inserts every submission whose id is new and not used by the other kind, returning the ids it
 * inserted. Rows go in id order so two batches sharing ids wait on each other rather than deadlock.
 * The answers, words and contact details follow only the responses inserted here, from the insert's
 * own returned rows (a statement cannot see its own inserts in the table). Each answer carries its
 * response's month and groups, so the measures count one table.
 */
const INSERT_NEW = `
  with experience as (
    select * from jsonb_to_recordset($1::text::jsonb) as e (
      id uuid, reference text, form_version integer, created_at timestamptz, received_at timestamptz,
      period date, given_at timestamptz, arrived_late boolean, source text, sent_together uuid,
      answer_pattern text, respondent text,
      how_answered text, channel text, district text, age_band text, sex text, ethnic_group text,
      disability text, areas_of_focus text[], safety_concern boolean, safeguarding_concern boolean,
      submitted_by uuid, consent_store_words boolean, consent_quote boolean, consent_contact boolean,
      content_hash text, answers jsonb, words text, contact_method text, contact_value text)
  ),
  responses as (
    insert into feedback_responses (
      id, reference, form_version, created_at, received_at, period, given_at, arrived_late,
      source, sent_together, answer_pattern, respondent, how_answered, channel,
      district, age_band, sex, ethnic_group, disability, areas_of_focus,
      safety_concern, safeguarding_concern, submitted_by,
      consent_store_words, consent_quote, consent_contact, content_hash)
    select e.id, e.reference, e.form_version, e.created_at, e.received_at, e.period, e.given_at,
           e.arrived_late, e.source, e.sent_together, e.answer_pattern, e.respondent, e.how_answered,
           e.channel, e.district, e.age_band, e.sex, e.ethnic_group, e.disability, e.areas_of_focus,
           e.safety_concern, e.safeguarding_concern, e.submitted_by,
           e.consent_store_words, e.consent_quote, e.consent_contact, e.content_hash
    from experience e
    where not exists (select 1 from listing_problems p where p.id = e.id)
    order by e.id
    on conflict (id) do nothing
    returning id, form_version, period, how_answered, respondent, channel,
              district, age_band, sex, ethnic_group, disability, record_key
  ),
  answers as (
    insert into feedback_answers (
      response_id, question, answer, form_version, period, how_answered, respondent, channel,
      district, age_band, sex, ethnic_group, disability, record_key)
    select r.id, a.key, a.value, r.form_version, r.period, r.how_answered, r.respondent, r.channel,
           r.district, r.age_band, r.sex, r.ethnic_group, r.disability, r.record_key
    from responses r join experience e on e.id = r.id cross join jsonb_each_text(e.answers) as a
  ),
  stories as (
    insert into feedback_stories (response_id, words, may_quote, form_version, received_at)
    select r.id, e.words, e.consent_quote, r.form_version, e.received_at
    from responses r join experience e on e.id = r.id
    where e.words is not null
  ),
  contacts as (
    insert into feedback_contacts (response_id, method, value, received_at)
    select r.id, e.contact_method, e.contact_value, e.received_at
    from responses r join experience e on e.id = r.id
    where e.contact_method is not null
  ),
  problems as (
    insert into listing_problems (
      id, reference, service_id, problem, details, contact_method, contact_value, created_at,
      received_at, content_hash)
    select p.id, p.reference, p.service_id, p.problem, p.details, p.contact_method, p.contact_value,
           p.created_at, p.received_at, p.content_hash
    from jsonb_to_recordset($2::text::jsonb) as p (
      id uuid, reference text, service_id text, problem text, details text, contact_method text,
      contact_value text, created_at timestamptz, received_at timestamptz, content_hash text)
    where not exists (select 1 from feedback_responses r where r.id = p.id)
    order by p.id
    on conflict (id) do nothing
    returning id
  )
  select id::text as id from responses
  union all
  select id::text from problems`;
