import { QUESTION_IDS, QUESTIONS } from '../../domain/feedback/questions.ts';
import { HEADLINE } from '../../domain/measures/compute.ts';
import { answersSoFar } from '../../domain/measures/disclosure.ts';
import { monthsEnding } from '../../domain/measures/periods.ts';
import {
  analystScorecard,
  toScorecardJson,
  withChanges,
  type ScorecardJsonRow,
  type ScorecardRow,
} from '../../domain/measures/scorecard.ts';
import type { CountFilter } from '../../domain/api/analyst.ts';
import {
  figuresOf,
  type Figure,
  type MeasureOverview,
  type OverviewGroup,
  type OverviewResponse,
} from '../../domain/api/measures.ts';
import type { Database } from '../db/database.ts';
import { countAnswers } from './counts.ts';
import {
  latestPublishedMonth,
  publicationsBetween,
  responsesSoFar,
  type Publication,
} from './publications.ts';

/**
 * The measures as the insight pages show them: each measure's figure for the latest month and its
 * trend over the months before, for all of Essex or for one published group (a district, or one kind
 * of respondent). The public sees published months only, as they were published; analysts see the
 * answers stored now. Every figure is a cell of a scorecard, so a page shows nothing a scorecard does not.
 */

/** The public overview, from published months only, each as its latest revision. */
export async function publicOverview(
  db: Database,
  options: { to?: string; months: number; group?: OverviewGroup; now: Date },
): Promise<OverviewResponse> {
  const group = options.group ?? null;
  const soFar = await responsesSoFar(db, options.now);
  const base = {
    generatedAt: options.now.toISOString(),
    audience: 'public' as const,
    group,
    current: { period: soFar.period, responsesSoFar: answersSoFar(soFar.count) },
  };
  const period = await latestPublishedMonth(db, options.to);
  if (!period) return { ...base, period: null, measures: [], publication: null };
  // One month more than shown, for the first month's change.
  const months = monthsEnding(period, options.months + 1);
  const published = new Map<string, Publication>(
    (await publicationsBetween(db, months[0] as string, period)).map((p) => [p.period, p]),
  );
  const rowsOf = new Map<string, ScorecardRow[]>();
  for (let i = 1; i < months.length; i++) {
    const month = months[i] as string;
    const publication = published.get(month);
    if (publication) {
      const before = published.get(months[i - 1] as string)?.rows ?? [];
      rowsOf.set(month, withChanges(publication.rows, before));
    }
  }
  const latest = published.get(period) as Publication;
  return {
    ...base,
    period,
    measures: overviewOf(months.slice(1), (month) => rowsOf.get(month), group),
    publication: {
      revision: latest.revision,
      publishedAt: latest.publishedAt,
      note: latest.note,
      history: latest.history,
      notes: latest.notes,
    },
  };
}

/** The analysts' trend: every month as stored now, true counts. */
export async function analystOverview(
  db: Database,
  options: { to: string; months: number; filter?: CountFilter; now: Date },
): Promise<OverviewResponse> {
  const months = monthsEnding(options.to, options.months + 1);
  const counts = await countAnswers(db, {
    from: months[0] as string,
    to: options.to,
    ...(options.filter ? { filter: options.filter } : {}),
  });
  const rowsOf = new Map<string, ScorecardRow[]>();
  for (let i = 1; i < counts.length; i++) {
    const current = counts[i] as (typeof counts)[number];
    rowsOf.set(current.period, analystScorecard(current, counts[i - 1]));
  }
  return {
    generatedAt: options.now.toISOString(),
    audience: 'analyst',
    period: options.to,
    group: null,
    measures: overviewOf(months.slice(1), (month) => rowsOf.get(month) ?? [], null),
    publication: null,
    current: null,
  };
}

function overviewOf(
  months: readonly string[],
  rowsOf: (month: string) => ScorecardRow[] | undefined,
  group: OverviewGroup | null,
): MeasureOverview[] {
  return QUESTION_IDS.map((measure) => {
    const trend = months.map((month) => {
      const rows = rowsOf(month);
      if (!rows) return notPublished(month);
      const row = toScorecardJson(rows).find(
        (r) =>
          r.measure_id === measure &&
          (group ? r.breakdown === group.breakdown && r.group === group.group : r.breakdown === HEADLINE),
      );
      return row ? toFigure(row) : noAnswers(month);
    });
    return {
      measure,
      outcome: QUESTIONS[measure].outcome,
      latest: trend[trend.length - 1] as Figure,
      trend,
    };
  });
}

function toFigure(row: ScorecardJsonRow): Figure {
  return { period: row.period, published: true, ...figuresOf(row) };
}

/** A group with no answers that month: a zero, which is shown, with no share and nothing withheld. */
function noAnswers(period: string): Figure {
  return {
    period,
    published: true,
    n: 0,
    positive: 0,
    share: null,
    ciLow: null,
    ciHigh: null,
    suppressed: null,
    smallSample: false,
    change: null,
  };
}

/** A month the public cannot see yet: no figures at all. */
function notPublished(period: string): Figure {
  return { ...noAnswers(period), published: false, n: null, positive: null };
}
