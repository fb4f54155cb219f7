/// <reference lib="webworker" />
import { sendOutbox, SYNC_TAG } from '../store/outbox.ts';

declare const self: ServiceWorkerGlobalScope;

interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}

// Background Sync wakes the worker when there is a connection, even after every page has closed.
// Failing the event when something still waits makes the browser try again later with its own backoff.
self.addEventListener('sync', (event) => {
  const sync = event as SyncEvent;
  if (sync.tag !== SYNC_TAG) return;
  sync.waitUntil(
    sendOutbox('sync').then((report) => {
      if (report.retryLater && report.wakeUpAt !== undefined)
        throw new Error('Feedback still waits to be sent');
    }),
  );
});
