/**
 * Civil (calendar) dates as plain day numbers: days since 1970-01-01 in the proleptic Gregorian
 * calendar. No time zone is involved: a day number names a date on a wall calendar, not an instant.
 */

/** RFC 5545 weekday codes, Monday first (ISO 8601 and the UK's week). */
export const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Day = (typeof DAYS)[number];

export interface CivilDate {
  year: number;
  /** 1 to 12. */
  month: number;
  /** 1 to 31. */
  day: number;
}

/** The day number of a calendar date (H. Hinnant's days_from_civil). */
export function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The calendar date of a day number (H. Hinnant's civil_from_days). */
export function civilDate(dayNum: number): CivilDate {
  const z = dayNum + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** 0 for Monday to 6 for Sunday. 1970-01-01 was a Thursday. */
export function weekdayIndex(dayNum: number): number {
  return (((dayNum + 3) % 7) + 7) % 7;
}

export function weekday(dayNum: number): Day {
  return DAYS[weekdayIndex(dayNum)] as Day;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The day number of the last given weekday (0 = Monday) of a month. */
export function lastWeekdayOfMonth(year: number, month: number, weekdayIdx: number): number {
  const last = dayNumber(year, month, daysInMonth(year, month));
  return last - ((weekdayIndex(last) - weekdayIdx + 7) % 7);
}

/** The day number of the first given weekday (0 = Monday) of a month. */
export function firstWeekdayOfMonth(year: number, month: number, weekdayIdx: number): number {
  const first = dayNumber(year, month, 1);
  return first + ((weekdayIdx - weekdayIndex(first) + 7) % 7);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/**
 * The day number of an ISO date, "YYYY-MM-DD". A longer ISO date-time is read by its date part (ORUK
 * `dtstart` is sometimes a date-time). Undefined for anything that is not a real calendar date.
 */
export function parseIsoDate(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const match = ISO_DATE.exec(value.trim());
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return dayNumber(year, month, day);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** "YYYY-MM-DD" for a day number. */
export function isoDate(dayNum: number): string {
  const { year, month, day } = civilDate(dayNum);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** "HH:MM" for minutes after midnight (0 to 1439). */
export function hhmm(minutes: number): string {
  return `${pad(Math.floor(minutes / 60), 2)}:${pad(minutes % 60, 2)}`;
}
