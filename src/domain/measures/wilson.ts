/** A confidence interval for a proportion, both ends between 0 and 1. */
export interface Interval {
  low: number;
  high: number;
}

/** z for a two-sided 95% interval. */
export const Z_95 = 1.96;

/**
 * The Wilson score interval for `k` positive answers out of `n`, which stays inside 0..1 and behaves at
 * small `n` and at 0% and 100% where the normal approximation does not; OHID recommends it for
 * proportions.
 *
 * With no answers (`n = 0`) there is nothing to estimate, so the result is `null`, not the vacuous
 * `{ low: 0, high: 1 }`: a caller has to show "no responses" rather than an interval that looks like data.
 */
export function wilsonInterval(k: number, n: number, z: number = Z_95): Interval | null {
  if (!Number.isInteger(k) || !Number.isInteger(n) || k < 0 || k > n) {
    throw new RangeError(`wilsonInterval needs whole numbers 0 ≤ k ≤ n, got k=${k}, n=${n}`);
  }
  if (n === 0) return null;
  const p = k / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const halfWidth = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At 0% and 100% one end is exactly 0 or 1; rounding must not leave it a hair inside.
  return {
    low: k === 0 ? 0 : Math.max(0, centre - halfWidth),
    high: k === n ? 1 : Math.min(1, centre + halfWidth),
  };
}
