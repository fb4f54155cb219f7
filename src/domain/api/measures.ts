import { z } from 'zod/mini';
import { RespondentGroup } from '../feedback/about.ts';
import { EVIDENCE_MEASURES, PublishedEvidence } from '../evidence/published.ts';
import { CARERS_MEASURE_GROUP, OutcomeId, QuestionId } from '../feedback/questions.ts';
import { BREAKDOWNS, HEADLINE } from '../measures/compute.ts';
import { SUPPRESSION_REASONS, WITHHELD } from '../measures/disclosure.ts';
import { Period } from '../measures/periods.ts';
import { PUBLIC_BREAKDOWNS } from '../measures/scorecard.ts';
import { District } from '../service-terms.ts';
import { queryWhole } from './query.ts';

/**
 * The measures at `/api/v1/measures`: for anyone, published months only, as they were published; a
 * year's overview; and the monthly scorecard as CSV and JSON (in the analysts' version for an analyst).
 */

/** The groups a person may narrow the public page to: each is a cell of a published breakdown. */
export const OVERVIEW_BREAKDOWNS = ['district', 'respondent'] as const;
export type OverviewBreakdown = (typeof OVERVIEW_BREAKDOWNS)[number];

/** `GET /api/v1/measures`. */
export const PublicMeasuresQuery = z.object({
  period: Period,
  by: z.optional(z.enum(PUBLIC_BREAKDOWNS)),
});

/** `GET /api/v1/measures/overview`. */
export const OverviewQuery = z.object({
  to: z.optional(Period),
  months: z.optional(queryWhole(1, 24)),
  /** One published group: `district:chelmsford`, `respondent:carer`. */
  for: z.optional(
    z.string().check(
      z.refine((value) => {
        const [breakdown, group] = value.split(':');
        if (breakdown === 'district') return District.safeParse(group).success;
        if (breakdown === 'respondent') return RespondentGroup.safeParse(group).success;
        return false;
      }),
    ),
  ),
});

/** `GET /api/v1/measures/scorecard.csv` and `.json`. */
export const ScorecardQuery = z.object({
  period: Period,
  version: z.optional(z.enum(['public', 'analyst'])),
});

export const Audience = z.enum(['public', 'analyst']);
export type Audience = z.infer<typeof Audience>;

/** A measure's outcome: one of the six, or the carers' group of measures. */
export const MeasureOutcome = z.union([OutcomeId, z.literal(CARERS_MEASURE_GROUP)]);

/** A count or a share; null where it is withheld or there is none. */
const figure = z.nullable(z.number());

/** Analysts are told why a figure is withheld; the public only that it is. */
export const Suppressed = z.enum([...SUPPRESSION_REASONS, WITHHELD]);
export type Suppressed = z.infer<typeof Suppressed>;

/**
 * What is known of one breakdown cell in one month, under the scorecard's names: declared once, so the
 * JSON row, the overview's figure and the code's own row (`ScorecardRow`) cannot disagree.
 */
const CellFigures = {
  n: figure,
  positive: figure,
  share: figure,
  ci_low: figure,
  ci_high: figure,
  suppressed: z.nullable(Suppressed),
  /** Change in share since the previous month, in share points. */
  change_vs_previous_month: figure,
  /** A published share on a published base under 30 (in the analysts' version: the public one's flag). */
  small_sample: z.boolean(),
};

/**
 * One row of the scorecard as JSON: one measure in one breakdown cell for one month. The CSV has the
 * same columns; the measures, the analysts' measures and the dashboard send these.
 */
export const ScorecardJsonRow = z.object({
  /** A question's id, or `unmet-need` or `helped` (docs/measures.md). */
  measure_id: z.union([QuestionId, z.enum(EVIDENCE_MEASURES)]),
  outcome: MeasureOutcome,
  /** `YYYY-MM`. */
  period: z.string(),
  breakdown: z.union([z.enum(BREAKDOWNS), z.literal(HEADLINE)]),
  group: z.string(),
  ...CellFigures,
});
export type ScorecardJsonRow = z.infer<typeof ScorecardJsonRow>;

/** One publication of a month: the first is revision 1; a later one says what changed. */
export const RevisionSummary = z.object({
  revision: z.number(),
  publishedAt: z.string(),
  note: z.nullable(z.string()),
});
export type RevisionSummary = z.infer<typeof RevisionSummary>;

/** What is published beside the figures, each count through disclosure control. */
export const PublicationNotes = z.object({
  /** Answers counted in this month that were given in an earlier one. */
  arrivedLate: figure,
  /** Groups an analyst left out before publishing, each with the reason they gave. */
  excluded: z.array(z.object({ reason: z.string(), responses: figure })),
});
export type PublicationNotes = z.infer<typeof PublicationNotes>;

/** A month's latest publication, as the public page notes it. */
export const PublicationSummary = z.extend(RevisionSummary, {
  history: z.array(RevisionSummary),
  notes: PublicationNotes,
});
export type PublicationSummary = z.infer<typeof PublicationSummary>;

/** `GET /api/v1/measures`: a published month's headline and, if asked, one breakdown. */
export const PublicMeasuresResponse = z.extend(RevisionSummary, {
  period: z.string(),
  audience: z.literal('public'),
  breakdown: z.string(),
  rows: z.array(ScorecardJsonRow),
});
export type PublicMeasuresResponse = z.infer<typeof PublicMeasuresResponse>;

/** `GET /api/v1/measures/scorecard.json`: the public version as published, or the analysts' as stored now. */
export const ScorecardResponse = z.union([
  z.extend(RevisionSummary, {
    period: z.string(),
    version: z.literal('public'),
    notes: PublicationNotes,
    rows: z.array(ScorecardJsonRow),
  }),
  z.object({ period: z.string(), version: z.literal('analyst'), rows: z.array(ScorecardJsonRow) }),
]);
export type ScorecardResponse = z.infer<typeof ScorecardResponse>;

/**
 * The overview's name for each of a cell's figures. Every figure must have one (a figure added to
 * `CellFigures` fails the typecheck here until it is named), so the overview cannot leave one behind.
 */
const FIGURE_NAMES = {
  n: 'n',
  positive: 'positive',
  share: 'share',
  ci_low: 'ciLow',
  ci_high: 'ciHigh',
  suppressed: 'suppressed',
  change_vs_previous_month: 'change',
  small_sample: 'smallSample',
} as const satisfies Record<keyof typeof CellFigures, string>;

type Renamed<T, Names extends Record<keyof T, string>> = { [K in keyof T as Names[K]]: T[K] };

/** The named fields of an object under their other names. */
function renamed<T, Names extends Record<keyof T, string>>(fields: T, names: Names): Renamed<T, Names> {
  const keys = Object.keys(names) as (keyof T & string)[];
  return Object.fromEntries(keys.map((key) => [names[key], fields[key]])) as Renamed<T, Names>;
}

/** One measure in one month, as the overview and the dashboard's trend draw it: a cell's figures. */
export const Figure = z.object({
  period: z.string(),
  /** False for a month not published yet (the public), so it has no figures. */
  published: z.boolean(),
  ...renamed(CellFigures, FIGURE_NAMES),
});
export type Figure = z.infer<typeof Figure>;

/** A scorecard row's figures under the overview's names: what a trend point or a chart bar draws. */
export function figuresOf(row: ScorecardJsonRow): Omit<Figure, 'period' | 'published'> {
  return renamed<Pick<ScorecardJsonRow, keyof typeof CellFigures>, typeof FIGURE_NAMES>(row, FIGURE_NAMES);
}

export const MeasureOverview = z.object({
  measure: QuestionId,
  outcome: MeasureOutcome,
  /** The last month. */
  latest: Figure,
  /** Every month, oldest first, the last one included. */
  trend: z.array(Figure),
});
export type MeasureOverview = z.infer<typeof MeasureOverview>;

export const OverviewGroup = z.object({ breakdown: z.enum(OVERVIEW_BREAKDOWNS), group: z.string() });
export type OverviewGroup = z.infer<typeof OverviewGroup>;

/** `GET /api/v1/measures/overview`: each measure's latest month and its trend. */
export const OverviewResponse = z.object({
  generatedAt: z.string(),
  audience: Audience,
  /** The last month shown; null when none is published (public) or nothing is stored (analysts). */
  period: z.nullable(z.string()),
  group: z.nullable(OverviewGroup),
  measures: z.array(MeasureOverview),
  /** The public: how and when the month shown was published. */
  publication: z.nullable(PublicationSummary),
  /** The public: the month under way, with only a rounded count of its responses so far. */
  current: z.nullable(z.object({ period: z.string(), responsesSoFar: figure })),
});
export type OverviewResponse = z.infer<typeof OverviewResponse>;

/** `GET /api/v1/measures/evidence` and `/api/v1/measures/unmet-need.csv`. */
export const EvidenceQuery = z.object({ period: Period });

/**
 * `GET /api/v1/measures/evidence`: a published month's unmet need beside coverage, and whether themes
 * and services helped, as they were published, every figure through disclosure control.
 */
export const PublishedEvidenceResponse = z.extend(RevisionSummary, {
  period: z.string(),
  ...PublishedEvidence.shape,
});
export type PublishedEvidenceResponse = z.infer<typeof PublishedEvidenceResponse>;
