import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CountRow } from '../../src/domain/measures/compute.ts';
import {
  formatDecimal,
  scorecardRows,
  toScorecardCsv,
  toScorecardJson,
  type PeriodCounts,
  type ScorecardRow,
} from '../../src/domain/measures/scorecard.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/scorecard/${name}`, import.meta.url), 'utf8');

interface Month {
  period: string;
  rows: CountRow[];
}
const input = JSON.parse(fixture('counts.json')) as { current: Month; previous: Month };
const month = ({ period, rows }: Month): PeriodCounts => ({ period, all: rows, by: { district: rows } });
const current = month(input.current);
const previous = month(input.previous);

/*
 * The fixture, worked by hand (March 2025 against February), district and how-answered breakdowns:
 *
 * control: Chelmsford 34 (22 positive; 3 "prefer not to say" out), Colchester 18 (12), Harlow 6 (3),
 *   no district 15 (10, with help); 5 on-behalf answers in Chelmsford (2) stay out of the headline.
 *   Headline 73 (47) = 0.6438. Harlow has fewer than 10, so "no district" (15, the next-smallest) is
 *   withheld with it. How answered: own 58 (37), with help 15 (10), on behalf 5 (fewer than 10).
 *   February: headline 40 (20) = 0.5, Chelmsford 20 (15) = 0.75, Colchester 8, Harlow 12 (1).
 * safe: Chelmsford 15 with 3 positive (withheld: small count), Colchester 23 (8), withheld beside it as
 *   the next-smallest positive count, Harlow 29 (20). Headline 67 (31) = 0.4627; February 50 (25).
 * info: Chelmsford 10 of 10 ("not looked" out), Colchester 0 of 12: 100% and 0% are shown.
 * The other eight measures had no answers: a headline of 0 each.
 */
describe('the monthly scorecard', () => {
  it('matches the hand-worked public CSV byte for byte', () => {
    expect(toScorecardCsv(scorecardRows(current, previous, 'public'))).toBe(fixture('expected-public.csv'));
  });

  it('matches the hand-worked analysts’ CSV, with unrounded counts, byte for byte', () => {
    expect(toScorecardCsv(scorecardRows(current, previous, 'analyst'))).toBe(fixture('expected-analyst.csv'));
  });

  it('has the columns MEASURES.md names, in its order, and ends every line with CRLF', () => {
    const csv = toScorecardCsv(scorecardRows(current, previous, 'public'));
    expect(csv.split('\r\n')[0]).toBe(
      'measure_id,outcome,period,breakdown,group,n,positive,share,ci_low,ci_high,suppressed,change_vs_previous_month',
    );
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });

  it('never publishes a count from 1 to 4, nor a count that is not a multiple of 5', () => {
    for (const row of scorecardRows(current, previous, 'public')) {
      for (const count of [row.n, row.positive]) {
        if (count !== null) expect(count % 5).toBe(0);
      }
    }
  });

  it('gives no change beside a share the public cannot see, this month or last', () => {
    const rows = scorecardRows(current, previous, 'public');
    const colchester = rows.find((r) => r.measureId === 'control' && r.group === 'colchester');
    // 12/18 this month, but only 8 answers in February.
    expect(colchester?.share).toBeCloseTo(0.6667, 4);
    expect(colchester?.changeVsPreviousMonth).toBeNull();
  });

  it('gives the same rows as JSON, with the small-sample flag the CSV has no column for', () => {
    const json = toScorecardJson(scorecardRows(current, previous, 'public'));
    expect(json[0]).toEqual({
      measure_id: 'control',
      outcome: 'independence-and-wellbeing',
      period: '2025-03',
      breakdown: 'all',
      group: 'all',
      n: 75,
      positive: 45,
      share: 0.6438,
      ci_low: 0.5293,
      ci_high: 0.744,
      suppressed: null,
      change_vs_previous_month: 0.1438,
      small_sample: false,
    });
    expect(json.find((r) => r.measure_id === 'control' && r.group === 'colchester')?.small_sample).toBe(true);
  });

  it('refuses a "previous" month that is not the month before', () => {
    expect(() => scorecardRows(current, { ...previous, period: '2025-01' }, 'public')).toThrow(RangeError);
  });

  it('works without a previous month, giving no changes', () => {
    const rows = scorecardRows(current, undefined, 'analyst');
    expect(rows.every((r) => r.changeVsPreviousMonth === null)).toBe(true);
  });
});

describe('CSV details', () => {
  const row: ScorecardRow = {
    measureId: 'control',
    outcome: 'independence-and-wellbeing',
    period: '2025-03',
    breakdown: 'district',
    group: 'a "quoted", group',
    n: 10,
    positive: 5,
    share: 0.5,
    ciLow: 0.2366,
    ciHigh: 0.7634,
    suppressed: null,
    smallSample: true,
    changeVsPreviousMonth: -0.00001,
  };

  it('quotes a field holding a comma or a quote, doubling the quotes (RFC 4180)', () => {
    const [, line] = toScorecardCsv([row]).split('\r\n');
    expect(line).toBe(
      'control,independence-and-wellbeing,2025-03,district,"a ""quoted"", group",10,5,0.5000,0.2366,0.7634,,0.0000',
    );
  });

  it('writes four decimal places and never a negative zero', () => {
    expect(formatDecimal(2 / 3)).toBe('0.6667');
    expect(formatDecimal(-0.10294)).toBe('-0.1029');
    expect(formatDecimal(-0.00004)).toBe('0.0000');
    expect(formatDecimal(1)).toBe('1.0000');
    expect(formatDecimal(null)).toBe('');
  });
});
