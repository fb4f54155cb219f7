import { PROXY } from '../feedback/about.ts';
import type { MeasureOutcome, QuestionId } from '../feedback/questions.ts';
import {
  BREAKDOWNS,
  HEADLINE,
  changeVsPreviousMonth,
  computeMeasures,
  previousMonth,
  type Breakdown,
  type CountRow,
  type MeasureCell,
} from './compute.ts';
import { suppressSmallCounts, type PublishedFigures, type SuppressionReason } from './disclosure.ts';

/**
 * The monthly scorecard export (MEASURES.md, "The monthly scorecard export"): one row per measure and
 * breakdown cell, as CSV and JSON. The public version passes through disclosure control; the analysts'
 * version carries the unrounded counts and is only for signed-in analysts.
 */

export const SCORECARD_COLUMNS = [
  'measure_id',
  'outcome',
  'period',
  'breakdown',
  'group',
  'n',
  'positive',
  'share',
  'ci_low',
  'ci_high',
  'suppressed',
  'change_vs_previous_month',
] as const;

/** Shares, interval ends and changes are written with this many decimal places. */
export const SCORECARD_DECIMALS = 4;

export type Audience = 'public' | 'analyst';

export interface ScorecardRow {
  measureId: QuestionId;
  outcome: MeasureOutcome;
  /** `YYYY-MM`. */
  period: string;
  breakdown: Breakdown | typeof HEADLINE;
  group: string;
  n: number | null;
  positive: number | null;
  share: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  /**
   * Why the public version withholds this cell's share. The analysts' version says it too, beside the
   * figures, so an analyst knows what the public cannot see.
   */
  suppressed: SuppressionReason | null;
  /** A public share on fewer than 30 answers. Not a CSV column (MEASURES.md fixes those); in the JSON. */
  smallSample: boolean;
  /** Change in share since the previous month, in share points. */
  changeVsPreviousMonth: number | null;
}

/** A month's counts, all from one snapshot of the database so that breakdowns add up to the headline. */
export interface PeriodCounts {
  /** `YYYY-MM`. */
  period: string;
  /** Every count of the month, proxies included; `group` is not read. Also gives `how-answered`. */
  all: readonly CountRow[];
  /** The same counts split by each further breakdown the scorecard shows, `group` set. */
  by?: Partial<Record<Exclude<Breakdown, 'how-answered'>, readonly CountRow[]>>;
}

interface Figures extends PublishedFigures {
  cell: MeasureCell;
}

/**
 * The scorecard rows for `current`, with each share's change since `previous` (which must be the month
 * before). Measures in questionnaire order; each measure's headline first, then its breakdowns in
 * `BREAKDOWNS` order, groups in their usual order.
 */
export function scorecardRows(
  current: PeriodCounts,
  previous: PeriodCounts | undefined,
  audience: Audience,
): ScorecardRow[] {
  if (previous && previous.period !== previousMonth(current.period)) {
    throw new RangeError(`The month before ${current.period} is not ${previous.period}`);
  }
  const now = monthFigures(current);
  const before = previous ? monthFigures(previous) : [];
  const shareOf = (f: Figures) => (audience === 'public' ? f.share : f.cell.share);
  const changes = changeVsPreviousMonth(
    now.map((f) => ({ ...f.cell, share: shareOf(f) })),
    before.map((f) => ({ ...f.cell, share: shareOf(f) })),
  );
  return now.map((f, i) => {
    const { cell } = f;
    const figures = audience === 'public' ? f : cell;
    return {
      measureId: cell.measure,
      outcome: cell.outcome,
      period: current.period,
      breakdown: cell.breakdown,
      group: cell.group,
      n: figures.n,
      positive: figures.positive,
      share: figures.share,
      ciLow: figures.interval?.low ?? null,
      ciHigh: figures.interval?.high ?? null,
      suppressed: f.suppressed,
      smallSample: f.smallSample,
      changeVsPreviousMonth: changes[i] ?? null,
    };
  });
}

/** Every cell of the month with what the public may see of it, in scorecard order. */
function monthFigures(counts: PeriodCounts): Figures[] {
  const headline = computeMeasures(counts.all);
  const byBreakdown = BREAKDOWNS.flatMap((b) => {
    if (b === 'how-answered') return [computeMeasures(counts.all, b)];
    const rows = counts.by?.[b];
    return rows ? [computeMeasures(rows, b)] : [];
  });
  const figures: Figures[] = [];
  for (const total of headline) {
    figures.push(...disclose([total]));
    for (const cells of byBreakdown) {
      const ofMeasure = cells.filter((c) => c.measure === total.measure);
      // Own and with-help answers add up to the headline; proxy answers are in no published total.
      const inTotal = ofMeasure.filter((c) => !(c.breakdown === 'how-answered' && c.group === PROXY));
      const proxies = ofMeasure.filter((c) => !inTotal.includes(c));
      figures.push(...disclose(inTotal, total), ...disclose(proxies));
    }
  }
  return figures;
}

function disclose(cells: readonly MeasureCell[], total?: MeasureCell): Figures[] {
  return suppressSmallCounts(
    cells.map((cell) => ({ n: cell.n, positive: cell.positive, cell })),
    total ? { total } : {},
  );
}

/**
 * A decimal with `SCORECARD_DECIMALS` places, as `Number#toFixed` rounds the double (half away from
 * zero); no `-0.0000`; empty for a withheld or missing figure.
 */
export function formatDecimal(value: number | null): string {
  if (value === null) return '';
  const text = value.toFixed(SCORECARD_DECIMALS);
  return /^-0\.0*$/.test(text) ? text.slice(1) : text;
}

const formatCount = (value: number | null) => (value === null ? '' : String(value));

/** RFC 4180: a field holding a comma, a quote or a line break is quoted, quotes doubled. */
function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The scorecard as CSV (RFC 4180): a header row of `SCORECARD_COLUMNS`, then one record per row, each
 * line ended by CRLF, the last one too. Withheld figures and missing changes are empty fields.
 */
export function toScorecardCsv(rows: readonly ScorecardRow[]): string {
  const records = rows.map((r) => [
    r.measureId,
    r.outcome,
    r.period,
    r.breakdown,
    r.group,
    formatCount(r.n),
    formatCount(r.positive),
    formatDecimal(r.share),
    formatDecimal(r.ciLow),
    formatDecimal(r.ciHigh),
    r.suppressed ?? '',
    formatDecimal(r.changeVsPreviousMonth),
  ]);
  return [[...SCORECARD_COLUMNS], ...records]
    .map((fields) => fields.map(csvField).join(',') + '\r\n')
    .join('');
}

export interface ScorecardJsonRow {
  measure_id: QuestionId;
  outcome: MeasureOutcome;
  period: string;
  breakdown: Breakdown | typeof HEADLINE;
  group: string;
  n: number | null;
  positive: number | null;
  share: number | null;
  ci_low: number | null;
  ci_high: number | null;
  suppressed: SuppressionReason | null;
  change_vs_previous_month: number | null;
  small_sample: boolean;
}

/** The same rows for JSON: the CSV's columns and decimals, nulls for empty fields, plus `small_sample`. */
export function toScorecardJson(rows: readonly ScorecardRow[]): ScorecardJsonRow[] {
  const decimal = (value: number | null) => (value === null ? null : Number(formatDecimal(value)));
  return rows.map((r) => ({
    measure_id: r.measureId,
    outcome: r.outcome,
    period: r.period,
    breakdown: r.breakdown,
    group: r.group,
    n: r.n,
    positive: r.positive,
    share: decimal(r.share),
    ci_low: decimal(r.ciLow),
    ci_high: decimal(r.ciHigh),
    suppressed: r.suppressed,
    change_vs_previous_month: decimal(r.changeVsPreviousMonth),
    small_sample: r.smallSample,
  }));
}
