import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';

/** Files whose names change with their content may be cached for a year; everything else is revalidated. */
function cacheControlFor(path: string): string {
  if (path.startsWith('/assets/')) return 'public, max-age=31536000, immutable';
  return 'no-cache';
}

/** Serves the built client, with history URLs falling back to the app shell so any route can be opened. */
export function mountClient(app: Hono, staticDir: string): void {
  if (!existsSync(join(staticDir, 'index.html'))) return;
  app.use('*', async (c, next) => {
    await next();
    if (c.res.ok && !c.res.headers.has('Cache-Control'))
      c.res.headers.set('Cache-Control', cacheControlFor(c.req.path));
    if (c.req.path.endsWith('.webmanifest')) c.res.headers.set('Content-Type', 'application/manifest+json');
  });
  app.use('*', serveStatic({ root: staticDir, precompressed: true }));
  let shell: string | undefined;
  app.get('*', async (c) => {
    // A missing file is a 404; only page addresses fall back to the app shell, which renders "page not found".
    if (/\.[a-z0-9]+$/i.test(c.req.path)) return c.text('Not found', 404);
    shell ??= await readFile(join(staticDir, 'index.html'), 'utf8');
    c.header('Cache-Control', 'no-cache');
    return c.html(shell);
  });
}
