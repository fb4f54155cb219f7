import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, Hono } from 'hono';
import type { Logger } from '../log.ts';
import { PagePreloads } from '../../domain/api/page-preloads.ts';
import { directoryServicePath, serviceIdIn } from '../../domain/api/paths.ts';
import { chooseLanguage, SOURCE_LANGUAGE } from '../../domain/languages.ts';

/** Files whose names change with their content may be cached for a year; everything else is revalidated. */
function cacheControlFor(path: string): string {
  if (path.startsWith('/assets/')) return 'public, max-age=31536000, immutable';
  return 'no-cache';
}

/** The build's list of what linked pages need; one that is missing or unreadable names nothing, and pages still open. */
function readPagePreloads(staticDir: string, logger: Logger): PagePreloads {
  const file = join(staticDir, 'page-preloads.json');
  if (!existsSync(file)) return {};
  try {
    const read = PagePreloads.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (read.success) return read.data;
  } catch {
    // Not JSON: as unreadable.
  }
  logger.warn(
    { file },
    'page-preloads.json is not as this server expects: pages open without naming their files early',
  );
  return {};
}

/** An `Accept-Language` header's tags, most wanted first. */
function acceptedLanguages(header: string | undefined): string[] {
  return (header ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const quality = Number(/q=([\d.]+)/.exec(params.join(';'))?.[1] ?? 1);
      return { tag: tag.trim(), quality };
    })
    .filter(({ tag, quality }) => tag !== '' && quality > 0)
    .sort((a, b) => b.quality - a.quality)
    .map(({ tag }) => tag);
}

/**
 * The language a first visit's page will be drawn in, as the app chooses it: its link's `lng`, then the
 * browser's own order. (A choice remembered on the device wins there; here it is unknown.)
 */
function likelyLanguage(lng: string | undefined, acceptLanguage: string | undefined): string {
  return chooseLanguage(lng ?? null, null, acceptedLanguages(acceptLanguage)).code;
}

/**
 * The `<link>`s that let a page opened straight at its address fetch its own code and words, and a
 * service's page its service, alongside the app's shell instead of after it has run.
 */
function pageHints(c: Context, preloads: PagePreloads): string {
  const path = c.req.path;
  const entry = Object.entries(preloads).find(([address]) =>
    address.endsWith('*') ? path.startsWith(address.slice(0, -1)) : path === address,
  )?.[1];
  if (!entry) return '';
  const language = likelyLanguage(c.req.query('lng'), c.req.header('accept-language'));
  // Words missing in a language fall back to English, which the app then loads too.
  const words = [
    ...(entry.words[language] ?? []),
    ...(language === SOURCE_LANGUAGE ? [] : (entry.words[SOURCE_LANGUAGE] ?? [])),
  ];
  const links = [
    ...[...entry.scripts, ...words].map((file) => `<link rel="modulepreload" crossorigin href="/${file}">`),
    ...entry.styles.map((file) => `<link rel="preload" as="style" crossorigin href="/${file}">`),
  ];
  // Encoded again from the decoded id, as the page does when it asks: the same address, so the answer is used.
  const service = serviceIdIn(path);
  if (service !== undefined)
    links.push(`<link rel="preload" as="fetch" crossorigin href="${directoryServicePath(service)}">`);
  return links.join('');
}

/** Serves the built client, with history URLs falling back to the app shell so any route can be opened. */
export function mountClient(app: Hono, staticDir: string, logger: Logger): void {
  if (!existsSync(join(staticDir, 'index.html'))) return;
  app.use('*', async (c, next) => {
    await next();
    if (c.res.ok && !c.res.headers.has('Cache-Control'))
      c.res.headers.set('Cache-Control', cacheControlFor(c.req.path));
    if (c.req.path.endsWith('.webmanifest')) c.res.headers.set('Content-Type', 'application/manifest+json');
  });
  app.use('*', serveStatic({ root: staticDir, precompressed: true }));
  let shell: string | undefined;
  const preloads = readPagePreloads(staticDir, logger);
  app.get('*', async (c) => {
    // A missing file is a 404; only page addresses fall back to the app shell, which renders "page not found".
    if (/\.[a-z0-9]+$/i.test(c.req.path)) return c.text('Not found', 404);
    shell ??= await readFile(join(staticDir, 'index.html'), 'utf8');
    c.header('Cache-Control', 'no-cache');
    return c.html(shell.replace('</head>', `${pageHints(c, preloads)}</head>`));
  });
}
