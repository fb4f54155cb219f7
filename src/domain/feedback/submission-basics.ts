import { z } from 'zod/mini';

/**
 * The fields every kind of submission shares, in one place so each kind follows the same rules: the
 * id that makes a resend harmless, the time it was made, and the field only robots fill in.
 */

/** A client-made id, so a resent submission is stored once; lower-cased, so it has one spelling. */
export const SubmissionId = z.uuid({ error: 'invalid-uuid' }).check(z.toLowerCase());
/** When the person pressed send on their device, with its offset from UTC. */
export const CreatedAt = z.iso.datetime({ offset: true, error: 'invalid-date' });
/** A field people never see: only a form-filling robot puts anything in it. */
export const Honeypot = z.optional(z.literal('', { error: 'must-be-empty' }));
