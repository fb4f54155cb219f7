/**
 * Cell key perturbation, as the Office for National Statistics used for the 2021 Census
 * (docs/measures.md, "Disclosure control"). Every stored response carries a random record key from 0
 * to 255 that never leaves the server; a cell's key is the sum of its records' keys modulo 256; the
 * published value is the true value plus a small offset looked up from the value and the cell key. So
 * the same records always publish the same value, and adding known records moves the cell key by an
 * amount nobody outside can know, which gives a fresh, unknowable offset.
 */

/** Record keys and cell keys run from 0 to this, less one. */
export const CELL_KEY_MODULUS = 256;
/** No published value is further than this from the true one. */
export const MAX_PERTURBATION = 2;

/**
 * The perturbation table: for each spread (the largest offset allowed for a value), how many of the 256
 * cell keys give each offset, from `-spread` to `+spread`. Each row is symmetric, so the offsets average
 * to zero over cell keys and totals are unbiased; at the widest spread the true value is published for
 * only 52 keys in 256 (about one cell in five).
 */
const OFFSET_WEIGHTS: readonly (readonly number[])[] = [[256], [85, 86, 85], [38, 64, 52, 64, 38]];

/** A cell's key from the sum of its records' keys (the database adds them up). */
export function cellKey(keySum: number): number {
  if (!Number.isSafeInteger(keySum)) throw new RangeError(`A key sum is a whole number, got ${keySum}`);
  return ((keySum % CELL_KEY_MODULUS) + CELL_KEY_MODULUS) % CELL_KEY_MODULUS;
}

/**
 * How far from `value` its published value may be: at most `MAX_PERTURBATION`, and never below `floor`
 * (the smallest value that may be published at all). The spread shrinks to zero at the floor, so every
 * published value has at least two true values that could have given it: itself and the one above.
 */
export function spreadFor(value: number, floor: number): number {
  return Math.max(0, Math.min(MAX_PERTURBATION, value - floor));
}

/**
 * The published value of a true count: 0 stays 0; anything else moves by an offset chosen by its cell
 * key from the row of the table its spread allows. The result is never below `floor` and never more than
 * `MAX_PERTURBATION` from `value`. `value` must be 0 or at least `floor`: smaller counts are withheld
 * before they get here.
 */
export function perturb(value: number, key: number, floor: number): number {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`A count is a whole number, got ${value}`);
  if (value === 0) return 0;
  if (value < floor) throw new RangeError(`${value} is below ${floor} and must be withheld, not published`);
  const spread = spreadFor(value, floor);
  const weights = OFFSET_WEIGHTS[spread] as readonly number[];
  let column = cellKey(key);
  for (let i = 0; i < weights.length; i++) {
    column -= weights[i] as number;
    if (column < 0) return value + i - spread;
  }
  throw new Error('The perturbation table does not cover every cell key');
}

/** Every offset a value with this spread can be given, with how many cell keys give it. */
export function offsetsFor(spread: number): { offset: number; keys: number }[] {
  const weights = OFFSET_WEIGHTS[spread];
  if (!weights) throw new RangeError(`No row of the table has spread ${spread}`);
  return weights.map((keys, i) => ({ offset: i - spread, keys }));
}
