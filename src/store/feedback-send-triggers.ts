/**
 * When the page sends the outbox: as the app opens, when the connection comes back, when the page is
 * seen again, on the backoff timer, and through Background Sync where the browser has it (the service
 * worker then sends even after the page has closed).
 */
import type { FeedbackSubmission } from '../domain/feedback/submission.ts';
import { enqueue, sendOutbox, SYNC_TAG, type OutboxItem, type SendTrigger } from './outbox.ts';

interface SyncRegistration extends ServiceWorkerRegistration {
  sync?: { register(tag: string): Promise<void> };
}

let started = false;
let timer: ReturnType<typeof setTimeout> | undefined;

/** Asks the browser to wake the service worker to send when there is a connection, where it can. */
async function askForBackgroundSync(): Promise<void> {
  try {
    const registration = (await navigator.serviceWorker?.getRegistration()) as SyncRegistration | undefined;
    await registration?.sync?.register(SYNC_TAG);
  } catch {
    // Not allowed or not supported: the page's own triggers still send.
  }
}

/** Sends now, then sets the timer for the next try the outbox asks for. */
export async function sendNow(trigger: SendTrigger): Promise<void> {
  try {
    const report = await sendOutbox(trigger);
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (report.wakeUpAt !== undefined) {
      if (report.retryLater) void askForBackgroundSync();
      const wait = Math.max(1_000, report.wakeUpAt - Date.now());
      timer = setTimeout(() => void sendNow('timer'), Math.min(wait, 2 ** 31 - 1));
    }
  } catch {
    // IndexedDB unavailable (private browsing in some browsers): nothing to send from here.
  }
}

/** Starts sending for this page; safe to call from every part of the app that needs it. */
export function startOutbox(): void {
  if (started || typeof window === 'undefined') return;
  started = true;
  window.addEventListener('online', () => void sendNow('online'));
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void sendNow('visible');
  });
  void sendNow('open');
}

/** Writes the submission to the outbox first, then tries to send it. Throws `StorageFullError` when full. */
export async function queueSubmission(
  submission: FeedbackSubmission,
  options: { owner?: string } = {},
): Promise<OutboxItem> {
  const item = await enqueue(submission, options);
  startOutbox();
  void askForBackgroundSync();
  void sendNow('queued');
  return item;
}
