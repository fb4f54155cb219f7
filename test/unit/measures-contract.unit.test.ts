import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Figure, figuresOf, ScorecardJsonRow } from '../../src/domain/api/measures.ts';
import type { CountRow } from '../../src/domain/measures/compute.ts';
import { analystScorecard, SCORECARD_COLUMNS, toScorecardJson } from '../../src/domain/measures/scorecard.ts';

/*
 * A scorecard cell's figures are declared once, in the JSON row's contract; the code's own row, the CSV
 * and the overview's figure are derived from it, and the typecheck fails if one is left behind. These
 * tests check the same at run time, on a real month's rows.
 */

interface Month {
  period: string;
  rows: CountRow[];
}
const input = JSON.parse(
  readFileSync(new URL('../fixtures/scorecard/counts.json', import.meta.url), 'utf8'),
) as { current: Month; previous: Month };
const counts = ({ period, rows }: Month) => ({ period, all: rows, by: { district: rows } });
const rows = analystScorecard(counts(input.current), counts(input.previous));
const snakeCase = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

describe('one declaration of a scorecard row', () => {
  it('holds each row with exactly the JSON row’s fields, camelCased', () => {
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows)
      expect(Object.keys(row).map(snakeCase).sort()).toEqual(Object.keys(ScorecardJsonRow.shape).sort());
  });

  it('writes every JSON field as a CSV column, in the same order, then the revision', () => {
    expect(SCORECARD_COLUMNS).toEqual([...Object.keys(ScorecardJsonRow.shape), 'revision', 'revision_note']);
  });

  it('gives the overview every figure of a row, each under its own name, valid by its contract', () => {
    const json = toScorecardJson(rows);
    const figureNames = Object.keys(Figure.shape).filter((name) => name !== 'period' && name !== 'published');
    for (const row of json) {
      expect(ScorecardJsonRow.safeParse(row).success).toBe(true);
      const figure = Figure.parse({ period: row.period, published: true, ...figuresOf(row) });
      expect(Object.keys(figuresOf(row)).sort()).toEqual([...figureNames].sort());
      expect(figure).toMatchObject({
        n: row.n,
        positive: row.positive,
        share: row.share,
        ciLow: row.ci_low,
        ciHigh: row.ci_high,
        suppressed: row.suppressed,
        change: row.change_vs_previous_month,
        smallSample: row.small_sample,
      });
    }
    // The fixture has withheld cells, small samples and changes, so each name is tried with a value.
    expect(json.some((row) => row.small_sample)).toBe(true);
    expect(json.some((row) => row.suppressed !== null)).toBe(true);
    expect(json.some((row) => row.change_vs_previous_month !== null)).toBe(true);
  });
});
