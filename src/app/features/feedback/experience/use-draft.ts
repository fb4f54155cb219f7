import { useEffect, useState } from 'preact/hooks';
import { draftsInMemory } from '../../../../store/draft-cache.ts';
import { deleteDraft, getDraft, saveDraft } from '../../../../store/drafts.ts';
import { StorageFullError } from '../../../../store/feedback-storage.ts';
import { newDraft, type ExperienceDraft } from './draft.ts';

/** The draft being filled in, kept in memory between steps so each page opens at once. */
const inMemory = draftsInMemory<ExperienceDraft>();

export type DraftState =
  | { status: 'loading' }
  /** Nothing begun: `start` begins a fresh draft (a step's address opened directly, or a bookmark). */
  | { status: 'none'; start: (mode: ExperienceDraft['mode']) => Promise<void> }
  | {
      status: 'ready';
      draft: ExperienceDraft;
      /** Keeps the change on the device before it resolves, so what follows can rely on it. */
      update: (patch: Partial<ExperienceDraft>) => Promise<void>;
      /** The device refused to keep the last change (it is full). */
      storageFull: boolean;
    };

export async function loadDraft(key: string): Promise<ExperienceDraft | undefined> {
  const cached = inMemory.get(key);
  if (cached) return cached;
  const stored = await getDraft<ExperienceDraft>(key);
  if (stored) inMemory.set(key, stored.value);
  return stored?.value;
}

/** Starts or replaces the draft: kept on the device before it resolves. */
export async function storeDraft(key: string, draft: ExperienceDraft, owner?: string): Promise<void> {
  inMemory.set(key, draft);
  await saveDraft(key, draft, owner);
}

/** What the next draft of a visit starts with (how staff are meeting people), kept for this page only. */
const carriedOver = new Map<string, Partial<ExperienceDraft>>();

/** Forgets a sent draft, keeping for the next person only how the answers are being gathered. */
export async function forgetDraft(key: string): Promise<void> {
  const sent = inMemory.get(key);
  if (sent?.gatheredBy) carriedOver.set(key, { gatheredBy: sent.gatheredBy });
  inMemory.delete(key);
  await deleteDraft(key);
}

export function takeCarriedOver(key: string): Partial<ExperienceDraft> {
  const carried = carriedOver.get(key) ?? {};
  carriedOver.delete(key);
  return carried;
}

export function useDraft(key: string | undefined, owner?: string): DraftState {
  const [draft, setDraft] = useState<ExperienceDraft | null | undefined>(key ? inMemory.get(key) : undefined);
  const [storageFull, setStorageFull] = useState(false);
  useEffect(() => {
    if (!key) return;
    let live = true;
    void loadDraft(key).then(
      (found) => live && setDraft(found ?? null),
      () => live && setDraft(null),
    );
    return () => {
      live = false;
    };
  }, [key]);
  if (!key || draft === undefined) return { status: 'loading' };
  if (draft === null) {
    const start = async (mode: ExperienceDraft['mode']) => {
      const fresh = newDraft(mode);
      await storeDraft(key, fresh, owner);
      setDraft(fresh);
    };
    return { status: 'none', start };
  }
  const update = async (patch: Partial<ExperienceDraft>) => {
    const next = { ...(inMemory.get(key) ?? draft), ...patch };
    setDraft(next);
    try {
      await storeDraft(key, next, owner);
      setStorageFull(false);
    } catch (error) {
      if (!(error instanceof StorageFullError)) throw error;
      setStorageFull(true);
    }
  };
  return { status: 'ready', draft, update, storageFull };
}
