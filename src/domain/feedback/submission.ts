import { z } from 'zod/mini';
import { FollowUpSubmission } from '../evidence/follow-up.ts';
import { FoundSubmission } from '../evidence/found.ts';
import { District } from '../service-terms.ts';
import { storableText } from '../storable-text.ts';
import {
  AgeBand,
  Channel,
  Disability,
  EthnicGroup,
  GatheredBy,
  HowAnswered,
  RespondentGroup,
  Sex,
  STAFF_CHANNEL_GATHERED_BY,
} from './about.ts';
import {
  AREAS_OF_FOCUS,
  AreaOfFocus,
  FORM_VERSION,
  QUESTION_IDS,
  QUESTIONS,
  allowedAnswers,
  isAskedOf,
  type Answers,
  type QuestionId,
} from './questions.ts';
import { CreatedAt, Honeypot, SubmissionId } from './submission-basics.ts';

/**
 * The boundary contract for `POST /api/v1/feedback`: the client validates with these before it writes
 * to the outbox, and the server validates again before it stores anything.
 */

export const MAX_WORDS_LENGTH = 5000;
export const MAX_DETAILS_LENGTH = 2000;
export const MAX_BATCH_SIZE = 100;

/**
 * Codes a person's form shows as `errors.<code>` in their language. A custom check puts its code in the
 * issue's message; built-in checks are mapped by `issuesToFieldErrors`.
 */
export const FIELD_ERROR_CODES = [
  'required',
  'too-long',
  'too-many',
  'too-few',
  'invalid-choice',
  'invalid-uuid',
  'invalid-date',
  'invalid-email',
  'invalid-phone',
  'invalid-type',
  'invalid',
  'unknown-field',
  'unknown-form-version',
  'words-without-consent',
  'quote-without-consent',
  'contact-without-consent',
  'not-for-this-respondent',
  'not-for-this-channel',
  'does-not-match-channel',
  'consent-statement-not-read',
  'must-be-empty',
  'not-for-this-answer',
  'invalid-text',
  'in-the-future',
  'too-old',
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

const answer = <Q extends QuestionId>(id: Q) => z.optional(z.enum(allowedAnswers(id)));

/** A response's answers, each checked against its own question's codes; skipped ones are absent. */
export const AnswersSchema = z.strictObject({
  control: answer('control'),
  say: answer('say'),
  home: answer('home'),
  social: answer('social'),
  time: answer('time'),
  info: answer('info'),
  experience: answer('experience'),
  safe: answer('safe'),
  safer: answer('safer'),
  belong: answer('belong'),
  'carer-support': answer('carer-support'),
});

const PHONE = /^\+?(?:[\s()-]*\d){7,15}[\s()-]*$/;

/** How the person would like to be contacted back. */
export const ContactBy = z.discriminatedUnion('method', [
  z.object({
    method: z.literal('email'),
    value: z.email({ error: 'invalid-email' }).check(z.maxLength(254)),
  }),
  z.object({
    method: z.literal('phone'),
    value: z.string().check(z.maxLength(30), z.regex(PHONE, { error: 'invalid-phone' })),
  }),
]);
export type ContactBy = z.infer<typeof ContactBy>;

export const Consent = z.object({
  /** The person's own words may be kept (and read by signed-in analysts). */
  storeWords: z.boolean(),
  /** Their words, scrubbed and approved, may be quoted. Needs `storeWords`. */
  quote: z.boolean(),
  /** They would like to be contacted; `contactBy` says how, and is given exactly when this is true. */
  contact: z.boolean(),
  contactBy: z.optional(ContactBy),
});
export type Consent = z.infer<typeof Consent>;

/** Filled in by a member of staff capturing a person's feedback on their behalf. */
export const Assisted = z.object({
  gatheredBy: GatheredBy,
  /** Staff read the consent statement to the person: they cannot submit otherwise. */
  consentStatementRead: z.literal(true, { error: 'consent-statement-not-read' }),
  areasOfFocus: z.array(AreaOfFocus).check(z.maxLength(AREAS_OF_FOCUS.length)),
  /** Asked when the person said they do not feel safe: does a safeguarding concern need raising? */
  safeguardingConcern: z.optional(z.boolean()),
});
export type Assisted = z.infer<typeof Assisted>;

export const Equality = z.object({
  sex: z.optional(Sex),
  ethnicGroup: z.optional(EthnicGroup),
  disability: z.optional(Disability),
});
export type Equality = z.infer<typeof Equality>;

export const ExperienceSubmission = z
  .object({
    kind: z.literal('experience'),
    id: SubmissionId,
    createdAt: CreatedAt,
    formVersion: z
      .int()
      .check(
        z.gte(1, { error: 'unknown-form-version' }),
        z.lte(FORM_VERSION, { error: 'unknown-form-version' }),
      ),
    answers: AnswersSchema,
    /** The person's own words: absent unless `consent.storeWords`, so words kept without consent never arrive. */
    words: z.optional(z.string().check(z.maxLength(MAX_WORDS_LENGTH), storableText())),
    consent: Consent,
    respondent: RespondentGroup,
    howAnswered: HowAnswered,
    channel: Channel,
    district: z.optional(District),
    ageBand: z.optional(AgeBand),
    equality: z.optional(Equality),
    assisted: z.optional(Assisted),
    website: Honeypot,
  })
  .check(
    z.superRefine((s, ctx) => {
      const issue = (path: (string | number)[], message: FieldErrorCode) =>
        ctx.addIssue({ code: 'custom', input: s, path, message });
      if (s.words !== undefined && !s.consent.storeWords) issue(['words'], 'words-without-consent');
      consentIssues(s.consent, issue);
      for (const id of QUESTION_IDS) {
        if (s.answers[id] !== undefined && !isAskedOf(id, s.respondent)) {
          issue(['answers', id], 'not-for-this-respondent');
        }
      }
      const gatheredBy = STAFF_CHANNEL_GATHERED_BY[s.channel];
      if (gatheredBy && !s.assisted) issue(['assisted'], 'required');
      if (!gatheredBy && s.assisted) issue(['assisted'], 'not-for-this-channel');
      if (gatheredBy && s.assisted && s.assisted.gatheredBy !== gatheredBy) {
        issue(['assisted', 'gatheredBy'], 'does-not-match-channel');
      }
      if (s.assisted && s.assisted.safeguardingConcern === undefined && isSafetyConcern(s.answers)) {
        issue(['assisted', 'safeguardingConcern'], 'required');
      }
    }),
  );
export type ExperienceSubmission = z.infer<typeof ExperienceSubmission>;

function consentIssues(consent: Consent, issue: (path: string[], code: FieldErrorCode) => void): void {
  if (consent.quote && !consent.storeWords) issue(['consent', 'quote'], 'quote-without-consent');
  if (consent.contact && !consent.contactBy) issue(['consent', 'contactBy'], 'required');
  if (!consent.contact && consent.contactBy) issue(['consent', 'contactBy'], 'contact-without-consent');
}

export const LISTING_PROBLEMS = ['closed', 'wrong-phone', 'wrong-address', 'wrong-times', 'other'] as const;
export const ListingProblem = z.enum(LISTING_PROBLEMS);
export type ListingProblem = z.infer<typeof ListingProblem>;

export const ListingProblemSubmission = z
  .object({
    kind: z.literal('listing-problem'),
    id: SubmissionId,
    createdAt: CreatedAt,
    serviceId: z.string().check(z.minLength(1), z.maxLength(200), storableText()),
    problem: ListingProblem,
    details: z.optional(z.string().check(z.maxLength(MAX_DETAILS_LENGTH), storableText())),
    /** Only given when the person would like to hear back. */
    contact: z.optional(ContactBy),
    website: Honeypot,
  })
  .check(
    z.superRefine((s, ctx) => {
      // "Something else is wrong" says nothing the council can act on without the details.
      if (s.problem === 'other' && !s.details?.trim()) {
        ctx.addIssue({ code: 'custom', input: s, path: ['details'], message: 'required' });
      }
    }),
  );
export type ListingProblemSubmission = z.infer<typeof ListingProblemSubmission>;

/**
 * Everything the outbox sends: experience feedback and listing problems, and the two evidence answers
 * ("Did you find what you needed?" and, weeks later, "Did it help?").
 */
export const FeedbackSubmission = z.discriminatedUnion('kind', [
  ExperienceSubmission,
  ListingProblemSubmission,
  FoundSubmission,
  FollowUpSubmission,
]);
export type FeedbackSubmission = z.infer<typeof FeedbackSubmission>;

const FeedbackList = z.array(FeedbackSubmission).check(z.minLength(1), z.maxLength(MAX_BATCH_SIZE));

/** The body of `POST /api/v1/feedback`: one submission, or 1 to 100 of them. */
export const FeedbackBatch = z.union([FeedbackSubmission, FeedbackList]);
export type FeedbackBatch = z.infer<typeof FeedbackBatch>;

export const FieldError = z.object({
  /** Dotted path to the field, `''` for the whole body; a batch's paths start with the item's index. */
  path: z.string(),
  code: z.enum(FIELD_ERROR_CODES),
});
export type FieldError = z.infer<typeof FieldError>;

export type ParsedBatch =
  { ok: true; submissions: FeedbackSubmission[] } | { ok: false; errors: FieldError[] };

/** Validates a request body and names each problem by field, without a union's noise. */
export function parseFeedbackBatch(body: unknown): ParsedBatch {
  const result = Array.isArray(body) ? FeedbackList.safeParse(body) : FeedbackSubmission.safeParse(body);
  if (!result.success) return { ok: false, errors: issuesToFieldErrors(result.error.issues, body) };
  return { ok: true, submissions: Array.isArray(result.data) ? result.data : [result.data] };
}

/** Whether any answer calls for "how to get help now" and a flag for the analysts. */
export function isSafetyConcern(answers: Answers): boolean {
  return QUESTION_IDS.some((id) => {
    const given = answers[id];
    return given !== undefined && (QUESTIONS[id].safetyTriggers as readonly string[]).includes(given);
  });
}

/**
 * A stable text of a submission's content, keys sorted at every depth, so the server can tell a resent
 * UUID with the same content (stored already: 200) from one with different content (409). The empty
 * honeypot carries no content and is left out.
 */
export function canonicalSubmission(submission: FeedbackSubmission): string {
  const { website: _website, ...content } = submission;
  return JSON.stringify(sortKeys(content));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const inner = (value as Record<string, unknown>)[key];
    if (inner !== undefined) sorted[key] = sortKeys(inner);
  }
  return sorted;
}

const CODES: ReadonlySet<string> = new Set(FIELD_ERROR_CODES);
/** Stands for a value the caller did not hand over, so nothing is guessed from it. */
const UNKNOWN = Symbol('unknown');

/**
 * Turns zod issues into `{ path, code }` pairs a form can show in the person's language. Pass the
 * parsed input too, so a missing or empty field reads as `required` rather than as a wrong type.
 */
export function issuesToFieldErrors(issues: readonly z.core.$ZodIssue[], input?: unknown): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  const add = (path: readonly PropertyKey[], code: FieldErrorCode) => {
    const error = { path: path.map(String).join('.'), code };
    const key = `${error.path}\u0000${code}`;
    if (!seen.has(key)) {
      seen.add(key);
      errors.push(error);
    }
  };
  const visit = (issue: z.core.$ZodIssue, base: readonly PropertyKey[]) => {
    const path = [...base, ...issue.path];
    if (issue.code === 'invalid_union') {
      const branch = mostRelevantBranch(issue.errors);
      if (branch) {
        for (const inner of branch) visit(inner, path);
        return;
      }
    }
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) add([...path, key], 'unknown-field');
      return;
    }
    const value = 'input' in issue ? issue.input : input === undefined ? UNKNOWN : valueAt(input, path);
    add(path, fieldErrorCode(issue, value));
  };
  for (const issue of issues) visit(issue, []);
  return errors;
}

/** A union's errors hold one list per option; the option that failed only on type was not meant. */
function mostRelevantBranch(branches: readonly (readonly z.core.$ZodIssue[])[]) {
  const meant = branches.filter(
    (b) => !(b.length === 1 && b[0]?.code === 'invalid_type' && !b[0].path.length),
  );
  return meant[0] ?? branches[0];
}

function fieldErrorCode(issue: z.core.$ZodIssue, value: unknown): FieldErrorCode {
  const named = CODES.has(issue.message) ? (issue.message as FieldErrorCode) : undefined;
  if (issue.code === 'custom' && named) return named;
  if (value === undefined || value === '') return 'required';
  if (named) return named;
  switch (issue.code) {
    case 'invalid_type':
      return 'invalid-type';
    case 'invalid_value':
    case 'invalid_union':
      return 'invalid-choice';
    case 'too_big':
      return issue.origin === 'array' ? 'too-many' : 'too-long';
    case 'too_small':
      return issue.origin === 'array' ? 'too-few' : 'invalid';
    case 'invalid_format':
      if (issue.format === 'uuid') return 'invalid-uuid';
      if (issue.format === 'email') return 'invalid-email';
      if (issue.format === 'datetime') return 'invalid-date';
      return 'invalid';
    default:
      return 'invalid';
  }
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
