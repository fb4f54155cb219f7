/**
 * Puts matched documents best first: more ideas matched, then a higher score, and equal ones in the
 * order they were reached, exactly as a stable comparison sort would. At 50,000 services a common word
 * matches 30,000 of them, and comparing those one pair at a time took longer than finding them, so large
 * lists are sorted by radix on the bits of their scores instead.
 */

/** Below this many, a comparison sort is quicker than the radix passes' fixed cost. */
const RADIX_FROM = 1024;
const DIGIT_BITS = 16;
const DIGITS = 1 << DIGIT_BITS;

const counts = new Int32Array(DIGITS + 1);
/** A score's 64 bits as two unsigned words: for a positive double, their order is the number's. */
const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const LOW = littleEndian ? 0 : 1;
const HIGH = 1 - LOW;

/** Working space reused between queries, grown when a larger list comes. */
let from = new Int32Array(0);
let to = new Int32Array(0);
let lows = new Uint32Array(0);
let highs = new Uint32Array(0);

/** One stable counting pass by the 16-bit digit of `keys` at `shift`; false when all share it. */
function pass(keys: Uint32Array, shift: number, length: number): boolean {
  counts.fill(0);
  // Counting needs no order, so it reads the keys straight through.
  for (let i = 0; i < length; i++) {
    const slot = ((keys[i]! >>> shift) & (DIGITS - 1)) + 1;
    counts[slot] = counts[slot]! + 1;
  }
  if (counts[((keys[0]! >>> shift) & (DIGITS - 1)) + 1] === length) return false;
  for (let digit = 1; digit <= DIGITS; digit++) counts[digit] = counts[digit]! + counts[digit - 1]!;
  for (let i = 0; i < length; i++) {
    const item = from[i]!;
    const digit = (keys[item]! >>> shift) & (DIGITS - 1);
    to[counts[digit]!++] = item;
  }
  [from, to] = [to, from];
  return true;
}

/**
 * `docs` reordered best first by `groups` (ideas matched) and then `score`, both descending, both
 * indexed by document; scores must be positive. May sort `docs` in place.
 */
export function orderByScore(docs: number[], score: Float64Array, groups: Uint16Array): number[] {
  const length = docs.length;
  if (length < RADIX_FROM) return docs.sort((a, b) => groups[b]! - groups[a]! || score[b]! - score[a]!);
  if (from.length < length) {
    from = new Int32Array(length);
    to = new Int32Array(length);
    lows = new Uint32Array(length);
    highs = new Uint32Array(length);
  }
  let mixed = false;
  const firstGroups = groups[docs[0]!]!;
  for (let i = 0; i < length; i++) {
    const doc = docs[i]!;
    bits[0] = score[doc]!;
    // Inverted, so that a higher score sorts first.
    lows[i] = ~words[LOW]! >>> 0;
    highs[i] = ~words[HIGH]! >>> 0;
    if (groups[doc] !== firstGroups) mixed = true;
    from[i] = i;
  }
  // Least significant digit first: each pass keeps the order of the ones before among equal digits.
  pass(lows, 0, length);
  pass(lows, DIGIT_BITS, length);
  pass(highs, 0, length);
  pass(highs, DIGIT_BITS, length);
  if (mixed) {
    for (let i = 0; i < length; i++) lows[i] = DIGITS - 1 - groups[docs[i]!]!;
    pass(lows, 0, length);
  }
  const ordered = new Array<number>(length);
  for (let i = 0; i < length; i++) ordered[i] = docs[from[i]!]!;
  return ordered;
}
