import { z } from 'zod/mini';
import { RespondentGroup } from '../feedback/about.ts';
import { QuestionId } from '../feedback/questions.ts';
import { BREAKDOWNS } from '../measures/compute.ts';
import { Period } from '../measures/periods.ts';
import { MAX_NOTE_LENGTH, MONTH_STATES, PROVENANCES } from '../measures/publication.ts';
import { FLAG_KINDS, MAX_REASON_LENGTH } from '../measures/stuffing.ts';
import { District } from '../service-terms.ts';
import { storableText } from '../storable-text.ts';
import { MeasureOverview, PublicationNotes, RevisionSummary, ScorecardJsonRow } from './measures.ts';
import { queryWhole } from './query.ts';

/** `/api/v1/analyst`: unrounded figures, the dashboard, and the review and publication of a month. */

const AnalystFilter = {
  district: z.optional(District),
  respondent: z.optional(RespondentGroup),
};

/** Whom the figures count: one district, one group of people, or both. */
export const CountFilter = z.object(AnalystFilter);
export type CountFilter = z.infer<typeof CountFilter>;

/** `GET /api/v1/analyst/measures`. */
export const AnalystMeasuresQuery = z.object({
  period: Period,
  by: z.optional(z.enum(BREAKDOWNS)),
  ...AnalystFilter,
});

/** `GET /api/v1/analyst/dashboard`. */
export const DashboardQuery = z.object({ period: z.optional(Period), ...AnalystFilter });

/** `GET /api/v1/analyst/gaps` and `gaps.csv`. */
export const GapsQuery = z.object({
  to: z.optional(Period),
  months: z.optional(queryWhole(1, 24)),
});

/** `GET /api/v1/analyst/measures`: a month as stored now, the headline and one breakdown if asked. */
export const AnalystMeasuresResponse = z.object({
  period: z.string(),
  audience: z.literal('analyst'),
  breakdown: z.string(),
  filter: CountFilter,
  rows: z.array(ScorecardJsonRow),
});
export type AnalystMeasuresResponse = z.infer<typeof AnalystMeasuresResponse>;

export const GapGroup = z.object({
  group: z.string(),
  /** Unrounded: gaps are for analysts. */
  n: z.number(),
  positive: z.number(),
  share: z.number(),
  ciLow: z.number(),
  ciHigh: z.number(),
});
export type GapGroup = z.infer<typeof GapGroup>;

/** The widest gap on one measure between two groups of one breakdown whose shares may be shown. */
export const Gap = z.object({
  measure: QuestionId,
  breakdown: z.enum(BREAKDOWNS),
  gap: z.number(),
  higher: GapGroup,
  lower: GapGroup,
});
export type Gap = z.infer<typeof Gap>;

/** A response whose answers said the person does not feel safe: analysts follow these up. */
export const FlaggedResponse = z.object({
  id: z.string(),
  reference: z.string(),
  receivedAt: z.string(),
  district: z.nullable(z.string()),
  respondent: z.string(),
  channel: z.string(),
  /** Asked of staff in assisted mode: whether a safeguarding concern needs raising. */
  safeguardingConcern: z.nullable(z.boolean()),
  safe: z.nullable(z.string()),
  /** The person's words were kept (with consent): they are in the stories. */
  hasStory: z.boolean(),
});
export type FlaggedResponse = z.infer<typeof FlaggedResponse>;

/** `GET /api/v1/analyst/dashboard`: true figures, every breakdown, changes, gaps and safety flags. */
export const DashboardResponse = z.object({
  generatedAt: z.string(),
  period: z.string(),
  filter: CountFilter,
  /** The analysts' scorecard for the month; `suppressed` says what the public version withholds. */
  rows: z.array(ScorecardJsonRow),
  gaps: z.array(Gap),
  trend: z.array(MeasureOverview),
  flagged: z.array(FlaggedResponse),
});
export type DashboardResponse = z.infer<typeof DashboardResponse>;

export const MonthState = z.enum(MONTH_STATES);
export type MonthState = z.infer<typeof MonthState>;

/** One month in the analysts' list: where it stands, and its latest revision if it is published. */
export const MonthSummary = z.object({
  period: z.string(),
  state: MonthState,
  publishableFrom: z.string(),
  /** Responses counted in it now, those left out not included. */
  responses: z.number(),
  revision: z.nullable(z.number()),
});
export type MonthSummary = z.infer<typeof MonthSummary>;

/** `GET /api/v1/analyst/months`: this month and the twelve before, newest first. */
export const MonthsResponse = z.object({ months: z.array(MonthSummary) });
export type MonthsResponse = z.infer<typeof MonthsResponse>;

/** Responses that look sent together: from one address or device in a burst, or with the same answers. */
export const Flag = z.object({
  kind: z.enum(FLAG_KINDS),
  /** What the responses share: a keyed hash of an address, a request's id, or a hash of the answers. */
  key: z.string(),
  responses: z.number(),
  /** The most that arrived within any one burst window (bursts only). */
  mostWithinWindow: z.nullable(z.number()),
  firstReceivedAt: z.string(),
  lastReceivedAt: z.string(),
});
export type Flag = z.infer<typeof Flag>;

/** A flagged group an analyst left out of a month, and whether it has been counted again. */
export const Exclusion = z.object({
  id: z.string(),
  flag: z.enum(FLAG_KINDS),
  key: z.string(),
  reason: z.string(),
  responses: z.number(),
  excludedAt: z.string(),
  excludedBy: z.nullable(z.string()),
  restoredAt: z.nullable(z.string()),
  restoredBy: z.nullable(z.string()),
});
export type Exclusion = z.infer<typeof Exclusion>;

export const PublicationEntry = z.extend(RevisionSummary, { publishedBy: z.nullable(z.string()) });
export type PublicationEntry = z.infer<typeof PublicationEntry>;

/** `GET /api/v1/analyst/months/{period}`: what an analyst reviews before publishing a month. */
export const MonthReview = z.object({
  period: z.string(),
  state: MonthState,
  /** When the month ends (UK midnight). */
  endsAt: z.string(),
  /** The first moment it may be published. */
  publishableFrom: z.string(),
  /** Responses counted in the month by how they came, those left out not included. */
  provenance: z.record(z.enum(PROVENANCES), z.number()),
  /** Responses counted in this month that were given in an earlier one. */
  arrivedLate: z.number(),
  /** Responses given in this month that arrived once it was published, and so count in a later one. */
  givenHereCountedLater: z.number(),
  flags: z.array(Flag),
  exclusions: z.array(Exclusion),
  publications: z.array(PublicationEntry),
});
export type MonthReview = z.infer<typeof MonthReview>;

/**
 * `POST …/months/{period}/exclusions`: leave a flagged group out, named by the flag's kind and key as the
 * review listed them, and why. The reason is published with the month, so it must be text the database
 * can keep.
 */
export const ExclusionRequest = z.object({
  flag: z.enum(FLAG_KINDS),
  key: z.string().check(z.minLength(1), z.maxLength(200), storableText()),
  reason: z
    .string()
    .check(z.trim(), z.minLength(1, { error: 'required' }), z.maxLength(MAX_REASON_LENGTH), storableText()),
});
export type ExclusionRequest = z.infer<typeof ExclusionRequest>;

/** `POST …/months/{period}/publications`: publishing again needs the note shown on the public page and in the CSV. */
export const PublishRequest = z.object({
  note: z.optional(z.nullable(z.string().check(z.trim(), z.maxLength(MAX_NOTE_LENGTH), storableText()))),
});
export type PublishRequest = z.infer<typeof PublishRequest>;

/** `POST …/months/{period}/exclusions` (201) and `POST …/exclusions/{id}/restore`. */
export const ExclusionResponse = z.object({ exclusion: Exclusion });

/** `POST /api/v1/analyst/months/{period}/publications` (201): the month as it is now published. */
export const PublicationResponse = z.object({
  publication: z.extend(RevisionSummary, {
    period: z.string(),
    /** The public scorecard as published, without changes (those come from the month before). */
    rows: z.array(ScorecardJsonRow),
    notes: PublicationNotes,
    /** Every revision, the first first, this one last. */
    history: z.array(RevisionSummary),
  }),
});
export type PublicationResponse = z.infer<typeof PublicationResponse>;

/** `GET /api/v1/analyst/helpfulness`: each service and theme, declared with the arithmetic behind it. */
export { HelpfulnessTableSchema as HelpfulnessResponse } from '../evidence/helpfulness.ts';

/** `GET /api/v1/analyst/gaps`: the unmet-need table, declared with the arithmetic that ranks it. */
export { GapTable as GapsResponse } from '../evidence/gaps.ts';
