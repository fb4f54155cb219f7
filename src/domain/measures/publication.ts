import { addDays, monthEnd, nextMonth, ukDate, ukMidnight, ukMonth } from './periods.ts';

/**
 * When answers count and when a month's figures may be published (docs/measures.md, "Time" and
 * "Publication"). Time belongs to the server: these rules take the server's clock, never the sender's.
 */

/** Days after a month ends before it may be published, so staff devices that were offline can catch up. */
export const DEFAULT_GRACE_DAYS = 7;
/** A grace period longer than the backdating window would wait for answers that can no longer come. */
export const MAX_GRACE_DAYS = 31;
/** How far back a member of staff may date answers they gathered: older ones are refused. */
export const BACKDATING_WINDOW_DAYS = 31;
/** A device's clock a little ahead of the server's is not an answer from the future. */
export const CLOCK_SKEW_MS = 5 * 60_000;
/** The longest revision note a republication may carry. */
export const MAX_NOTE_LENGTH = 1000;

/** How the answers reached the council: a person alone, a member of staff with them, or a paper form. */
export const PROVENANCES = ['self-completed', 'staff-assisted', 'paper'] as const;
export type Provenance = (typeof PROVENANCES)[number];

/** The first moment `period` may be published: midnight (UK) at the end of its grace period. */
export function publishableFrom(period: string, graceDays: number = DEFAULT_GRACE_DAYS): Date {
  return ukMidnight(addDays(`${nextMonth(period)}-01`, graceDays));
}

/**
 * Where a month stands: `open` until it ends, `closing` during its grace period, `ready` to publish,
 * `published` once an analyst has published it (whatever the clock says).
 */
export const MONTH_STATES = ['open', 'closing', 'ready', 'published'] as const;
export type MonthState = (typeof MONTH_STATES)[number];

export function monthState(options: {
  period: string;
  now: Date;
  graceDays?: number;
  published: boolean;
}): MonthState {
  if (options.published) return 'published';
  if (options.now < monthEnd(options.period)) return 'open';
  if (options.now < publishableFrom(options.period, options.graceDays)) return 'closing';
  return 'ready';
}

/** Why a publication is refused: the month has not ended, its grace period runs, or a revision lacks a note. */
export type PublishRefusal = 'month-not-over' | 'in-grace' | 'note-required';

/**
 * Whether `period` may be published now. The first publication needs the month and its grace period
 * over; each republication (revision 2 onwards) also needs a note saying what changed and why.
 */
export function publishRefusal(options: {
  period: string;
  now: Date;
  graceDays?: number;
  revisions: number;
  note?: string | null;
}): PublishRefusal | null {
  const state = monthState({ ...options, published: false });
  if (state === 'open') return 'month-not-over';
  if (state === 'closing') return 'in-grace';
  if (options.revisions > 0 && !options.note?.trim()) return 'note-required';
  return null;
}

/** The month an answer counts in, when it was given (if that can be believed), and whether it came late. */
export interface AnswerTime {
  period: string;
  /** The time the answers were given, or null when the sender's clock cannot be believed. */
  givenAt: Date | null;
  /** Given in an earlier month than the one it counts in: shown on that month's "arrived late" line. */
  late: boolean;
}

/** Why a staff-given time is refused: ahead of the server's clock, or older than the backdating window. */
export type TimeRefusal = 'in-the-future' | 'too-old';

/**
 * The month an answer counts in.
 *
 * - Self-completed: the month the server received it, always. The device's clock is kept as the time
 *   given only when it is within the backdating window before receipt (an offline phone), and then only
 *   to say the answer arrived late.
 * - Staff-assisted (the time on the device when staff recorded it) or paper (the day on the form): the
 *   month it was given, unless that month is published already, when it counts in the month received
 *   and arrived late. A time in the future or older than the window is refused.
 */
export function answerTime(input: {
  provenance: Provenance;
  /** The device's time when the submission was made. */
  createdAt: Date;
  /** For paper: the day written on the form, `YYYY-MM-DD`. */
  givenOn?: string;
  receivedAt: Date;
  isPublished: (period: string) => boolean;
}): AnswerTime | { refused: TimeRefusal } {
  const received = input.receivedAt;
  const receivedMonth = ukMonth(received);
  const windowStart = new Date(received.getTime() - BACKDATING_WINDOW_DAYS * 86_400_000);
  if (input.provenance === 'self-completed') {
    const believable = input.createdAt >= windowStart && input.createdAt <= received;
    const givenAt = believable ? input.createdAt : null;
    return { period: receivedMonth, givenAt, late: givenAt !== null && ukMonth(givenAt) < receivedMonth };
  }
  let givenAt: Date;
  if (input.provenance === 'paper') {
    if (!input.givenOn) return { refused: 'too-old' };
    const today = ukDate(received);
    if (input.givenOn > today) return { refused: 'in-the-future' };
    if (input.givenOn < addDays(today, -BACKDATING_WINDOW_DAYS)) return { refused: 'too-old' };
    givenAt = ukMidnight(input.givenOn);
  } else {
    if (input.createdAt.getTime() > received.getTime() + CLOCK_SKEW_MS) return { refused: 'in-the-future' };
    if (input.createdAt < windowStart) return { refused: 'too-old' };
    givenAt = input.createdAt;
  }
  const givenMonth = ukMonth(givenAt) > receivedMonth ? receivedMonth : ukMonth(givenAt);
  if (input.isPublished(givenMonth))
    return { period: receivedMonth, givenAt, late: givenMonth < receivedMonth };
  return { period: givenMonth, givenAt, late: false };
}
