/**
 * The directory kept on this device: every service, what the copy is (meta) and the saved search index,
 * in its own IndexedDB database. Plain reads and writes only, so the search worker can use it too.
 */
import type { DBSchema } from 'idb';
import { databaseOpener } from './open-database.ts';
import type { Service } from '../domain/service.ts';

export interface DirectoryChange {
  /** The revision these changes were made on top of. */
  from: string;
  upserted: string[];
  removed: string[];
}

export interface DirectoryMeta {
  /** The server's clock when the copy was last brought up to date: the `since` of the next update. */
  generatedAt: string;
  /** The ETag of the last whole directory downloaded. */
  etag?: string;
  /** This device's clock at the last successful check with the server: how fresh the copy is. */
  lastSyncedAt: string;
  /** Moves whenever the services change; a saved search index belongs to one revision. */
  revision: string;
  /** The last change, so a search index one revision behind can catch up without a rebuild. */
  lastChange?: DirectoryChange;
  count: number;
  /** How many services are the shipped fictional sample. */
  sampleCount: number;
}

export interface SavedSearchIndex {
  revision: string;
  json: string;
}

interface DirectorySchema extends DBSchema {
  services: { key: string; value: Service };
  meta: { key: 'directory'; value: DirectoryMeta };
  searchIndex: { key: 'services'; value: SavedSearchIndex };
}

export const DIRECTORY_DATABASE = 'signpost-directory';

const open = databaseOpener<DirectorySchema>(DIRECTORY_DATABASE, 1, (db) => {
  db.createObjectStore('services', { keyPath: 'id' });
  db.createObjectStore('meta');
  db.createObjectStore('searchIndex');
});

export async function readMeta(): Promise<DirectoryMeta | undefined> {
  return (await open()).get('meta', 'directory');
}

export async function readAllServices(): Promise<Service[]> {
  return (await open()).getAll('services');
}

/** The services with these ids, in the order given; ids not in the directory are skipped. */
export async function readServicesByIds(ids: readonly string[]): Promise<Service[]> {
  if (ids.length === 0) return [];
  const tx = (await open()).transaction('services');
  const found = await Promise.all(ids.map((id) => tx.store.get(id)));
  await tx.done;
  return found.filter((service): service is Service => service !== undefined);
}

/** How many services each write stores: small enough that the page stays responsive between writes. */
const WRITE_SLICE = 500;

/**
 * Replaces the whole copy with a freshly downloaded directory. It is written in slices, so a large
 * directory never holds up the page, and its meta last: a copy counts only once complete, and a download
 * cut short is simply made again.
 */
export async function replaceDirectory(
  services: readonly Service[],
  meta: Omit<DirectoryMeta, 'count' | 'sampleCount' | 'lastChange'>,
): Promise<DirectoryMeta> {
  const db = await open();
  const start = db.transaction(['services', 'meta', 'searchIndex'], 'readwrite');
  void start.objectStore('meta').delete('directory');
  void start.objectStore('searchIndex').delete('services');
  void start.objectStore('services').clear();
  await start.done;
  for (let from = 0; from < services.length; from += WRITE_SLICE) {
    const tx = db.transaction('services', 'readwrite');
    for (const service of services.slice(from, from + WRITE_SLICE)) void tx.store.put(service);
    await tx.done;
  }
  const full: DirectoryMeta = {
    ...meta,
    count: services.length,
    sampleCount: services.filter((service) => service.sample).length,
  };
  await db.put('meta', full, 'directory');
  return full;
}

function sameRecord(a: Service, b: Service): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Applies a delta from the server in one transaction: stores changed services, deletes removed ones and
 * moves the revision only when something really changed (a delta may repeat records the copy already has).
 */
export async function applyDirectoryChanges(
  upserted: readonly Service[],
  removed: readonly string[],
  sync: { generatedAt: string; lastSyncedAt: string; revision: string },
): Promise<{ meta: DirectoryMeta; change?: DirectoryChange }> {
  const tx = (await open()).transaction(['services', 'meta'], 'readwrite');
  const store = tx.objectStore('services');
  const metaStore = tx.objectStore('meta');
  const before = await metaStore.get('directory');
  let count = before?.count ?? 0;
  let sampleCount = before?.sampleCount ?? 0;
  const change: DirectoryChange = { from: before?.revision ?? '', upserted: [], removed: [] };
  for (const service of upserted) {
    const old = await store.get(service.id);
    if (old && sameRecord(old, service)) continue;
    await store.put(service);
    change.upserted.push(service.id);
    if (!old) count++;
    sampleCount += Number(Boolean(service.sample)) - Number(Boolean(old?.sample));
  }
  for (const id of removed) {
    const old = await store.get(id);
    if (!old) continue;
    await store.delete(id);
    change.removed.push(id);
    count--;
    sampleCount -= Number(Boolean(old.sample));
  }
  const changed = change.upserted.length > 0 || change.removed.length > 0;
  const meta: DirectoryMeta = {
    ...(before ?? { revision: '', count: 0, sampleCount: 0 }),
    generatedAt: sync.generatedAt,
    lastSyncedAt: sync.lastSyncedAt,
    count,
    sampleCount,
  };
  if (changed) {
    meta.revision = sync.revision;
    meta.lastChange = change;
  }
  await metaStore.put(meta, 'directory');
  await tx.done;
  return changed ? { meta, change } : { meta };
}

/** Records a check with the server that found nothing new. */
export async function touchDirectory(lastSyncedAt: string, generatedAt?: string): Promise<void> {
  const tx = (await open()).transaction('meta', 'readwrite');
  const meta = await tx.store.get('directory');
  if (meta)
    await tx.store.put({ ...meta, lastSyncedAt, generatedAt: generatedAt ?? meta.generatedAt }, 'directory');
  await tx.done;
}

export async function readSavedIndex(): Promise<SavedSearchIndex | undefined> {
  return (await open()).get('searchIndex', 'services');
}

export async function writeSavedIndex(saved: SavedSearchIndex): Promise<void> {
  await (await open()).put('searchIndex', saved, 'services');
}
