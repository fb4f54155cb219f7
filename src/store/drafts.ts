/**
 * Answers not sent yet, kept on the device at every step so that going back, a reload, losing the
 * connection or an update of the app never loses them. Deleted once the response is in the outbox.
 */
import type { DBSchema } from 'idb';
import { databaseOpener } from './open-database.ts';
import { writeOrExplain } from './feedback-storage.ts';

export interface Draft<T> {
  /** `experience:self`, `experience:staff:<user id>`, `report:<service id>`… */
  key: string;
  /** The member of staff it belongs to, so signing out can clear their drafts. */
  owner?: string;
  updatedAt: number;
  value: T;
}

interface DraftsSchema extends DBSchema {
  drafts: { key: string; value: Draft<unknown> };
}

const DATABASE_NAME = 'signpost-drafts';

const open = databaseOpener<DraftsSchema>(DATABASE_NAME, 1, (db) => {
  db.createObjectStore('drafts', { keyPath: 'key' });
});

export async function getDraft<T>(key: string): Promise<Draft<T> | undefined> {
  return (await (await open()).get('drafts', key)) as Draft<T> | undefined;
}

/** Keeps the draft. Throws `StorageFullError` when the device is full (the last saved version stays). */
export async function saveDraft<T>(key: string, value: T, owner?: string): Promise<void> {
  const draft: Draft<T> = { key, updatedAt: Date.now(), value, ...(owner ? { owner } : {}) };
  await writeOrExplain(async () => (await open()).put('drafts', draft));
}

export async function deleteDraft(key: string): Promise<void> {
  await (await open()).delete('drafts', key);
}

/** Removes every draft a member of staff left on this device (when they sign out). */
export async function deleteDraftsOf(owner: string): Promise<void> {
  const db = await open();
  const tx = db.transaction('drafts', 'readwrite');
  for (const draft of await tx.store.getAll()) {
    if (draft.owner === owner) await tx.store.delete(draft.key);
  }
  await tx.done;
}
