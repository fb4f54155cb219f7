import type { Audience, ScorecardJsonRow, Suppressed } from '../api/measures.ts';
import { PROXY } from '../feedback/about.ts';
import {
  BREAKDOWNS,
  changeVsPreviousMonth,
  computeMeasures,
  type Breakdown,
  type CountRow,
  type MeasureCell,
} from './compute.ts';
import { protectCells, WITHHELD, type ProtectedFigures } from './disclosure.ts';

/**
 * The monthly scorecard (docs/measures.md, "The scorecard export"): one row per measure and breakdown
 * cell, as CSV and JSON. The public version is made once, when a month is published, through disclosure
 * control, and carries no equality breakdowns; the analysts' version carries the true counts of every
 * breakdown and is only for signed-in analysts.
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
  'small_sample',
  'revision',
  'revision_note',
] as const;

/** The JSON row, the audiences and what `suppressed` may say are declared once, in the measures' contract. */
export type { Audience, ScorecardJsonRow, Suppressed };

/** Shares, interval ends and changes are written with this many decimal places. */
export const SCORECARD_DECIMALS = 4;

/** What the public may see a month broken down by: never the equality answers, which single people out. */
export const PUBLIC_BREAKDOWNS = ['district', 'respondent', 'age', 'channel', 'how-answered'] as const;
export type PublicBreakdown = (typeof PUBLIC_BREAKDOWNS)[number];

export function isPublicBreakdown(breakdown: string): breakdown is PublicBreakdown {
  return (PUBLIC_BREAKDOWNS as readonly string[]).includes(breakdown);
}

/** `change_vs_previous_month` → `changeVsPreviousMonth`. */
type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : S;

/**
 * A scorecard row as the code holds it, stores it in a publication and turns it into CSV and JSON: the
 * JSON row's own fields under camelCase names, its shares and intervals not yet rounded. Derived, not
 * declared, so a field added to the JSON row is a field here too, and every builder of a row must fill it.
 */
export type ScorecardRow = { [K in keyof ScorecardJsonRow & string as CamelCase<K>]: ScorecardJsonRow[K] };

/** A month's counts, all from one snapshot of the database so that breakdowns add up to the headline. */
export interface PeriodCounts {
  /** `YYYY-MM`. */
  period: string;
  /** Every count of the month, proxies included; `group` is not read. Also gives `how-answered`. */
  all: readonly CountRow[];
  /** The same counts split by each further breakdown the scorecard shows, `group` set. */
  by?: Partial<Record<Exclude<Breakdown, 'how-answered'>, readonly CountRow[]>>;
}

interface Figures {
  cell: MeasureCell;
  shown: ProtectedFigures;
}

/**
 * The public scorecard of a month, as it is published: every measure's headline and its public
 * breakdowns through `protectCells`, in scorecard order, without changes (those come from the month
 * before as it was published: `withChanges`).
 */
export function publicScorecard(current: PeriodCounts): ScorecardRow[] {
  return monthFigures(current, PUBLIC_BREAKDOWNS).map(({ cell, shown }) =>
    scorecardRow(cell, current.period, {
      ...shown,
      suppressed: shown.suppressed ? WITHHELD : null,
    }),
  );
}

/**
 * The analysts' scorecard: true counts for every breakdown counted, each with the reason the public
 * version withholds it (if it does), and each share's change since `previous` on true counts.
 */
export function analystScorecard(current: PeriodCounts, previous?: PeriodCounts): ScorecardRow[] {
  const rows = (counts: PeriodCounts) =>
    monthFigures(counts, BREAKDOWNS).map(({ cell, shown }) =>
      scorecardRow(cell, counts.period, {
        n: cell.n,
        positive: cell.positive,
        share: cell.share,
        interval: cell.interval,
        suppressed: shown.suppressed,
        smallSample: shown.smallSample,
      }),
    );
  return withChanges(rows(current), previous ? rows(previous) : []);
}

/** The rows with each share's change since the same cell in `previous` (rows of the month before). */
export function withChanges(
  rows: readonly ScorecardRow[],
  previous: readonly ScorecardRow[],
): ScorecardRow[] {
  const shares = (list: readonly ScorecardRow[]) =>
    list.map((r) => ({ measure: r.measureId, breakdown: r.breakdown, group: r.group, share: r.share }));
  const changes = changeVsPreviousMonth(shares(rows), shares(previous));
  return rows.map((r, i) => ({ ...r, changeVsPreviousMonth: changes[i] ?? null }));
}

/** One scorecard row: which cell it is, in which month, with the figures this audience may see. */
export function scorecardRow(
  cell: { measure: ScorecardRow['measureId'] } & Pick<MeasureCell, 'outcome' | 'breakdown' | 'group'>,
  period: string,
  figures: Omit<ProtectedFigures, 'suppressed'> & { suppressed: Suppressed | null },
): ScorecardRow {
  return {
    measureId: cell.measure,
    outcome: cell.outcome,
    period,
    breakdown: cell.breakdown,
    group: cell.group,
    n: figures.n,
    positive: figures.positive,
    share: figures.share,
    ciLow: figures.interval?.low ?? null,
    ciHigh: figures.interval?.high ?? null,
    suppressed: figures.suppressed,
    smallSample: figures.smallSample,
    changeVsPreviousMonth: null,
  };
}

/**
 * Every cell of the month in scorecard order (measures in questionnaire order; each headline, then its
 * breakdowns in `BREAKDOWNS` order, groups in their usual order), with what the public may see of it.
 */
function monthFigures(counts: PeriodCounts, breakdowns: readonly Breakdown[]): Figures[] {
  const headline = computeMeasures(counts.all);
  const byBreakdown = BREAKDOWNS.filter((b) => breakdowns.includes(b)).flatMap((b) => {
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
  return protectCells(
    cells.map((cell) => ({
      n: cell.n,
      positive: cell.positive,
      nKey: cell.nKey,
      positiveKey: cell.positiveKey,
      cell,
    })),
    total ? { total } : {},
  ).map(({ cell, ...shown }) => ({ cell, shown }));
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
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV record by column; `never`, which nothing can be assigned to, while a JSON field has no column. */
type CsvRecord = [Exclude<keyof ScorecardJsonRow, (typeof SCORECARD_COLUMNS)[number]>] extends [never]
  ? Record<(typeof SCORECARD_COLUMNS)[number], string>
  : never;

/** Which publication of a month the rows are: the first is revision 1; a republication has a note. */
export interface Revision {
  revision: number;
  note: string | null;
}

/**
 * The scorecard as CSV (RFC 4180): a header row of `SCORECARD_COLUMNS`, then one record per row, each
 * line ended by CRLF, the last one too. Withheld figures and missing changes are empty fields; a
 * published month's revision and its note are on every row, empty in the analysts' live version.
 * A note that a spreadsheet would run as a formula is prefixed with an apostrophe.
 */
export function toScorecardCsv(rows: readonly ScorecardRow[], revision?: Revision): string {
  const note = revision?.note ? neutraliseFormula(revision.note) : '';
  const records = rows.map((r) => {
    const fields: CsvRecord = {
      measure_id: r.measureId,
      outcome: r.outcome,
      period: r.period,
      breakdown: r.breakdown,
      group: r.group,
      n: formatCount(r.n),
      positive: formatCount(r.positive),
      share: formatDecimal(r.share),
      ci_low: formatDecimal(r.ciLow),
      ci_high: formatDecimal(r.ciHigh),
      suppressed: r.suppressed ?? '',
      change_vs_previous_month: formatDecimal(r.changeVsPreviousMonth),
      small_sample: r.smallSample ? 'true' : 'false',
      revision: revision ? String(revision.revision) : '',
      revision_note: note,
    };
    return SCORECARD_COLUMNS.map((column) => fields[column]);
  });
  return [[...SCORECARD_COLUMNS], ...records]
    .map((fields) => fields.map(csvField).join(',') + '\r\n')
    .join('');
}

/** OWASP, "CSV Injection": text starting like a formula is made plain text. */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** The same rows for JSON: the CSV's columns and decimals, nulls for empty fields; revision apart. */
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
