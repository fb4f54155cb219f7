import type { Page } from '@playwright/test';
import type { OutboxItem } from '../../src/store/feedback-sending.ts';

/**
 * The outbox on the page's device, oldest first; empty where the app never made it.
 * Read without opening (and so creating) a database that does not exist yet.
 */
export function readOutbox(page: Page): Promise<OutboxItem[]> {
  return page.evaluate(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name);
    if (!names.includes('signpost-outbox')) return [];
    return new Promise<OutboxItem[]>((resolve, reject) => {
      const request = indexedDB.open('signpost-outbox');
      request.onerror = () => reject(request.error);
      request.onsuccess = () => {
        const db = request.result;
        if (!db.objectStoreNames.contains('items')) {
          db.close();
          return resolve([]);
        }
        const all = db.transaction('items').objectStore('items').getAll();
        all.onerror = () => reject(all.error);
        all.onsuccess = () => {
          db.close();
          const items = all.result as OutboxItem[];
          resolve(items.sort((a, b) => a.queuedAt - b.queuedAt));
        };
      };
    });
  });
}

/** The states of the outbox's items, with what a waiting item waits for in place of "waiting". */
export async function outboxStates(page: Page): Promise<string[]> {
  return (await readOutbox(page)).map((item) => item.waitingFor ?? item.state);
}
