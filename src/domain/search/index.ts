import MiniSearch, { type Options, type SearchOptions } from 'minisearch';
import type SearchableMap from 'minisearch/SearchableMap';
import type { Service } from '../service.ts';
import { normaliseTerm, tokenize } from './text.ts';

/**
 * The on-device full-text index of the directory (MiniSearch). Built once from the directory, then kept
 * as JSON next to it so that a warm start loads it instead of rebuilding.
 */
export type ServiceIndex = MiniSearch<Service>;

/** Bump when anything below changes the indexed terms, so stale saved indexes are rebuilt. */
export const INDEX_VERSION = 1;

/** The indexed fields; `places` holds the towns and districts a service is in. */
export const INDEX_FIELDS = ['name', 'organization', 'summary', 'description', 'taxonomy', 'places'] as const;
type IndexField = (typeof INDEX_FIELDS)[number];

/** How much a match in each field counts: a name match beats the same word in a description. */
export const FIELD_BOOST: Readonly<Record<IndexField, number>> = {
  name: 4,
  taxonomy: 2,
  organization: 1.5,
  summary: 1.5,
  places: 1,
  description: 1,
};

function districtWords(slug: string): string {
  return slug.replace(/-/g, ' ');
}

/** The town part of an address: its last comma-separated part that is not a postcode. */
function townOf(address: string): string | undefined {
  const parts = address
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0 && !/^[A-Za-z]{1,2}\d[A-Za-z\d]?(\s*\d[A-Za-z]{2})?$/.test(part));
  return parts.at(-1);
}

function extractField(service: Service, field: string): string {
  switch (field as IndexField) {
    case 'name':
      return service.name;
    case 'organization':
      return service.organization;
    case 'summary':
      return service.summary ?? '';
    case 'description':
      return service.description;
    case 'taxonomy':
      return service.taxonomy.map((term) => term.name).join(' ');
    case 'places': {
      const places = new Set<string>(service.districts.map(districtWords));
      for (const location of service.locations) {
        if (location.district) places.add(districtWords(location.district));
        if (location.name) places.add(location.name);
        const town = location.address ? townOf(location.address) : undefined;
        if (town) places.add(town);
      }
      return [...places].join(' ');
    }
  }
  // MiniSearch asks for the id field too.
  return field === 'id' ? service.id : '';
}

function processTerm(term: string): string | null {
  return normaliseTerm(term);
}

/** Fuzziness by term length: none for short words, one typo from four letters, two from five. */
function typosAllowed(term: string): number | false {
  if (term.length >= 5) return 2;
  if (term.length >= 4) return 1;
  return false;
}

/** One letter is the start of most words in the directory: it matches only as a whole word. */
const MIN_PREFIX = 2;

export const SEARCH_OPTIONS: SearchOptions = {
  boost: { ...FIELD_BOOST },
  prefix: (term) => term.length >= MIN_PREFIX,
  fuzzy: typosAllowed,
  maxFuzzy: 2,
};

/** Whether the index holds a word that is, or starts with, `term`. */
function isKnownWordStart(index: ServiceIndex, term: string): boolean {
  // MiniSearch keeps its vocabulary in a radix tree, the protected `_index`: reading it is far cheaper
  // than a search.
  const vocabulary = (index as unknown as { _index: SearchableMap<unknown> })._index;
  return vocabulary.atPrefix(term).keys().next().done !== true;
}

export const INDEX_OPTIONS: Options<Service> = {
  idField: 'id',
  fields: [...INDEX_FIELDS],
  // Results carry the id only: the service itself lives in the directory store.
  storeFields: [],
  extractField,
  tokenize: (text) => tokenize(text),
  processTerm,
  searchOptions: SEARCH_OPTIONS,
};

/** Builds the index from the whole directory. */
export function createServiceIndex(services: Iterable<Service>): ServiceIndex {
  const index = new MiniSearch<Service>(INDEX_OPTIONS);
  index.addAll([...services]);
  return index;
}

/** Applies a directory delta (changed and removed services) to an index in place. */
export function updateServiceIndex(
  index: ServiceIndex,
  changes: { upserted?: Iterable<Service>; removed?: Iterable<string> },
): void {
  for (const id of changes.removed ?? []) if (index.has(id)) index.discard(id);
  for (const service of changes.upserted ?? []) {
    if (index.has(service.id)) index.replace(service);
    else index.add(service);
  }
}

interface SavedIndex {
  version: number;
  index: unknown;
}

/** The index as JSON, to store beside the directory. */
export function serializeIndex(index: ServiceIndex): string {
  const saved: SavedIndex = { version: INDEX_VERSION, index: index.toJSON() };
  return JSON.stringify(saved);
}

/**
 * Loads a saved index without rebuilding it. Returns null when the JSON is damaged or was written by a
 * different index configuration: the caller then rebuilds with `createServiceIndex`.
 */
export function loadIndex(json: string): ServiceIndex | null {
  try {
    const saved = JSON.parse(json) as Partial<SavedIndex> | null;
    if (!saved || saved.version !== INDEX_VERSION || typeof saved.index !== 'object' || !saved.index) {
      return null;
    }
    return MiniSearch.loadJS<Service>(saved.index as Parameters<typeof MiniSearch.loadJS>[0], INDEX_OPTIONS);
  } catch {
    return null;
  }
}

/**
 * Words that only say "I am looking for something" ("help", "support", "near"). They are dropped from a
 * query when it has other words, so "help with benefits" means "benefits".
 */
const FILLER = new Set(['help', 'support', 'service', 'near', 'nearby', 'local', 'need', 'looking', 'find']);

/** The query's meaningful terms, as the index stores them. */
export function queryTerms(query: string): string[] {
  const terms: string[] = [];
  for (const word of tokenize(query)) {
    const term = normaliseTerm(word);
    if (term && !terms.includes(term)) terms.push(term);
  }
  const meaningful = terms.filter((term) => !FILLER.has(term));
  return meaningful.length > 0 ? meaningful : terms;
}

export interface ScoredId {
  id: string;
  score: number;
}

/**
 * Ranked matches with their scores. Every word must match (as a prefix or with a typo or two); when no
 * service has them all, any word may match. Null when the query holds no searchable word (meaning: no
 * text filter).
 */
export function searchServicesScored(index: ServiceIndex, query: string): ScoredId[] | null {
  const terms = queryTerms(query);
  if (terms.length === 0) return null;
  const text = terms.join(' ');
  // Only a word the directory does not have is a typo: matching every near spelling of a word it does
  // have ("care" for "carer") costs most of a search and finds little that is wanted.
  const typos = new Map(
    terms.map((term) => [term, isKnownWordStart(index, term) ? false : typosAllowed(term)]),
  );
  const fuzzy = (term: string) => typos.get(term) ?? typosAllowed(term);
  // One pass serves both: a service with every word scores the same whether words are ANDed or ORed.
  const any = index.search(text, { fuzzy, combineWith: 'OR' });
  const every = any.filter((result) => result.queryTerms.length === terms.length);
  return (every.length > 0 ? every : any).map((result) => ({ id: String(result.id), score: result.score }));
}

/** Ranked ids of the services matching a query, best first; null for an empty query (no text filter). */
export function searchServices(index: ServiceIndex, query: string): string[] | null {
  return searchServicesScored(index, query)?.map((result) => result.id) ?? null;
}
