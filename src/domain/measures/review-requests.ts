import { z } from 'zod/mini';
import { storableText } from '../storable-text.ts';
import { MAX_NOTE_LENGTH } from './publication.ts';
import { FLAG_KINDS, MAX_REASON_LENGTH } from './stuffing.ts';

/**
 * What an analyst sends to review and publish a month (docs/measures.md, "Stuffing" and "Publication").
 * The reason and the note are published with the month, so both must be text the database can keep.
 */

/** Leave a flagged group out: the flag's kind and key as the review listed them, and why. */
export const ExclusionRequest = z.object({
  flag: z.enum(FLAG_KINDS),
  key: z.string().check(z.minLength(1), z.maxLength(200), storableText()),
  reason: z
    .string()
    .check(z.trim(), z.minLength(1, { error: 'required' }), z.maxLength(MAX_REASON_LENGTH), storableText()),
});
export type ExclusionRequest = z.infer<typeof ExclusionRequest>;

/** Publish a month; a republication needs the note, which is shown on the public page and in the CSV. */
export const PublishRequest = z.object({
  note: z.optional(z.nullable(z.string().check(z.trim(), z.maxLength(MAX_NOTE_LENGTH), storableText()))),
});
export type PublishRequest = z.infer<typeof PublishRequest>;
