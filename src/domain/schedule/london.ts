/**
 * Europe/London wall-clock time, both ways.
 *
 * Instant → wall clock uses `Intl.DateTimeFormat` with `timeZone: 'Europe/London'`, present in browsers,
 * service workers and Node. Wall clock → instant is the inverse, done carefully around the clock
 * changes: in the spring gap (01:00–02:00 on the last Sunday of March does not exist) a time is read
 * with the offset from before the gap, so 01:30 becomes 02:30 BST; in the autumn overlap (01:00–02:00 on
 * the last Sunday of October happens twice) the first, BST, reading is taken. Both are RFC 5545's rules.
 */
import { civilDate, hhmm, isoDate, lastWeekdayOfMonth, parseIsoDate } from './calendar.ts';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

let formatter: Intl.DateTimeFormat | null | undefined;

function londonFormatter(): Intl.DateTimeFormat | null {
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/London',
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
      });
    } catch {
      // An engine without time zone data: fall back to the rule in force since 1996.
      formatter = null;
    }
  }
  return formatter;
}

/**
 * The UK offset by the rule in force since 1996: BST (UTC+1) from 01:00 UTC on the last Sunday of March
 * to 01:00 UTC on the last Sunday of October, GMT otherwise. In minutes.
 */
export function londonOffsetByRule(ms: number): number {
  const { year } = civilDate(Math.floor(ms / DAY_MS));
  const start = lastWeekdayOfMonth(year, 3, 6) * DAY_MS + HOUR_MS;
  const end = lastWeekdayOfMonth(year, 10, 6) * DAY_MS + HOUR_MS;
  return ms >= start && ms < end ? 60 : 0;
}

function offsetFromIntl(fmt: Intl.DateTimeFormat, ms: number): number {
  const fields: Record<string, number> = {};
  for (const part of fmt.formatToParts(new Date(ms))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const wall = Date.UTC(
    fields.year ?? 1970,
    (fields.month ?? 1) - 1,
    fields.day ?? 1,
    (fields.hour ?? 0) % 24,
    fields.minute ?? 0,
  );
  return Math.round((wall - Math.floor(ms / MINUTE_MS) * MINUTE_MS) / MINUTE_MS);
}

// London's offset only changes on a whole UTC hour, so one lookup serves a whole UTC hour.
const offsetCache = new Map<number, number>();
const OFFSET_CACHE_LIMIT = 50_000;
/** Per UTC day: London's offset all that day, or null on the two days a year when the clocks change. */
const dayOffsetCache = new Map<number, number | null>();

function offsetAtHour(hour: number): number {
  const cached = offsetCache.get(hour);
  if (cached !== undefined) return cached;
  const fmt = londonFormatter();
  const offset = fmt ? offsetFromIntl(fmt, hour * HOUR_MS) : londonOffsetByRule(hour * HOUR_MS);
  if (offsetCache.size >= OFFSET_CACHE_LIMIT) offsetCache.clear();
  offsetCache.set(hour, offset);
  return offset;
}

/**
 * London's offset from UTC, in minutes (0 in winter, 60 in summer), at an instant given in ms. The
 * clocks change at most once in a day, so a day whose first and last hours agree is read from two
 * lookups rather than twenty-four: a month of opening times asks for every hour of it.
 */
export function londonOffsetMinutesAt(ms: number): number {
  const day = Math.floor(ms / DAY_MS);
  let allDay = dayOffsetCache.get(day);
  if (allDay === undefined) {
    const first = offsetAtHour(day * 24);
    allDay = first === offsetAtHour(day * 24 + 23) ? first : null;
    if (dayOffsetCache.size >= OFFSET_CACHE_LIMIT) dayOffsetCache.clear();
    dayOffsetCache.set(day, allDay);
  }
  return allDay ?? offsetAtHour(Math.floor(ms / HOUR_MS));
}

export interface LondonWallClock {
  /** Day number of the London calendar date (see `calendar.ts`). */
  dayNum: number;
  /** Minutes after London midnight, 0 to 1439. */
  minutes: number;
}

/** London wall-clock date and time of an instant given in ms. */
export function londonWallClockAt(ms: number): LondonWallClock {
  const local = ms + londonOffsetMinutesAt(ms) * MINUTE_MS;
  const dayNum = Math.floor(local / DAY_MS);
  return { dayNum, minutes: Math.floor((local - dayNum * DAY_MS) / MINUTE_MS) };
}

/**
 * The instant (ms) at which London's clocks show `minutes` after midnight on the date `dayNum`.
 * `minutes` may be 1440 or more to mean a time on a following day (1440 is the next midnight).
 */
export function londonInstant(dayNum: number, minutes: number): number {
  const local = dayNum * DAY_MS + minutes * MINUTE_MS;
  const before = londonOffsetMinutesAt(local - 12 * HOUR_MS);
  const after = londonOffsetMinutesAt(local + 12 * HOUR_MS);
  const readBefore = local - before * MINUTE_MS;
  if (before === after) return readBefore;
  const readAfter = local - after * MINUTE_MS;
  const beforeHolds = londonOffsetMinutesAt(readBefore) === before;
  const afterHolds = londonOffsetMinutesAt(readAfter) === after;
  if (beforeHolds && afterHolds) return Math.min(readBefore, readAfter); // the overlap: first reading
  if (afterHolds) return readAfter;
  return readBefore; // valid before the change, or in the gap: the offset from before the gap
}

/** London wall clock of an instant, as ISO date "YYYY-MM-DD" and time "HH:MM". */
export function toLondonWallClock(instant: Date): { date: string; time: string } {
  const { dayNum, minutes } = londonWallClockAt(instant.getTime());
  return { date: isoDate(dayNum), time: hhmm(minutes) };
}

/**
 * The instant at which London's clocks show an ISO date and "HH:MM" time. Throws RangeError on a date or
 * time that cannot be read.
 */
export function fromLondonWallClock(date: string, time: string): Date {
  const dayNum = parseIsoDate(date);
  const match = /^(\d{1,2}):(\d{2})$/.exec(time.trim());
  if (dayNum === undefined || !match) throw new RangeError(`Not a London date and time: ${date} ${time}`);
  return new Date(londonInstant(dayNum, Number(match[1]) * 60 + Number(match[2])));
}
