/**
 * Keeps the directory on this device current: the whole directory on the first visit, then only what
 * changed (`?since=`), when the app starts, when the connection returns and when the page comes back
 * into view, at most every few minutes. Everything else reads the local copy and works offline.
 */
import { Service } from '../domain/service.ts';
import { applyDirectoryChanges, readMeta, replaceDirectory, touchDirectory } from './directory-db.ts';

export const DIRECTORY_URL = '/api/v1/directory';
/** The least time between two automatic checks with the server. */
export const SYNC_INTERVAL_MS = 5 * 60 * 1000;
const CHANNEL_NAME = 'signpost-directory';
const LOCK_NAME = 'signpost-directory-sync';

/**
 * Why the last check with the server failed: no connection, the server's fault, a body we cannot read,
 * or no room left on the device to keep the directory.
 */
export type SyncError = 'offline' | 'server' | 'invalid' | 'storage';

function reasonFor(error: unknown): SyncError {
  if (error instanceof SyncFailure) return error.reason;
  return error instanceof DOMException && error.name === 'QuotaExceededError' ? 'storage' : 'invalid';
}

export interface SyncStatus {
  syncing: boolean;
  /** The last check's failure, until a check succeeds. */
  error?: SyncError;
}

interface DirectoryBody {
  generatedAt: string;
  services: unknown[];
  removed: string[];
}

/** The envelope of `GET /api/v1/directory`; each service in it is checked with the `Service` schema. */
function readEnvelope(json: unknown): DirectoryBody | undefined {
  if (!json || typeof json !== 'object') return undefined;
  const { generatedAt, services, removed } = json as Record<string, unknown>;
  if (typeof generatedAt !== 'string' || Number.isNaN(Date.parse(generatedAt))) return undefined;
  if (!Array.isArray(services) || !Array.isArray(removed)) return undefined;
  if (!removed.every((id) => typeof id === 'string')) return undefined;
  return { generatedAt, services, removed: removed as string[] };
}

class SyncFailure extends Error {
  constructor(readonly reason: SyncError) {
    super(reason);
  }
}

let status: SyncStatus = { syncing: false };
let inFlight: Promise<void> | undefined;
let inFlightForced = false;
const listeners = new Set<() => void>();
let channel: BroadcastChannel | undefined;

function notifyHere(): void {
  for (const listener of listeners) listener();
}

function ensureChannel(): BroadcastChannel | undefined {
  if (channel || typeof BroadcastChannel === 'undefined') return channel;
  channel = new BroadcastChannel(CHANNEL_NAME);
  channel.onmessage = () => notifyHere();
  return channel;
}

function setStatus(next: SyncStatus): void {
  status = next;
  notifyHere();
}

/** Calls `listener` when the local copy or the sync status changes, here or in another tab. */
export function onDirectoryChange(listener: () => void): () => void {
  ensureChannel();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getSyncStatus(): SyncStatus {
  return status;
}

/** How many services are checked before the page gets a turn: a large directory never freezes it. */
const VALIDATE_SLICE = 250;

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Only valid services are kept: the rest are left out rather than shown wrong. */
async function validServices(raw: readonly unknown[]): Promise<Service[]> {
  const services: Service[] = [];
  for (let i = 0; i < raw.length; i++) {
    const parsed = Service.safeParse(raw[i]);
    if (parsed.success) services.push(parsed.data);
    if (i % VALIDATE_SLICE === VALIDATE_SLICE - 1) await nextTurn();
  }
  return services;
}

async function download(url: string, headers: Record<string, string>): Promise<Response> {
  try {
    return await fetch(url, { headers, credentials: 'same-origin' });
  } catch {
    throw new SyncFailure('offline');
  }
}

async function readBody(response: Response): Promise<DirectoryBody> {
  if (!response.ok) throw new SyncFailure('server');
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new SyncFailure('invalid');
  }
  const body = readEnvelope(json);
  if (!body) throw new SyncFailure('invalid');
  return body;
}

async function syncOnce(force: boolean): Promise<void> {
  const meta = await readMeta();
  if (!force && meta && Date.now() - Date.parse(meta.lastSyncedAt) < SYNC_INTERVAL_MS) return;
  const now = () => new Date().toISOString();
  if (meta && meta.count > 0) {
    const response = await download(`${DIRECTORY_URL}?since=${encodeURIComponent(meta.generatedAt)}`, {});
    const body = await readBody(response);
    await applyDirectoryChanges(await validServices(body.services), body.removed, {
      generatedAt: body.generatedAt,
      lastSyncedAt: now(),
      revision: body.generatedAt,
    });
  } else {
    const response = await download(DIRECTORY_URL, meta?.etag ? { 'If-None-Match': meta.etag } : {});
    if (response.status === 304) {
      await touchDirectory(now());
    } else {
      const body = await readBody(response);
      const etag = response.headers.get('ETag');
      await replaceDirectory(await validServices(body.services), {
        generatedAt: body.generatedAt,
        lastSyncedAt: now(),
        revision: body.generatedAt,
        ...(etag ? { etag } : {}),
      });
    }
  }
  // Other tabs read the copy again: its services, or at least how fresh it is, have changed.
  ensureChannel()?.postMessage('changed');
}

async function withSyncLock(task: () => Promise<void>): Promise<void> {
  // One tab at a time brings the copy up to date; the next one then finds it fresh.
  if (typeof navigator !== 'undefined' && navigator.locks) {
    await navigator.locks.request(LOCK_NAME, task);
  } else {
    await task();
  }
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
      await withSyncLock(() => syncOnce(force));
      setStatus({ syncing: false });
    } catch (error) {
      setStatus({ syncing: false, error: reasonFor(error) });
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

/** Downloads or updates the directory now, and again whenever the app comes back into use. Idempotent. */
export function startDirectorySync(): void {
  if (started) return;
  started = true;
  void syncDirectory();
  // Coming back online is rare and may follow missed changes: check whatever the interval.
  addEventListener('online', () => void syncDirectory({ force: true }));
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void syncDirectory();
  });
  if (isInstalled()) void requestPersistentStorage();
}
