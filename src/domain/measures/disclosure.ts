import { CELL_KEY_MODULUS, cellKey, perturb } from './cell-key.ts';
import { wilsonInterval, type Interval } from './wilson.ts';

/**
 * Disclosure control: the one place that decides what of a measure a person who is not a signed-in
 * analyst may see (docs/measures.md, "Disclosure control"). Every public figure, in every endpoint and
 * export, is made by `protectCells` (a measure's cells) or `protectCount` (a count in the notes), when a
 * month is published; the current month's running total goes through `answersSoFar`.
 *
 * Two protections, one after the other:
 * 1. suppression, decided on the true counts: a share needs a base of 10, no positive count or
 *    complement may be 1 to 4, and withheld cells never stand alone in a breakdown whose total is shown;
 * 2. cell key perturbation (`cell-key.ts`) of every count that is shown, with the share and its interval
 *    worked out from the perturbed counts, so no published number leads back to a true count.
 */

/** A share is published only on at least this many answers. */
export const MIN_PUBLISHED_BASE = 10;
/** Below this published base a share carries the "small sample" flag. */
export const SMALL_SAMPLE_BELOW = 30;
/** Counts (and complements) from 1 to this are withheld; zeros are shown. */
export const LARGEST_SUPPRESSED_COUNT = 4;
/** The smallest non-zero positive count or complement that is ever shown. */
const SMALLEST_SHOWN_PART = LARGEST_SUPPRESSED_COUNT + 1;

/**
 * Why a cell is withheld, for analysts only: `fewer-than-10` responses; a `small-count` positive or
 * negative count (1 to 4); or `secondary`, withheld so that another withheld cell cannot be found by
 * subtraction from the total. The public is told only `WITHHELD`, which does not say which was which.
 */
export const SUPPRESSION_REASONS = ['fewer-than-10', 'small-count', 'secondary'] as const;
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];
export const WITHHELD = 'withheld';

/** The true counts behind a measure cell: base `n` and positive answers. */
export interface Counts {
  n: number;
  positive: number;
}

/** True counts with their cell keys: the sums (modulo 256) of the record keys of the base and the positives. */
export interface KeyedCounts extends Counts {
  nKey: number;
  positiveKey: number;
}

/** What may be published of a cell. A `null` count, share or interval is withheld. */
export interface ProtectedFigures {
  /** Base: perturbed, and the sum of the perturbed positive count and complement when both are shown. */
  n: number | null;
  /** Positive answers, perturbed. */
  positive: number | null;
  /** From the perturbed counts. */
  share: number | null;
  /** The 95% Wilson interval of the perturbed counts. */
  interval: Interval | null;
  /** Why the cell is withheld, or null when it is shown whole. For analysts: the public sees `WITHHELD`. */
  suppressed: SuppressionReason | null;
  /** A published share on a published base under 30. */
  smallSample: boolean;
}

/** A cell as it may be published: its own fields, less its keys, with the protected figures. */
export type Protected<T> = Omit<T, keyof ProtectedFigures | keyof KeyedCounts> & ProtectedFigures;

export interface DisclosureOptions {
  /**
   * The true counts of the breakdown's total where that total is published too (a measure's headline).
   * Then secondary suppression applies: no withheld cell can be found by subtraction.
   */
  total?: Counts;
}

interface Decision {
  hideN: boolean;
  hideK: boolean;
  reason: SuppressionReason | null;
}

const isSmall = (count: number) => count >= 1 && count <= LARGEST_SUPPRESSED_COUNT;

/** What the cell's own counts allow, before looking at the other cells of its breakdown. */
export function primaryDecision({ n, positive }: Counts): Decision {
  // Nobody answered: a zero, shown as one, with no share.
  if (n === 0) return { hideN: false, hideK: false, reason: null };
  if (n < MIN_PUBLISHED_BASE) return { hideN: true, hideK: true, reason: 'fewer-than-10' };
  // With the base shown, a share would give away a withheld count: both go.
  if (isSmall(positive) || isSmall(n - positive)) return { hideN: false, hideK: true, reason: 'small-count' };
  return { hideN: false, hideK: false, reason: null };
}

/**
 * Applies disclosure control to the cells of one breakdown of one measure (or to a lone headline):
 *
 * - a base of 1 to 9 is withheld whole (`fewer-than-10`); a base of 0 is shown as a zero, with no share;
 * - a positive count of 1 to 4, or a complement `n − k` of 1 to 4, is withheld with its share
 *   (`small-count`); zeros are shown;
 * - with `options.total`, secondary suppression: withheld bases come at least two at a time and add up
 *   to at least 10; withheld positive counts come at least two at a time and neither their sum nor the
 *   sum of their complements is 1 to 4. The smallest other cells are withheld until that holds
 *   (`secondary`), so subtraction from the total gives only a sum that is itself safe to show;
 * - every count shown is perturbed by its cell key; the share and its interval come from the perturbed
 *   counts. A true count is never in the output, nor is a cell key.
 */
export function protectCells<T extends KeyedCounts>(
  cells: readonly T[],
  options: DisclosureOptions = {},
): Protected<T>[] {
  for (const cell of cells) checkCounts(cell);
  const decisions = cells.map(primaryDecision);
  if (options.total) {
    checkCounts(options.total);
    const total = primaryDecision(options.total);
    if (!total.hideN && options.total.n > 0) protectBases(cells, decisions);
    if (!total.hideK && options.total.n > 0) protectPositives(cells, decisions);
  }
  return cells.map((cell, i) => publish(cell, decisions[i] as Decision));
}

function checkCounts({ n, positive }: Counts): void {
  if (!Number.isInteger(n) || !Number.isInteger(positive) || positive < 0 || positive > n) {
    throw new RangeError(`Counts are whole numbers with 0 ≤ positive ≤ n, got n=${n}, positive=${positive}`);
  }
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** Withholds whole the smallest other non-empty cells until the withheld bases are safe to subtract. */
function protectBases(cells: readonly Counts[], decisions: Decision[]): void {
  const withheld = () => cells.filter((_, i) => decisions[i]?.hideN);
  const unsafe = () => {
    const hidden = withheld();
    return hidden.length > 0 && (hidden.length < 2 || sum(hidden.map((c) => c.n)) < MIN_PUBLISHED_BASE);
  };
  while (unsafe()) {
    const next = smallestShown(cells, decisions, (d) => d.hideN);
    if (next < 0) return;
    const decision = decisions[next] as Decision;
    decision.hideN = true;
    decision.hideK = true;
    decision.reason ??= 'secondary';
  }
}

/** Withholds the positive counts of the smallest other cells until the withheld ones are safe to subtract. */
function protectPositives(cells: readonly Counts[], decisions: Decision[]): void {
  const unsafe = () => {
    const hidden = cells.filter((_, i) => decisions[i]?.hideK);
    const positives = sum(hidden.map((c) => c.positive));
    const complements = sum(hidden.map((c) => c.n - c.positive));
    return hidden.length > 0 && (hidden.length < 2 || isSmall(positives) || isSmall(complements));
  };
  while (unsafe()) {
    const next = smallestShown(cells, decisions, (d) => d.hideK);
    if (next < 0) return;
    const decision = decisions[next] as Decision;
    decision.hideK = true;
    decision.reason ??= 'secondary';
  }
}

/** The shown, non-empty cell with the smallest base (the first of equals), or -1 when there is none. */
function smallestShown(
  cells: readonly Counts[],
  decisions: readonly Decision[],
  hidden: (d: Decision) => boolean,
): number {
  let best = -1;
  for (let i = 0; i < cells.length; i++) {
    const n = (cells[i] as Counts).n;
    if (n === 0 || hidden(decisions[i] as Decision)) continue;
    if (best < 0 || n < (cells[best] as Counts).n) best = i;
  }
  return best;
}

function publish<T extends KeyedCounts>(cell: T, decision: Decision): Protected<T> {
  const { n, positive, nKey, positiveKey, ...rest } = cell;
  const figures = protectedFigures({ n, positive, nKey, positiveKey }, decision);
  return { ...rest, ...figures } as Protected<T>;
}

function protectedFigures(cell: KeyedCounts, decision: Decision): ProtectedFigures {
  const withheld = { share: null, interval: null, suppressed: decision.reason, smallSample: false };
  if (decision.hideN) return { n: null, positive: null, ...withheld };
  if (cell.n === 0) return { n: 0, positive: 0, ...withheld };
  if (decision.hideK)
    return { n: perturb(cell.n, cell.nKey, MIN_PUBLISHED_BASE), positive: null, ...withheld };
  // Positive count and complement are perturbed apart and the base is their sum, so every part shown
  // obeys the rules above (0, or at least 5) and a share never leaves 0..1.
  const complement = cell.n - cell.positive;
  const complementKey = (cell.nKey - cell.positiveKey + CELL_KEY_MODULUS) % CELL_KEY_MODULUS;
  const positive = perturbPart(cell.positive, cell.positiveKey, complement);
  const n = positive + perturbPart(complement, complementKey, cell.positive);
  return {
    n,
    positive,
    share: positive / n,
    interval: wilsonInterval(positive, n),
    suppressed: decision.reason,
    smallSample: n < SMALL_SAMPLE_BELOW,
  };
}

/** A positive count or complement: when the other part is 0 this part is the whole base, so its floor is 10. */
function perturbPart(part: number, key: number, other: number): number {
  return perturb(part, key, other === 0 ? MIN_PUBLISHED_BASE : SMALLEST_SHOWN_PART);
}

/**
 * A count published on its own, in a month's notes (answers that arrived late, answers left out):
 * 0 is shown; 1 to 4 is withheld (`null`, "fewer than 5"); anything more is perturbed by its cell key.
 */
export function protectCount(count: number, keySum: number): number | null {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`A count is a whole number, got ${count}`);
  if (count === 0) return 0;
  if (count <= LARGEST_SUPPRESSED_COUNT) return null;
  return perturb(count, cellKey(keySum), SMALLEST_SHOWN_PART);
}

/** The current month's running total is rounded to this: it changes as answers arrive, so it says little. */
export const SO_FAR_ROUNDING = 10;

/**
 * How many answers the current month has so far, as the public may see it: 0 when none, `null` for 1 to
 * 9 ("fewer than 10"), otherwise rounded to the nearest 10. It is never broken down by anything.
 */
export function answersSoFar(count: number): number | null {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`A count is a whole number, got ${count}`);
  if (count === 0) return 0;
  if (count < SO_FAR_ROUNDING) return null;
  return Math.round(count / SO_FAR_ROUNDING) * SO_FAR_ROUNDING;
}
