import { previousMonth, type Breakdown } from '../../domain/measures/compute.ts';
import {
  scorecardRows,
  toScorecardJson,
  type Audience,
  type ScorecardJsonRow,
  type ScorecardRow,
} from '../../domain/measures/scorecard.ts';
import type { Database } from '../db/database.ts';
import { COUNTED_BREAKDOWNS, countAnswers, type CountFilter } from './counts.ts';

/**
 * The full monthly scorecard for `period`: every measure, its headline and every breakdown, with the
 * change since the month before. `public` passes through disclosure control; `analyst` is unrounded.
 * This is what the benchmark times over 1,000,000 stored answers.
 */
export async function computeScorecard(
  db: Database,
  period: string,
  audience: Audience,
  filter?: CountFilter,
): Promise<ScorecardRow[]> {
  const [previous, current] = await countAnswers(db, {
    from: previousMonth(period),
    to: period,
    breakdowns: COUNTED_BREAKDOWNS,
    ...(filter ? { filter } : {}),
  });
  if (!previous || !current) throw new Error('A scorecard needs its month and the month before');
  return scorecardRows(current, previous, audience);
}

/**
 * The measures of one month, the headline and (if asked) one breakdown, with their change since the
 * month before. A breakdown's figures are the same as in the scorecard: disclosure control looks at a
 * breakdown's cells together with its total, and nothing else.
 */
export async function measuresFor(
  db: Database,
  options: { period: string; breakdown?: Breakdown; audience: Audience; filter?: CountFilter },
): Promise<ScorecardJsonRow[]> {
  const { period, breakdown, audience, filter } = options;
  const counted = breakdown && breakdown !== 'how-answered' ? [breakdown] : [];
  const [previous, current] = await countAnswers(db, {
    from: previousMonth(period),
    to: period,
    breakdowns: counted,
    ...(filter ? { filter } : {}),
  });
  if (!previous || !current) throw new Error('Measures need their month and the month before');
  const rows = scorecardRows(current, previous, audience).filter(
    (row) => row.breakdown === 'all' || row.breakdown === breakdown,
  );
  return toScorecardJson(rows);
}
