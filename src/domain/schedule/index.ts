/** Opening times: "open now", bank holidays, and schedules in words. Pure: no DOM, no Node, no clock. */
export { openingState, serviceOpeningState, serviceSchedules } from './opening.ts';
export type { OpeningState } from './opening.ts';
export { englandBankHolidays, easterSunday } from './bank-holidays.ts';
export { describeSchedule, describeScheduleInEnglish, englishTime } from './describe.ts';
export type { ScheduleDescription } from './describe.ts';
export { fromLondonWallClock, toLondonWallClock } from './london.ts';
export { DAYS } from './calendar.ts';
export type { Day } from './calendar.ts';
