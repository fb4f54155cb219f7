import { describe, expect, it } from 'vitest';
import { agoWords, elapsedSince, needsChecking } from '../../src/app/features/directory/freshness.ts';

const now = new Date('2026-06-10T12:00:00Z');
const before = (ms: number) => new Date(now.getTime() - ms);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('how fresh the directory on the device is', () => {
  it('uses the largest whole unit', () => {
    expect(elapsedSince(before(20_000), now)).toBe('just-now');
    expect(elapsedSince(before(5 * MINUTE), now)).toEqual({ unit: 'minute', value: 5 });
    expect(elapsedSince(before(3 * HOUR + 59 * MINUTE), now)).toEqual({ unit: 'hour', value: 3 });
    expect(elapsedSince(before(2 * DAY), now)).toEqual({ unit: 'day', value: 2 });
    expect(elapsedSince(before(65 * DAY), now)).toEqual({ unit: 'month', value: 2 });
  });

  it('treats a clock that has gone backwards as just now', () => {
    expect(elapsedSince(new Date(now.getTime() + HOUR), now)).toBe('just-now');
  });

  it('says it in the page language', () => {
    expect(agoWords(before(2 * DAY), now, 'en-GB')).toBe('2 days ago');
    expect(agoWords(before(DAY), now, 'en-GB')).toBe('yesterday');
    expect(agoWords(before(10_000), now, 'en-GB')).toBeUndefined();
    expect(agoWords(before(3 * HOUR), now, 'ar')).not.toMatch(/[A-Za-z]/);
  });
});

describe('a listing not checked for a while', () => {
  it('is flagged once more than six months have passed since it was last checked', () => {
    expect(needsChecking('2025-12-10', now)).toBe(false);
    expect(needsChecking('2025-12-09', now)).toBe(true);
    expect(needsChecking('2024-01-01', now)).toBe(true);
  });

  it('is not flagged when the date cannot be read', () => {
    expect(needsChecking('not a date', now)).toBe(false);
  });
});
