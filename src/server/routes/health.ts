import { Hono } from 'hono';
import type { AppContext } from '../http/app.ts';

export function healthRoutes(ctx: AppContext): Hono {
  return new Hono().get('/health', async (c) => {
    await ctx.db.query('select 1');
    c.header('Cache-Control', 'no-store');
    return c.json({ status: 'ok', database: ctx.db.kind, version: ctx.version });
  });
}
