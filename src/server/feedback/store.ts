import { createHash } from 'node:crypto';
import { referenceFor } from '../../domain/feedback/reference.ts';
import {
  canonicalSubmission,
  isSafetyConcern,
  type ExperienceSubmission,
  type FeedbackSubmission,
  type ListingProblemSubmission,
} from '../../domain/feedback/submission.ts';
import { DatabaseUnavailableError, type Database, type Queryable } from '../db/database.ts';

/** What storing a submission came to: new, a resend of what is stored, or a different one under the same id. */
export type StoreOutcome = 'stored' | 'already-stored' | 'conflict';

/** The time zone the council's months are counted in. */
const COUNCIL_TIME_ZONE = 'Europe/London';

const TABLE = { experience: 'feedback_responses', 'listing-problem': 'listing_problems' } as const;

export function contentHash(submission: FeedbackSubmission): string {
  return createHash('sha256').update(canonicalSubmission(submission)).digest('base64url');
}

/**
 * Stores a validated submission exactly once, however often and however concurrently it arrives:
 * the insert gives way to a row already there, and the content hash says whether that row is this one.
 * `submittedBy` is the member of staff who captured it on the person's behalf.
 */
export async function storeSubmission(
  db: Database,
  submission: FeedbackSubmission,
  submittedBy?: string,
): Promise<StoreOutcome> {
  const hash = contentHash(submission);
  try {
    return await db.transaction(async (tx) => {
      const otherKind = submission.kind === 'experience' ? TABLE['listing-problem'] : TABLE.experience;
      const clash = await tx.query(`select 1 from ${otherKind} where id = $1`, [submission.id]);
      if (clash.length > 0) return 'conflict';
      const inserted =
        submission.kind === 'experience'
          ? await insertExperience(tx, submission, hash, submittedBy)
          : await insertListingProblem(tx, submission, hash);
      if (inserted) return 'stored';
      const [existing] = await tx.query<{ content_hash: string }>(
        `select content_hash from ${TABLE[submission.kind]} where id = $1`,
        [submission.id],
      );
      return existing?.content_hash === hash ? 'already-stored' : 'conflict';
    });
  } catch (error) {
    throw withoutPersonalData(error);
  }
}

/**
 * A database error can carry the statement's parameters, and so a person's words, into a log:
 * only its code goes on. https://www.postgresql.org/docs/current/errcodes-appendix.html
 */
function withoutPersonalData(error: unknown): Error {
  if (error instanceof DatabaseUnavailableError) return new DatabaseUnavailableError(undefined);
  const code = (error as { code?: unknown } | null)?.code;
  return new Error(`Storing feedback failed (database error ${typeof code === 'string' ? code : 'unknown'})`);
}

async function insertExperience(
  tx: Queryable,
  s: ExperienceSubmission,
  hash: string,
  submittedBy: string | undefined,
): Promise<boolean> {
  const rows = await tx.query(
    `insert into feedback_responses (
       id, reference, form_version, created_at, period, respondent, how_answered, channel,
       district, age_band, sex, ethnic_group, disability, areas_of_focus,
       safety_concern, safeguarding_concern, submitted_by,
       consent_store_words, consent_quote, consent_contact, content_hash)
     values (
       $1, $2, $3, $4::timestamptz, date_trunc('month', $4::timestamptz at time zone $5)::date, $6, $7, $8,
       $9, $10, $11, $12, $13, array(select jsonb_array_elements_text($14::text::jsonb)),
       $15, $16, $17, $18, $19, $20, $21)
     on conflict (id) do nothing
     returning id`,
    [
      s.id,
      referenceFor(s.id),
      s.formVersion,
      s.createdAt,
      COUNCIL_TIME_ZONE,
      s.respondent,
      s.howAnswered,
      s.channel,
      s.district ?? null,
      s.ageBand ?? null,
      s.equality?.sex ?? null,
      s.equality?.ethnicGroup ?? null,
      s.equality?.disability ?? null,
      JSON.stringify(s.assisted?.areasOfFocus ?? []),
      isSafetyConcern(s.answers),
      s.assisted?.safeguardingConcern ?? null,
      submittedBy ?? null,
      s.consent.storeWords,
      s.consent.quote,
      s.consent.contact,
      hash,
    ],
  );
  if (rows.length === 0) return false;
  // Each answer carries its response's month and groups, so the measures count one table.
  await tx.query(
    `insert into feedback_answers (
       response_id, question, answer, form_version, period, how_answered, respondent, channel,
       district, age_band, sex, ethnic_group, disability)
     select r.id, a.key, a.value, r.form_version, r.period, r.how_answered, r.respondent, r.channel,
            r.district, r.age_band, r.sex, r.ethnic_group, r.disability
     from feedback_responses r cross join jsonb_each_text($2::text::jsonb) as a
     where r.id = $1`,
    [s.id, JSON.stringify(s.answers)],
  );
  const words = s.words?.trim();
  if (s.consent.storeWords && words) {
    await tx.query(
      'insert into feedback_stories (response_id, words, may_quote, form_version) values ($1, $2, $3, $4)',
      [s.id, words, s.consent.quote, s.formVersion],
    );
  }
  if (s.consent.contact && s.consent.contactBy) {
    await tx.query('insert into feedback_contacts (response_id, method, value) values ($1, $2, $3)', [
      s.id,
      s.consent.contactBy.method,
      s.consent.contactBy.value,
    ]);
  }
  return true;
}

async function insertListingProblem(
  tx: Queryable,
  s: ListingProblemSubmission,
  hash: string,
): Promise<boolean> {
  const rows = await tx.query(
    `insert into listing_problems (
       id, reference, service_id, problem, details, contact_method, contact_value, created_at, content_hash)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     on conflict (id) do nothing
     returning id`,
    [
      s.id,
      referenceFor(s.id),
      s.serviceId,
      s.problem,
      s.details?.trim() || null,
      s.contact?.method ?? null,
      s.contact?.value ?? null,
      s.createdAt,
      hash,
    ],
  );
  return rows.length > 0;
}
