import { relativeTimeFormat } from '../../i18n/intl.ts';
/** How long ago the directory on this device was brought up to date, in the page's language. */

export type Elapsed = { unit: Intl.RelativeTimeFormatUnit; value: number } | 'just-now';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The largest whole unit that fits: minutes under an hour, hours under a day, days under a month, then months. */
export function elapsedSince(then: Date, now: Date): Elapsed {
  const ms = Math.max(0, now.getTime() - then.getTime());
  if (ms < MINUTE) return 'just-now';
  if (ms < HOUR) return { unit: 'minute', value: Math.floor(ms / MINUTE) };
  if (ms < DAY) return { unit: 'hour', value: Math.floor(ms / HOUR) };
  if (ms < 30 * DAY) return { unit: 'day', value: Math.floor(ms / DAY) };
  if (ms < 365 * DAY) return { unit: 'month', value: Math.floor(ms / (30 * DAY)) };
  return { unit: 'year', value: Math.floor(ms / (365 * DAY)) };
}

/** "2 days ago", "yesterday", "5 minutes ago"; undefined for under a minute (the caller says "just now"). */
export function agoWords(then: Date, now: Date, locale: string): string | undefined {
  const elapsed = elapsedSince(then, now);
  if (elapsed === 'just-now') return undefined;
  return relativeTimeFormat(locale, { numeric: 'auto' }).format(-elapsed.value, elapsed.unit);
}

/** More than six calendar months since the council last checked a listing, counted in whole days. */
export function needsChecking(lastChecked: string, now: Date): boolean {
  const checked = new Date(`${lastChecked.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(checked.getTime())) return false;
  const limit = new Date(checked);
  limit.setUTCMonth(limit.getUTCMonth() + 6);
  return now.toISOString().slice(0, 10) > limit.toISOString().slice(0, 10);
}
