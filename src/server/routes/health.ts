import { Hono } from 'hono';
import { HealthResponse } from '../../domain/api/health.ts';
import { lastSyncRun, type SyncRun } from '../directory/sync.ts';
import type { AppContext } from '../http/context.ts';
import { reply } from '../http/validate.ts';

/** The last sync for anyone to see: its time, counts and error, with the feed's address left out. */
function publicRun(run: SyncRun): SyncRun {
  return { ...run, error: run.error === null ? null : run.error.replace(/https?:\/\/\S+/gi, 'the feed') };
}

/** `GET /api/health`: for load balancers and monitoring; it reaches the database every time. */
export function healthRoutes(ctx: AppContext): Hono {
  return new Hono().get('/', async (c) => {
    await ctx.db.query('select 1');
    c.header('Cache-Control', 'no-store');
    const settings = ctx.feedSync;
    const run = await lastSyncRun(ctx.db);
    const feedSync =
      settings || run
        ? {
            feedSync: {
              scheduled: settings !== undefined,
              intervalMinutes: settings?.intervalMinutes ?? null,
              lastRun: run ? publicRun(run) : null,
            },
          }
        : {};
    return reply(c, HealthResponse, {
      status: 'ok',
      database: ctx.db.kind,
      version: ctx.version,
      ...feedSync,
    });
  });
}
