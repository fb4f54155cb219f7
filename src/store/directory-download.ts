/**
 * Brings the directory on this device up to date with the server: the whole directory the first time,
 * then only what changed (`?since=`). It downloads, reads and checks every service and writes the copy,
 * which takes long enough on a cheap phone that it runs in a worker (directory-download.worker.ts).
 */
import type { z } from 'zod/mini';
import { DirectoryEnvelope } from '../domain/api/directory.ts';
import { Service } from '../domain/service.ts';
import { applyDirectoryChanges, readMeta, replaceDirectory, touchDirectory } from './directory-db.ts';

export const DIRECTORY_URL = '/api/v1/directory';
/** The least time between two automatic checks with the server. */
export const SYNC_INTERVAL_MS = 5 * 60 * 1000;

/**
 * Why the last check with the server failed: no connection, the server's fault, a body we cannot read,
 * or no room left on the device to keep the directory.
 */
export type SyncError = 'offline' | 'server' | 'invalid' | 'storage';

class SyncFailure extends Error {
  constructor(readonly reason: SyncError) {
    super(reason);
  }
}

export function syncErrorOf(error: unknown): SyncError {
  if (error instanceof SyncFailure) return error.reason;
  return error instanceof DOMException && error.name === 'QuotaExceededError' ? 'storage' : 'invalid';
}

/** The envelope of `GET /api/v1/directory`; each service in it is checked on its own by `validServices`. */
type DirectoryBody = z.output<typeof DirectoryEnvelope>;

/** Only valid services are kept: the rest are left out rather than shown wrong. */
function validServices(raw: readonly unknown[]): Service[] {
  return raw.flatMap((item) => {
    const parsed = Service.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
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
  const body = DirectoryEnvelope.safeParse(json);
  if (!body.success) throw new SyncFailure('invalid');
  return body.data;
}

/**
 * Checks with the server and updates the copy. Without `force` it does nothing when the copy was checked
 * in the last few minutes. Throws on failure: `syncErrorOf` says why.
 */
export async function downloadDirectory(force: boolean): Promise<void> {
  const meta = await readMeta();
  if (!force && meta && Date.now() - Date.parse(meta.lastSyncedAt) < SYNC_INTERVAL_MS) return;
  const now = () => new Date().toISOString();
  if (meta && meta.count > 0) {
    const response = await download(`${DIRECTORY_URL}?since=${encodeURIComponent(meta.generatedAt)}`, {});
    const body = await readBody(response);
    await applyDirectoryChanges(validServices(body.services), body.removed, {
      generatedAt: body.generatedAt,
      lastSyncedAt: now(),
      revision: body.generatedAt,
    });
    return;
  }
  const response = await download(DIRECTORY_URL, meta?.etag ? { 'If-None-Match': meta.etag } : {});
  if (response.status === 304) {
    await touchDirectory(now());
    return;
  }
  const body = await readBody(response);
  const etag = response.headers.get('ETag');
  await replaceDirectory(validServices(body.services), {
    generatedAt: body.generatedAt,
    lastSyncedAt: now(),
    revision: body.generatedAt,
    ...(etag ? { etag } : {}),
  });
}
