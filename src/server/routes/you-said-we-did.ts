import { Hono } from 'hono';
import {
  YouSaidWeDidCreatedResponse,
  YouSaidWeDidListResponse,
  YouSaidWeDidRequest,
} from '../../domain/api/you-said-we-did.ts';
import { requireRole, staffMember, staffSession } from '../auth/middleware.ts';
import type { AppContext } from '../http/context.ts';
import { noStore, notFound, readBody, reply, uuidParam } from '../http/validate.ts';
import { addYouSaidWeDid, listYouSaidWeDid, removeYouSaidWeDid } from '../insight/you-said-we-did.ts';

/** `/api/v1/you-said-we-did`: the public list of what changed, which analysts add to and take from. */
export function youSaidWeDidRoutes(ctx: AppContext): Hono {
  const { db } = ctx;
  const app = new Hono();
  app.use(staffSession(ctx));

  app.get('/', async (c) => {
    c.header('Cache-Control', 'no-cache');
    return reply(c, YouSaidWeDidListResponse, { entries: await listYouSaidWeDid(db) });
  });

  app.post('/', requireRole('analyst'), async (c) => {
    const entry = await readBody(c, YouSaidWeDidRequest);
    noStore(c);
    const added = await addYouSaidWeDid(db, entry, staffMember(c).id);
    return reply(c, YouSaidWeDidCreatedResponse, { entry: added }, 201);
  });

  app.delete('/:id', requireRole('analyst'), async (c) => {
    if (!(await removeYouSaidWeDid(db, uuidParam(c, 'id', 'entry')))) throw notFound('entry');
    return c.body(null, 204);
  });

  return app;
}
