import type { Schedule } from '../service.ts';
import { readByday, readBymonthday, readDate, readTime, shown } from './checks.ts';
import type { FieldWarning } from './problems.ts';
import type { OrukSchedule } from './schema.ts';

const FREQUENCIES = ['WEEKLY', 'MONTHLY', 'DAILY'] as const;
type Frequency = (typeof FREQUENCIES)[number];

const BY_APPOINTMENT = /\bby appointment\b|\bappointments? only\b/i;
const NO_APPOINTMENT = /\bno appointment|\bwithout (?:an )?appointment|\bappointments? (?:are )?not needed/i;
const CLOSED_BANK_HOLIDAYS =
  /\b(?:closed|not (?:open|available|running)|no (?:sessions?|service)) (?:on|over) (?:bank|public) holidays?\b/i;
const OPEN_BANK_HOLIDAYS =
  /\bopen (?:on|over) (?:bank|public) holidays?\b|\bincluding (?:bank|public) holidays?\b/i;

function isFrequency(value: string): value is Frequency {
  return (FREQUENCIES as readonly string[]).includes(value);
}

/**
 * One ORUK schedule → Signpost's. `path` names it in messages ("schedules[1]"). Returns undefined when a
 * value is unusable, and says which in `unusable`.
 */
export function toSchedule(raw: OrukSchedule, path: string, unusable: FieldWarning[]): Schedule | undefined {
  const before = unusable.length;
  const reject = (field: string, value: unknown, reason: string) =>
    unusable.push({ field: `${path}.${field}`, value: shown(value), reason });
  const schedule: Schedule = {};

  if (raw.freq !== undefined) {
    const freq = raw.freq.trim().toUpperCase();
    if (isFrequency(freq)) schedule.freq = freq;
    else reject('freq', raw.freq, 'is not WEEKLY, MONTHLY or DAILY');
  }
  if (raw.interval !== undefined) {
    if (Number.isInteger(raw.interval) && raw.interval >= 1) schedule.interval = raw.interval;
    else reject('interval', raw.interval, 'is not a whole number of 1 or more');
  }
  if (raw.byday !== undefined) {
    const byday = readByday(raw.byday);
    if (byday.ok) schedule.byday = byday.byday;
    else reject('byday', byday.bad, 'is not a day like MO or 2TU');
  }
  if (raw.bymonthday !== undefined) {
    const bymonthday = readBymonthday(raw.bymonthday);
    if (bymonthday.ok) schedule.bymonthday = bymonthday.bymonthday;
    else reject('bymonthday', bymonthday.bad, 'is not a day of the month like 1, 15 or -1');
  }
  for (const [field, key] of [
    ['opens_at', 'opensAt'],
    ['closes_at', 'closesAt'],
  ] as const) {
    const value = raw[field];
    if (value === undefined) continue;
    const time = readTime(value);
    if (time !== undefined) schedule[key] = time;
    else reject(field, value, 'is not a time like 09:30 or 17:00:00');
  }
  for (const [field, key] of [
    ['valid_from', 'validFrom'],
    ['valid_to', 'validTo'],
    ['dtstart', 'dtstart'],
  ] as const) {
    const value = raw[field];
    if (value === undefined) continue;
    const date = readDate(value);
    if (date !== undefined) schedule[key] = date;
    else reject(field, value, 'is not a date like 2025-03-01');
  }
  if (schedule.validFrom && schedule.validTo && schedule.validTo < schedule.validFrom) {
    reject('valid_to', schedule.validTo, `is before valid_from ${schedule.validFrom}`);
  }
  if (raw.description !== undefined) schedule.description = raw.description.trim();

  const words = [raw.description, raw.notes, raw.attending_type].filter(Boolean).join(' \n ');
  if (BY_APPOINTMENT.test(words) && !NO_APPOINTMENT.test(words)) schedule.byAppointment = true;
  if (CLOSED_BANK_HOLIDAYS.test(words)) schedule.openOnBankHolidays = false;
  else if (OPEN_BANK_HOLIDAYS.test(words)) schedule.openOnBankHolidays = true;

  return unusable.length === before ? schedule : undefined;
}
