import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { TrustedProxies } from '../config.ts';
import { DatabaseUnavailableError, type Database } from '../db/database.ts';
import { trustsProxy } from '../auth/client-address.ts';
import { ApiError, sendError } from './errors.ts';
import { securityHeaders } from './security.ts';
import { mountClient } from './static.ts';
import { directoryRoutes } from '../routes/directory.ts';
import { feedbackRoutes } from '../routes/feedback.ts';
import { healthRoutes } from '../routes/health.ts';
import { insightRoutes } from '../routes/insight.ts';
import { orukRoutes } from '../routes/oruk.ts';
import { staffRoutes } from '../routes/staff.ts';

export interface AppOptions {
  db: Database;
  version: string;
  /** The built client; omitted in API-only tests. */
  staticDir?: string;
  /** `TRUST_PROXY`, read by `parseTrustProxy`; no proxy is trusted when omitted. */
  trustProxy?: TrustedProxies;
  maxBodyBytes?: number;
}

export interface AppContext {
  db: Database;
  version: string;
  /** Which proxies' `X-Forwarded-*` headers may be believed. */
  trustProxy: TrustedProxies;
}

export function createApp(options: AppOptions): Hono {
  const ctx: AppContext = {
    db: options.db,
    version: options.version,
    trustProxy: options.trustProxy ?? { hops: 0 },
  };
  // Not strict: `/api/oruk/` and `/api/oruk` are the same address, as ORUK clients expect.
  const app = new Hono({ strict: false });

  app.use('*', securityHeaders({ trustProxy: trustsProxy(ctx.trustProxy) }));
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: options.maxBodyBytes ?? 256 * 1024,
      onError: (c) => sendError(c, 413, 'payload_too_large', 'The request body is too large.'),
    }),
  );

  app.route('/api', healthRoutes(ctx));
  app.route('/api', directoryRoutes(ctx));
  app.route('/api/oruk', orukRoutes(ctx));
  app.route('/api', staffRoutes(ctx));
  app.route('/api', feedbackRoutes(ctx));
  app.route('/api', insightRoutes(ctx));

  app.all('/api/*', (c) => sendError(c, 404, 'not_found', `There is no API at ${c.req.path}.`));

  app.onError((error, c) => {
    if (error instanceof ApiError)
      return sendError(c, error.status, error.code, error.message, error.details);
    if (error instanceof DatabaseUnavailableError) {
      c.header('Retry-After', '5');
      return sendError(c, 503, 'database_unavailable', 'The service is busy. Please try again in a moment.');
    }
    // Log the error itself, never the request body: it may hold a person's words.
    console.error(`${c.req.method} ${c.req.path} failed:`, error);
    return sendError(c, 500, 'internal_error', 'Something went wrong on our side. Please try again later.');
  });

  if (options.staticDir) mountClient(app, options.staticDir);
  app.notFound((c) => sendError(c, 404, 'not_found', 'Not found.'));
  return app;
}
