import { COUNCIL_TIME_ZONE } from '../../domain/measures/periods.ts';

export { COUNCIL_TIME_ZONE, monthsEnding, periodDate } from '../../domain/measures/periods.ts';

/** SQL for this month in UK time, as a `YYYY-MM` text. */
export const THIS_MONTH_SQL = `to_char(now() at time zone '${COUNCIL_TIME_ZONE}', 'YYYY-MM')`;
