import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CELL_KEY_MODULUS,
  MAX_PERTURBATION,
  cellKey,
  offsetsFor,
  perturb,
  spreadFor,
} from '../../src/domain/measures/cell-key.ts';

const KEYS = Array.from({ length: CELL_KEY_MODULUS }, (_, key) => key);

/** Every true value (no further than the largest offset, none below `floor`) that could have been published as `shown`. */
function couldHaveBeen(shown: number, floor: number): number[] {
  const found: number[] = [];
  for (let value = Math.max(floor, shown - MAX_PERTURBATION); value <= shown + MAX_PERTURBATION; value++) {
    if (KEYS.some((key) => perturb(value, key, floor) === shown)) found.push(value);
  }
  return found;
}

describe('the perturbation table', () => {
  it('gives every one of the 256 cell keys exactly one offset in each row', () => {
    for (const spread of [0, 1, 2]) {
      expect(offsetsFor(spread).reduce((sum, o) => sum + o.keys, 0)).toBe(CELL_KEY_MODULUS);
    }
  });

  it('is symmetric in each row, so offsets average to nothing and totals are unbiased', () => {
    for (const spread of [0, 1, 2]) {
      const row = offsetsFor(spread);
      expect(row.map((o) => o.keys)).toEqual([...row].reverse().map((o) => o.keys));
      expect(row.reduce((sum, o) => sum + o.offset * o.keys, 0)).toBe(0);
    }
    // Over all cell keys a value of 40 averages exactly 40.
    expect(KEYS.reduce((sum, key) => sum + perturb(40, key, 5), 0) / CELL_KEY_MODULUS).toBe(40);
  });

  it('publishes the true value for only about one cell key in five, where the spread is widest', () => {
    expect(KEYS.filter((key) => perturb(40, key, 5) === 40)).toHaveLength(52);
  });
});

describe('perturb', () => {
  it('gives the same cell the same value every time: same value, same cell key', () => {
    for (const key of KEYS) expect(perturb(37, key, 5)).toBe(perturb(37, key, 5));
  });

  it('reads a cell key as the sum of record keys modulo 256', () => {
    expect(cellKey(0)).toBe(0);
    expect(cellKey(256)).toBe(0);
    expect(cellKey(3 * 255)).toBe(253);
    expect(cellKey(-1)).toBe(255);
    expect(perturb(50, 300, 5)).toBe(perturb(50, 44, 5));
  });

  it('keeps a zero a zero', () => {
    for (const key of KEYS) expect(perturb(0, key, 10)).toBe(0);
  });

  it('moves a value by at most 2, never below the floor, and reaches every offset the spread allows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 10_000 }), fc.constantFrom(5, 10), (value, floor) => {
        if (value < floor) return;
        const shown = new Set(KEYS.map((key) => perturb(value, key, floor)));
        const spread = spreadFor(value, floor);
        expect(spread).toBeLessThanOrEqual(MAX_PERTURBATION);
        expect([...shown].sort((a, b) => a - b)).toEqual(
          Array.from({ length: 2 * spread + 1 }, (_, i) => value - spread + i),
        );
        for (const v of shown) expect(v).toBeGreaterThanOrEqual(floor);
      }),
    );
  });

  it('leaves every published value with at least two true values that could have given it', () => {
    for (const floor of [5, 10]) {
      for (let shown = floor; shown <= 120; shown++) {
        expect(
          couldHaveBeen(shown, floor).length,
          `published ${shown}, floor ${floor}`,
        ).toBeGreaterThanOrEqual(2);
      }
    }
    // At the floor itself: a published 10 may have been 10, 11 or 12.
    expect(couldHaveBeen(10, 10)).toEqual([10, 11, 12]);
  });

  it('refuses a count below its floor, which must be withheld rather than published', () => {
    expect(() => perturb(3, 0, 5)).toThrow(RangeError);
    expect(() => perturb(9, 0, 10)).toThrow(RangeError);
    expect(() => perturb(-1, 0, 5)).toThrow(RangeError);
    expect(() => perturb(2.5, 0, 0)).toThrow(RangeError);
  });
});
