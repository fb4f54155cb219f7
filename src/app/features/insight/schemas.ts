import { z } from 'zod/mini';
import { QuestionId } from '../../../domain/feedback/questions.ts';
import { SUPPRESSION_REASONS, WITHHELD } from '../../../domain/measures/disclosure.ts';

/** The insight API's answers, checked at the page's boundary as every boundary is. */

const count = z.nullable(z.number());
const decimal = z.nullable(z.number());
/** Analysts are told why a figure is withheld; the public only that it is. */
const Suppressed = z.nullable(z.enum([...SUPPRESSION_REASONS, WITHHELD]));

export const Figure = z.object({
  period: z.string(),
  /** False for a month the public cannot see yet. */
  published: z.boolean(),
  n: count,
  positive: count,
  share: decimal,
  ciLow: decimal,
  ciHigh: decimal,
  suppressed: Suppressed,
  smallSample: z.boolean(),
  change: decimal,
});
export type Figure = z.infer<typeof Figure>;

export const MeasureOverview = z.object({
  measure: QuestionId,
  outcome: z.string(),
  latest: Figure,
  trend: z.array(Figure),
});
export type MeasureOverview = z.infer<typeof MeasureOverview>;

const Revision = z.object({ revision: z.number(), publishedAt: z.string(), note: z.nullable(z.string()) });

export const PublicationSummary = z.object({
  revision: z.number(),
  publishedAt: z.string(),
  note: z.nullable(z.string()),
  history: z.array(Revision),
  notes: z.object({
    arrivedLate: count,
    excluded: z.array(z.object({ reason: z.string(), responses: count })),
  }),
});
export type PublicationSummary = z.infer<typeof PublicationSummary>;

export const Overview = z.object({
  generatedAt: z.string(),
  period: z.nullable(z.string()),
  group: z.nullable(z.object({ breakdown: z.string(), group: z.string() })),
  measures: z.array(MeasureOverview),
  publication: z.nullable(PublicationSummary),
  current: z.nullable(z.object({ period: z.string(), responsesSoFar: count })),
});
export type Overview = z.infer<typeof Overview>;

export const ScorecardRow = z.object({
  measure_id: QuestionId,
  outcome: z.string(),
  period: z.string(),
  breakdown: z.string(),
  group: z.string(),
  n: count,
  positive: count,
  share: decimal,
  ci_low: decimal,
  ci_high: decimal,
  suppressed: Suppressed,
  change_vs_previous_month: decimal,
  small_sample: z.boolean(),
});
export type ScorecardRow = z.infer<typeof ScorecardRow>;

const GapGroup = z.object({
  group: z.string(),
  n: z.number(),
  positive: z.number(),
  share: z.number(),
  ciLow: z.number(),
  ciHigh: z.number(),
});

export const Gap = z.object({
  measure: QuestionId,
  breakdown: z.string(),
  gap: z.number(),
  higher: GapGroup,
  lower: GapGroup,
});
export type Gap = z.infer<typeof Gap>;

export const FlaggedResponse = z.object({
  id: z.string(),
  reference: z.string(),
  receivedAt: z.string(),
  district: z.nullable(z.string()),
  respondent: z.string(),
  channel: z.string(),
  safeguardingConcern: z.nullable(z.boolean()),
  safe: z.nullable(z.string()),
  hasStory: z.boolean(),
});
export type FlaggedResponse = z.infer<typeof FlaggedResponse>;

export const Dashboard = z.object({
  generatedAt: z.string(),
  period: z.string(),
  filter: z.object({ district: z.optional(z.string()), respondent: z.optional(z.string()) }),
  rows: z.array(ScorecardRow),
  gaps: z.array(Gap),
  trend: z.array(MeasureOverview),
  flagged: z.array(FlaggedResponse),
});
export type Dashboard = z.infer<typeof Dashboard>;
