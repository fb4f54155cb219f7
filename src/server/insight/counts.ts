import type { CountFilter } from '../../domain/api/analyst.ts';
import type { HowAnswered } from '../../domain/feedback/about.ts';
import type { QuestionId } from '../../domain/feedback/questions.ts';
import type { Breakdown, CountRow } from '../../domain/measures/compute.ts';
import { monthsBetween, periodDate } from '../../domain/measures/periods.ts';
import type { PeriodCounts } from '../../domain/measures/scorecard.ts';
import type { Database, Queryable } from '../db/database.ts';

/**
 * Counting in SQL: each breakdown is one `group by` over the answers table, which carries every
 * response's month, groups and record key and is indexed by month, so a month of a million answers is
 * counted by the database and only the totals (and the sums of record keys, for the cell keys) come
 * back. Answers an analyst left out are not counted. The arithmetic is `computeMeasures` in the domain.
 */

/** The breakdowns the answers table is counted by; `how-answered` needs no query of its own. */
export type CountedBreakdown = Exclude<Breakdown, 'how-answered'>;

export const COUNTED_BREAKDOWNS: readonly CountedBreakdown[] = [
  'district',
  'respondent',
  'age',
  'channel',
  'sex',
  'ethnicity',
  'disability',
];

/** The answers table's column for each breakdown: names from code, never from a request. */
const COLUMN: Record<CountedBreakdown, string> = {
  district: 'district',
  respondent: 'respondent',
  age: 'age_band',
  channel: 'channel',
  sex: 'sex',
  ethnicity: 'ethnic_group',
  disability: 'disability',
};

export interface CountRequest {
  /** `YYYY-MM`, the first and last months counted. */
  from: string;
  to: string;
  /** Breakdowns to split by; with none, only the headline counts. */
  breakdowns?: readonly CountedBreakdown[];
  filter?: CountFilter;
}

interface CountedRow {
  period: string;
  question: QuestionId;
  answer: string;
  howAnswered: HowAnswered;
  group: string | null;
  count: number;
  keySum: number;
}

/**
 * Every month from `from` to `to` with its counts: `all` (which also gives `how-answered`) and one set
 * per breakdown asked for. All queries read one snapshot, so each breakdown adds up to the headline.
 */
export async function countAnswers(db: Database, request: CountRequest): Promise<PeriodCounts[]> {
  return db.transaction(async (tx) => {
    // One snapshot for every query, so a response stored in between cannot unbalance the breakdowns.
    await tx.query('set transaction isolation level repeatable read, read only');
    return countAnswersIn(tx, request);
  });
}

/** `countAnswers` inside a transaction the caller opened (at repeatable read, for one snapshot). */
export async function countAnswersIn(tx: Queryable, request: CountRequest): Promise<PeriodCounts[]> {
  const breakdowns = request.breakdowns ?? [];
  const months = monthsBetween(request.from, request.to);
  const by: Partial<Record<CountedBreakdown, CountedRow[]>> = {};
  for (const breakdown of breakdowns) by[breakdown] = await countBy(tx, request, breakdown);
  const all =
    breakdowns.length > 0 ? (by[breakdowns[0] as CountedBreakdown] ?? []) : await countBy(tx, request);
  return months.map((period) => ({
    period,
    all: inMonth(all, period),
    by: Object.fromEntries(breakdowns.map((breakdown) => [breakdown, inMonth(by[breakdown] ?? [], period)])),
  }));
}

function inMonth(rows: readonly CountedRow[], period: string): CountRow[] {
  const out: CountRow[] = [];
  for (const row of rows) {
    if (row.period === period)
      out.push({
        question: row.question,
        answer: row.answer,
        howAnswered: row.howAnswered,
        group: row.group,
        count: row.count,
        keySum: row.keySum,
      });
  }
  return out;
}

async function countBy(
  tx: Queryable,
  request: CountRequest,
  breakdown?: CountedBreakdown,
): Promise<CountedRow[]> {
  const params: unknown[] = [periodDate(request.from), periodDate(request.to)];
  const where = ['period between $1::date and $2::date', 'exclusion_id is null'];
  if (request.filter?.district !== undefined) {
    params.push(request.filter.district);
    where.push(`district = $${params.length}`);
  }
  if (request.filter?.respondent !== undefined) {
    params.push(request.filter.respondent);
    where.push(`respondent = $${params.length}`);
  }
  const column = breakdown ? COLUMN[breakdown] : 'null::text';
  const groupBy = breakdown ? `, ${COLUMN[breakdown]}` : '';
  return tx.query<CountedRow>(
    `select to_char(period, 'YYYY-MM') as period, question, answer, how_answered as "howAnswered",
            ${column} as "group", count(*)::int as count, (sum(record_key) % 256)::int as "keySum"
     from feedback_answers
     where ${where.join(' and ')}
     group by period, question, answer, how_answered${groupBy}`,
    params,
  );
}
