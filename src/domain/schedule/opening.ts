/**
 * "Open now", "opens next" and "closes at", worked out on the device from ORUK schedules. Every time in
 * a schedule is a Europe/London wall-clock time; the answers are instants (`Date`s) that the UI formats.
 * The current time is always a parameter: nothing here reads the clock.
 */
import type { Schedule, Service } from '../service.ts';
import { civilDate, parseIsoDate } from './calendar.ts';
import { englandBankHolidayDays } from './bank-holidays.ts';
import { DAY_MS, londonInstant, londonWallClockAt } from './london.ts';
import { fallsOn, isTimed, readRule, type Rule } from './rules.ts';

export type OpeningState =
  /**
   * Open now, until `closesAt` (back-to-back sessions are joined, so a Monday to Sunday 24-hour line
   * runs on). `alwaysOpen` says it never closes within the look-ahead; `closesAt` is then only where
   * the look-ahead ends and should not be shown.
   */
  | { kind: 'open'; closesAt: Date; alwaysOpen?: true }
  /** Closed now; `opensAt` is the next opening within the look-ahead, if there is one. */
  | { kind: 'closed'; opensAt?: Date }
  /** No opening times: by appointment only. */
  | { kind: 'appointment' }
  /** No times given that say when it is open. */
  | { kind: 'unknown' };

export interface OpeningOptions {
  /**
   * Bank holidays as ISO dates, for schedules with `openOnBankHolidays: false`. When left out, England
   * and Wales bank holidays are computed (`englandBankHolidays`); pass the GOV.UK list to override.
   */
  bankHolidays?: readonly string[];
  /** How many days ahead to look for the next opening. Default 400. */
  lookAheadDays?: number;
}

const DEFAULT_LOOK_AHEAD_DAYS = 400;

interface Session {
  start: number;
  end: number;
}

type IsBankHoliday = (dayNum: number) => boolean;

function bankHolidayTest(list: readonly string[] | undefined): IsBankHoliday {
  if (list) {
    const days = new Set<number>();
    for (const date of list) {
      const dayNum = parseIsoDate(date);
      if (dayNum !== undefined) days.add(dayNum);
    }
    return (dayNum) => days.has(dayNum);
  }
  return (dayNum) => englandBankHolidayDays(civilDate(dayNum).year).has(dayNum);
}

/** The session a timed rule has starting on London date `dayNum`, if it has one. */
function sessionOn(rule: Rule, dayNum: number, isBankHoliday: IsBankHoliday): Session | undefined {
  if (!fallsOn(rule, dayNum)) return undefined;
  if (rule.closedOnBankHolidays && isBankHoliday(dayNum)) return undefined;
  const opens = rule.opens as number;
  const closes = rule.closes as number;
  // Closing at or before opening means closing the next day: a 20:00 to 02:00 line, a 24-hour day.
  const end = closes > opens ? closes : closes + 1440;
  return { start: londonInstant(dayNum, opens), end: londonInstant(dayNum, end) };
}

/** Where an open spell ending at `end` really ends, once back-to-back sessions are joined on. */
function joinSessions(end: number, limit: number, sessionsStarting: (dayNum: number) => Session[]): number {
  let closesAt = end;
  let extended = true;
  while (extended && closesAt < limit) {
    extended = false;
    const endDay = londonWallClockAt(closesAt).dayNum;
    for (let dayNum = endDay - 1; dayNum <= endDay; dayNum++) {
      for (const session of sessionsStarting(dayNum)) {
        if (session.start <= closesAt && session.end > closesAt) {
          closesAt = session.end;
          extended = true;
        }
      }
    }
  }
  return closesAt;
}

/**
 * Whether a service is open at `now` according to its schedules, and when it next closes or opens.
 *
 * Schedules by appointment only, or without both times and days, say nothing about when it is open.
 * When no schedule has times: `appointment` if any is by appointment, otherwise `unknown`.
 */
export function openingState(
  schedules: readonly Schedule[],
  now: Date,
  opts: OpeningOptions = {},
): OpeningState {
  const rules = schedules.map(readRule);
  const timed = rules.filter(isTimed);
  if (timed.length === 0) {
    return rules.some((r) => r.byAppointment) ? { kind: 'appointment' } : { kind: 'unknown' };
  }

  const isBankHoliday = bankHolidayTest(opts.bankHolidays);
  const lookAhead = Math.max(1, Math.floor(opts.lookAheadDays ?? DEFAULT_LOOK_AHEAD_DAYS));
  const nowMs = now.getTime();
  const today = londonWallClockAt(nowMs).dayNum;

  const sessionsStarting = (dayNum: number): Session[] => {
    const found: Session[] = [];
    for (const rule of timed) {
      const session = sessionOn(rule, dayNum, isBankHoliday);
      if (session) found.push(session);
    }
    return found;
  };

  // Open now? A session lasts at most a day (25 hours across the October change), so only sessions
  // that started yesterday or today can still be running.
  let closesAt: number | undefined;
  for (const dayNum of [today - 1, today]) {
    for (const session of sessionsStarting(dayNum)) {
      if (session.start <= nowMs && nowMs < session.end) closesAt = Math.max(closesAt ?? 0, session.end);
    }
  }

  if (closesAt !== undefined) {
    // Join sessions that start before this one ends: Mon-Fri 9-5 then 5-8, or a 24-hour line.
    const limit = nowMs + lookAhead * DAY_MS;
    const end = joinSessions(closesAt, limit, sessionsStarting);
    return end >= limit
      ? { kind: 'open', closesAt: new Date(end), alwaysOpen: true }
      : { kind: 'open', closesAt: new Date(end) };
  }

  // Closed: the first session to start after now. Sessions on an earlier date start earlier.
  for (let dayNum = today; dayNum <= today + lookAhead; dayNum++) {
    let opensAt: number | undefined;
    for (const session of sessionsStarting(dayNum)) {
      if (session.start > nowMs && (opensAt === undefined || session.start < opensAt))
        opensAt = session.start;
    }
    if (opensAt !== undefined) return { kind: 'closed', opensAt: new Date(opensAt) };
  }
  return { kind: 'closed' };
}

/** Every schedule of a service: its own (phone lines, online) and those of each of its locations. */
export function serviceSchedules(service: Pick<Service, 'schedules' | 'locations'>): Schedule[] {
  return [...service.schedules, ...service.locations.flatMap((location) => location.schedules)];
}

/** `openingState` over all of a service's schedules: open when any of its lines or places is open. */
export function serviceOpeningState(
  service: Pick<Service, 'schedules' | 'locations'>,
  now: Date,
  opts?: OpeningOptions,
): OpeningState {
  return openingState(serviceSchedules(service), now, opts);
}
