import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  answersSoFar,
  protectCells,
  protectCount,
  type Counts,
  type KeyedCounts,
} from '../../src/domain/measures/disclosure.ts';
import { wilsonInterval } from '../../src/domain/measures/wilson.ts';

/*
 * Cell keys chosen so a test can work the published figures by hand. In the table's widest row, cell
 * keys 0–37 move a count down 2, 38–101 down 1, 102–153 leave it, 154–217 move it up 1, 218–255 up 2.
 * The complement's key is the base's less the positives', so with the base's key 0 and the positives'
 * 128, both the positive count and the complement (key 128) are published as they are.
 */
const AS_THEY_ARE = { nKey: 0, positiveKey: 128 };

const cell = (n: number, positive: number, keys = AS_THEY_ARE): KeyedCounts => ({ n, positive, ...keys });

const one = (n: number, positive: number, keys = AS_THEY_ARE) => {
  const [shown] = protectCells([cell(n, positive, keys)]);
  if (!shown) throw new Error('no cell');
  return shown;
};

describe('what the public may see of a cell', () => {
  it('shows a share on 30 or more answers, worked out from the published counts', () => {
    expect(one(34, 22)).toEqual({
      n: 34,
      positive: 22,
      share: 22 / 34,
      interval: wilsonInterval(22, 34),
      suppressed: null,
      smallSample: false,
    });
  });

  it('perturbs the positive count and the complement by their cell keys, and adds them up for the base', () => {
    // Keys 0 and 0: positive 20 → 18 (down 2), complement 20 (key 0) → 18, base 36; the share stays 0.5.
    expect(one(40, 20, { nKey: 0, positiveKey: 0 })).toMatchObject({ n: 36, positive: 18, share: 0.5 });
    // Positive key 240 (up 2), complement key 16 (down 2): 22 of 40 → 24 of 40, so 0.6, not 0.55.
    expect(one(40, 22, { nKey: 0, positiveKey: 240 })).toMatchObject({
      n: 40,
      positive: 24,
      share: 0.6,
      interval: wilsonInterval(24, 40),
    });
  });

  it('shows a share on 10 to 29 published answers flagged as a small sample', () => {
    expect(one(10, 5)).toMatchObject({ n: 10, positive: 5, share: 0.5, suppressed: null, smallSample: true });
    expect(one(29, 20)).toMatchObject({ n: 29, smallSample: true });
    // The flag reads the published base: 31 answers published as 29 are a small sample.
    expect(one(31, 15, { nKey: 0, positiveKey: 0 })).toMatchObject({ n: 27, smallSample: true });
  });

  it('withholds a base of 1 to 9 whole, saying so only to analysts', () => {
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

  it('shows that nobody answered as a zero with no share, not as "fewer than 10"', () => {
    expect(one(0, 0)).toEqual({
      n: 0,
      positive: 0,
      share: null,
      interval: null,
      suppressed: null,
      smallSample: false,
    });
  });

  it('withholds a positive count of 1 to 4, and the share that would give it away, perturbing the base', () => {
    for (const k of [1, 2, 3, 4]) {
      // The base's key 0 moves 50 down 2.
      expect(one(50, k)).toEqual({
        n: 48,
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

  it('shows zeros: nobody positive, or everybody, the base perturbed as a whole', () => {
    // The positive count 0 and the complement 12 (key 128: as it is).
    expect(one(12, 0)).toMatchObject({ n: 12, positive: 0, share: 0, suppressed: null });
    // Everybody: the positive count is the base, perturbed with the base's floor of 10.
    expect(one(12, 12, { nKey: 0, positiveKey: 0 })).toMatchObject({ n: 10, positive: 10, share: 1 });
  });

  it('gives the same cell the same figures however often it is asked', () => {
    const first = protectCells([cell(57, 31, { nKey: 77, positiveKey: 201 })]);
    expect(protectCells([cell(57, 31, { nKey: 77, positiveKey: 201 })])).toEqual(first);
  });

  it('keeps whatever else a cell carries, but never its cell keys or true counts', () => {
    const [shown] = protectCells([{ group: 'harlow', ...cell(23, 11, { nKey: 3, positiveKey: 9 }) }]);
    expect(shown?.group).toBe('harlow');
    expect(Object.keys(shown ?? {}).sort()).toEqual(
      ['group', 'interval', 'n', 'positive', 'share', 'smallSample', 'suppressed'].sort(),
    );
  });

  it('never publishes a negative, impossible or unprotected figure, whatever the counts and keys', () => {
    const arbitrary = fc.integer({ min: 0, max: 500 }).chain((n) =>
      fc.record({
        n: fc.constant(n),
        positive: fc.integer({ min: 0, max: n }),
        nKey: fc.integer({ min: 0, max: 255 }),
        positiveKey: fc.integer({ min: 0, max: 255 }),
      }),
    );
    fc.assert(
      fc.property(arbitrary, (c) => {
        const [p] = protectCells([c]);
        if (!p) throw new Error('no cell');
        if (p.n !== null) {
          expect(Number.isInteger(p.n)).toBe(true);
          expect(p.n === 0 || p.n >= 10).toBe(true);
          expect(Math.abs(p.n - c.n)).toBeLessThanOrEqual(4);
        }
        if (p.positive !== null) {
          const n = p.n as number;
          expect(Number.isInteger(p.positive)).toBe(true);
          // Shown parts are 0 or at least 5, like the true ones.
          expect(p.positive === 0 || p.positive >= 5).toBe(true);
          expect(n - p.positive === 0 || n - p.positive >= 5).toBe(true);
          if (n > 0) {
            expect(p.share).toBe(p.positive / n);
            expect(p.interval).toEqual(wilsonInterval(p.positive, n));
            expect(p.smallSample).toBe(n < 30);
          }
        } else {
          expect(p.share).toBeNull();
          expect(p.interval).toBeNull();
        }
        // A share is shown only where the true counts pass the rules.
        if (p.share !== null) {
          expect(c.n).toBeGreaterThanOrEqual(10);
          expect(c.positive === 0 || c.positive >= 5).toBe(true);
          expect(c.n - c.positive === 0 || c.n - c.positive >= 5).toBe(true);
        }
      }),
    );
  });
});

/** The true counts a worst-case reader could still work out by subtracting from the total. */
function recoverable(
  cells: readonly Counts[],
  total: Counts,
  published = protectCells(
    cells.map((c) => ({ ...c, ...AS_THEY_ARE })),
    { total },
  ),
): string[] {
  const found: string[] = [];
  for (const dim of ['n', 'positive'] as const) {
    const hidden = published.flatMap((p, i) => (p[dim] === null ? [i] : []));
    // Assume the reader knows every published count exactly, despite perturbation.
    const shownSum = cells.reduce((sum, c, i) => sum + (hidden.includes(i) ? 0 : c[dim]), 0);
    if (hidden.length === 1) found.push(`${dim}[${hidden[0]}] = ${total[dim] - shownSum}`);
  }
  return found;
}

const keyed = <T extends Counts>(cells: readonly T[]) => cells.map((c) => ({ ...c, ...AS_THEY_ARE }));

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
    const alone = protectCells(keyed(districts));
    expect(alone.map((c) => c.suppressed)).toEqual([null, null, 'fewer-than-10']);
    expect(recoverable(districts, total, alone)).toEqual(['n[2] = 3', 'positive[2] = 1']);
  });

  it('withholds the next-smallest cell as well', () => {
    const published = protectCells(keyed(districts), { total });
    expect(published.map((c) => [c.group, c.n, c.positive, c.suppressed])).toEqual([
      ['chelmsford', 40, 20, null],
      ['colchester', null, null, 'secondary'],
      ['uttlesford', null, null, 'fewer-than-10'],
    ]);
    expect(recoverable(districts, total)).toEqual([]);
  });

  it('withholds more until the withheld cells add up to at least 10, so their sum is not small either', () => {
    // Rochford 6 and Maldon 2 are both under 10, but together only 8: Harlow (30) joins them.
    const cells = [
      { group: 'brentwood', n: 40, positive: 20 },
      { group: 'harlow', n: 30, positive: 15 },
      { group: 'rochford', n: 6, positive: 3 },
      { group: 'maldon', n: 2, positive: 1 },
    ];
    const published = protectCells(keyed(cells), { total: { n: 78, positive: 39 } });
    expect(published.map((c) => c.suppressed)).toEqual([null, 'secondary', 'fewer-than-10', 'fewer-than-10']);
  });

  it('protects a withheld positive count the same way, leaving the bases published', () => {
    // Harlow has 2 positive answers in 20; Basildon (30) is the smallest other cell.
    const cells = [
      { group: 'basildon', n: 30, positive: 14 },
      { group: 'harlow', n: 20, positive: 2 },
      { group: 'tendring', n: 40, positive: 20 },
    ];
    const withTotal = { n: 90, positive: 36 };
    const published = protectCells(keyed(cells), { total: withTotal });
    expect(published.map((c) => [c.group, c.n === null, c.positive, c.share === null, c.suppressed])).toEqual(
      [
        ['basildon', false, null, true, 'secondary'],
        ['harlow', false, null, true, 'small-count'],
        ['tendring', false, 20, false, null],
      ],
    );
    expect(recoverable(cells, withTotal)).toEqual([]);
  });

  it('withholds another positive count when the withheld ones add up to 1 to 4', () => {
    // 2 and 1 positive withheld: together 3, which would point at three people. Epping (25) joins.
    const cells = [
      { group: 'basildon', n: 20, positive: 2 },
      { group: 'braintree', n: 20, positive: 1 },
      { group: 'epping-forest', n: 25, positive: 10 },
      { group: 'tendring', n: 40, positive: 20 },
    ];
    const published = protectCells(keyed(cells), { total: { n: 105, positive: 33 } });
    expect(published.map((c) => c.suppressed)).toEqual(['small-count', 'small-count', 'secondary', null]);
  });

  it('suppresses nothing more where nothing was withheld, or enough already is', () => {
    const fine = [
      { n: 40, positive: 20 },
      { n: 30, positive: 15 },
    ];
    expect(protectCells(keyed(fine), { total: { n: 70, positive: 35 } }).map((c) => c.suppressed)).toEqual([
      null,
      null,
    ]);
    const twoSmall = [
      { n: 40, positive: 20 },
      { n: 4, positive: 2 },
      { n: 6, positive: 3 },
    ];
    expect(
      protectCells(keyed(twoSmall), { total: { n: 50, positive: 25 } }).map((c) => c.suppressed),
    ).toEqual([null, 'fewer-than-10', 'fewer-than-10']);
  });

  it('chooses a cell with answers, not an empty one, to withhold beside the small one', () => {
    const cells = [
      { group: 'maldon', n: 0, positive: 0 },
      { group: 'rochford', n: 5, positive: 2 },
      { group: 'brentwood', n: 60, positive: 30 },
      { group: 'harlow', n: 35, positive: 20 },
    ];
    const published = protectCells(keyed(cells), { total: { n: 100, positive: 52 } });
    expect(published.map((c) => c.suppressed)).toEqual([null, 'fewer-than-10', null, 'secondary']);
    expect(published[0]?.n).toBe(0);
  });

  it('needs no second cell where the total itself is withheld', () => {
    const cells = [
      { n: 5, positive: 2 },
      { n: 3, positive: 1 },
    ];
    expect(protectCells(keyed(cells), { total: { n: 8, positive: 3 } }).map((c) => c.suppressed)).toEqual([
      'fewer-than-10',
      'fewer-than-10',
    ]);
  });

  it('never leaves a withheld count alone, nor withheld counts with a small sum, beside a published total', () => {
    const arbitrary = fc
      .integer({ min: 0, max: 60 })
      .chain((n) => fc.record({ n: fc.constant(n), positive: fc.integer({ min: 0, max: n }) }));
    fc.assert(
      fc.property(fc.array(arbitrary, { minLength: 2, maxLength: 12 }), (cells) => {
        const total = cells.reduce((t, c) => ({ n: t.n + c.n, positive: t.positive + c.positive }), {
          n: 0,
          positive: 0,
        });
        const [publishedTotal] = protectCells(keyed([total]));
        const published = protectCells(keyed(cells), { total });
        const nonEmpty = cells.filter((c) => c.n > 0).length;
        if (publishedTotal?.n !== null && total.n > 0) {
          const hidden = cells.filter((_, i) => published[i]?.n === null);
          const everyoneHidden = hidden.length === nonEmpty;
          if (hidden.length > 0 && !everyoneHidden) {
            expect(hidden.length).toBeGreaterThanOrEqual(2);
            expect(hidden.reduce((s, c) => s + c.n, 0)).toBeGreaterThanOrEqual(10);
          }
        }
        if (publishedTotal?.positive !== null && total.n > 0) {
          const hidden = cells.filter((_, i) => published[i]?.positive === null);
          const everyoneHidden = hidden.length === nonEmpty;
          if (hidden.length > 0 && !everyoneHidden) {
            const positives = hidden.reduce((s, c) => s + c.positive, 0);
            const complements = hidden.reduce((s, c) => s + c.n - c.positive, 0);
            expect(hidden.length).toBeGreaterThanOrEqual(2);
            expect(positives === 0 || positives >= 5).toBe(true);
            expect(complements === 0 || complements >= 5).toBe(true);
          }
        }
      }),
    );
  });
});

describe('a count in the notes', () => {
  it('shows a zero, withholds 1 to 4, and perturbs anything more by its cell key', () => {
    expect(protectCount(0, 123)).toBe(0);
    for (const count of [1, 2, 3, 4]) expect(protectCount(count, 99)).toBeNull();
    // Key 0 moves 40 down 2; key 130 leaves it; 5 is the floor, so it stays 5.
    expect(protectCount(40, 0)).toBe(38);
    expect(protectCount(40, 130)).toBe(40);
    expect(protectCount(5, 0)).toBe(5);
  });
});

describe('the month under way', () => {
  it('shows only a rounded count of answers so far: none, "fewer than 10", or to the nearest 10', () => {
    expect(answersSoFar(0)).toBe(0);
    expect(answersSoFar(1)).toBeNull();
    expect(answersSoFar(9)).toBeNull();
    expect(answersSoFar(10)).toBe(10);
    expect(answersSoFar(14)).toBe(10);
    expect(answersSoFar(15)).toBe(20);
    expect(answersSoFar(1234)).toBe(1230);
  });
});
