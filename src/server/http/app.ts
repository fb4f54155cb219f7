import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { DEFAULT_SECURITY_CONTACT, type TrustedProxies } from '../config.ts';
import { DatabaseUnavailableError, type Database } from '../db/database.ts';
import type { SyncSettings } from '../directory/sync.ts';
import { trustsProxy } from '../auth/client-address.ts';
import { createLogger, type Logger } from '../log.ts';
import { ephemeralSecrets, type Secrets } from '../secrets.ts';
import { analystRoutes } from '../routes/analyst.ts';
import { directoryRoutes } from '../routes/directory.ts';
import { directoryQualityCsvRoutes, directoryQualityRoutes } from '../routes/directory-quality.ts';
import { feedbackRoutes } from '../routes/feedback.ts';
import { healthRoutes } from '../routes/health.ts';
import { listingProblemsRoutes } from '../routes/listing-problems.ts';
import { measuresRoutes } from '../routes/measures.ts';
import { orukRoutes } from '../routes/oruk.ts';
import { responsesRoutes } from '../routes/responses.ts';
import { sessionRoutes } from '../routes/session.ts';
import { staffUsersRoutes } from '../routes/staff-users.ts';
import { storiesCsvRoutes, storiesRoutes } from '../routes/stories.ts';
import { youSaidWeDidRoutes } from '../routes/you-said-we-did.ts';
import type { AppContext } from './context.ts';
import { ApiError, sendError } from './errors.ts';
import { securityHeaders } from './security.ts';
import { mountSecurityTxt } from './security-txt.ts';
import { mountClient } from './static.ts';

export interface AppOptions {
  db: Database;
  version: string;
  /** The built client; omitted in API-only tests. */
  staticDir?: string;
  /** `TRUST_PROXY`, read by `parseTrustProxy`; no proxy is trusted when omitted. */
  trustProxy?: TrustedProxies;
  maxBodyBytes?: number;
  /** The server's secrets (`loadSecrets`); a key for this process alone when omitted, as in tests. */
  secrets?: Secrets;
  /** `SECURITY_CONTACT`, for `/.well-known/security.txt`. */
  securityContact?: string;
  /** `SIGNPOST_FEED_URL`'s scheduled sync, which `/api/health` reports on; none when omitted. */
  feedSync?: SyncSettings;
  /** Where errors are logged; JSON lines on stdout when omitted. */
  logger?: Logger;
  /** The server's clock; tests set it to stand on a given day. Time is the server's, never the sender's. */
  clock?: () => Date;
  /** Days after a month ends before it may be published (docs/measures.md, "Publication"). */
  graceDays?: number;
}

declare module 'hono' {
  interface ContextVariableMap {
    /** Names one request in the log and in the `X-Request-Id` a person can quote when reporting a fault. */
    requestId: string;
  }
}

/** The route's pattern (`/api/v1/stories/:id/quote`), never the path itself, which can carry references. */
function routeOf(c: Context): string {
  const pattern = c.req.routePath;
  return pattern && pattern !== '*' && pattern !== '/*' ? pattern : 'unmatched';
}

export function createApp(options: AppOptions): Hono {
  const logger = options.logger ?? createLogger();
  const ctx: AppContext = {
    db: options.db,
    version: options.version,
    trustProxy: options.trustProxy ?? { hops: 0 },
    secrets: options.secrets ?? ephemeralSecrets(),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.graceDays !== undefined ? { graceDays: options.graceDays } : {}),
    feedSync: options.feedSync,
  };
  // Not strict: `/api/oruk/` and `/api/oruk` are the same address, as ORUK clients expect.
  const app = new Hono({ strict: false });

  app.use('*', async (c, next) => {
    const requestId = randomUUID();
    c.set('requestId', requestId);
    c.header('X-Request-Id', requestId);
    await next();
  });
  app.use('*', securityHeaders({ trustProxy: trustsProxy(ctx.trustProxy) }));
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: options.maxBodyBytes ?? 256 * 1024,
      onError: (c) => sendError(c, 413, 'payload_too_large', 'The request body is too large.'),
    }),
  );

  // Every router has its own address, so its middleware (a staff session, CORS) applies to it alone.
  app.route('/api/health', healthRoutes(ctx));
  app.route('/api/v1/directory', directoryRoutes(ctx));
  app.route('/api/oruk', orukRoutes(ctx));
  app.route('/api/v1/session', sessionRoutes(ctx));
  app.route('/api/v1/feedback', feedbackRoutes(ctx));
  app.route('/api/v1/measures', measuresRoutes(ctx));
  app.route('/api/v1/analyst', analystRoutes(ctx));
  app.route('/api/v1/stories', storiesRoutes(ctx));
  app.route('/api/v1/stories.csv', storiesCsvRoutes(ctx));
  app.route('/api/v1/you-said-we-did', youSaidWeDidRoutes(ctx));
  app.route('/api/v1/responses', responsesRoutes(ctx));
  app.route('/api/v1/listing-problems', listingProblemsRoutes(ctx));
  app.route('/api/v1/staff', staffUsersRoutes(ctx));
  app.route('/api/v1/directory-quality', directoryQualityRoutes(ctx));
  app.route('/api/v1/directory-quality.csv', directoryQualityCsvRoutes(ctx));

  app.all('/api/*', (c) => sendError(c, 404, 'not_found', `There is no API at ${c.req.path}.`));

  app.onError((error, c) => {
    if (error instanceof ApiError)
      return sendError(c, error.status, error.code, error.message, error.details);
    // The route, the error's code and the request id; never the body, the parameters or the address.
    const entry = { requestId: c.get('requestId'), method: c.req.method, route: routeOf(c), err: error };
    if (error instanceof DatabaseUnavailableError) {
      logger.warn(entry, 'the database is unavailable');
      c.header('Retry-After', '5');
      return sendError(c, 503, 'database_unavailable', 'The service is busy. Please try again in a moment.');
    }
    logger.error(entry, 'the request failed');
    return sendError(c, 500, 'internal_error', 'Something went wrong on our side. Please try again later.');
  });

  mountSecurityTxt(app, options.securityContact ?? DEFAULT_SECURITY_CONTACT);
  if (options.staticDir) mountClient(app, options.staticDir, logger);
  app.notFound((c) => sendError(c, 404, 'not_found', 'Not found.'));
  return app;
}
