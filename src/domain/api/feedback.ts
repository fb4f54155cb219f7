import { z } from 'zod/mini';
import { FIELD_ERROR_CODES, type FieldError, type FieldErrorCode } from '../feedback/submission.ts';

/**
 * `POST /api/v1/feedback`. The body is a `FeedbackBatch` (domain/feedback/submission.ts): one
 * submission, or 1 to 100 of them. One submission is answered `{ result }` (201 stored, 200 stored
 * before) or refused with the error body; a batch is answered `{ results }`, one per item, so a batch
 * with one bad item keeps the good ones.
 */

export const ITEM_STATUSES = ['stored', 'already-stored', 'conflict', 'invalid', 'unauthorised'] as const;
export const ItemStatus = z.enum(ITEM_STATUSES);
export type ItemStatus = z.infer<typeof ItemStatus>;

const KNOWN_CODES: ReadonlySet<string> = new Set(FIELD_ERROR_CODES);

/**
 * A field's problem as it arrives. A newer server may know codes this app does not: those read as
 * `invalid`, so an outbox on an older app still reads the answer and keeps sending the rest.
 */
export const SentFieldError = z.pipe(
  z.object({ path: z.string(), code: z.string() }),
  z.transform((error): FieldError => ({
    path: error.path,
    code: KNOWN_CODES.has(error.code) ? (error.code as FieldErrorCode) : 'invalid',
  })),
);

/** One item's answer in a batch. */
export const FeedbackItemResult = z.object({
  /** The item's place in the batch sent. */
  index: z.number(),
  id: z.optional(z.string()),
  status: ItemStatus,
  /** The reference the person was given, for an item stored now or before. */
  reference: z.optional(z.string()),
  errors: z.optional(z.array(SentFieldError)),
});
export type FeedbackItemResult = z.infer<typeof FeedbackItemResult>;

/** A batch's answer: every item's, in the order sent. */
export const FeedbackBatchResponse = z.object({ results: z.array(FeedbackItemResult) });
export type FeedbackBatchResponse = z.infer<typeof FeedbackBatchResponse>;

/** One submission's answer. */
export const FeedbackResponse = z.object({
  result: z.object({
    id: z.optional(z.string()),
    status: z.enum(['stored', 'already-stored']),
    reference: z.optional(z.string()),
  }),
});
export type FeedbackResponse = z.infer<typeof FeedbackResponse>;

/** 400 `invalid_submission`: `details` names each field's problem. */
export const InvalidSubmissionDetails = z.array(SentFieldError);
