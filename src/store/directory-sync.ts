/**
 * Keeps the directory on this device current: the whole directory on the first visit, then only what
 * changed, when the app starts, when the connection returns and when the page comes back into view, at
 * most every few minutes. Everything else reads the local copy and works offline.
 */
import type { SyncError } from './directory-download.ts';
import type { DownloadReply, DownloadRequest } from './directory-download.worker.ts';
import { changeChannel } from './change-channel.ts';

export type { SyncError } from './directory-download.ts';

const CHANNEL_NAME = 'signpost-directory';
const LOCK_NAME = 'signpost-directory-sync';

export interface SyncStatus {
  syncing: boolean;
  /** The last check's failure, until a check succeeds. */
  error?: SyncError;
}

let status: SyncStatus = { syncing: false };
let inFlight: Promise<void> | undefined;
let inFlightForced = false;
const changes = changeChannel(CHANNEL_NAME);

function setStatus(next: SyncStatus): void {
  status = next;
  changes.tellHere();
}

/** Calls `listener` when the local copy or the sync status changes, here or in another tab. */
export const onDirectoryChange = changes.listen;

export function getSyncStatus(): SyncStatus {
  return status;
}

/**
 * One download in a worker of its own, ended once it answers: a large directory is read, checked and
 * written without taking the page's thread, and no idle worker keeps the database open.
 */
function downloadInWorker(force: boolean): Promise<SyncError | undefined> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./directory-download.worker.ts', import.meta.url), {
      type: 'module',
      name: 'signpost-directory',
    });
    const finish = (error: SyncError | undefined) => {
      worker.terminate();
      resolve(error);
    };
    worker.onmessage = (event: MessageEvent<DownloadReply>) => finish(event.data.error);
    // The worker's own script could not be fetched: only ever without a connection, before it is cached.
    worker.onerror = () => finish('offline');
    worker.postMessage({ force } satisfies DownloadRequest);
  });
}

function withSyncLock<T>(task: () => Promise<T>): Promise<T> {
  // One tab at a time brings the copy up to date; the next one then finds it fresh.
  return typeof navigator !== 'undefined' && navigator.locks
    ? navigator.locks.request(LOCK_NAME, task)
    : task();
}

/**
 * Brings the local copy up to date with the server. Without `force` it does nothing when the copy was
 * checked in the last few minutes. Never throws: a failure is kept in `getSyncStatus().error`.
 */
export function syncDirectory(options: { force?: boolean } = {}): Promise<void> {
  const force = options.force ?? false;
  // A check that may have been skipped as too soon does not stand in for one that must happen.
  if (inFlight && force && !inFlightForced) return inFlight.then(() => syncDirectory(options));
  if (inFlight) return inFlight;
  inFlightForced = force;
  inFlight = (async () => {
    // Listeners hear of the start only once `inFlight` is set, so they cannot start a second sync.
    await Promise.resolve();
    setStatus({ ...status, syncing: true });
    try {
      const error = await withSyncLock(() => downloadInWorker(force));
      // Other tabs read the copy again: its services, or at least how fresh it is, have changed.
      if (!error) changes.tellOthers();
      setStatus(error ? { syncing: false, error } : { syncing: false });
    } catch {
      // No worker could be started here: the copy stays as it was.
      setStatus({ syncing: false, error: 'invalid' });
    } finally {
      inFlight = undefined;
    }
  })();
  return inFlight;
}

/** Whether the app runs installed, from the home screen, rather than in a browser tab. */
export function isInstalled(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(display-mode: standalone)').matches;
}

/**
 * Asks the browser to keep Signpost's storage (the directory and the saved list) even when the device
 * runs short of space. Returns whether storage is now persistent.
 */
export async function requestPersistentStorage(): Promise<boolean> {
  try {
    if (!navigator.storage?.persist) return false;
    if (await navigator.storage.persisted()) return true;
    return await navigator.storage.persist();
  } catch {
    return false;
  }
}

let started = false;

/**
 * Downloads or updates the directory now, and again whenever the app comes back into use. Idempotent.
 * Settles when the first download or update has ended (at once when already started).
 */
export function startDirectorySync(): Promise<void> {
  if (started) return Promise.resolve();
  started = true;
  const first = syncDirectory();
  // Coming back online is rare and may follow missed changes: check whatever the interval.
  addEventListener('online', () => void syncDirectory({ force: true }));
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void syncDirectory();
  });
  if (isInstalled()) void requestPersistentStorage();
  return first;
}
