import { z } from 'zod/mini';

/**
 * Every 4xx and 5xx from `/api` has this one shape, so a client needs one error handler: a stable
 * `code` to act on, a `message` for a developer, and `details` (which field or parameter) where known.
 */
export const ApiErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.optional(z.unknown()),
  }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;
