import { z } from 'zod/mini';
import { FoundAnswer, FoundNeed, FoundSource, ForWhom } from '../../../domain/evidence/found.ts';
import { District } from '../../../domain/service-terms.ts';

/**
 * A person's answer to "Did you find what you needed?" between the foot of the results and the page
 * that asks what was missing, kept in this tab's sessionStorage: it survives a reload and Back, never
 * leaves the device but as the answer itself, and is gone when the tab closes. One per place asked.
 */

const Entry = z.object({
  /** The submission's id, made when the answer was first given, so sending again replaces, not adds. */
  id: z.uuid(),
  answer: FoundAnswer,
  /** Put in the outbox: the question is answered for this visit. */
  sent: z.boolean(),
  needs: z.optional(z.array(FoundNeed)),
  district: z.optional(District),
  forWhom: z.optional(ForWhom),
  /** Where "Back" goes from the page of needs: the results or the shortlist, on this device only. */
  returnTo: z.string().check(z.regex(/^\/(?!\/)/)),
});
export type FoundEntry = z.infer<typeof Entry>;

const FoundState = z.partialRecord(FoundSource, Entry);
type FoundState = z.infer<typeof FoundState>;

const STORAGE_KEY = 'signpost.found';
const listeners = new Set<() => void>();
let current: FoundState | undefined;

function read(): FoundState {
  try {
    const stored = sessionStorage.getItem(STORAGE_KEY);
    const parsed = stored ? FoundState.safeParse(JSON.parse(stored)) : undefined;
    return parsed?.success ? parsed.data : {};
  } catch {
    return {};
  }
}

export function foundEntry(source: FoundSource): FoundEntry | undefined {
  current ??= read();
  return current[source];
}

function write(next: FoundState): void {
  current = next;
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  } catch {
    // Storage refused (private browsing, full): the answer still holds until the page is reloaded.
  }
  listeners.forEach((listener) => listener());
}

export function setFoundEntry(source: FoundSource, entry: FoundEntry): void {
  write({ ...(current ?? read()), [source]: entry });
}

/** Guided help started again: its closing question may be asked afresh. */
export function forgetFoundEntry(source: FoundSource): void {
  const { [source]: _gone, ...rest } = current ?? read();
  write(rest);
}

export function onFoundChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
