import { describe, expect, it } from 'vitest';
import type { HowAnswered } from '../../src/domain/feedback/about.ts';
import type { QuestionId } from '../../src/domain/feedback/questions.ts';
import {
  changeVsPreviousMonth,
  computeMeasures,
  inequalityGap,
  type CountRow,
  type MeasureCell,
} from '../../src/domain/measures/compute.ts';
import { wilsonInterval } from '../../src/domain/measures/wilson.ts';

function counts(
  question: QuestionId,
  howAnswered: HowAnswered,
  group: string | null,
  byAnswer: Record<string, number>,
): CountRow[] {
  // Every record key 3, so a cell's key is three times its count (modulo 256).
  return Object.entries(byAnswer).map(([answer, count]) => ({
    question,
    answer,
    howAnswered,
    group,
    count,
    keySum: 3 * count,
  }));
}

const find = (cells: MeasureCell[], measure: QuestionId, group = 'all') =>
  cells.find((c) => c.measure === measure && c.group === group);

describe('a measure’s headline figure', () => {
  const rows = [
    ...counts('info', 'own', 'basildon', {
      'very-easy': 4,
      'fairly-easy': 8,
      'fairly-difficult': 5,
      'very-difficult': 3,
      'not-looked': 6,
      'prefer-not-to-say': 2,
    }),
    ...counts('info', 'with-help', null, { 'very-easy': 1, 'very-difficult': 1 }),
    ...counts('info', 'on-behalf', 'basildon', { 'very-difficult': 9 }),
  ];

  it('counts the base less "prefer not to say", answers out of the base, and proxies', () => {
    // Own: 4 + 8 + 5 + 3 = 20 (6 "not looked" and 2 "prefer not to say" left out); with help: 2.
    // The 9 answers given on someone’s behalf are not in the headline.
    const cell = find(computeMeasures(rows), 'info');
    expect(cell).toMatchObject({
      breakdown: 'all',
      group: 'all',
      n: 22,
      positive: 13,
      outcome: 'positive-experience',
    });
    expect(cell?.share).toBeCloseTo(13 / 22, 10);
    // Wilson, 13 of 22: centre (0.59091 + 0.08731)/1.17462 = 0.57739, half-width 1.66863 · 0.11390 = 0.19005.
    expect(cell?.interval?.low).toBeCloseTo(0.3873, 4);
    expect(cell?.interval?.high).toBeCloseTo(0.7674, 4);
  });

  it('adds up the record keys of the base and of the positives into their cell keys, modulo 256', () => {
    // Every record key is 3 here: the base's 22 answers give 66, the 13 positive ones 39.
    expect(find(computeMeasures(rows), 'info')).toMatchObject({ nKey: 66, positiveKey: 39 });
    const many = computeMeasures(counts('safe', 'own', null, { 'as-safe-as-i-want': 90, 'not-safe': 10 }));
    expect(find(many, 'safe')).toMatchObject({
      n: 100,
      nKey: 300 % 256,
      positive: 90,
      positiveKey: 270 % 256,
    });
  });

  it('keeps "don’t know" in the experience base but out of the belonging base', () => {
    const cells = computeMeasures([
      ...counts('experience', 'own', null, { good: 6, 'dont-know': 4 }),
      ...counts('belong', 'own', null, { agree: 6, 'dont-know': 4 }),
    ]);
    expect(find(cells, 'experience')).toMatchObject({ n: 10, positive: 6, share: 0.6 });
    expect(find(cells, 'belong')).toMatchObject({ n: 6, positive: 6, share: 1 });
  });

  it('counts "no" but not "not sure" in whether support helped people feel safer', () => {
    const cells = computeMeasures(counts('safer', 'own', null, { yes: 7, no: 3, 'not-sure': 5 }));
    expect(find(cells, 'safer')).toMatchObject({ n: 10, positive: 7, share: 0.7 });
  });

  it('reports every measure, with no share where nobody answered', () => {
    const cells = computeMeasures(rows);
    expect(cells).toHaveLength(11);
    expect(find(cells, 'control')).toEqual({
      measure: 'control',
      outcome: 'independence-and-wellbeing',
      breakdown: 'all',
      group: 'all',
      n: 0,
      positive: 0,
      nKey: 0,
      positiveKey: 0,
      share: null,
      interval: null,
    });
  });
});

describe('a measure broken down', () => {
  const rows = [
    ...counts('safe', 'own', 'tendring', { 'as-safe-as-i-want': 10, 'safe-enough': 10 }),
    ...counts('safe', 'own', 'basildon', { 'as-safe-as-i-want': 3, 'not-safe': 1 }),
    ...counts('safe', 'with-help', null, { 'as-safe-as-i-want': 2, 'less-safe': 2 }),
    ...counts('safe', 'on-behalf', 'tendring', { 'not-safe': 5 }),
    ...counts('safe', 'own', 'colchester', { 'prefer-not-to-say': 2 }),
  ];

  it('by district, in the usual order, with those who gave no district last and proxies left out', () => {
    const cells = computeMeasures(rows, 'district');
    expect(cells.map((c) => [c.group, c.n, c.positive])).toEqual([
      ['basildon', 4, 3],
      ['colchester', 0, 0],
      ['tendring', 20, 10],
      ['not-stated', 4, 2],
    ]);
    expect(cells.every((c) => c.breakdown === 'district' && c.measure === 'safe')).toBe(true);
  });

  it('adds up to the headline', () => {
    const sum = computeMeasures(rows, 'district').reduce((s, c) => s + c.n, 0);
    expect(sum).toBe(find(computeMeasures(rows), 'safe')?.n);
  });

  it('by how the answers were given, with the proxy answers as their own group', () => {
    const cells = computeMeasures(rows, 'how-answered');
    expect(cells.map((c) => [c.group, c.n, c.positive])).toEqual([
      ['own', 24, 13],
      ['with-help', 4, 2],
      ['on-behalf', 5, 0],
    ]);
  });
});

describe('the inequality gap', () => {
  const cell = (group: string, n: number, positive: number): MeasureCell => ({
    measure: 'belong',
    outcome: 'reduced-inequalities',
    breakdown: 'age',
    group,
    n,
    positive,
    nKey: 0,
    positiveKey: 128,
    share: n ? positive / n : null,
    interval: n ? wilsonInterval(positive, n) : null,
  });

  it('is the largest difference between two groups whose shares are both published', () => {
    const gap = inequalityGap([
      cell('18-24', 20, 6), // 0.30
      cell('45-54', 40, 30), // 0.75
      cell('85-plus', 8, 1), // fewer than 10: not compared
      cell('65-74', 25, 15), // 0.60
      cell('75-84', 50, 3), // 3 positive is withheld: not compared
      cell('not-stated', 30, 0), // not a group of people
    ]);
    expect(gap?.higher.group).toBe('45-54');
    expect(gap?.lower.group).toBe('18-24');
    expect(gap?.gap).toBeCloseTo(0.45, 10);
  });

  it('comes with both groups’ intervals', () => {
    const gap = inequalityGap([cell('18-24', 10, 5), cell('25-34', 10, 10)]);
    // 5 of 10: [0.2366, 0.7634]; 10 of 10: [0.7225, 1].
    expect(gap?.lower.interval?.low).toBeCloseTo(0.2366, 4);
    expect(gap?.lower.interval?.high).toBeCloseTo(0.7634, 4);
    expect(gap?.higher.interval).toEqual({ low: expect.closeTo(0.7225, 4), high: 1 });
    expect(gap?.gap).toBe(0.5);
  });

  it('does not give away a share withheld to protect another, when given the total', () => {
    const cells = [cell('18-24', 20, 6), cell('45-54', 30, 24), cell('65-74', 40, 24), cell('85-plus', 5, 2)];
    // On its own, 18-24 (0.30) would be the lowest beside 45-54 (0.80).
    expect(inequalityGap(cells)?.lower.group).toBe('18-24');
    // But 18-24 is withheld beside 85-plus, so the gap is between 45-54 and 65-74 (0.60).
    const gap = inequalityGap(cells, { total: { n: 95, positive: 56 } });
    expect([gap?.higher.group, gap?.lower.group]).toEqual(['45-54', '65-74']);
    expect(gap?.gap).toBeCloseTo(0.2, 10);
  });

  it('is not given with fewer than two groups to compare', () => {
    expect(inequalityGap([cell('18-24', 20, 6), cell('85-plus', 8, 1)])).toBeNull();
    expect(inequalityGap([])).toBeNull();
  });

  it('compares one measure at a time', () => {
    expect(() =>
      inequalityGap([cell('18-24', 20, 6), { ...cell('25-34', 20, 6), measure: 'safe' }]),
    ).toThrow();
  });
});

describe('month-on-month change', () => {
  const share = (group: string, value: number | null) => ({
    measure: 'control' as const,
    breakdown: 'district',
    group,
    share: value,
  });

  it('is the difference in share, matched by measure, breakdown and group', () => {
    const changes = changeVsPreviousMonth(
      [share('harlow', 0.65), share('maldon', 0.5), share('rochford', 0.4), share('tendring', null)],
      [share('maldon', 0.6), share('harlow', 0.5), share('tendring', 0.5)],
    );
    expect(changes[0]).toBeCloseTo(0.15, 10);
    expect(changes[1]).toBeCloseTo(-0.1, 10);
    // No share last month for Rochford, none this month for Tendring.
    expect(changes.slice(2)).toEqual([null, null]);
  });
});
