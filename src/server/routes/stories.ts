import { Hono } from 'hono';
import { QuoteRequest, QuoteResponse, StoryPageResponse, StoryQuery } from '../../domain/api/stories.ts';
import { requireRole, staffMember, staffSession } from '../auth/middleware.ts';
import type { AppContext } from '../http/context.ts';
import { ApiError } from '../http/errors.ts';
import { noStore, notFound, readBody, readQuery, reply, uuidParam } from '../http/validate.ts';
import { approveQuote, searchStories, storiesCsv, withdrawQuote } from '../insight/stories.ts';

/** `/api/v1/stories`: people's words, and the quotes approved from them, for analysts only. */
export function storiesRoutes(ctx: AppContext): Hono {
  const { db } = ctx;
  const app = new Hono();
  app.use(staffSession(ctx));

  app.get('/', requireRole('analyst'), async (c) => {
    const query = readQuery(c, StoryQuery);
    noStore(c);
    return reply(c, StoryPageResponse, await searchStories(db, query));
  });

  app.post('/:id/quote', requireRole('analyst'), async (c) => {
    const id = uuidParam(c, 'id', 'story');
    const { text } = await readBody(c, QuoteRequest);
    const outcome = await approveQuote(db, id, text, staffMember(c).id);
    noStore(c);
    if (outcome.status === 'not-found') throw notFound('story');
    if (outcome.status === 'not-consented') {
      throw new ApiError(409, 'quote_not_consented', 'The person did not agree to being quoted.');
    }
    return reply(c, QuoteResponse, { quote: outcome.quote });
  });

  app.delete('/:id/quote', requireRole('analyst'), async (c) => {
    const id = uuidParam(c, 'id', 'story');
    if (!(await withdrawQuote(db, id))) throw notFound('approved quote');
    return c.body(null, 204);
  });

  return app;
}

/** `/api/v1/stories.csv`: the same search as a spreadsheet, for analysts only. */
export function storiesCsvRoutes(ctx: AppContext): Hono {
  const { db } = ctx;
  const app = new Hono();
  app.use(staffSession(ctx));

  app.get('/', requireRole('analyst'), async (c) => {
    const query = readQuery(c, StoryQuery);
    noStore(c);
    c.header('Content-Disposition', 'attachment; filename="signpost-stories.csv"');
    return c.body(await storiesCsv(db, query), 200, {
      'Content-Type': 'text/csv; charset=utf-8; header=present',
    });
  });

  return app;
}
