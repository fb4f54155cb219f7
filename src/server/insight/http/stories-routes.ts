import { Hono } from 'hono';
import { normaliseReference } from '../../../domain/feedback/reference.ts';
import { requireRole } from '../../auth/middleware.ts';
import type { Database } from '../../db/database.ts';
import { deleteFeedbackByReference } from '../../feedback/retention.ts';
import { ApiError } from '../../http/errors.ts';
import {
  approveQuote,
  QuoteRequest,
  searchStories,
  StoryQuery,
  storiesCsv,
  withdrawQuote,
} from '../stories.ts';
import {
  addYouSaidWeDid,
  listYouSaidWeDid,
  removeYouSaidWeDid,
  YouSaidWeDidRequest,
} from '../you-said-we-did.ts';
import { noStore, notFound, readBody, readQuery, staffMember, uuidParam } from './params.ts';

/** People's words (analysts only), the public "You said, we did" list, and erasure on request. */
export function storiesRoutes(db: Database): Hono {
  const app = new Hono();

  app.get('/v1/stories', requireRole('analyst'), async (c) => {
    const query = readQuery(c, StoryQuery);
    noStore(c);
    return c.json(await searchStories(db, query));
  });

  app.get('/v1/stories.csv', requireRole('analyst'), async (c) => {
    const query = readQuery(c, StoryQuery);
    noStore(c);
    c.header('Content-Disposition', 'attachment; filename="signpost-stories.csv"');
    return c.body(await storiesCsv(db, query), 200, {
      'Content-Type': 'text/csv; charset=utf-8; header=present',
    });
  });

  app.post('/v1/stories/:id/quote', requireRole('analyst'), async (c) => {
    const id = uuidParam(c, 'id', 'story');
    const { text } = await readBody(c, QuoteRequest);
    const outcome = await approveQuote(db, id, text, staffMember(c).id);
    noStore(c);
    if (outcome.status === 'not-found') throw notFound('story');
    if (outcome.status === 'not-consented') {
      throw new ApiError(409, 'quote_not_consented', 'The person did not agree to being quoted.');
    }
    return c.json({ quote: outcome.quote });
  });

  app.delete('/v1/stories/:id/quote', requireRole('analyst'), async (c) => {
    const id = uuidParam(c, 'id', 'story');
    if (!(await withdrawQuote(db, id))) throw notFound('approved quote');
    return c.body(null, 204);
  });

  app.get('/v1/you-said-we-did', async (c) => {
    c.header('Cache-Control', 'no-cache');
    return c.json({ entries: await listYouSaidWeDid(db) });
  });

  app.post('/v1/you-said-we-did', requireRole('analyst'), async (c) => {
    const entry = await readBody(c, YouSaidWeDidRequest);
    noStore(c);
    return c.json({ entry: await addYouSaidWeDid(db, entry, staffMember(c).id) }, 201);
  });

  app.delete('/v1/you-said-we-did/:id', requireRole('analyst'), async (c) => {
    if (!(await removeYouSaidWeDid(db, uuidParam(c, 'id', 'entry')))) throw notFound('entry');
    return c.body(null, 204);
  });

  // The right to erasure (UK GDPR Article 17): staff act on a person's request, by the reference they were given.
  app.delete('/v1/responses/:reference', requireRole('analyst', 'admin'), async (c) => {
    const reference = normaliseReference(c.req.param('reference'));
    if (!reference) {
      throw new ApiError(400, 'invalid_reference', 'A reference looks like SP-7K3QM-9XA2P.');
    }
    // Answers, words, quote and contact details go together, so the response leaves every figure at once.
    const submissions = await deleteFeedbackByReference(db, reference);
    noStore(c);
    if (submissions === 0) throw notFound('reference');
    return c.json({ erased: { reference, submissions } });
  });

  return app;
}
