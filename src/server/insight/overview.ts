import {
  QUESTION_IDS,
  QUESTIONS,
  type MeasureOutcome,
  type QuestionId,
} from '../../domain/feedback/questions.ts';
import { HEADLINE } from '../../domain/measures/compute.ts';
import type { SuppressionReason } from '../../domain/measures/disclosure.ts';
import {
  scorecardRows,
  toScorecardJson,
  type Audience,
  type ScorecardJsonRow,
} from '../../domain/measures/scorecard.ts';
import type { Database } from '../db/database.ts';
import { countAnswers, type CountFilter } from './counts.ts';
import { monthsEnding } from './periods.ts';

/**
 * The measures as the insight pages show them: each measure's figure for the latest month and its
 * trend over the months before, for all of Essex or for one published group (a district, or one kind
 * of respondent). Every figure is a cell of the scorecard, so the page shows nothing the scorecard does not.
 */

/** The groups a person may narrow the public page to: each is a cell of a published breakdown. */
export const OVERVIEW_BREAKDOWNS = ['district', 'respondent'] as const;
export type OverviewBreakdown = (typeof OVERVIEW_BREAKDOWNS)[number];

export interface OverviewGroup {
  breakdown: OverviewBreakdown;
  group: string;
}

export interface Figure {
  period: string;
  n: number | null;
  positive: number | null;
  share: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  suppressed: SuppressionReason | null;
  smallSample: boolean;
  change: number | null;
}

export interface MeasureOverview {
  measure: QuestionId;
  outcome: MeasureOutcome;
  /** The last month. */
  latest: Figure;
  /** Every month, oldest first, the last one included. */
  trend: Figure[];
}

export interface Overview {
  generatedAt: string;
  audience: Audience;
  /** The last month shown; null when no feedback has been stored at all. */
  period: string | null;
  group: OverviewGroup | null;
  measures: MeasureOverview[];
}

/** The latest month with any feedback, in UK months; undefined with none. */
export async function latestPeriod(db: Database): Promise<string | undefined> {
  const [row] = await db.query<{ period: string | null }>(
    "select to_char(max(period), 'YYYY-MM') as period from feedback_responses",
  );
  return row?.period ?? undefined;
}

export async function measuresOverview(
  db: Database,
  options: {
    audience: Audience;
    /** The last month; by default the latest with feedback. */
    to?: string;
    months: number;
    group?: OverviewGroup;
    /** Analysts only: count only these people (a filter, not a published cell). */
    filter?: CountFilter;
  },
): Promise<Overview> {
  const generatedAt = new Date().toISOString();
  const to = options.to ?? (await latestPeriod(db));
  const group = options.group ?? null;
  if (!to) return { generatedAt, audience: options.audience, period: null, group, measures: [] };
  // One month more than shown, for the first month's change.
  const months = monthsEnding(to, options.months + 1);
  const counts = await countAnswers(db, {
    from: months[0] as string,
    to,
    breakdowns: group ? [group.breakdown] : [],
    ...(options.filter ? { filter: options.filter } : {}),
  });
  const trend = new Map<QuestionId, Figure[]>(QUESTION_IDS.map((id) => [id, []]));
  for (let i = 1; i < counts.length; i++) {
    const current = counts[i] as (typeof counts)[number];
    const rows = toScorecardJson(scorecardRows(current, counts[i - 1], options.audience));
    for (const measure of QUESTION_IDS) {
      const row = rows.find(
        (r) =>
          r.measure_id === measure &&
          (group ? r.breakdown === group.breakdown && r.group === group.group : r.breakdown === HEADLINE),
      );
      trend.get(measure)?.push(row ? toFigure(row) : noAnswers(current.period));
    }
  }
  return {
    generatedAt,
    audience: options.audience,
    period: to,
    group,
    measures: QUESTION_IDS.map((measure) => {
      const figures = trend.get(measure) ?? [];
      return {
        measure,
        outcome: QUESTIONS[measure].outcome,
        latest: figures[figures.length - 1] ?? noAnswers(to),
        trend: figures,
      };
    }),
  };
}

function toFigure(row: ScorecardJsonRow): Figure {
  return {
    period: row.period,
    n: row.n,
    positive: row.positive,
    share: row.share,
    ciLow: row.ci_low,
    ciHigh: row.ci_high,
    suppressed: row.suppressed,
    smallSample: row.small_sample,
    change: row.change_vs_previous_month,
  };
}

/** A group with no answers that month: a zero, which is shown, as the scorecard shows an empty headline. */
function noAnswers(period: string): Figure {
  return {
    period,
    n: 0,
    positive: 0,
    share: null,
    ciLow: null,
    ciHigh: null,
    suppressed: 'fewer-than-10',
    smallSample: false,
    change: null,
  };
}
