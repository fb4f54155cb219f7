import { Hono } from 'hono';
import { z } from 'zod/mini';
import { DirectoryQuery, DirectoryResponse, DirectoryServiceResponse } from '../../domain/api/directory.ts';
import type { Service } from '../../domain/service.ts';
import { isStorableText } from '../../domain/storable-text.ts';
import { readDirectory, SnapshotCache } from '../directory/snapshot.ts';
import type { AppContext } from '../http/context.ts';
import { ApiError } from '../http/errors.ts';
import { readParam, readQuery, reply } from '../http/validate.ts';

const ServiceId = z.string().check(z.refine(isStorableText));

/**
 * `GET /api/v1/directory`: the whole directory for the app, or with `since` only what changed.
 * `GET /api/v1/directory/services/{id}`: one service, so a service's page opened on a device with no
 * copy yet can draw it before the whole directory has arrived.
 */
export function directoryRoutes(ctx: AppContext): Hono {
  const cache = new SnapshotCache();
  const app = new Hono();
  app.get('/services/:id', async (c) => {
    const missing = () => new ApiError(404, 'not_found', 'There is no service with that id.');
    const id = readParam(c, 'id', ServiceId, missing);
    const [row] = await ctx.db.query<{ record: Service }>(
      'select record from services where id = $1 and active',
      [id],
    );
    if (!row) throw missing();
    // Always checked again: the directory's copy on the device takes over once it has arrived.
    c.header('Cache-Control', 'no-cache');
    return reply(c, DirectoryServiceResponse, row.record);
  });
  return app.get('/', async (c) => {
    const query = readQuery(c, DirectoryQuery, (_, input) => {
      const since = (input as { since?: string }).since;
      return new ApiError(
        400,
        'invalid_query',
        'since must be an ISO 8601 timestamp, like 2026-03-01T09:00:00Z.',
        { since },
      );
    });
    c.header('Vary', 'Accept-Encoding');
    if (query.since) {
      c.header('Cache-Control', 'no-cache');
      return reply(c, DirectoryResponse, await readDirectory(ctx.db, new Date(query.since)));
    }
    const snapshot = await cache.get(ctx.db);
    c.header('ETag', snapshot.etag);
    c.header('Cache-Control', 'no-cache');
    if (c.req.header('if-none-match') === snapshot.etag) return c.body(null, 304);
    c.header('Content-Type', 'application/json; charset=utf-8');
    const accepts = c.req.header('accept-encoding') ?? '';
    if (/\bbr\b/.test(accepts)) {
      c.header('Content-Encoding', 'br');
      return c.body(new Uint8Array(snapshot.brotli));
    }
    if (/\bgzip\b/.test(accepts)) {
      c.header('Content-Encoding', 'gzip');
      return c.body(new Uint8Array(snapshot.gzip));
    }
    return c.body(new Uint8Array(snapshot.json));
  });
}
