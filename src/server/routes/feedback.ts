import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { z } from 'zod/mini';
import {
  FeedbackBatchResponse,
  FeedbackResponse,
  type FeedbackItemResult,
} from '../../domain/api/feedback.ts';
import { MAX_BATCH_SIZE, type FieldError } from '../../domain/feedback/submission.ts';
import { ukMonth } from '../../domain/measures/periods.ts';
import { addressForLimits, clientAddress, privateKeyHash } from '../auth/client-address.ts';
import { hasRole, sessionUser, staffSession } from '../auth/middleware.ts';
import { takeFromLimit, type RateLimit } from '../auth/rate-limit.ts';
import { claimsStaffChannel, receiveFeedback, STAFF_CAPTURE_ROLES } from '../feedback/intake.ts';
import type { AppContext } from '../http/context.ts';
import { ApiError } from '../http/errors.ts';
import { noStore, readBody, reply, type Invalid } from '../http/validate.ts';

/** Anonymous submissions from one address: far more than a household sends, few enough to keep robots out. */
export const FEEDBACK_PER_ADDRESS: RateLimit = { bucket: 'feedback', limit: 120, windowSeconds: 10 * 60 };

/**
 * One submission, or a batch of 1 to 100. Each item is checked on its own by the intake, so a batch
 * with one bad item keeps the good ones; only the batch's size is checked here.
 */
const FeedbackBody = z
  .unknown()
  .check(z.refine((body) => !Array.isArray(body) || (body.length >= 1 && body.length <= MAX_BATCH_SIZE)));

const wrongBatchSize: Invalid = (_, body) =>
  new ApiError(400, 'invalid_submission', `Send between 1 and ${MAX_BATCH_SIZE} submissions.`, [
    { path: '', code: (body as unknown[]).length === 0 ? 'too-few' : 'too-many' },
  ] satisfies FieldError[]);

/** `POST /api/v1/feedback`: one submission, or a batch of up to 100 from the device's outbox. */
export function feedbackRoutes(ctx: AppContext): Hono {
  const app = new Hono();
  app.use(staffSession(ctx));

  app.post('/', async (c) => {
    noStore(c);
    const body = await readBody(c, FeedbackBody, wrongBatchSize);
    const items = Array.isArray(body) ? body : [body];

    const staff = sessionUser(c);
    const receivedAt = ctx.clock?.() ?? new Date();
    const address = addressForLimits(clientAddress(c, ctx.trustProxy));
    // Staff skip the limit only for what they capture with a person or from paper: their own answers,
    // or anyone's self-completed ones sent from a signed-in device, count like everyone else's.
    const captures = hasRole(staff, ...STAFF_CAPTURE_ROLES);
    const limited = captures ? items.filter((item) => !claimsStaffChannel(item)).length : items.length;
    if (limited > 0) {
      const key = privateKeyHash(ctx.secrets, 'feedback', address);
      const decision = await takeFromLimit(ctx.db, FEEDBACK_PER_ADDRESS, key, limited, ctx.clock?.());
      if (!decision.allowed) {
        c.header('Retry-After', String(decision.retryAfterSeconds));
        throw new ApiError(429, 'rate_limited', 'Too many submissions from here. Try again later.');
      }
    }

    const results = await receiveFeedback(ctx.db, items, staff, {
      receivedAt,
      // Keyed and tied to the month, so it links one address's answers within a month and no further.
      source: privateKeyHash(ctx.secrets, 'feedback-source', `${ukMonth(receivedAt)}\u0000${address}`).slice(
        0,
        22,
      ),
      sentTogether: randomUUID(),
    });
    if (Array.isArray(body)) return reply(c, FeedbackBatchResponse, { results });

    const [{ index: _index, errors, ...result }] = results as [FeedbackItemResult];
    switch (result.status) {
      case 'stored':
      case 'already-stored':
        return reply(
          c,
          FeedbackResponse,
          { result: { ...result, status: result.status } },
          result.status === 'stored' ? 201 : 200,
        );
      case 'invalid':
        throw new ApiError(400, 'invalid_submission', 'The submission is not valid.', errors);
      case 'unauthorised':
        throw new ApiError(401, 'unauthorised', 'Staff-assisted feedback needs a member of staff signed in.');
      case 'conflict':
        throw new ApiError(409, 'conflict', 'A different submission with this id is already stored.');
    }
  });

  return app;
}
