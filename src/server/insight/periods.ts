import { z } from 'zod/mini';
import { previousMonth } from '../../domain/measures/compute.ts';

/** A calendar month, `YYYY-MM`, as the measures and the scorecard are reported. */
export const Period = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'invalid-period' }));

/** `count` months ending with `last`, oldest first. */
export function monthsEnding(last: string, count: number): string[] {
  const months = [last];
  while (months.length < count) months.unshift(previousMonth(months[0] as string));
  return months;
}

/** The `date` a month is stored as in the answers table: its first day. */
export function periodDate(period: string): string {
  return `${period}-01`;
}

/** The council's months are counted in UK time. */
export const COUNCIL_TIME_ZONE = 'Europe/London';

/** SQL for this month in UK time, as a `YYYY-MM` text. */
export const THIS_MONTH_SQL = `to_char(now() at time zone '${COUNCIL_TIME_ZONE}', 'YYYY-MM')`;
