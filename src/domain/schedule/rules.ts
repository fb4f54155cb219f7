/**
 * An ORUK schedule read once into numbers: which dates it falls on and at what London times. Shared by
 * "open now" (`opening.ts`) and the descriptions (`describe.ts`), so both read a schedule the same way.
 */
import type { Schedule } from '../service.ts';
import {
  DAYS,
  civilDate,
  daysInMonth,
  parseIsoDate,
  weekday,
  weekdayIndex,
  type CivilDate,
  type Day,
} from './calendar.ts';

export interface DayEntry {
  /** 1 = first, 2 = second, ..., -1 = last, -2 = second to last; undefined = every such day. */
  ordinal?: number;
  day: Day;
}

export type Frequency = 'WEEKLY' | 'MONTHLY' | 'DAILY' | 'ONCE';

export interface Rule {
  /** The frequency given, or the one the other fields imply; undefined when nothing says which days. */
  freq?: Frequency;
  byday: DayEntry[];
  /** 1 to 31, or -1 (last day) to -31. */
  bymonthday: number[];
  /** Minutes after London midnight, 0 to 1439. */
  opens?: number;
  /** Minutes after London midnight, 1 to 1440; 1440 (from "24:00" or "23:59") is the next midnight. */
  closes?: number;
  validFrom?: number;
  validTo?: number;
  dtstart?: number;
  interval: number;
  byAppointment: boolean;
  closedOnBankHolidays: boolean;
  /** Whether the dates it falls on can be worked out. */
  dated: boolean;
}

const BYDAY_ENTRY = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/;

export function parseByDay(value: string | undefined): DayEntry[] {
  if (!value) return [];
  const entries: DayEntry[] = [];
  for (const token of value.split(',')) {
    const match = BYDAY_ENTRY.exec(token.trim().toUpperCase());
    if (!match) continue;
    const day = match[2] as Day;
    if (match[1] === undefined) {
      entries.push({ day });
      continue;
    }
    const ordinal = Number(match[1]);
    if (ordinal !== 0 && Math.abs(ordinal) <= 5) entries.push({ ordinal, day });
  }
  return entries;
}

export function parseByMonthDay(value: string | undefined): number[] {
  if (!value) return [];
  const days: number[] = [];
  for (const token of value.split(',')) {
    const trimmed = token.trim();
    if (!/^[+-]?\d{1,2}$/.test(trimmed)) continue;
    const n = Number(trimmed);
    if (n !== 0 && Math.abs(n) <= 31 && !days.includes(n)) days.push(n);
  }
  return days;
}

/** Minutes after midnight of "HH:MM" (seconds and any offset suffix are ignored), or undefined. */
export function parseTime(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const match = /^(\d{1,2}):(\d{2})/.exec(value.trim());
  if (!match) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes > 0)) return undefined;
  return hours * 60 + minutes;
}

export function readRule(s: Schedule): Rule {
  const byday = parseByDay(s.byday);
  const bymonthday = parseByMonthDay(s.bymonthday);
  const dtstart = parseIsoDate(s.dtstart);
  const validFrom = parseIsoDate(s.validFrom);
  const validTo = parseIsoDate(s.validTo);
  const interval =
    s.interval !== undefined && Number.isInteger(s.interval) && s.interval > 1 ? s.interval : 1;

  let opens = parseTime(s.opensAt);
  if (opens === 1440) opens = undefined;
  let closes = parseTime(s.closesAt);
  // A line that closes at 23:59 is open until midnight; "00:00" closing is midnight too.
  if (closes === 1439 || closes === 0) closes = 1440;

  let freq: Frequency | undefined = s.freq;
  if (!freq) {
    if (bymonthday.length > 0 || byday.some((e) => e.ordinal !== undefined)) freq = 'MONTHLY';
    else if (byday.length > 0) freq = 'WEEKLY';
    else if (dtstart !== undefined || (validFrom !== undefined && validFrom === validTo)) freq = 'ONCE';
  }

  const anchor = dtstart ?? validFrom;
  let dated: boolean;
  switch (freq) {
    case 'WEEKLY':
      dated = byday.length > 0 || dtstart !== undefined;
      break;
    case 'MONTHLY':
      dated = byday.length > 0 || bymonthday.length > 0 || dtstart !== undefined;
      break;
    case 'DAILY':
    case 'ONCE':
      dated = true;
      break;
    default:
      dated = false;
  }
  // "Every other week" means nothing without a week to count from.
  if (interval > 1 && anchor === undefined && freq !== 'ONCE') dated = false;

  return {
    freq,
    byday,
    bymonthday,
    opens,
    closes,
    validFrom,
    validTo,
    dtstart,
    interval,
    byAppointment: s.byAppointment === true,
    closedOnBankHolidays: s.openOnBankHolidays === false,
    dated,
  };
}

/** Whether a rule has both times and dates, so it can say when a place is open. */
export function isTimed(rule: Rule): boolean {
  return !rule.byAppointment && rule.dated && rule.opens !== undefined && rule.closes !== undefined;
}

function matchesOrdinal(entry: DayEntry, date: CivilDate): boolean {
  if (entry.ordinal === undefined) return true;
  if (entry.ordinal > 0) return Math.ceil(date.day / 7) === entry.ordinal;
  const fromEnd = Math.floor((daysInMonth(date.year, date.month) - date.day) / 7) + 1;
  return fromEnd === -entry.ordinal;
}

function matchesMonthDay(days: number[], date: CivilDate): boolean {
  const length = daysInMonth(date.year, date.month);
  return days.some((n) => (n > 0 ? n === date.day : length + n + 1 === date.day));
}

/**
 * Whether the rule's dates include `dayNum` (a London calendar date), leaving bank holidays aside.
 * Follows RFC 5545: in MONTHLY, BYDAY with an ordinal counts within the month, and BYDAY alongside
 * BYMONTHDAY narrows it; in DAILY, BYDAY and BYMONTHDAY narrow; no BYDAY means DTSTART's weekday.
 */
export function fallsOn(rule: Rule, dayNum: number): boolean {
  if (!rule.dated) return false;
  const lowest = Math.max(rule.dtstart ?? -Infinity, rule.validFrom ?? -Infinity);
  if (dayNum < lowest) return false;
  if (rule.validTo !== undefined && dayNum > rule.validTo) return false;
  const anchor = rule.dtstart ?? rule.validFrom;

  switch (rule.freq) {
    case 'ONCE':
      return dayNum === (rule.dtstart ?? rule.validFrom);

    case 'DAILY': {
      if (rule.interval > 1 && anchor !== undefined && (dayNum - anchor) % rule.interval !== 0) return false;
      if (rule.byday.length > 0 && !rule.byday.some((e) => e.day === weekday(dayNum))) return false;
      if (rule.bymonthday.length > 0 && !matchesMonthDay(rule.bymonthday, civilDate(dayNum))) return false;
      return true;
    }

    case 'WEEKLY': {
      const day = weekday(dayNum);
      const days = rule.byday.length > 0 ? rule.byday.map((e) => e.day) : [weekday(rule.dtstart ?? 0)];
      if (!days.includes(day)) return false;
      if (rule.interval > 1 && anchor !== undefined) {
        const anchorMonday = anchor - weekdayIndex(anchor);
        const weeks = Math.floor((dayNum - anchorMonday) / 7);
        if (weeks % rule.interval !== 0) return false;
      }
      return true;
    }

    case 'MONTHLY': {
      const date = civilDate(dayNum);
      if (rule.interval > 1 && anchor !== undefined) {
        const start = civilDate(anchor);
        const months = (date.year - start.year) * 12 + (date.month - start.month);
        if (months % rule.interval !== 0) return false;
      }
      const day = weekday(dayNum);
      if (rule.bymonthday.length > 0) {
        if (!matchesMonthDay(rule.bymonthday, date)) return false;
        return rule.byday.length === 0 || rule.byday.some((e) => e.day === day && matchesOrdinal(e, date));
      }
      if (rule.byday.length > 0) return rule.byday.some((e) => e.day === day && matchesOrdinal(e, date));
      return rule.dtstart !== undefined && civilDate(rule.dtstart).day === date.day;
    }

    default:
      return false;
  }
}

/** Sorts weekday codes Monday first. */
export function sortDays(days: Iterable<Day>): Day[] {
  return [...new Set(days)].sort((a, b) => DAYS.indexOf(a) - DAYS.indexOf(b));
}
