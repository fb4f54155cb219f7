/**
 * Bank holidays in England and Wales, computed: the Banking and Financial Dealings Act 1971 dates with
 * their substitute days, Easter by the Gregorian computus, and the one-off changes made by royal
 * proclamation since 1995 (these cannot be computed, so they are listed).
 */
import { dayNumber, firstWeekdayOfMonth, isoDate, lastWeekdayOfMonth, weekdayIndex } from './calendar.ts';

const MONDAY = 0;
const SATURDAY = 5;
const SUNDAY = 6;

/** Easter Sunday's day number (the anonymous Gregorian algorithm, "Meeus/Jones/Butcher"). */
export function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayNumber(year, month, day);
}

/** Changes by royal proclamation: a usual date that was moved or dropped, and days that were added. */
const PROCLAIMED: Record<number, { removed?: string[]; added: string[] }> = {
  1995: { removed: ['1995-05-01'], added: ['1995-05-08'] }, // VE Day 50th anniversary
  1999: { added: ['1999-12-31'] }, // the millennium
  2002: { removed: ['2002-05-27'], added: ['2002-06-03', '2002-06-04'] }, // Golden Jubilee
  2011: { added: ['2011-04-29'] }, // royal wedding
  2012: { removed: ['2012-05-28'], added: ['2012-06-04', '2012-06-05'] }, // Diamond Jubilee
  2020: { removed: ['2020-05-04'], added: ['2020-05-08'] }, // VE Day 75th anniversary
  2022: { removed: ['2022-05-30'], added: ['2022-06-02', '2022-06-03', '2022-09-19'] }, // Platinum Jubilee; state funeral
  2023: { added: ['2023-05-08'] }, // coronation
};

/**
 * England and Wales bank holidays in a year, as sorted ISO dates: New Year's Day, Good Friday, Easter
 * Monday, the early May, spring and summer bank holidays, Christmas Day and Boxing Day, each moved to a
 * substitute weekday when it falls at a weekend, plus the known one-off proclaimed days.
 */
export function englandBankHolidays(year: number): string[] {
  const days: number[] = [];

  const newYear = dayNumber(year, 1, 1);
  const newYearWeekday = weekdayIndex(newYear);
  days.push(newYearWeekday === SATURDAY ? newYear + 2 : newYearWeekday === SUNDAY ? newYear + 1 : newYear);

  const easter = easterSunday(year);
  days.push(easter - 2, easter + 1);

  days.push(firstWeekdayOfMonth(year, 5, MONDAY));
  days.push(lastWeekdayOfMonth(year, 5, MONDAY));
  days.push(lastWeekdayOfMonth(year, 8, MONDAY));

  const christmas = dayNumber(year, 12, 25);
  switch (weekdayIndex(christmas)) {
    case 4: // Friday: Boxing Day moves to Monday 28th
      days.push(christmas, christmas + 3);
      break;
    case SATURDAY: // Monday 27th and Tuesday 28th
      days.push(christmas + 2, christmas + 3);
      break;
    case SUNDAY: // Boxing Day on Monday 26th, Christmas substitute on Tuesday 27th
      days.push(christmas + 1, christmas + 2);
      break;
    default:
      days.push(christmas, christmas + 1);
  }

  const dates = new Set(days.map(isoDate));
  const proclaimed = PROCLAIMED[year];
  if (proclaimed) {
    for (const removed of proclaimed.removed ?? []) dates.delete(removed);
    for (const added of proclaimed.added) dates.add(added);
  }
  return [...dates].sort();
}

const cache = new Map<number, ReadonlySet<number>>();

/** The bank holidays of a year as a set of day numbers, computed once per year. */
export function englandBankHolidayDays(year: number): ReadonlySet<number> {
  let days = cache.get(year);
  if (!days) {
    days = new Set(
      englandBankHolidays(year).map((d) => dayNumber(+d.slice(0, 4), +d.slice(5, 7), +d.slice(8, 10))),
    );
    cache.set(year, days);
  }
  return days;
}
