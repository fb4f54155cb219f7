import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CountRow } from '../../src/domain/measures/compute.ts';
import {
  analystScorecard,
  formatDecimal,
  publicScorecard,
  toScorecardCsv,
  toScorecardJson,
  withChanges,
  type PeriodCounts,
  type ScorecardRow,
} from '../../src/domain/measures/scorecard.ts';
import { wilsonInterval } from '../../src/domain/measures/wilson.ts';

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
/** The public scorecard as the public page serves it: March as published, changes against February's. */
const published = () => withChanges(publicScorecard(current), publicScorecard(previous));

/*
 * The fixture, worked by hand (March 2025 against February), district and how-answered breakdowns.
 * Every record key is 1, so a cell's key is its own count (modulo 256).
 *
 * control: Chelmsford 34 (22 positive; 3 "prefer not to say" out), Colchester 18 (12), Harlow 6 (3),
 *   no district 15 (10, with help); 5 on-behalf answers in Chelmsford (2) stay out of the headline.
 *   Headline 73 (47) = 0.6438. Harlow has fewer than 10, so "no district" (15, the next-smallest) is
 *   withheld with it: 21 together. How answered: own 58 (37), with help 15 (10), on behalf 5.
 *   February: headline 40 (20) = 0.5, Chelmsford 20 (15) = 0.75, Colchester 8, Harlow 12 (1).
 * safe: Chelmsford 15 with 3 positive (withheld: small count), Colchester 23 (8), withheld beside it as
 *   the smallest other cell, Harlow 29 (20). Headline 67 (31) = 0.4627; February 50 (25).
 * info: Chelmsford 10 of 10 ("not looked" out), Colchester 0 of 12: 100% and 0% are shown.
 * The other eight measures had no answers: a headline of 0 each, with nothing withheld.
 *
 * Published, perturbed by the table (keys 0–37 down 2, 38–101 down 1, 102–153 as they are, …; the
 * spread narrows to 0 at the floor: 5 for a part, 10 for a whole base):
 *   control headline: positive 47 (key 47) → 46; complement 26 (key 26) → 24; base 70; share 0.6571.
 *   control with help: positive 10 (key 10) → 8; complement 5 stays 5 (at the floor); base 13.
 *   safe Chelmsford, positive withheld: base 15 (key 15) → 13.
 *   info Chelmsford: all 10 positive, a whole base at its floor, stays 10: 100%.
 */
describe('the monthly scorecard', () => {
  it('matches the hand-worked public CSV byte for byte', () => {
    expect(toScorecardCsv(published(), { revision: 1, note: null })).toBe(fixture('expected-public.csv'));
  });

  it('matches the hand-worked analysts’ CSV, with true counts and reasons, byte for byte', () => {
    expect(toScorecardCsv(analystScorecard(current, previous))).toBe(fixture('expected-analyst.csv'));
  });

  it('has the columns docs/measures.md names, in its order, and ends every line with CRLF', () => {
    const csv = toScorecardCsv(published(), { revision: 1, note: null });
    expect(csv.split('\r\n')[0]).toBe(
      'measure_id,outcome,period,breakdown,group,n,positive,share,ci_low,ci_high,suppressed,' +
        'change_vs_previous_month,small_sample,revision,revision_note',
    );
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });

  it('works every public share and interval out from the published counts, never from the true ones', () => {
    for (const row of publicScorecard(current)) {
      if (row.share === null) continue;
      const n = row.n as number;
      const k = row.positive as number;
      expect(row.share).toBe(k / n);
      expect([row.ciLow, row.ciHigh]).toEqual([wilsonInterval(k, n)?.low, wilsonInterval(k, n)?.high]);
    }
  });

  it('says only "withheld" to the public, never which cell was the small one', () => {
    const reasons = new Set(publicScorecard(current).map((r) => r.suppressed));
    expect([...reasons]).toEqual([null, 'withheld']);
  });

  it('publishes no equality breakdown, even when the month has them counted', () => {
    const withEquality: PeriodCounts = {
      ...current,
      by: { district: input.current.rows, sex: input.current.rows },
    };
    expect(new Set(publicScorecard(withEquality).map((r) => r.breakdown))).toEqual(
      new Set(['all', 'district', 'how-answered']),
    );
    expect(analystScorecard(withEquality).some((r) => r.breakdown === 'sex')).toBe(true);
  });

  it('gives no change beside a share the public cannot see, this month or last', () => {
    const colchester = published().find((r) => r.measureId === 'control' && r.group === 'colchester');
    // A share this month, but only 8 answers in February.
    expect(colchester?.share).toBeCloseTo(0.6667, 4);
    expect(colchester?.changeVsPreviousMonth).toBeNull();
  });

  it('gives the same rows as JSON, with the small-sample flag', () => {
    const json = toScorecardJson(published());
    expect(json[0]).toEqual({
      measure_id: 'control',
      outcome: 'independence-and-wellbeing',
      period: '2025-03',
      breakdown: 'all',
      group: 'all',
      n: 70,
      positive: 46,
      share: 0.6571,
      ci_low: 0.5404,
      ci_high: 0.7575,
      suppressed: null,
      change_vs_previous_month: 0.1571,
      small_sample: false,
    });
    expect(json.find((r) => r.measure_id === 'control' && r.group === 'colchester')?.small_sample).toBe(true);
  });

  it('works without a previous month, giving no changes', () => {
    const rows = analystScorecard(current);
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
      'control,independence-and-wellbeing,2025-03,district,"a ""quoted"", group",10,5,0.5000,0.2366,0.7634,,0.0000,true,,',
    );
  });

  it('carries a republication’s revision and note on every row, a formula made plain text', () => {
    const [, line] = toScorecardCsv([row], { revision: 2, note: '=HYPERLINK("x") Left out, a burst' }).split(
      '\r\n',
    );
    expect(line?.endsWith(',true,2,"\'=HYPERLINK(""x"") Left out, a burst"')).toBe(true);
  });

  it('writes four decimal places and never a negative zero', () => {
    expect(formatDecimal(2 / 3)).toBe('0.6667');
    expect(formatDecimal(-0.10294)).toBe('-0.1029');
    expect(formatDecimal(-0.00004)).toBe('0.0000');
    expect(formatDecimal(1)).toBe('1.0000');
    expect(formatDecimal(null)).toBe('');
  });
});
