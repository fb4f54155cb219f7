/**
 * Opening times in the page's language: the language-neutral parts from `describeSchedule` and
 * `openingState` put into words with i18next (sentence patterns) and Intl (day names, times, dates, lists).
 * English keeps GOV.UK's style for times ("10am", "2:30pm").
 */
import type { TFunction } from 'i18next';
import {
  describeSchedule,
  englishTime,
  toLondonWallClock,
  type Day,
  type OpeningState,
  type ScheduleDescription,
} from '../../../domain/schedule/index.ts';
import type { Schedule } from '../../../domain/service.ts';
import { dateTimeFormat, listFormat, numberFormat } from '../../i18n/intl.ts';

export interface Words {
  t: TFunction;
  /** A BCP 47 tag for Intl: "en-GB", "ar". */
  locale: string;
}

// 1 January 2024 was a Monday.
const DAY_OFFSET: Record<Day, number> = { MO: 0, TU: 1, WE: 2, TH: 3, FR: 4, SA: 5, SU: 6 };

function isEnglish(locale: string): boolean {
  return locale.toLowerCase().startsWith('en');
}

export function dayName(day: Day, locale: string): string {
  return dateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(
    Date.UTC(2024, 0, 1 + DAY_OFFSET[day]),
  );
}

/** A London wall-clock "HH:MM" in words; "00:00" as a closing time is midnight. */
export function timeWords(hhmm: string, words: Words): string {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  if (h % 24 === 0 && m === 0) return words.t('time.midnight');
  if (isEnglish(words.locale)) return englishTime(hhmm);
  return dateTimeFormat(words.locale, {
    hour: 'numeric',
    ...(m === 0 ? {} : { minute: '2-digit' }),
    timeZone: 'UTC',
  }).format(Date.UTC(2024, 0, 1, h, m));
}

/** An ISO date ("2026-04-01") as "1 April 2026" in the page's language. */
export function dateWords(iso: string, locale: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return iso;
  return dateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

export function listWords(items: readonly string[], locale: string): string {
  return listFormat(locale, { type: 'conjunction' }).format(items);
}

/** The first letter in capitals, where the script has them: "first Monday…" → "First Monday…". */
function capitalise(text: string, locale: string): string {
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}

function number(n: number, locale: string): string {
  return numberFormat(locale).format(n);
}

function timesWords(d: ScheduleDescription, words: Words): string {
  if (d.kind === 'appointment') return '';
  const { t } = words;
  if (d.allDay) return t('schedule.allDay');
  if (d.opens !== undefined && d.closes !== undefined) {
    return t('schedule.fromTo', { opens: timeWords(d.opens, words), closes: timeWords(d.closes, words) });
  }
  if (d.opens !== undefined) return t('schedule.from', { opens: timeWords(d.opens, words) });
  if (d.closes !== undefined) return t('schedule.until', { closes: timeWords(d.closes, words) });
  return '';
}

function weeklyWords(d: Extract<ScheduleDescription, { kind: 'weekly' }>, words: Words): string {
  const { t, locale } = words;
  const interval = d.interval;
  const n = interval === undefined ? undefined : number(interval, locale);
  if (d.days.length === 7) {
    if (interval === undefined) return t('schedule.everyDay');
    return interval === 2 ? t('schedule.everyOtherWeek') : t('schedule.everyWeeks', { count: interval, n });
  }
  if (d.days.length === 1) {
    const day = dayName(d.days[0] as Day, locale);
    if (interval === undefined) return t('schedule.everyWeekday', { day });
    if (interval === 2) return t('schedule.everyOtherWeekday', { day });
    return t('schedule.everyWeeksOnDay', { count: interval, n, day });
  }
  const runs = d.runs.map((run) =>
    run.from === run.to
      ? dayName(run.from, locale)
      : t('schedule.dayRange', { from: dayName(run.from, locale), to: dayName(run.to, locale) }),
  );
  const days = listWords(runs, locale);
  if (interval === undefined) return days;
  return interval === 2
    ? t('schedule.daysEveryOtherWeek', { days })
    : t('schedule.daysEveryWeeks', { count: interval, n, days });
}

function ordinalWord(ordinal: number, words: Words): string {
  return words.t(`schedule.ordinal.${ordinal < 0 ? `minus${-ordinal}` : ordinal}`, {
    defaultValue: String(ordinal),
  });
}

function ofTheMonth(parts: string, interval: number | undefined, words: Words): string {
  const { t, locale } = words;
  if (interval === undefined) return t('schedule.ofTheMonth', { parts });
  if (interval === 2) return t('schedule.ofEveryOtherMonth', { parts });
  return t('schedule.ofEveryMonths', { parts, count: interval, n: number(interval, locale) });
}

function monthlyOrdinalWords(
  d: Extract<ScheduleDescription, { kind: 'monthly-ordinal' }>,
  words: Words,
): string {
  const byDay = new Map<Day, number[]>();
  for (const entry of d.entries) byDay.set(entry.day, [...(byDay.get(entry.day) ?? []), entry.ordinal]);
  const parts = [...byDay].map(([day, ordinals]) =>
    words.t('schedule.ordinalDay', {
      ordinals: listWords(
        ordinals.map((o) => ordinalWord(o, words)),
        words.locale,
      ),
      day: dayName(day, words.locale),
    }),
  );
  return ofTheMonth(listWords(parts, words.locale), d.interval, words);
}

function monthlyDayWords(d: Extract<ScheduleDescription, { kind: 'monthly-day' }>, words: Words): string {
  const { t, locale } = words;
  const days = d.days.map((day) =>
    day === -1
      ? t('schedule.lastDay')
      : day < 0
        ? t('schedule.dayFromEnd', { ordinal: ordinalWord(day, words) })
        : t('schedule.dayOfMonth', { count: day, ordinal: true, n: number(day, locale) }),
  );
  return ofTheMonth(listWords(days, locale), d.interval, words);
}

function headingWords(d: ScheduleDescription, words: Words): string {
  const { t, locale } = words;
  switch (d.kind) {
    case 'appointment':
      return t('schedule.appointment');
    case 'weekly':
      return weeklyWords(d, words);
    case 'monthly-ordinal':
      return monthlyOrdinalWords(d, words);
    case 'monthly-day':
      return monthlyDayWords(d, words);
    case 'daily':
      if (d.interval === undefined) return t('schedule.everyDay');
      return d.interval === 2
        ? t('schedule.everyOtherDay')
        : t('schedule.everyDays', { count: d.interval, n: number(d.interval, locale) });
    case 'once': {
      const day = dateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(
        Date.parse(`${d.date}T12:00:00Z`),
      );
      return t('schedule.once', { day, date: dateWords(d.date, locale) });
    }
    case 'unspecified':
      return '';
  }
}

export interface ScheduleWords {
  /** The schedule in the page's language, as one sentence. */
  text: string;
  /** The schedule's own words from the directory, in English, when they add something. */
  note?: string;
}

/**
 * A schedule in words: "Every Tuesday, 10am to 2pm", "Second Tuesday of the month, 2pm to 4pm", "Monday
 * to Friday, 9am to 5pm, except bank holidays", "By appointment". The directory's own description is
 * passed back as `note` when the structured parts cannot say it all.
 */
export function scheduleWords(schedule: Schedule, words: Words): ScheduleWords {
  const { t, locale } = words;
  const d = describeSchedule(schedule);
  const heading = headingWords(d, words);
  const times = timesWords(d, words);
  const own = d.description?.trim();
  if (d.kind === 'appointment') return { text: heading };
  let text = heading && times ? t('schedule.daysAndTimes', { days: heading, times }) : heading || times;
  if (!text) return own ? { text: t('schedule.seeNote'), note: own } : { text: t('schedule.notGiven') };
  text = capitalise(text, locale);
  if (d.closedOnBankHolidays) text = t('schedule.exceptBankHolidays', { text });
  if (d.kind !== 'once') {
    if (d.validFrom && d.validTo) {
      text = t('schedule.between', {
        text,
        from: dateWords(d.validFrom, locale),
        to: dateWords(d.validTo, locale),
      });
    } else if (d.validFrom) text = t('schedule.starting', { text, from: dateWords(d.validFrom, locale) });
    else if (d.validTo) text = t('schedule.ending', { text, to: dateWords(d.validTo, locale) });
  }
  return !heading && own ? { text, note: own } : { text };
}

const DAY_MS = 86_400_000;

/** "today at 2pm", "tomorrow at 9am", "Tuesday at 10am", "Tuesday 14 April at 10am" (London time). */
export function whenWords(instant: Date, now: Date, words: Words): string {
  const { t, locale } = words;
  const at = toLondonWallClock(instant);
  const today = toLondonWallClock(now).date;
  const time = timeWords(at.time, words);
  if (at.date === today) return t('opening.today', { time });
  const days = Math.round((Date.parse(`${at.date}T12:00:00Z`) - Date.parse(`${today}T12:00:00Z`)) / DAY_MS);
  if (days === 1) return t('opening.tomorrow', { time });
  const options: Intl.DateTimeFormatOptions =
    days < 7 ? { weekday: 'long' } : { weekday: 'long', day: 'numeric', month: 'long' };
  const day = dateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(
    Date.parse(`${at.date}T12:00:00Z`),
  );
  return t('opening.onDay', { day, time });
}

/** "Open now, until 5pm", "Closed. Opens tomorrow at 9am", "By appointment"; undefined when unknown. */
export function openingWords(state: OpeningState, now: Date, words: Words): string | undefined {
  const { t } = words;
  switch (state.kind) {
    case 'open': {
      if (state.alwaysOpen) return t('opening.openAlways');
      const closes = toLondonWallClock(state.closesAt);
      const sameDay = closes.date === toLondonWallClock(now).date;
      return sameDay || closes.time === '00:00'
        ? t('opening.openUntil', { time: timeWords(closes.time, words) })
        : t('opening.openUntilWhen', { when: whenWords(state.closesAt, now, words) });
    }
    case 'closed':
      return state.opensAt
        ? t('opening.closedOpens', { when: whenWords(state.opensAt, now, words) })
        : t('opening.closed');
    case 'appointment':
      return t('opening.appointment');
    case 'unknown':
      return undefined;
  }
}
