/**
 * A service page opened straight from its address on a first visit asks the server for its one service
 * before any of the page's code has loaded: with no service worker yet, the device holds no directory,
 * and the request would otherwise wait for the page's code, the schemas that check the answer and a look
 * on the device first. Kept small, importing nothing that imports, as it loads with the app's first script.
 */

import { directoryServicePath } from '../../../domain/api/paths.ts';

const early = new Map<string, Promise<Response>>();

/** On a first visit only: a later one has the directory on the device and looks there first. */
export function requestServiceEarly(id: string): void {
  if (typeof navigator !== 'undefined' && navigator.serviceWorker?.controller) return;
  // As `getJson` sends it; its answer is checked there when the page's code has loaded.
  // At the address the page's HTML names too (server/http/static.ts), so the answer already on its way is used.
  const sent = fetch(directoryServicePath(id), {
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
  });
  // A failure before the page takes the request is not an error of its own: the page hears of it then.
  sent.catch(() => undefined);
  early.set(id, sent);
}

/** The request sent early for this service, once: a later lookup asks afresh. */
export function takeEarlyRequest(id: string): Promise<Response> | undefined {
  const sent = early.get(id);
  early.delete(id);
  return sent;
}
