import { findLanguage } from '../../domain/languages.ts';

/** Numbers, shares, months and dates in the page's language, through Intl. */
export interface Formats {
  locale: string;
  percent(share: number): string;
  count(n: number): string;
  /** A change in share as signed percentage points: "+1.7", "−5". */
  points(change: number): string;
  /** `YYYY-MM` as "March 2025". */
  month(period: string): string;
  /** `YYYY-MM` as "Mar 25", for narrow tables and chart ends. */
  shortMonth(period: string): string;
  /** `YYYY-MM-DD` as "3 March 2025" (UK dates). */
  date(day: string): string;
  /** An ISO time as "3 March 2025 at 10:15" in UK time. */
  time(iso: string): string;
}

const UK = 'Europe/London';

const made = new Map<string, Formats>();

/** The formats for a language, made once: the hooks that need them ask on every render. */
export function formatsFor(language: string): Formats {
  let formats = made.get(language);
  if (!formats) {
    formats = makeFormats(language);
    made.set(language, formats);
  }
  return formats;
}

function makeFormats(language: string): Formats {
  const locale = findLanguage(language)?.htmlLang ?? 'en-GB';
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const count = new Intl.NumberFormat(locale);
  const points = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  const month = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const shortMonth = new Intl.DateTimeFormat(locale, { month: 'short', year: '2-digit', timeZone: 'UTC' });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: UK });
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: UK });
  const monthDate = (period: string) => new Date(`${period}-01T00:00:00Z`);
  return {
    locale,
    percent: (share) => percent.format(share),
    count: (n) => count.format(n),
    points: (change) => points.format(Math.round(change * 1000) / 10),
    month: (period) => month.format(monthDate(period)),
    shortMonth: (period) => shortMonth.format(monthDate(period)),
    date: (day) => date.format(new Date(`${day}T12:00:00Z`)),
    time: (iso) => time.format(new Date(iso)),
  };
}
