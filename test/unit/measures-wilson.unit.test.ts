import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '../../src/domain/measures/wilson.ts';

/*
 * Worked by hand from the Wilson score formula with z = 1.96 (z² = 3.8416):
 *   centre = (p + z²/2n) / (1 + z²/n),  half-width = z/(1 + z²/n) · √(p(1−p)/n + z²/4n²).
 * At k = 0 the interval is [0, z²/(n + z²)]; at k = n it is [n/(n + z²), 1].
 */
function expectInterval(k: number, n: number, low: number, high: number) {
  const interval = wilsonInterval(k, n);
  expect(interval).not.toBeNull();
  expect(interval?.low).toBeCloseTo(low, 4);
  expect(interval?.high).toBeCloseTo(high, 4);
}

describe('the 95% Wilson score interval', () => {
  it('is null with no answers, so no interval is shown for nothing', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
  });

  it('for one answer, spans most of the range: 1 of 1 is [0.2065, 1]', () => {
    // 1 / (1 + 3.8416) = 0.20654
    expectInterval(1, 1, 0.2065, 1);
    // 3.8416 / 4.8416 = 0.79346
    expectInterval(0, 1, 0, 0.7935);
  });

  it('for 5 of 10 is [0.2366, 0.7634]', () => {
    // centre 0.5; half-width 1.96/1.38416 · √(0.025 + 0.009604) = 1.41602 · 0.18602 = 0.26341
    expectInterval(5, 10, 0.2366, 0.7634);
  });

  it('for 1 of 10 stays above zero, where the normal approximation would go below it', () => {
    // centre (0.1 + 0.19208)/1.38416 = 0.21102; half-width 1.41602 · √(0.009 + 0.009604) = 0.19314
    expectInterval(1, 10, 0.0179, 0.4042);
  });

  it('at 0% and 100% of 10 reaches exactly 0 and exactly 1 at the ends', () => {
    // 3.8416 / 13.8416 = 0.27754; 10 / 13.8416 = 0.72246
    expect(wilsonInterval(0, 10)).toEqual({ low: 0, high: expect.closeTo(0.2775, 4) });
    expect(wilsonInterval(10, 10)).toEqual({ low: expect.closeTo(0.7225, 4), high: 1 });
  });

  it('for 500 of 1000 narrows to about ±3 points: [0.4691, 0.5309]', () => {
    // half-width 1.96/1.0038416 · √(0.00025 + 0.00000096) = 1.95250 · 0.015842 = 0.030931
    expectInterval(500, 1000, 0.4691, 0.5309);
  });

  it('at 0% and 100% of 1000 stays within 0.4 points of the edge', () => {
    // 3.8416 / 1003.8416 = 0.0038269
    expectInterval(0, 1000, 0, 0.0038);
    expectInterval(1000, 1000, 0.9962, 1);
  });

  it('widens with a larger z', () => {
    const at95 = wilsonInterval(5, 10);
    const at99 = wilsonInterval(5, 10, 2.576);
    expect(at99?.low).toBeLessThan(at95?.low ?? 0);
    expect(at99?.high).toBeGreaterThan(at95?.high ?? 1);
  });

  it('refuses counts that cannot be', () => {
    expect(() => wilsonInterval(11, 10)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 10)).toThrow(RangeError);
    expect(() => wilsonInterval(2.5, 10)).toThrow(RangeError);
  });
});
