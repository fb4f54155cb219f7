import { z } from 'zod/mini';
import { FIRST_PERIOD_YEAR, LAST_PERIOD_YEAR } from '../measures/periods.ts';

/**
 * The fields every kind of submission shares, in one place so each kind follows the same rules: the
 * id that makes a resend harmless, the time it was made, and the field only robots fill in.
 */

/** A client-made id, so a resent submission is stored once; lower-cased, so it has one spelling. */
export const SubmissionId = z.uuid({ error: 'invalid-uuid' }).check(z.toLowerCase());
/** Whether an ISO time is in a year the measures can report (so never year 0, nor 9999). */
function inReportableYears(iso: string): boolean {
  const year = new Date(iso).getUTCFullYear();
  return year >= FIRST_PERIOD_YEAR && year <= LAST_PERIOD_YEAR;
}

/**
 * When the person pressed send on their device, with its offset from UTC. The server decides the month
 * an answer counts in, but the time is kept or checked beside it, so it must be a real time in a year
 * the measures can report: a device's clock set to year 0 is refused for that item, not stored.
 */
export const CreatedAt = z.iso
  .datetime({ offset: true, error: 'invalid-date' })
  .check(z.refine(inReportableYears, { error: 'invalid-date' }));
/** A field people never see: only a form-filling robot puts anything in it. */
export const Honeypot = z.optional(z.literal('', { error: 'must-be-empty' }));
