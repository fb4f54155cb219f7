import type { z } from 'zod/mini';

/**
 * Public figures fetched once stay readable offline: each answer is kept in Cache Storage under its
 * address, and read back when the network fails. The service worker never answers the API, so this
 * is the page's own copy, dated by the `generatedAt` inside it.
 */
const CACHE = 'signpost-insight-v1';

export type Copy<T> =
  { state: 'fresh'; data: T } | { state: 'saved'; data: T } | { state: 'missing' } | { state: 'failed' };

async function openCache(): Promise<Cache | undefined> {
  try {
    return 'caches' in self ? await caches.open(CACHE) : undefined;
  } catch {
    // Storage can be refused (private browsing, quota): the page still works online.
    return undefined;
  }
}

export async function fetchWithOfflineCopy<S extends z.ZodMiniType>(
  url: string,
  schema: S,
): Promise<Copy<z.output<S>>> {
  let response: Response | undefined;
  try {
    response = await fetch(url, { headers: { accept: 'application/json' } });
  } catch {
    response = undefined;
  }
  if (response?.ok) {
    const text = await response.text();
    const parsed = schema.safeParse(JSON.parse(text));
    if (!parsed.success) return { state: 'failed' };
    const cache = await openCache();
    await cache
      ?.put(url, new Response(text, { headers: { 'content-type': 'application/json' } }))
      .catch(() => undefined);
    return { state: 'fresh', data: parsed.data };
  }
  // A server error is as good as no connection: the saved figures are better than none.
  const saved = await (await openCache())?.match(url);
  if (!saved) return response ? { state: 'failed' } : { state: 'missing' };
  const parsed = schema.safeParse(await saved.json());
  return parsed.success ? { state: 'saved', data: parsed.data } : { state: 'missing' };
}
