import { previousMonth } from '../../domain/measures/compute.ts';
import { scorecardRows, toScorecardJson, type ScorecardJsonRow } from '../../domain/measures/scorecard.ts';
import type { Database } from '../db/database.ts';
import { COUNTED_BREAKDOWNS, countAnswers, type CountFilter } from './counts.ts';
import { inequalityGaps, type GapJson } from './gaps.ts';
import { latestPeriod, measuresOverview, type MeasureOverview } from './overview.ts';
import { THIS_MONTH_SQL } from './periods.ts';
import { flaggedResponses, type FlaggedResponse } from './safety.ts';

/** How many months of trend the dashboard draws. */
export const DASHBOARD_MONTHS = 12;

/** What an analyst sees for a month: unrounded figures, every breakdown, changes, gaps and safety flags. */
export interface Dashboard {
  generatedAt: string;
  period: string;
  filter: CountFilter;
  /** The analysts' scorecard for the month; `suppressed` says what the public sees of each cell. */
  rows: ScorecardJsonRow[];
  gaps: GapJson[];
  trend: MeasureOverview[];
  flagged: FlaggedResponse[];
}

export async function analystDashboard(
  db: Database,
  options: { period?: string; filter: CountFilter },
): Promise<Dashboard> {
  const period = options.period ?? (await latestPeriod(db)) ?? (await thisMonth(db));
  const filter = options.filter;
  const [previous, current] = await countAnswers(db, {
    from: previousMonth(period),
    to: period,
    breakdowns: COUNTED_BREAKDOWNS,
    filter,
  });
  if (!previous || !current) throw new Error('The dashboard needs its month and the month before');
  const overview = await measuresOverview(db, {
    audience: 'analyst',
    to: period,
    months: DASHBOARD_MONTHS,
    filter,
  });
  return {
    generatedAt: new Date().toISOString(),
    period,
    filter,
    rows: toScorecardJson(scorecardRows(current, previous, 'analyst')),
    gaps: inequalityGaps(current),
    trend: overview.measures,
    flagged: await flaggedResponses(db, period, filter),
  };
}

async function thisMonth(db: Database): Promise<string> {
  const [row] = await db.query<{ period: string }>(`select ${THIS_MONTH_SQL} as period`);
  return row?.period as string;
}
