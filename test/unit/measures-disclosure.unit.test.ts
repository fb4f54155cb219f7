import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suppressSmallCounts, type Counts } from '../../src/domain/measures/disclosure.ts';

const one = (n: number, positive: number) => {
  const [cell] = suppressSmallCounts([{ n, positive }]);
  if (!cell) throw new Error('no cell');
  return cell;
};

describe('what the public may see of a measure', () => {
  it('shows a share on 30 or more answers, with rounded counts and no flag', () => {
    // 22/34 = 0.64706 from the unrounded counts; 34 → 35 and 22 → 20 to the nearest 5.
    expect(one(34, 22)).toEqual({
      n: 35,
      positive: 20,
      share: 22 / 34,
      interval: { low: expect.closeTo(0.4791, 4), high: expect.closeTo(0.7851, 4) },
      suppressed: null,
      smallSample: false,
    });
    expect(one(30, 15)).toMatchObject({ share: 0.5, smallSample: false });
  });

  it('shows a share on 10 to 29 answers flagged as a small sample', () => {
    expect(one(10, 5)).toMatchObject({ n: 10, positive: 5, share: 0.5, suppressed: null, smallSample: true });
    expect(one(29, 20)).toMatchObject({ n: 30, positive: 20, smallSample: true });
  });

  it('says "fewer than 10 responses" and withholds the counts below 10', () => {
    expect(one(9, 5)).toEqual({
      n: null,
      positive: null,
      share: null,
      interval: null,
      suppressed: 'fewer-than-10',
      smallSample: false,
    });
    expect(one(1, 1)).toMatchObject({ n: null, positive: null, suppressed: 'fewer-than-10' });
  });

  it('shows that nobody answered as a zero, with no share', () => {
    expect(one(0, 0)).toEqual({
      n: 0,
      positive: 0,
      share: null,
      interval: null,
      suppressed: 'fewer-than-10',
      smallSample: false,
    });
  });

  it('withholds a positive count of 1 to 4, and the share that would give it away', () => {
    for (const k of [1, 2, 3, 4]) {
      expect(one(50, k)).toEqual({
        n: 50,
        positive: null,
        share: null,
        interval: null,
        suppressed: 'small-count',
        smallSample: false,
      });
    }
    expect(one(50, 5)).toMatchObject({ positive: 5, share: 0.1, suppressed: null });
  });

  it('withholds a count whose complement is 1 to 4: "all but 3 of 40" points at three people', () => {
    for (const k of [36, 37, 38, 39])
      expect(one(40, k)).toMatchObject({ positive: null, suppressed: 'small-count' });
    expect(one(40, 35)).toMatchObject({ positive: 35, share: 0.875, suppressed: null });
  });

  it('shows zeros: nobody positive, or everybody', () => {
    expect(one(12, 0)).toMatchObject({ n: 10, positive: 0, share: 0, suppressed: null });
    expect(one(12, 12)).toMatchObject({ n: 10, positive: 10, share: 1, suppressed: null });
  });

  it('rounds published counts to the nearest 5, but computes the share from the real counts', () => {
    // 47/73 = 0.64384; the rounded 45/75 would say 0.6.
    expect(one(73, 47)).toMatchObject({ n: 75, positive: 45, share: 47 / 73 });
    expect(one(72, 48)).toMatchObject({ n: 70, positive: 50, share: 48 / 72 });
  });

  it('keeps whatever else a cell carries', () => {
    const [cell] = suppressSmallCounts([{ group: 'harlow', n: 20, positive: 10 }]);
    expect(cell?.group).toBe('harlow');
  });
});

/** The exact counts a worst-case reader could still work out by subtracting from the total. */
function recoverable(
  cells: readonly Counts[],
  total: Counts,
  published = suppressSmallCounts(cells, { total }),
): string[] {
  const found: string[] = [];
  for (const dim of ['n', 'positive'] as const) {
    const hidden = published.flatMap((p, i) => (p[dim] === null ? [i] : []));
    // Assume the reader knows every published count exactly, despite rounding.
    const shownSum = cells.reduce((sum, c, i) => sum + (hidden.includes(i) ? 0 : c[dim]), 0);
    if (hidden.length === 1) found.push(`${dim}[${hidden[0]}] = ${total[dim] - shownSum}`);
  }
  return found;
}

describe('secondary suppression within a breakdown whose total is published', () => {
  // A district breakdown of one measure: 40 + 25 + 3 answers, 68 in all; 20 + 12 + 1 positive, 33.
  const districts = [
    { group: 'chelmsford', n: 40, positive: 20 },
    { group: 'colchester', n: 25, positive: 12 },
    { group: 'uttlesford', n: 3, positive: 1 },
  ];
  const total = { n: 68, positive: 33 };

  it('would let anyone find a lone withheld cell by subtraction', () => {
    // Without the total, only Uttlesford is withheld: 68 − 40 − 25 = 3 people, 33 − 20 − 12 = 1 positive.
    const alone = suppressSmallCounts(districts);
    expect(alone.map((c) => c.suppressed)).toEqual([null, null, 'fewer-than-10']);
    expect(recoverable(districts, total, alone)).toEqual(['n[2] = 3', 'positive[2] = 1']);
  });

  it('withholds the next-smallest cell as well', () => {
    const published = suppressSmallCounts(districts, { total });
    expect(published.map((c) => [c.group, c.n, c.positive, c.suppressed])).toEqual([
      ['chelmsford', 40, 20, null],
      ['colchester', null, null, 'secondary'],
      ['uttlesford', null, null, 'fewer-than-10'],
    ]);
  });

  it('leaves no withheld cell recoverable from the total and the published cells', () => {
    expect(recoverable(districts, total)).toEqual([]);
    // What a reader can learn is only the pair’s sum: 68 − 40 = 28 people across Colchester and
    // Uttlesford, which fits Uttlesford having any of 1 to 9 of them.
    const published = suppressSmallCounts(districts, { total });
    const shown = published.reduce((sum, c) => sum + (c.n ?? 0), 0);
    const uttlesfordCanBe = [1, 2, 3, 4, 5, 6, 7, 8, 9].filter((v) => total.n - shown - v >= 10);
    expect(uttlesfordCanBe).toHaveLength(9);
  });

  it('protects a withheld positive count the same way, leaving the bases published', () => {
    // Harlow has 2 positive answers in 20; Basildon’s 14 is the next-smallest positive count.
    const cells = [
      { group: 'basildon', n: 30, positive: 14 },
      { group: 'harlow', n: 20, positive: 2 },
      { group: 'tendring', n: 40, positive: 20 },
    ];
    const withTotal = { n: 90, positive: 36 };
    const published = suppressSmallCounts(cells, { total: withTotal });
    expect(published.map((c) => [c.group, c.n, c.positive, c.share === null, c.suppressed])).toEqual([
      ['basildon', 30, null, true, 'secondary'],
      ['harlow', 20, null, true, 'small-count'],
      ['tendring', 40, 20, false, null],
    ]);
    expect(recoverable(cells, withTotal)).toEqual([]);
  });

  it('suppresses nothing more where nothing was withheld, or two already are', () => {
    const fine = [
      { n: 40, positive: 20 },
      { n: 30, positive: 15 },
    ];
    expect(suppressSmallCounts(fine, { total: { n: 70, positive: 35 } }).map((c) => c.suppressed)).toEqual([
      null,
      null,
    ]);
    const twoSmall = [
      { n: 40, positive: 20 },
      { n: 4, positive: 2 },
      { n: 6, positive: 3 },
    ];
    expect(
      suppressSmallCounts(twoSmall, { total: { n: 50, positive: 25 } }).map((c) => c.suppressed),
    ).toEqual([null, 'fewer-than-10', 'fewer-than-10']);
  });

  it('chooses a cell with answers, not an empty one, to withhold beside the small one', () => {
    const cells = [
      { group: 'maldon', n: 0, positive: 0 },
      { group: 'rochford', n: 5, positive: 2 },
      { group: 'brentwood', n: 60, positive: 30 },
      { group: 'harlow', n: 35, positive: 20 },
    ];
    const published = suppressSmallCounts(cells, { total: { n: 100, positive: 52 } });
    expect(published.map((c) => c.suppressed)).toEqual(['fewer-than-10', 'fewer-than-10', null, 'secondary']);
    expect(published[0]?.n).toBe(0);
  });

  it('needs no second cell where the total itself is withheld', () => {
    const cells = [
      { n: 5, positive: 2 },
      { n: 3, positive: 1 },
    ];
    expect(suppressSmallCounts(cells, { total: { n: 8, positive: 3 } }).map((c) => c.suppressed)).toEqual([
      'fewer-than-10',
      'fewer-than-10',
    ]);
  });

  it('never leaves exactly one withheld count beside a published total, whatever the counts', () => {
    const cell = fc
      .integer({ min: 0, max: 60 })
      .chain((n) => fc.record({ n: fc.constant(n), positive: fc.integer({ min: 0, max: n }) }));
    fc.assert(
      fc.property(fc.array(cell, { minLength: 2, maxLength: 12 }), (cells) => {
        const total = cells.reduce((t, c) => ({ n: t.n + c.n, positive: t.positive + c.positive }), {
          n: 0,
          positive: 0,
        });
        const [publishedTotal] = suppressSmallCounts([total]);
        const published = suppressSmallCounts(cells, { total });
        for (const dim of ['n', 'positive'] as const) {
          if (publishedTotal?.[dim] === null) continue;
          const withheld = published.filter((p) => p[dim] === null).length;
          const nonEmpty = cells.filter((c) => c[dim] > 0).length;
          // A lone withheld count is allowed only when no other cell has anything to hide it among.
          if (withheld === 1) expect(nonEmpty).toBe(1);
        }
        // Every published share passes the primary rules on the real counts.
        published.forEach((p, i) => {
          const c = cells[i] as Counts;
          if (p.share !== null) {
            expect(c.n).toBeGreaterThanOrEqual(10);
            expect(c.positive === 0 || c.positive >= 5).toBe(true);
            expect(c.n - c.positive === 0 || c.n - c.positive >= 5).toBe(true);
          }
        });
      }),
    );
  });
});
