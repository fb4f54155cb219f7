/**
 * "My list": the services a person has saved, kept on this device only (no account) in its own
 * IndexedDB database, so clearing the directory cache never loses it. Every open page and tab hears
 * of a change through `onSavedListChange`.
 */
import type { DBSchema } from 'idb';
import { databaseOpener } from './open-database.ts';
import { changeChannel } from './change-channel.ts';
import { SAVED_LIST_CHANNEL, SAVED_LIST_DATABASE } from './database-names.ts';
import { rememberContact } from './follow-ups.ts';

export interface SavedService {
  /** The service's id in the directory. */
  id: string;
  /** When it was saved, ISO timestamp. */
  savedAt: string;
}

interface SavedListSchema extends DBSchema {
  saved: { key: string; value: SavedService };
}

const open = databaseOpener<SavedListSchema>(SAVED_LIST_DATABASE, 1, (db) => {
  db.createObjectStore('saved', { keyPath: 'id' });
});

const changes = changeChannel(SAVED_LIST_CHANNEL);
const announceChange = changes.announce;

/** Calls `listener` whenever the saved list changes, in this page or any other tab. Returns an unsubscribe. */
export const onSavedListChange = changes.listen;

/** Everything saved, in the order it was saved (first saved first). */
export async function listSaved(): Promise<SavedService[]> {
  const all = await (await open()).getAll('saved');
  return all.sort((a, b) => a.savedAt.localeCompare(b.savedAt) || a.id.localeCompare(b.id));
}

/**
 * Saves each id not saved already (keeping the time the others were first saved).
 * Returns how many were newly saved.
 */
export async function saveAll(ids: readonly string[]): Promise<number> {
  const db = await open();
  const tx = db.transaction('saved', 'readwrite');
  const savedAt = Date.now();
  const added: string[] = [];
  for (const [index, id] of [...new Set(ids)].entries()) {
    if ((await tx.store.getKey(id)) !== undefined) continue;
    // A millisecond apart, so a list saved in one go keeps its order.
    await tx.store.put({ id, savedAt: new Date(savedAt + index).toISOString() });
    added.push(id);
  }
  await tx.done;
  if (added.length > 0) {
    announceChange();
    // To ask in a few weeks whether it helped; the list is saved whether or not that can be kept.
    await rememberContact(added, 'saved', savedAt).catch(() => undefined);
  }
  return added.length;
}

export async function remove(id: string): Promise<void> {
  await (await open()).delete('saved', id);
  announceChange();
}

export async function clearAll(): Promise<void> {
  await (await open()).clear('saved');
  announceChange();
}
