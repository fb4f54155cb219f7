import { Hono } from 'hono';
import { z } from 'zod/mini';
import { ErasedResponse } from '../../domain/api/responses.ts';
import { normaliseReference } from '../../domain/feedback/reference.ts';
import { requireRole, staffSession } from '../auth/middleware.ts';
import { deleteFeedbackByReference } from '../feedback/retention.ts';
import type { AppContext } from '../http/context.ts';
import { ApiError } from '../http/errors.ts';
import { noStore, notFound, readParam, reply } from '../http/validate.ts';

/** A reference as a person typed or read it out, in the one spelling `referenceFor` gives. */
const ReferenceParam = z.pipe(z.string(), z.pipe(z.transform(normaliseReference), z.string()));

/**
 * `/api/v1/responses`: the right to erasure (UK GDPR Article 17). Staff act on a person's request,
 * by the reference they were given.
 */
export function responsesRoutes(ctx: AppContext): Hono {
  const { db } = ctx;
  const app = new Hono();
  app.use(staffSession(ctx));

  app.delete('/:reference', requireRole('analyst', 'admin'), async (c) => {
    const reference = readParam(
      c,
      'reference',
      ReferenceParam,
      () => new ApiError(400, 'invalid_reference', 'A reference looks like SP-7K3QM-9XA2P.'),
    );
    // Answers, words, quote and contact details go together, so the response leaves every figure at once.
    const submissions = await deleteFeedbackByReference(db, reference);
    noStore(c);
    if (submissions === 0) throw notFound('reference');
    return reply(c, ErasedResponse, { erased: { reference, submissions } });
  });

  return app;
}
