import type { CountFilter } from '../../domain/api/analyst.ts';
import type { Breakdown } from '../../domain/measures/compute.ts';
import { previousMonth } from '../../domain/measures/periods.ts';
import {
  analystScorecard,
  isPublicBreakdown,
  publicScorecard,
  toScorecardJson,
  withChanges,
  type Audience,
  type ScorecardJsonRow,
  type ScorecardRow,
} from '../../domain/measures/scorecard.ts';
import { evidenceScorecardRows } from '../../domain/evidence/published.ts';
import type { Database } from '../db/database.ts';
import { evidenceCounts } from '../evidence/published.ts';
import { COUNTED_BREAKDOWNS, countAnswers } from './counts.ts';

/**
 * The full monthly scorecard for `period` from the answers stored now. `analyst`: true counts, every
 * breakdown, the change since the month before. `public`: what publishing the month would store, through
 * disclosure control (the public is only ever served what was stored: `publications.ts`). This is what
 * the benchmark times over 1,000,000 stored answers.
 */
export async function computeScorecard(
  db: Database,
  period: string,
  audience: Audience,
  filter?: CountFilter,
): Promise<ScorecardRow[]> {
  if (audience === 'public') {
    const breakdowns = COUNTED_BREAKDOWNS.filter((b) => isPublicBreakdown(b));
    const [current] = await countAnswers(db, { from: period, to: period, breakdowns });
    if (!current) throw new Error('A scorecard needs its month');
    const evidence = evidenceScorecardRows(period, await evidenceCounts(db, period), 'public');
    return [...publicScorecard(current), ...evidence];
  }
  const [previous, current] = await countAnswers(db, {
    from: previousMonth(period),
    to: period,
    breakdowns: COUNTED_BREAKDOWNS,
    ...(filter ? { filter } : {}),
  });
  if (!previous || !current) throw new Error('A scorecard needs its month and the month before');
  // Unmet need and helpfulness are not answers to the questionnaire: a filter of its answers leaves them out.
  if (filter) return analystScorecard(current, previous);
  const [before, now] = await Promise.all(
    [previousMonth(period), period].map(async (month) =>
      evidenceScorecardRows(month, await evidenceCounts(db, month), 'analyst'),
    ),
  );
  return [...analystScorecard(current, previous), ...withChanges(now ?? [], before ?? [])];
}

/**
 * The analysts' measures of one month as stored now: the headline and (if asked) one breakdown, with
 * their change since the month before, each saying what the public version withholds.
 */
export async function analystMeasures(
  db: Database,
  options: { period: string; breakdown?: Breakdown; filter?: CountFilter },
): Promise<ScorecardJsonRow[]> {
  const { period, breakdown, filter } = options;
  const counted = breakdown && breakdown !== 'how-answered' ? [breakdown] : [];
  const [previous, current] = await countAnswers(db, {
    from: previousMonth(period),
    to: period,
    breakdowns: counted,
    ...(filter ? { filter } : {}),
  });
  if (!previous || !current) throw new Error('Measures need their month and the month before');
  const rows = analystScorecard(current, previous).filter(
    (row) => row.breakdown === 'all' || row.breakdown === breakdown,
  );
  return toScorecardJson(rows);
}
