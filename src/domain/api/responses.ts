import { z } from 'zod/mini';

/**
 * `DELETE /api/v1/responses/{reference}`: the right to erasure. Everything a person sent under the
 * reference they were given goes, answers included.
 */
export const ErasedResponse = z.object({
  erased: z.object({ reference: z.string(), submissions: z.number() }),
});
export type ErasedResponse = z.infer<typeof ErasedResponse>;
