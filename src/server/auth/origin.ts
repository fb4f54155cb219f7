import type { Context } from 'hono';

/** Methods that change nothing, which a cross-site page may cause freely. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function changesState(c: Context): boolean {
  return !SAFE_METHODS.has(c.req.method);
}

/** This server's own origin as the browser sees it, through a trusted proxy's forwarded headers if any. */
function ownOrigin(c: Context, trustProxy: boolean): string {
  const url = new URL(c.req.url);
  const forwarded = (name: string) =>
    trustProxy ? c.req.header(name)?.split(',')[0]?.trim() || undefined : undefined;
  const scheme = forwarded('x-forwarded-proto') ?? url.protocol.replace(/:$/, '');
  const host = forwarded('x-forwarded-host') ?? c.req.header('host') ?? url.host;
  return `${scheme}://${host}`.toLowerCase();
}

/**
 * Whether the request came from a page of this site. Browsers send `Origin` on every request that is
 * not GET or HEAD (Fetch standard, "`Origin` header"), so its absence on such a request is not trusted either.
 */
export function fromOwnOrigin(c: Context, trustProxy: boolean): boolean {
  const origin = c.req.header('origin');
  if (!origin) return c.req.header('sec-fetch-site') === 'same-origin';
  return origin.toLowerCase() === ownOrigin(c, trustProxy);
}
