import { createHash } from 'node:crypto';
import { referenceFor } from '../../domain/feedback/reference.ts';
import {
  canonicalSubmission,
  isSafetyConcern,
  type ExperienceSubmission,
  type FeedbackSubmission,
  type ListingProblemSubmission,
} from '../../domain/feedback/submission.ts';
import { DatabaseUnavailableError, type Queryable } from '../db/database.ts';

/** What storing a submission came to: new, a resend of what is stored, or a different one under the same id. */
export type StoreOutcome = 'stored' | 'already-stored' | 'conflict';

/** A validated submission to store, with the member of staff who captured it on the person's behalf. */
export interface ToStore {
  submission: FeedbackSubmission;
  submittedBy?: string;
}

/** The time zone the council's months are counted in. */
const COUNCIL_TIME_ZONE = 'Europe/London';

export function contentHash(submission: FeedbackSubmission): string {
  return createHash('sha256').update(canonicalSubmission(submission)).digest('base64url');
}

/** Stores one validated submission exactly once: see `storeSubmissions`. */
export async function storeSubmission(
  db: Queryable,
  submission: FeedbackSubmission,
  submittedBy?: string,
): Promise<StoreOutcome> {
  const [outcome] = await storeSubmissions(db, [{ submission, submittedBy }]);
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

/**
 * A database error can carry the statement's parameters, and so a person's words, into a log:
 * only its code goes on. https://www.postgresql.org/docs/current/errcodes-appendix.html
 */
function withoutPersonalData(error: unknown): Error {
  if (error instanceof DatabaseUnavailableError) return new DatabaseUnavailableError(undefined);
  const code = (error as { code?: unknown } | null)?.code;
  const known = typeof code === 'string' ? code : 'unknown';
  return Object.assign(new Error(`Storing feedback failed (database error ${known})`), { code: known });
}

interface Hashed {
  submission: FeedbackSubmission;
  submittedBy: string | undefined;
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
  const hashed = items.map(({ submission, submittedBy }) => ({
    submission,
    submittedBy,
    hash: contentHash(submission),
  }));
  const firstOf = new Map<string, Hashed>();
  for (const item of hashed) if (!firstOf.has(item.submission.id)) firstOf.set(item.submission.id, item);
  return { items: hashed, firstOf };
}

/** The ids of the submissions the batch's one insert statement stored. */
async function insertNew(db: Queryable, { firstOf }: Batch): Promise<Set<string>> {
  const firsts = [...firstOf.values()];
  const inserted = await db.query<{ id: string }>(INSERT_NEW, [
    JSON.stringify(
      firsts.flatMap(({ submission: s, hash, submittedBy }) =>
        s.kind === 'experience' ? [experienceRow(s, hash, submittedBy)] : [],
      ),
    ),
    JSON.stringify(
      firsts.flatMap(({ submission: s, hash }) =>
        s.kind === 'listing-problem' ? [listingProblemRow(s, hash)] : [],
      ),
    ),
    COUNCIL_TIME_ZONE,
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

function experienceRow(s: ExperienceSubmission, hash: string, submittedBy: string | undefined) {
  const words = s.words?.trim();
  const contactBy = s.consent.contact ? s.consent.contactBy : undefined;
  return {
    id: s.id,
    reference: referenceFor(s.id),
    form_version: s.formVersion,
    created_at: s.createdAt,
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

function listingProblemRow(s: ListingProblemSubmission, hash: string) {
  return {
    id: s.id,
    reference: referenceFor(s.id),
    service_id: s.serviceId,
    problem: s.problem,
    details: s.details?.trim() || null,
    contact_method: s.contact?.method ?? null,
    contact_value: s.contact?.value ?? null,
    created_at: s.createdAt,
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
      id uuid, reference text, form_version integer, created_at timestamptz, respondent text,
      how_answered text, channel text, district text, age_band text, sex text, ethnic_group text,
      disability text, areas_of_focus text[], safety_concern boolean, safeguarding_concern boolean,
      submitted_by uuid, consent_store_words boolean, consent_quote boolean, consent_contact boolean,
      content_hash text, answers jsonb, words text, contact_method text, contact_value text)
  ),
  responses as (
    insert into feedback_responses (
      id, reference, form_version, created_at, period, respondent, how_answered, channel,
      district, age_band, sex, ethnic_group, disability, areas_of_focus,
      safety_concern, safeguarding_concern, submitted_by,
      consent_store_words, consent_quote, consent_contact, content_hash)
    select e.id, e.reference, e.form_version, e.created_at,
           date_trunc('month', e.created_at at time zone $3)::date, e.respondent, e.how_answered, e.channel,
           e.district, e.age_band, e.sex, e.ethnic_group, e.disability, e.areas_of_focus,
           e.safety_concern, e.safeguarding_concern, e.submitted_by,
           e.consent_store_words, e.consent_quote, e.consent_contact, e.content_hash
    from experience e
    where not exists (select 1 from listing_problems p where p.id = e.id)
    order by e.id
    on conflict (id) do nothing
    returning id, form_version, period, how_answered, respondent, channel,
              district, age_band, sex, ethnic_group, disability
  ),
  answers as (
    insert into feedback_answers (
      response_id, question, answer, form_version, period, how_answered, respondent, channel,
      district, age_band, sex, ethnic_group, disability)
    select r.id, a.key, a.value, r.form_version, r.period, r.how_answered, r.respondent, r.channel,
           r.district, r.age_band, r.sex, r.ethnic_group, r.disability
    from responses r join experience e on e.id = r.id cross join jsonb_each_text(e.answers) as a
  ),
  stories as (
    insert into feedback_stories (response_id, words, may_quote, form_version)
    select r.id, e.words, e.consent_quote, r.form_version
    from responses r join experience e on e.id = r.id
    where e.words is not null
  ),
  contacts as (
    insert into feedback_contacts (response_id, method, value)
    select r.id, e.contact_method, e.contact_value
    from responses r join experience e on e.id = r.id
    where e.contact_method is not null
  ),
  problems as (
    insert into listing_problems (
      id, reference, service_id, problem, details, contact_method, contact_value, created_at, content_hash)
    select p.id, p.reference, p.service_id, p.problem, p.details, p.contact_method, p.contact_value,
           p.created_at, p.content_hash
    from jsonb_to_recordset($2::text::jsonb) as p (
      id uuid, reference text, service_id text, problem text, details text, contact_method text,
      contact_value text, created_at timestamptz, content_hash text)
    where not exists (select 1 from feedback_responses r where r.id = p.id)
    order by p.id
    on conflict (id) do nothing
    returning id
  )
  select id::text as id from responses
  union all
  select id::text from problems`;
