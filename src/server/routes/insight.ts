import { Hono } from 'hono';
import type { AppContext } from '../http/app.ts';

export function insightRoutes(_ctx: AppContext): Hono {
  return new Hono();
}
