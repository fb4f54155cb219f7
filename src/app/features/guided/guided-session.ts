import { JourneyState } from '../../../domain/guided/journey-state.ts';
import { forgetFoundEntry } from '../evidence/found-state.ts';

export { hasAnswers } from '../../../domain/guided/journey-state.ts';

/**
 * A person's journey, kept in this tab's sessionStorage: it survives a reload and the Back button,
 * never leaves the device, and is gone when the tab closes (a shared or borrowed phone keeps nothing).
 */
export type GuidedSession = JourneyState;

const STORAGE_KEY = 'signpost.guided';
const EMPTY: GuidedSession = { answers: { choices: {} } };

let current: GuidedSession | undefined;
const listeners = new Set<() => void>();

function read(): GuidedSession {
  try {
    const stored = sessionStorage.getItem(STORAGE_KEY);
    const parsed = stored ? JourneyState.safeParse(JSON.parse(stored)) : undefined;
    return parsed?.success ? parsed.data : EMPTY;
  } catch {
    return EMPTY;
  }
}

export function readGuidedSession(): GuidedSession {
  current ??= read();
  return current;
}

export function writeGuidedSession(next: GuidedSession): void {
  current = next;
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  } catch {
    // Storage refused (private browsing, full): the journey still works until the page is reloaded.
  }
  listeners.forEach((listener) => listener());
}

export function updateGuidedSession(change: (session: GuidedSession) => GuidedSession): void {
  writeGuidedSession(change(readGuidedSession()));
}

/** Forgets the whole journey: answers, help-now and the closing answer. */
export function clearGuidedSession(): void {
  writeGuidedSession(EMPTY);
  forgetFoundEntry('guided');
}

export function onGuidedSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
