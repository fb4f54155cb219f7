/**
 * A `t` for some namespaces in the page's language that remembers what it returned. i18next copies its
 * whole options object on every call, so a page of result cards and filters asking for a few hundred
 * strings took tens of milliseconds on a mid-range phone, in every render. The words change only with the
 * language or when a namespace loads, and then every remembered string is forgotten.
 */
import i18next, { type TFunction } from 'i18next';

interface Remembered {
  t: TFunction;
  strings: Map<string, string>;
}

const byNamespaces = new Map<string, Remembered>();
let listening = false;
let storeListened: unknown;

function forget(): void {
  byNamespaces.clear();
}

function listen(): void {
  if (!listening) {
    listening = true;
    i18next.on('languageChanged', forget);
    i18next.on('loaded', forget);
    i18next.on('initialized', forget);
  }
  // The store exists once i18next is set up; words added to it later (a bundle, a test) are seen too.
  const store = i18next.store;
  if (store && storeListened !== store) {
    storeListened = store;
    store.on('added', forget);
    store.on('removed', forget);
  }
}

/** The call as a key, or undefined when its options are more than plain values and must not be kept. */
function callKey(key: unknown, options: unknown, rest: unknown[]): string | undefined {
  if (typeof key !== 'string' || rest.length > 0) return undefined;
  if (options === undefined) return key;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) return undefined;
  let text = key;
  for (const [name, value] of Object.entries(options)) {
    if (value !== undefined && typeof value === 'object') return undefined;
    if (typeof value === 'function') return undefined;
    text += `\u0000${name}\u0000${typeof value}:${String(value)}`;
  }
  return text;
}

function remembering(namespaces: readonly string[]): Remembered {
  // No namespaces: the default one, as `i18next.t` reads it.
  const fixed = i18next.getFixedT(null, namespaces.length > 0 ? [...namespaces] : null) as unknown as (
    ...args: unknown[]
  ) => unknown;
  const strings = new Map<string, string>();
  const t = ((key: unknown, options?: unknown, ...rest: unknown[]) => {
    const id = callKey(key, options, rest);
    if (id !== undefined) {
      const kept = strings.get(id);
      if (kept !== undefined) return kept;
    }
    const result = fixed(key, options, ...rest);
    if (id !== undefined && typeof result === 'string') strings.set(id, result);
    return result;
  }) as unknown as TFunction;
  return { t, strings };
}

/** The same function for the same namespaces until the language or the words change. */
export function cachedT(namespaces: readonly string[]): TFunction {
  listen();
  const id = `${i18next.language}\u0000${namespaces.join('\u0000')}`;
  let found = byNamespaces.get(id);
  if (!found) byNamespaces.set(id, (found = remembering(namespaces)));
  return found.t;
}
