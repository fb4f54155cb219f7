import type { Gap, GapGroup } from '../../domain/api/analyst.ts';
import { computeMeasures, inequalityGap, type MeasureCell } from '../../domain/measures/compute.ts';
import type { PeriodCounts } from '../../domain/measures/scorecard.ts';
import type { CountedBreakdown } from './counts.ts';

/**
 * The seventh outcome as a gap on each measure: for each way of grouping people, the two groups furthest
 * apart among those whose shares pass disclosure control, each with its interval (docs/measures.md).
 */
export const GAP_BREAKDOWNS: readonly CountedBreakdown[] = [
  'age',
  'district',
  'respondent',
  'sex',
  'ethnicity',
  'disability',
];

export function inequalityGaps(month: PeriodCounts): Gap[] {
  const headline = computeMeasures(month.all);
  const gaps: Gap[] = [];
  for (const total of headline) {
    for (const breakdown of GAP_BREAKDOWNS) {
      const rows = month.by?.[breakdown];
      if (!rows) continue;
      const cells = computeMeasures(rows, breakdown).filter((c) => c.measure === total.measure);
      const gap = cells.length > 1 ? inequalityGap(cells, { total }) : null;
      if (!gap) continue;
      const unrounded = (group: string) => cells.find((c) => c.group === group) as MeasureCell;
      gaps.push({
        measure: total.measure,
        breakdown,
        gap: gap.gap,
        higher: gapGroup(unrounded(gap.higher.group)),
        lower: gapGroup(unrounded(gap.lower.group)),
      });
    }
  }
  return gaps;
}

function gapGroup(cell: MeasureCell): GapGroup {
  return {
    group: cell.group,
    n: cell.n,
    positive: cell.positive,
    share: cell.share ?? 0,
    ciLow: cell.interval?.low ?? 0,
    ciHigh: cell.interval?.high ?? 0,
  };
}
