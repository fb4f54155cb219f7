/**
 * Drafts held in memory as well as on the device, so each step of a form opens at once. Kept apart from
 * the forms that fill them so that signing in or out, which must forget them, need not load any form.
 */
const caches = new Set<Map<string, unknown>>();

/** A new cache in memory for one kind of draft, forgotten with the others by `forgetCachedDrafts`. */
export function draftsInMemory<T>(): Map<string, T> {
  const cache = new Map<string, T>();
  caches.add(cache);
  return cache;
}

/** Forgets only the copies in memory (another person signed in, say); what is on the device stays. */
export function forgetCachedDrafts(): void {
  for (const cache of caches) cache.clear();
}
