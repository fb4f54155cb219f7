import { wilsonInterval, type Interval } from './wilson.ts';

/**
 * Disclosure control: the one place that decides what of a measure a person who is not a signed-in
 * analyst may see (MEASURES.md, "Disclosure control"). Every public endpoint and export goes through
 * `suppressSmallCounts`.
 */

/** A share is published only on at least this many answers. */
export const MIN_PUBLISHED_BASE = 10;
/** Below this base a published share carries the "small sample" flag. */
export const SMALL_SAMPLE_BELOW = 30;
/** Counts (and complements) from 1 to this are withheld; zeros are shown. */
export const LARGEST_SUPPRESSED_COUNT = 4;
/** Published counts are rounded to the nearest multiple of this. */
export const ROUNDING_BASE = 5;

/**
 * Why a cell's share is not published, as an i18n key under `measures.suppressed.`:
 * `fewer-than-10` responses; a `small-count` positive or negative count (1 to 4); or `secondary`,
 * withheld so that another suppressed cell cannot be found by subtraction from the total.
 */
export const SUPPRESSION_REASONS = ['fewer-than-10', 'small-count', 'secondary'] as const;
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];

/** The unrounded counts behind a measure cell: base `n` and positive answers. */
export interface Counts {
  n: number;
  positive: number;
}

/** What may be published of a cell. `null` means withheld. */
export interface PublishedFigures {
  /** Base, rounded to the nearest 5. */
  n: number | null;
  /** Positive answers, rounded to the nearest 5. */
  positive: number | null;
  /** From the unrounded counts. */
  share: number | null;
  interval: Interval | null;
  suppressed: SuppressionReason | null;
  /** A published share on fewer than 30 answers. */
  smallSample: boolean;
}

export type Published<T> = Omit<T, keyof PublishedFigures> & PublishedFigures;

export interface DisclosureOptions {
  /**
   * The unrounded counts of the breakdown's total where that total is published too (a measure's
   * headline figure). Then secondary suppression applies: no suppressed cell can be found by subtraction.
   */
  total?: Counts;
}

interface Decision {
  hideN: boolean;
  hideK: boolean;
  reason: SuppressionReason | null;
}

const isSmall = (count: number) => count >= 1 && count <= LARGEST_SUPPRESSED_COUNT;
const roundCount = (count: number) => Math.round(count / ROUNDING_BASE) * ROUNDING_BASE;

function primary({ n, positive }: Counts): Decision {
  if (n < MIN_PUBLISHED_BASE) {
    // No responses is a zero, and zeros are shown; any other base under 10 is withheld whole.
    return { hideN: n > 0, hideK: n > 0, reason: 'fewer-than-10' };
  }
  // With the base published, the share would give away a withheld count: both go.
  if (isSmall(positive) || isSmall(n - positive)) return { hideN: false, hideK: true, reason: 'small-count' };
  return { hideN: false, hideK: false, reason: null };
}

/**
 * Applies disclosure control to the cells of one breakdown of one measure (or to a lone headline):
 *
 * - a share only where `n ≥ 10`, else `fewer-than-10` (and the base itself is withheld, unless 0);
 * - a positive count of 1 to 4, or a complement `n − k` of 1 to 4, is withheld with its share
 *   (`small-count`); zeros are shown;
 * - published counts are rounded to the nearest 5, shares and intervals come from the unrounded counts;
 * - with `options.total`, secondary suppression: if exactly one cell withholds its base, the smallest
 *   other non-empty cell is withheld whole; if exactly one cell withholds its positive count, the other
 *   cell with the smallest positive count withholds its own (`secondary`). So each withheld count
 *   shares its place with another and subtraction from the total gives only their sum.
 */
export function suppressSmallCounts<T extends Counts>(
  cells: readonly T[],
  options: DisclosureOptions = {},
): Published<T>[] {
  const decisions = cells.map(primary);
  if (options.total) {
    const total = primary(options.total);
    if (!total.hideN) {
      protect(
        decisions,
        (d) => d.hideN,
        cells.map((c) => c.n),
        (d) => {
          d.hideN = true;
          d.hideK = true;
        },
      );
    }
    if (!total.hideK) {
      protect(
        decisions,
        (d) => d.hideK,
        cells.map((c) => c.positive),
        (d) => {
          d.hideK = true;
        },
      );
    }
  }
  return cells.map((cell, i) => publish(cell, decisions[i] as Decision));
}

/** Makes a lone withheld value in one dimension into a pair by withholding the next-smallest one. */
function protect(
  decisions: Decision[],
  hidden: (d: Decision) => boolean,
  values: readonly number[],
  hide: (d: Decision) => void,
): void {
  if (decisions.filter(hidden).length !== 1) return;
  let best = -1;
  for (let i = 0; i < decisions.length; i++) {
    if (hidden(decisions[i] as Decision)) continue;
    const value = values[i] as number;
    const bestValue = best < 0 ? Infinity : (values[best] as number);
    // Withholding a zero protects nothing that is not already known to be small: prefer non-empty cells.
    const better = best < 0 || (value > 0 && (bestValue === 0 || value < bestValue));
    if (better) best = i;
  }
  // A breakdown of one cell is the total itself: there is nothing to hide it among.
  if (best < 0) return;
  const decision = decisions[best] as Decision;
  hide(decision);
  decision.reason ??= 'secondary';
}

function publish<T extends Counts>(cell: T, decision: Decision): Published<T> {
  const { n, positive } = cell;
  const showShare = !decision.hideK && n >= MIN_PUBLISHED_BASE;
  const share = showShare ? positive / n : null;
  return {
    ...cell,
    n: decision.hideN ? null : roundCount(n),
    positive: decision.hideK ? null : roundCount(positive),
    share,
    interval: showShare ? wilsonInterval(positive, n) : null,
    suppressed: decision.reason,
    smallSample: share !== null && n < SMALL_SAMPLE_BELOW,
  };
}
