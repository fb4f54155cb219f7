import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromLondonWallClock, toLondonWallClock } from '../../src/domain/schedule/index.ts';
import { civilDate, dayNumber, weekday } from '../../src/domain/schedule/calendar.ts';
import {
  londonInstant,
  londonOffsetByRule,
  londonOffsetMinutesAt,
  londonWallClockAt,
} from '../../src/domain/schedule/london.ts';

describe('London wall clock', () => {
  it('reads an instant as London time in winter and in summer', () => {
    expect(toLondonWallClock(new Date('2026-01-15T09:00:00Z'))).toEqual({
      date: '2026-01-15',
      time: '09:00',
    });
    expect(toLondonWallClock(new Date('2026-07-15T08:00:00Z'))).toEqual({
      date: '2026-07-15',
      time: '09:00',
    });
    expect(toLondonWallClock(new Date('2026-07-15T23:30:00Z'))).toEqual({
      date: '2026-07-16',
      time: '00:30',
    });
  });

  it('turns 09:00 London into 09:00 UTC in winter and 08:00 UTC in summer', () => {
    expect(fromLondonWallClock('2026-01-15', '09:00').toISOString()).toBe('2026-01-15T09:00:00.000Z');
    expect(fromLondonWallClock('2026-07-15', '09:00').toISOString()).toBe('2026-07-15T08:00:00.000Z');
  });

  it('changes at 01:00 UTC on the last Sunday of March and of October', () => {
    expect(toLondonWallClock(new Date('2026-03-29T00:59:00Z')).time).toBe('00:59');
    expect(toLondonWallClock(new Date('2026-03-29T01:00:00Z')).time).toBe('02:00');
    expect(toLondonWallClock(new Date('2026-10-25T00:59:00Z')).time).toBe('01:59');
    expect(toLondonWallClock(new Date('2026-10-25T01:00:00Z')).time).toBe('01:00');
  });

  it('reads a time in the spring gap as if the clocks had not yet gone forward', () => {
    // 01:30 does not happen on 29 March 2026; it is read as 01:30 GMT, which the clocks show as 02:30
    expect(fromLondonWallClock('2026-03-29', '01:30').toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(fromLondonWallClock('2026-03-29', '02:30').toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(fromLondonWallClock('2026-03-29', '00:30').toISOString()).toBe('2026-03-29T00:30:00.000Z');
  });

  it('takes the first of the two 01:30s in the autumn', () => {
    expect(fromLondonWallClock('2026-10-25', '01:30').toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(fromLondonWallClock('2026-10-25', '00:30').toISOString()).toBe('2026-10-24T23:30:00.000Z');
    expect(fromLondonWallClock('2026-10-25', '02:00').toISOString()).toBe('2026-10-25T02:00:00.000Z');
  });

  it('rejects what is not a date and time', () => {
    expect(() => fromLondonWallClock('2026-02-30', '09:00')).toThrow(RangeError);
    expect(() => fromLondonWallClock('2026-02-01', 'nine')).toThrow(RangeError);
  });

  it('agrees with the UK rule (last Sundays of March and October at 01:00 UTC) from 2000 to 2037', () => {
    const start = Date.UTC(2000, 0, 1);
    const end = Date.UTC(2038, 0, 1);
    fc.assert(
      fc.property(fc.integer({ min: start, max: end }), (ms) => {
        expect(londonOffsetMinutesAt(ms)).toBe(londonOffsetByRule(ms));
      }),
      { numRuns: 2000 },
    );
    for (let year = 2000; year < 2038; year++) {
      for (const month of [3, 10]) {
        let last = dayNumber(year, month + 1, 1) - 1;
        while (weekday(last) !== 'SU') last--;
        const change = last * 86_400_000 + 3_600_000;
        expect(londonOffsetMinutesAt(change - 1)).toBe(month === 3 ? 0 : 60);
        expect(londonOffsetMinutesAt(change)).toBe(month === 3 ? 60 : 0);
      }
    }
  });

  it('goes from wall clock to instant and back for every time that happens', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayNumber(2000, 1, 1), max: dayNumber(2037, 12, 31) }),
        fc.integer({ min: 0, max: 1439 }),
        (dayNum, minutes) => {
          const back = londonWallClockAt(londonInstant(dayNum, minutes));
          // The hour that does not happen: 01:00–02:00 on the last Sunday of March only.
          const lastSundayOfMarch =
            weekday(dayNum) === 'SU' && civilDate(dayNum).month === 3 && civilDate(dayNum + 7).month === 4;
          const inGap = lastSundayOfMarch && minutes >= 60 && minutes < 120;
          if (inGap) expect(back).toEqual({ dayNum, minutes: minutes + 60 });
          else expect(back).toEqual({ dayNum, minutes });
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('calendar arithmetic', () => {
  it('matches the built-in Gregorian calendar', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (dayNum) => {
        const date = new Date(dayNum * 86_400_000);
        const civil = civilDate(dayNum);
        expect(civil).toEqual({
          year: date.getUTCFullYear(),
          month: date.getUTCMonth() + 1,
          day: date.getUTCDate(),
        });
        expect(dayNumber(civil.year, civil.month, civil.day)).toBe(dayNum);
        expect(weekday(dayNum)).toBe(['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'][date.getUTCDay()]);
      }),
      { numRuns: 2000 },
    );
  });
});
