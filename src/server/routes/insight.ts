import { Hono } from 'hono';
import { staffSession, type AuthContext } from '../auth/middleware.ts';
import { qualityRoutes } from '../directory/quality-routes.ts';
import { evidenceRoutes } from '../evidence/routes.ts';
import type { AppContext } from '../http/app.ts';
import { listingRoutes } from '../insight/http/listing-routes.ts';
import { measuresRoutes } from '../insight/http/measures-routes.ts';
import { staffAccountsRoutes } from '../insight/http/staff-accounts-routes.ts';
import { storiesRoutes } from '../insight/http/stories-routes.ts';

/** Every path here may read a staff session; each staff route checks its role on the server. */
const SESSION_PATHS = [
  '/v1/measures/*',
  '/v1/analyst/*',
  '/v1/stories',
  '/v1/stories.csv',
  '/v1/stories/*',
  '/v1/you-said-we-did',
  '/v1/you-said-we-did/*',
  '/v1/responses/*',
  '/v1/listing-problems',
  '/v1/listing-problems/*',
  '/v1/staff/*',
  '/v1/directory-quality',
  '/v1/directory-quality.csv',
];

/**
 * The citizen-insight API: measures and the monthly scorecard, stories and quotes, "You said, we did",
 * the listing-problem queue, erasure on request and staff accounts.
 */
export function insightRoutes(ctx: AppContext & Partial<AuthContext>): Hono {
  const auth: AuthContext = { db: ctx.db, trustProxy: ctx.trustProxy };
  const app = new Hono();
  for (const path of SESSION_PATHS) app.use(path, staffSession(auth));
  app.route('/', measuresRoutes(ctx));
  app.route('/', storiesRoutes(ctx.db));
  app.route('/', listingRoutes(ctx.db));
  app.route('/', staffAccountsRoutes(ctx.db));
  app.route('/', qualityRoutes(ctx.db));
  app.route('/', evidenceRoutes(ctx.db));
  return app;
}
