/**
 * Schedules put into words. `describeSchedule` gives language-neutral parts that the UI turns into any
 * language with i18next and Intl; `describeScheduleInEnglish` gives the English sentence for tests,
 * print views and ORUK descriptions.
 */
import type { Schedule } from '../service.ts';
import { DAYS, civilDate, hhmm, isoDate, parseIsoDate, weekday, type Day } from './calendar.ts';
import { readRule, sortDays, type Rule } from './rules.ts';

/** A run of weekdays: Monday to Friday is `{ from: 'MO', to: 'FR' }`; a lone day has `from === to`. */
export interface DayRun {
  from: Day;
  to: Day;
}

export interface OrdinalDay {
  /** 1 = first, ..., 5 = fifth; -1 = last, -2 = second to last. */
  ordinal: number;
  day: Day;
}

export interface DescribedTimes {
  /** London wall-clock "HH:MM". */
  opens?: string;
  /** London wall-clock "HH:MM"; "00:00" is midnight at the end of the day (given as 00:00, 23:59 or 24:00). */
  closes?: string;
  /** Open round the clock: 00:00 to midnight. */
  allDay?: true;
  /** Closes after midnight, on the next day (20:00 to 02:00). */
  overnight?: true;
}

export interface DescribedCommon {
  /** ISO dates bounding when the schedule applies, passed through. */
  validFrom?: string;
  validTo?: string;
  /** The schedule's own words, passed through. */
  description?: string;
  /** Not on bank holidays (`openOnBankHolidays: false`). */
  closedOnBankHolidays?: true;
  /** Every n weeks (weekly), months (monthly) or days (daily), when n > 1. */
  interval?: number;
}

export type ScheduleDescription = DescribedCommon &
  (
    | ({
        kind: 'weekly';
        /** Monday first. */
        days: Day[];
        /** The days grouped: runs of three or more consecutive days become one run. */
        runs: DayRun[];
        /** True when the days are one run of consecutive days, as "Monday to Friday". */
        range: boolean;
      } & DescribedTimes)
    | ({
        kind: 'monthly-ordinal';
        /** The first entry's ordinal and day; `entries` has them all ("1MO,3MO"). */
        ordinal: number;
        day: Day;
        entries: OrdinalDay[];
      } & DescribedTimes)
    | ({
        kind: 'monthly-day';
        /** Days of the month: 1 to 31, -1 for the last day. Positive first, ascending, then from the end. */
        days: number[];
      } & DescribedTimes)
    | ({ kind: 'daily' } & DescribedTimes)
    | ({ kind: 'once'; date: string } & DescribedTimes)
    | { kind: 'appointment' }
    /** Nothing says which days; there may still be times and a description. */
    | ({ kind: 'unspecified' } & DescribedTimes)
  );

function groupRuns(days: Day[]): DayRun[] {
  const runs: DayRun[] = [];
  let i = 0;
  while (i < days.length) {
    let j = i;
    while (j + 1 < days.length && DAYS.indexOf(days[j + 1] as Day) === DAYS.indexOf(days[j] as Day) + 1) j++;
    if (j - i >= 2) {
      runs.push({ from: days[i] as Day, to: days[j] as Day });
      i = j + 1;
    } else {
      runs.push({ from: days[i] as Day, to: days[i] as Day });
      i++;
    }
  }
  return runs;
}

function describeTimes(rule: Rule): DescribedTimes {
  const times: DescribedTimes = {};
  if (rule.opens !== undefined) times.opens = hhmm(rule.opens);
  if (rule.closes !== undefined) times.closes = hhmm(rule.closes % 1440);
  if (rule.opens !== undefined && rule.closes !== undefined) {
    if (rule.opens === 0 && rule.closes === 1440) times.allDay = true;
    else if (rule.closes <= rule.opens) times.overnight = true;
  }
  return times;
}

function sortMonthDays(days: number[]): number[] {
  const positive = days.filter((d) => d > 0).sort((a, b) => a - b);
  const negative = days.filter((d) => d < 0).sort((a, b) => a - b);
  return [...positive, ...negative];
}

function sortOrdinals(entries: OrdinalDay[]): OrdinalDay[] {
  const rank = (o: number): number => (o > 0 ? o : 10 - o);
  return [...entries].sort(
    (a, b) => DAYS.indexOf(a.day) - DAYS.indexOf(b.day) || rank(a.ordinal) - rank(b.ordinal),
  );
}

/** The parts of a schedule the UI needs to say it in words, in any language. */
export function describeSchedule(s: Schedule): ScheduleDescription {
  const rule = readRule(s);
  const common: DescribedCommon = {};
  if (s.validFrom !== undefined) common.validFrom = s.validFrom;
  if (s.validTo !== undefined) common.validTo = s.validTo;
  if (s.description !== undefined) common.description = s.description;
  if (rule.byAppointment) return { ...common, kind: 'appointment' };
  if (rule.closedOnBankHolidays) common.closedOnBankHolidays = true;
  const times = describeTimes(rule);
  const withInterval = (): DescribedCommon =>
    rule.interval > 1 ? { ...common, interval: rule.interval } : common;

  const weekly = (days: Day[], interval: boolean): ScheduleDescription => {
    const runs = groupRuns(days);
    const range = runs.length === 1 && runs[0]?.from !== runs[0]?.to;
    return { ...(interval ? withInterval() : common), kind: 'weekly', days, runs, range, ...times };
  };

  switch (rule.freq) {
    case 'ONCE':
      return { ...common, kind: 'once', date: isoDate((rule.dtstart ?? rule.validFrom) as number), ...times };

    case 'DAILY':
      if (rule.byday.length > 0 && rule.bymonthday.length === 0) {
        return weekly(sortDays(rule.byday.map((e) => e.day)), false);
      }
      return { ...withInterval(), kind: 'daily', ...times };

    case 'WEEKLY':
      if (rule.byday.length > 0) return weekly(sortDays(rule.byday.map((e) => e.day)), true);
      if (rule.dtstart !== undefined) return weekly([weekday(rule.dtstart)], true);
      break;

    case 'MONTHLY': {
      if (rule.bymonthday.length > 0) {
        return { ...withInterval(), kind: 'monthly-day', days: sortMonthDays(rule.bymonthday), ...times };
      }
      const ordinals = rule.byday.filter((e): e is OrdinalDay => e.ordinal !== undefined);
      if (ordinals.length > 0) {
        const entries = sortOrdinals(ordinals);
        const first = entries[0] as OrdinalDay;
        return {
          ...withInterval(),
          kind: 'monthly-ordinal',
          ordinal: first.ordinal,
          day: first.day,
          entries,
          ...times,
        };
      }
      if (rule.byday.length > 0) return weekly(sortDays(rule.byday.map((e) => e.day)), false);
      if (rule.dtstart !== undefined) {
        return { ...withInterval(), kind: 'monthly-day', days: [civilDate(rule.dtstart).day], ...times };
      }
      break;
    }
    case undefined:
      // Nothing says which days: said as unspecified below.
      break;
  }
  return { ...common, kind: 'unspecified', ...times };
}

// English.

const DAY_NAMES: Record<Day, string> = {
  MO: 'Monday',
  TU: 'Tuesday',
  WE: 'Wednesday',
  TH: 'Thursday',
  FR: 'Friday',
  SA: 'Saturday',
  SU: 'Sunday',
};

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const ORDINAL_WORDS = ['', 'first', 'second', 'third', 'fourth', 'fifth'];

function ordinalWord(n: number): string {
  if (n === -1) return 'last';
  if (n < 0) return `${ORDINAL_WORDS[-n] ?? `${-n}th`} to last`;
  return ORDINAL_WORDS[n] ?? `${n}th`;
}

function ordinalNumber(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  const suffix = { 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "a", "a and b", "a, b and c". */
function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "9am", "9:30am", "12pm" (noon), "midnight". */
export function englishTime(value: string): string {
  const [h = 0, m = 0] = value.split(':').map(Number);
  if (h % 24 === 0 && m === 0) return 'midnight';
  const hour12 = h % 12 === 0 ? 12 : h % 12;
  const minutes = m === 0 ? '' : `:${String(m).padStart(2, '0')}`;
  return `${hour12}${minutes}${h < 12 ? 'am' : 'pm'}`;
}

/** "1 April 2026". */
export function englishDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return iso;
  return `${Number(match[3])} ${MONTH_NAMES[Number(match[2]) - 1] ?? ''} ${match[1]}`;
}

function englishTimes(t: DescribedTimes): string {
  if (t.allDay) return '24 hours';
  if (t.opens !== undefined && t.closes !== undefined)
    return `${englishTime(t.opens)} to ${englishTime(t.closes)}`;
  if (t.opens !== undefined) return `from ${englishTime(t.opens)}`;
  if (t.closes !== undefined) return `until ${englishTime(t.closes)}`;
  return '';
}

function every(interval: number | undefined, unit: string): string {
  if (interval === undefined) return `every ${unit}`;
  return interval === 2 ? `every other ${unit}` : `every ${interval} ${unit}s`;
}

function englishDays(d: Extract<ScheduleDescription, { kind: 'weekly' }>): string {
  if (d.days.length === 7) return d.interval ? capitalise(every(d.interval, 'week')) : 'Every day';
  const runs = d.runs.map((r) =>
    r.from === r.to ? DAY_NAMES[r.from] : `${DAY_NAMES[r.from]} to ${DAY_NAMES[r.to]}`,
  );
  if (d.days.length === 1) {
    const day = DAY_NAMES[d.days[0] as Day];
    if (d.interval === undefined) return `Every ${day}`;
    return d.interval === 2 ? `Every other ${day}` : `Every ${d.interval} weeks on ${day}`;
  }
  return d.interval === undefined ? list(runs) : `${list(runs)}, ${every(d.interval, 'week')}`;
}

function englishOrdinals(d: Extract<ScheduleDescription, { kind: 'monthly-ordinal' }>): string {
  const byDay = new Map<Day, number[]>();
  for (const e of d.entries) byDay.set(e.day, [...(byDay.get(e.day) ?? []), e.ordinal]);
  const parts = [...byDay].map(([day, ordinals]) => `${list(ordinals.map(ordinalWord))} ${DAY_NAMES[day]}`);
  const month = d.interval === undefined ? 'the month' : every(d.interval, 'month');
  return capitalise(`${list(parts)} of ${month}`);
}

function englishMonthDays(d: Extract<ScheduleDescription, { kind: 'monthly-day' }>): string {
  const words = d.days.map((n) =>
    n > 0 ? ordinalNumber(n) : n === -1 ? 'last day' : `${ordinalWord(n)} day`,
  );
  const month = d.interval === undefined ? 'the month' : every(d.interval, 'month');
  return capitalise(`${list(words)} of ${month}`);
}

/**
 * A schedule in plain English: "Every Tuesday, 10am to 2pm", "Monday to Friday, 9am to 5pm",
 * "Second Tuesday of the month, 10am to 12pm", "Last Friday of the month", "By appointment".
 * Bank holiday closing and the dates it applies between follow: ", except bank holidays",
 * " (from 1 April 2026 to 30 September 2026)".
 */
export function describeScheduleInEnglish(s: Schedule): string {
  const d = describeSchedule(s);
  let heading: string;
  switch (d.kind) {
    case 'appointment':
      return 'By appointment';
    case 'weekly':
      heading = englishDays(d);
      break;
    case 'monthly-ordinal':
      heading = englishOrdinals(d);
      break;
    case 'monthly-day':
      heading = englishMonthDays(d);
      break;
    case 'daily':
      heading = capitalise(every(d.interval, 'day'));
      break;
    case 'once':
      heading = `${DAY_NAMES[weekday(parseIsoDate(d.date) as number)]} ${englishDate(d.date)}`;
      break;
    case 'unspecified':
      heading = '';
      break;
  }

  const times = englishTimes(d);
  let text = [heading, times].filter(Boolean).join(', ');
  if (!text) return d.description?.trim() || 'Times not given';
  if (!heading && d.description?.trim()) text = `${d.description.trim()}, ${times}`;
  text = capitalise(text);
  if (d.closedOnBankHolidays) text += ', except bank holidays';
  if (d.kind === 'once') return text;
  if (d.validFrom && d.validTo) text += ` (from ${englishDate(d.validFrom)} to ${englishDate(d.validTo)})`;
  else if (d.validFrom) text += ` (from ${englishDate(d.validFrom)})`;
  else if (d.validTo) text += ` (until ${englishDate(d.validTo)})`;
  return text;
}
