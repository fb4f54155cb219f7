/**
 * What the app remembers about each page a person has been to in this tab, kept in `history.state` so
 * it lives and dies with the browser's own history: where they came from, how far they had scrolled,
 * what had focus, and small things a page keeps (how many results were shown).
 *
 * An app opened from the home screen has no browser Back button (iOS has no gesture for it either), so
 * the page's own Back link must return to exactly where the person was. The router (preact-iso) writes
 * history with a null state; the two history methods are wrapped so every entry carries this record.
 */

interface EntryRecord {
  /** How many pages of this app lie behind this one in the tab's history: 0 for the first. */
  depth: number;
  /** The address of the page before this one, when it was a page of this app. */
  from?: string;
  /** Saved on leaving the page, for coming back to it. */
  scrollY?: number;
  /** The link (its href) or control (its id) that had focus on leaving the page. */
  focus?: { href?: string; id?: string };
  /** Small things a page keeps about itself, by name. */
  values?: Record<string, unknown>;
}

const FIELD = 'signpost';

export type Arrival = 'load' | 'push' | 'pop';

let arrival: Arrival = 'load';
let installed = false;

function recordOf(state: unknown): EntryRecord | undefined {
  const record = (state as Record<string, unknown> | null)?.[FIELD];
  return record && typeof record === 'object' ? (record as EntryRecord) : undefined;
}

function withRecord(state: unknown, record: EntryRecord): Record<string, unknown> {
  const base = state && typeof state === 'object' ? (state as Record<string, unknown>) : {};
  return { ...base, [FIELD]: record };
}

function here(): string {
  return location.pathname + location.search;
}

function addressOf(url: string | URL): string {
  const resolved = new URL(url, location.href);
  return resolved.origin === location.origin ? resolved.pathname + resolved.search : resolved.href;
}

/** The focused link or named control, to put focus back on it after coming back. */
function focusedTarget(): EntryRecord['focus'] {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || active === document.body) return undefined;
  const href = active instanceof HTMLAnchorElement ? active.getAttribute('href') : null;
  if (href) return { href };
  return active.id ? { id: active.id } : undefined;
}

export function currentEntry(): EntryRecord {
  return recordOf(history.state) ?? { depth: 0 };
}

/** Starts keeping a record for every history entry. Idempotent; call before the app first renders. */
export function trackHistoryEntries(): void {
  if (installed) return;
  installed = true;
  // The app restores scrolling itself, once a page's results are back: the browser would jump too early.
  history.scrollRestoration = 'manual';
  const push = history.pushState.bind(history);
  const replace = history.replaceState.bind(history);
  if (!recordOf(history.state)) replace(withRecord(history.state, { depth: 0 }), '');

  history.pushState = (state: unknown, unused: string, url?: string | URL | null) => {
    const leaving = currentEntry();
    // A link to the page just left ("Back to the service", a journey's Back) is going back: the history
    // stays a true path, and that page comes back as it was left rather than as a new visit.
    if (leaving.depth > 0 && url && addressOf(url) === leaving.from) {
      arrival = 'pop';
      history.back();
      return;
    }
    const focus = focusedTarget();
    const left: EntryRecord = { ...leaving, scrollY: window.scrollY };
    if (focus) left.focus = focus;
    else delete left.focus;
    replace(withRecord(history.state, left), '');
    arrival = 'push';
    push(withRecord(state, { depth: leaving.depth + 1, from: here() }), unused, url);
  };
  // Replacing keeps the entry's record: the router replaces the address as filters change on one page.
  history.replaceState = (state: unknown, unused: string, url?: string | URL | null) => {
    replace(withRecord(state, recordOf(state) ?? currentEntry()), unused, url);
  };
  addEventListener('popstate', () => {
    arrival = 'pop';
  });
  // Leaving the app or reloading keeps the place too: the browser's own restoring is switched off.
  addEventListener('pagehide', () => {
    replace(withRecord(history.state, { ...currentEntry(), scrollY: window.scrollY }), '');
  });
}

/** How the page now showing was reached: first load, a link, or the browser's (or the app's) Back. */
export function lastArrival(): Arrival {
  return arrival;
}

/** The address of the page this one was reached from, when that was a page of this app in this tab. */
export function previousPage(): string | undefined {
  const entry = currentEntry();
  return entry.depth > 0 ? entry.from : undefined;
}

/** A value this page kept about itself ("40 results shown"), read back when the person returns. */
export function entryValue<T>(name: string): T | undefined {
  return currentEntry().values?.[name] as T | undefined;
}

export function setEntryValue(name: string, value: unknown): void {
  const entry = currentEntry();
  history.replaceState(
    withRecord(history.state, { ...entry, values: { ...entry.values, [name]: value } }),
    '',
  );
}
