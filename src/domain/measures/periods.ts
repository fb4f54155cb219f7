import { z } from 'zod/mini';

/**
 * Reporting months. The council's months are calendar months in UK time, written `YYYY-MM`; the years a
 * month may name are bounded, so a request for year 0 or 9999 is refused at the boundary rather than
 * reaching the database (which has no year 0) or the arithmetic below.
 */

export const COUNCIL_TIME_ZONE = 'Europe/London';
/** The first and last years a reporting month may be in. */
export const FIRST_PERIOD_YEAR = 2000;
export const LAST_PERIOD_YEAR = 2099;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Whether `value` is a month `YYYY-MM` within the years above. */
export function isPeriod(value: string): boolean {
  const match = MONTH.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  return year >= FIRST_PERIOD_YEAR && year <= LAST_PERIOD_YEAR;
}

/** A reporting month, `YYYY-MM`, as the measures and the scorecard are reported. */
export const Period = z.string().check(z.refine(isPeriod, { error: 'invalid-period' }));

function parts(period: string): [number, number] {
  const match = MONTH.exec(period);
  if (!match) throw new RangeError(`A period is a month, YYYY-MM; got "${period}"`);
  return [Number(match[1]), Number(match[2])];
}

const format = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;

/** The calendar month before `YYYY-MM`. */
export function previousMonth(period: string): string {
  const [year, month] = parts(period);
  return month === 1 ? format(year - 1, 12) : format(year, month - 1);
}

/** The calendar month after `YYYY-MM`. */
export function nextMonth(period: string): string {
  const [year, month] = parts(period);
  return month === 12 ? format(year + 1, 1) : format(year, month + 1);
}

/** `count` months ending with `last`, oldest first. */
export function monthsEnding(last: string, count: number): string[] {
  const months = [last];
  while (months.length < count) months.unshift(previousMonth(months[0] as string));
  return months;
}

/** Every month from `from` to `to`, oldest first. */
export function monthsBetween(from: string, to: string): string[] {
  if (from > to) throw new RangeError(`${from} is after ${to}`);
  const months = [to];
  while ((months[0] as string) > from) months.unshift(previousMonth(months[0] as string));
  return months;
}

// Made when first used: making it reads time-zone data, tens of milliseconds on a phone, and every page
// of the app loads this module (through the outbox) whether or not it ever asks for a day.
let ukDay: Intl.DateTimeFormat | undefined;

/** The day it is in the UK at `time`, `YYYY-MM-DD`. */
export function ukDate(time: Date): string {
  ukDay ??= new Intl.DateTimeFormat('en-CA', {
    timeZone: COUNCIL_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  const values = Object.fromEntries(ukDay.formatToParts(time).map((p) => [p.type, p.value]));
  return `${values.year}-${values.month}-${values.day}`;
}

/** The reporting month `time` falls in, in UK time. */
export function ukMonth(time: Date): string {
  return ukDate(time).slice(0, 7);
}

/** `YYYY-MM-DD` moved by `days` (negative for earlier). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The instant a UK day starts (midnight in London, whether GMT or BST). */
export function ukMidnight(day: string): Date {
  const utc = Date.parse(`${day}T00:00:00Z`);
  // London is UTC or one hour ahead: the one of the two that London calls this day's midnight.
  for (const offsetHours of [1, 0]) {
    const candidate = new Date(utc - offsetHours * 3_600_000);
    if (ukDate(candidate) === day && ukDate(new Date(candidate.getTime() - 1)) !== day) return candidate;
  }
  return new Date(utc);
}

/** The instant a reporting month ends: midnight in London at the start of the next month. */
export function monthEnd(period: string): Date {
  return ukMidnight(`${nextMonth(period)}-01`);
}

/** The `date` a month is stored as in the database: its first day. */
export function periodDate(period: string): string {
  return `${period}-01`;
}
