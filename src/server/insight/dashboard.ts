import { periodDate, previousMonth, ukMonth } from '../../domain/measures/periods.ts';
import type { CountFilter, DashboardResponse } from '../../domain/api/analyst.ts';
import { analystScorecard, toScorecardJson } from '../../domain/measures/scorecard.ts';
import type { Database } from '../db/database.ts';
import { COUNTED_BREAKDOWNS, countAnswers } from './counts.ts';
import { inequalityGaps } from './gaps.ts';
import { analystOverview } from './overview.ts';
import { flaggedResponses } from './safety.ts';

/** How many months of trend the dashboard draws. */
export const DASHBOARD_MONTHS = 12;

/**
 * The latest month with feedback that is not after the server's own month: no answer can choose the
 * month an analyst sees first.
 */
export async function latestPeriod(db: Database, now: Date): Promise<string> {
  const current = ukMonth(now);
  const [row] = await db.query<{ period: string | null }>(
    `select to_char(max(period), 'YYYY-MM') as period from feedback_responses where period <= $1::date`,
    [periodDate(current)],
  );
  return row?.period ?? current;
}

export async function analystDashboard(
  db: Database,
  options: { period?: string; filter: CountFilter; now: Date },
): Promise<DashboardResponse> {
  const period = options.period ?? (await latestPeriod(db, options.now));
  const filter = options.filter;
  const [previous, current] = await countAnswers(db, {
    from: previousMonth(period),
    to: period,
    breakdowns: COUNTED_BREAKDOWNS,
    filter,
  });
  if (!previous || !current) throw new Error('The dashboard needs its month and the month before');
  const overview = await analystOverview(db, {
    to: period,
    months: DASHBOARD_MONTHS,
    filter,
    now: options.now,
  });
  return {
    generatedAt: options.now.toISOString(),
    period,
    filter,
    rows: toScorecardJson(analystScorecard(current, previous)),
    gaps: inequalityGaps(current),
    trend: overview.measures,
    flagged: await flaggedResponses(db, period, filter),
  };
}
