import { Hono } from 'hono';
import { z } from 'zod/mini';
import { normaliseReference } from '../../domain/feedback/reference.ts';
import { requireRole, staffSession } from '../auth/middleware.ts';
import type { AppContext } from '../http/context.ts';
import { ApiError } from '../http/errors.ts';
import { noStore, notFound, readBody, readQuery, uuidParam } from '../http/validate.ts';
import {
  listingProblemQueue,
  listingProblemStatus,
  ListingProblemState,
  problemsFixedIn,
  setListingProblemState,
} from '../insight/listing-problems.ts';
import { Period, THIS_MONTH_SQL } from '../insight/periods.ts';

const QueueQuery = z.object({ state: z.optional(ListingProblemState) });
const StateChange = z.object({ state: ListingProblemState });
const LookupQuery = z.object({ reference: z.string().check(z.maxLength(40)) });
const FixedQuery = z.object({ period: z.optional(Period) });

/** `/api/v1/listing-problems`: the admins' queue, and what the public may know of each report. */
export function listingProblemsRoutes(ctx: AppContext): Hono {
  const { db } = ctx;
  const app = new Hono();
  app.use(staffSession(ctx));

  app.get('/', requireRole('admin'), async (c) => {
    const { state } = readQuery(c, QueueQuery);
    noStore(c);
    return c.json({ problems: await listingProblemQueue(db, state) });
  });

  app.patch('/:id', requireRole('admin'), async (c) => {
    const id = uuidParam(c, 'id', 'listing problem');
    const { state } = await readBody(c, StateChange);
    const problem = await setListingProblemState(db, id, state);
    if (!problem) throw notFound('listing problem');
    noStore(c);
    return c.json({ problem });
  });

  // The person who reported a problem looks it up by the reference they were shown.
  app.get('/lookup', async (c) => {
    const reference = normaliseReference(readQuery(c, LookupQuery).reference);
    if (!reference) throw new ApiError(400, 'invalid_reference', 'A reference looks like SP-7K3QM-9XA2P.');
    const status = await listingProblemStatus(db, reference);
    noStore(c);
    if (!status) throw notFound('report');
    return c.json({ problem: status });
  });

  app.get('/fixed', async (c) => {
    const query = readQuery(c, FixedQuery);
    const period = query.period ?? (await db.query<{ p: string }>(`select ${THIS_MONTH_SQL} as p`))[0]?.p;
    if (!period) throw new Error('No current month');
    c.header('Cache-Control', 'no-cache');
    return c.json({ period, fixed: await problemsFixedIn(db, period) });
  });

  return app;
}
