import { Hono } from 'hono';
import {
  ListingChangedResponse,
  ListingFixedQuery,
  ListingLookupQuery,
  ListingLookupResponse,
  ListingQueueQuery,
  ListingQueueResponse,
  ListingStateChange,
  ProblemsFixedResponse,
} from '../../domain/api/listing-problems.ts';
import { normaliseReference } from '../../domain/feedback/reference.ts';
import { requireRole, staffSession } from '../auth/middleware.ts';
import type { AppContext } from '../http/context.ts';
import { ApiError } from '../http/errors.ts';
import { noStore, notFound, readBody, readQuery, reply, uuidParam } from '../http/validate.ts';
import {
  listingProblemQueue,
  listingProblemStatus,
  problemsFixedIn,
  setListingProblemState,
} from '../insight/listing-problems.ts';
import { THIS_MONTH_SQL } from '../insight/periods.ts';

/** `/api/v1/listing-problems`: the admins' queue, and what the public may know of each report. */
export function listingProblemsRoutes(ctx: AppContext): Hono {
  const { db } = ctx;
  const app = new Hono();
  app.use(staffSession(ctx));

  app.get('/', requireRole('admin'), async (c) => {
    const { state } = readQuery(c, ListingQueueQuery);
    noStore(c);
    return reply(c, ListingQueueResponse, { problems: await listingProblemQueue(db, state) });
  });

  app.patch('/:id', requireRole('admin'), async (c) => {
    const id = uuidParam(c, 'id', 'listing problem');
    const { state } = await readBody(c, ListingStateChange);
    const problem = await setListingProblemState(db, id, state);
    if (!problem) throw notFound('listing problem');
    noStore(c);
    return reply(c, ListingChangedResponse, { problem });
  });

  // The person who reported a problem looks it up by the reference they were shown.
  app.get('/lookup', async (c) => {
    const reference = normaliseReference(readQuery(c, ListingLookupQuery).reference);
    if (!reference) throw new ApiError(400, 'invalid_reference', 'A reference looks like SP-7K3QM-9XA2P.');
    const status = await listingProblemStatus(db, reference);
    noStore(c);
    if (!status) throw notFound('report');
    return reply(c, ListingLookupResponse, { problem: status });
  });

  app.get('/fixed', async (c) => {
    const query = readQuery(c, ListingFixedQuery);
    const period = query.period ?? (await db.query<{ p: string }>(`select ${THIS_MONTH_SQL} as p`))[0]?.p;
    if (!period) throw new Error('No current month');
    c.header('Cache-Control', 'no-cache');
    return reply(c, ProblemsFixedResponse, { period, fixed: await problemsFixedIn(db, period) });
  });

  return app;
}
