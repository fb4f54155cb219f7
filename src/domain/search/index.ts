/**
 * The on-device word index of the directory: for each stem (and each known phrase of stems) the services
 * and fields it occurs in. Built once from the directory, kept as JSON next to it so that a warm start
 * loads it instead of rebuilding, and brought up to date with each change.
 */
import type { Service } from '../service.ts';
import { analyse, clauses } from './analyse.ts';
import { languageWords } from './language-names.ts';
import { planQuery, type QueryPlan, type Vocabulary } from './understand.ts';
import { PHRASES, themeKey, whoForKey } from './synonyms.ts';
import { audienceWords, themeWords } from './audience.ts';
import { orderByScore } from './rank-order.ts';

/** Bump when anything below changes the indexed terms, so stale saved indexes are rebuilt. */
export const INDEX_VERSION = 2;

/** The indexed fields; `places` holds the towns and districts a service is in. */
export const INDEX_FIELDS = [
  'name',
  'category',
  'summary',
  'description',
  'organization',
  'places',
  'audience',
  'access',
  'languages',
] as const;
type IndexField = (typeof INDEX_FIELDS)[number];

/** How much a match in each field counts: a name match beats the same word in a description. */
export const FIELD_BOOST: Readonly<Record<IndexField, number>> = {
  name: 4,
  category: 3,
  summary: 1.5,
  description: 1,
  organization: 1.5,
  places: 2,
  audience: 1.2,
  access: 1.5,
  languages: 1.5,
};
const BOOSTS = INDEX_FIELDS.map((field) => FIELD_BOOST[field]);
const FIELD_COUNT = INDEX_FIELDS.length;

/** BM25's term-frequency saturation and length normalisation. */
const K1 = 1.2;
const B = 0.75;

interface IndexData {
  version: number;
  /** Service ids by document number; '' for a service removed since. */
  ids: string[];
  /** Folded names, for the whole-phrase bonus. */
  names: string[];
  /** Field lengths in words, `FIELD_COUNT` a document. */
  lengths: number[];
  /** Each term's postings: document, field, occurrences; repeated. */
  postings: Record<string, number[]>;
  /** Every word as written (folded) with its stem: for completing a word being typed and for typos. */
  words: Record<string, string>;
  removed: number;
}

export interface ServiceIndex {
  data: IndexData;
  idToDoc: Map<string, number>;
  averages: number[];
  /** How many live documents each term is in, worked out when first needed. */
  documentCounts: Map<string, number>;
  /** The words, sorted, for completing the word being typed. */
  sortedWords?: string[];
  /** The words by length, for corrections. */
  wordsByLength?: string[][];
  /**
   * BM25's length normalisation, `K1 × norm`, for each document's fields (`FIELD_COUNT` a document), -1
   * for a removed service: worked out once per index state instead of for every posting of every query.
   */
  norms?: Float64Array;
  /** The folded names padded with a space each side, for the whole-phrase bonus without a string per query. */
  paddedNames?: string[];
}

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

function fieldText(service: Service, field: IndexField): string {
  switch (field) {
    case 'name':
      return service.name;
    case 'organization':
      return service.organization;
    case 'summary':
      return service.summary ?? '';
    case 'description':
      return service.description;
    case 'category':
      return service.taxonomy.map((term) => term.name).join('. ');
    case 'places': {
      const places = new Set<string>(service.districts.map(districtWords));
      for (const location of service.locations) {
        if (location.district) places.add(districtWords(location.district));
        if (location.name) places.add(location.name);
        const town = location.address ? townOf(location.address) : undefined;
        if (town) places.add(town);
      }
      if (service.countyWide) places.add('Essex');
      return [...places].join('. ');
    }
    case 'audience':
      return [...service.whoFor.map(audienceWords), ...service.themes.map(themeWords)].join('. ');
    case 'access':
      return [...new Set(service.locations.flatMap((location) => location.accessibility))].join('. ');
    case 'languages':
      return service.languages.map(languageWords).join('. ');
  }
}

/** The terms of one field: non-stop stems, known phrases (stop words kept inside them), and their counts. */
function fieldTerms(
  text: string,
  words: Record<string, string>,
): { terms: Map<string, number>; length: number } {
  const terms = new Map<string, number>();
  let length = 0;
  const add = (term: string) => terms.set(term, (terms.get(term) ?? 0) + 1);
  for (const clause of clauses(text)) {
    const analysed = analyse(clause);
    for (let i = 0; i < analysed.length; i++) {
      const word = analysed[i]!;
      if (!word.stop) {
        add(word.stem);
        length++;
        if (/^\p{L}/u.test(word.folded)) words[word.folded] = word.stem;
      }
      let phrase = word.stem;
      for (let j = i + 1; j < Math.min(analysed.length, i + 5); j++) {
        phrase += ` ${analysed[j]!.stem}`;
        if (PHRASES.has(phrase)) add(phrase);
      }
    }
  }
  return { terms, length };
}

function addDocument(index: ServiceIndex, service: Service): void {
  const { data } = index;
  const doc = data.ids.length;
  data.ids.push(service.id);
  data.names.push(
    analyse(service.name)
      .map((word) => word.folded)
      .join(' '),
  );
  index.idToDoc.set(service.id, doc);
  for (let field = 0; field < FIELD_COUNT; field++) {
    const { terms, length } = fieldTerms(fieldText(service, INDEX_FIELDS[field]!), data.words);
    data.lengths.push(length);
    for (const [term, count] of terms) (data.postings[term] ??= []).push(doc, field, count);
  }
  // Who it is for and themes as whole keys too: translated queries reach them without English words.
  for (const group of service.whoFor) (data.postings[whoForKey(group)] ??= []).push(doc, 6, 1);
  for (const theme of service.themes) (data.postings[themeKey(theme)] ??= []).push(doc, 6, 1);
  index.documentCounts.clear();
}

function averagesOf(data: IndexData): number[] {
  const sums = new Array<number>(FIELD_COUNT).fill(0);
  let live = 0;
  for (let doc = 0; doc < data.ids.length; doc++) {
    if (!data.ids[doc]) continue;
    live++;
    for (let field = 0; field < FIELD_COUNT; field++)
      sums[field]! += data.lengths[doc * FIELD_COUNT + field]!;
  }
  return sums.map((sum) => (live > 0 ? Math.max(1, sum / live) : 1));
}

function indexOf(data: IndexData): ServiceIndex {
  const idToDoc = new Map<string, number>();
  data.ids.forEach((id, doc) => id && idToDoc.set(id, doc));
  return { data, idToDoc, averages: averagesOf(data), documentCounts: new Map() };
}

function emptyData(): IndexData {
  return { version: INDEX_VERSION, ids: [], names: [], lengths: [], postings: {}, words: {}, removed: 0 };
}

/** Builds the index from the whole directory. */
export function createServiceIndex(services: Iterable<Service>): ServiceIndex {
  const index = indexOf(emptyData());
  for (const service of services) addDocument(index, service);
  index.averages = averagesOf(index.data);
  return index;
}

/** Drops removed services' postings once they are a fifth of the index, so it does not grow without end. */
function compact(index: ServiceIndex): void {
  const { data } = index;
  for (const [term, postings] of Object.entries(data.postings)) {
    const kept: number[] = [];
    for (let i = 0; i < postings.length; i += 3) {
      if (data.ids[postings[i]!]) kept.push(postings[i]!, postings[i + 1]!, postings[i + 2]!);
    }
    if (kept.length > 0) data.postings[term] = kept;
    else delete data.postings[term];
  }
  data.removed = 0;
}

/** Applies a directory delta (changed and removed services) to an index in place. */
export function updateServiceIndex(
  index: ServiceIndex,
  changes: { upserted?: Iterable<Service>; removed?: Iterable<string> },
): void {
  const { data } = index;
  const drop = (id: string) => {
    const doc = index.idToDoc.get(id);
    if (doc === undefined) return;
    data.ids[doc] = '';
    index.idToDoc.delete(id);
    data.removed++;
  };
  for (const id of changes.removed ?? []) drop(id);
  for (const service of changes.upserted ?? []) {
    drop(service.id);
    addDocument(index, service);
  }
  if (data.removed * 5 > data.ids.length) compact(index);
  index.averages = averagesOf(data);
  index.documentCounts.clear();
  index.sortedWords = undefined;
  index.wordsByLength = undefined;
  index.norms = undefined;
  index.paddedNames = undefined;
}

/** The index as JSON, to store beside the directory. */
export function serializeIndex(index: ServiceIndex): string {
  return JSON.stringify(index.data);
}

/**
 * Loads a saved index without rebuilding it. Returns null when the JSON is damaged or was written by a
 * different index version: the caller then rebuilds with `createServiceIndex`.
 */
export function loadIndex(json: string): ServiceIndex | null {
  try {
    const data = JSON.parse(json) as Partial<IndexData> | null;
    if (
      !data ||
      data.version !== INDEX_VERSION ||
      !Array.isArray(data.ids) ||
      !Array.isArray(data.names) ||
      !Array.isArray(data.lengths) ||
      data.lengths.length !== data.ids.length * FIELD_COUNT ||
      typeof data.postings !== 'object' ||
      typeof data.words !== 'object'
    ) {
      return null;
    }
    return indexOf(data as IndexData);
  } catch {
    return null;
  }
}

/** Whether the directory has this term (a stem, phrase or group key). */
export function hasTerm(index: ServiceIndex, term: string): boolean {
  return Object.hasOwn(index.data.postings, term);
}

/** Whether the directory has this word as written (folded). */
export function hasWord(index: ServiceIndex, folded: string): boolean {
  return Object.hasOwn(index.data.words, folded);
}

/** The directory's words that start with `prefix`, as written, at most `limit` of them. */
export function wordsStartingWith(index: ServiceIndex, prefix: string, limit: number): string[] {
  const sorted = (index.sortedWords ??= Object.keys(index.data.words).sort());
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]! < prefix) low = middle + 1;
    else high = middle;
  }
  const found: string[] = [];
  for (let i = low; i < sorted.length && found.length < limit && sorted[i]!.startsWith(prefix); i++) {
    found.push(sorted[i]!);
  }
  return found;
}

/** The directory's words from `min` to `max` letters long. */
export function wordsOfLength(index: ServiceIndex, min: number, max: number): string[] {
  if (!index.wordsByLength) {
    const byLength: string[][] = [];
    for (const word of Object.keys(index.data.words)) (byLength[word.length] ??= []).push(word);
    index.wordsByLength = byLength;
  }
  const found: string[] = [];
  for (let length = Math.max(1, min); length <= max; length++)
    found.push(...(index.wordsByLength[length] ?? []));
  return found;
}

/** How many live services hold the term. */
export function documentCount(index: ServiceIndex, term: string): number {
  let known = index.documentCounts.get(term);
  if (known !== undefined) return known;
  const postings = index.data.postings[term];
  known = 0;
  if (postings) {
    let last = -1;
    for (let i = 0; i < postings.length; i += 3) {
      const doc = postings[i]!;
      if (doc !== last && index.data.ids[doc]) known++;
      last = doc;
    }
  }
  index.documentCounts.set(term, known);
  return known;
}

function normsOf(index: ServiceIndex): Float64Array {
  const { ids, lengths } = index.data;
  const norms = new Float64Array(ids.length * FIELD_COUNT);
  for (let doc = 0; doc < ids.length; doc++) {
    for (let field = 0; field < FIELD_COUNT; field++) {
      const slot = doc * FIELD_COUNT + field;
      norms[slot] = ids[doc] ? K1 * (1 - B + (B * lengths[slot]!) / index.averages[field]!) : -1;
    }
  }
  return norms;
}

/**
 * Per-document working space for one query, reused between queries: typed arrays indexed by document
 * number, with lists of the documents they hold so only those are read and cleared. At 50,000 services
 * a query may reach most of them, so nothing here allocates per document.
 */
interface Scratch {
  /** The current idea's best alternative, and all its alternatives added up. */
  best: Float64Array;
  total: Float64Array;
  /** Ideas matched, and their scores added up, over the whole query. */
  groups: Uint16Array;
  score: Float64Array;
  /** The documents the current idea reached, and those the whole query reached, in the order reached. */
  inGroup: Int32Array;
  reached: Int32Array;
}

const scratches = new WeakMap<ServiceIndex, Scratch>();

function scratchFor(index: ServiceIndex): Scratch {
  const size = index.data.ids.length;
  let scratch = scratches.get(index);
  if (!scratch || scratch.best.length < size) {
    scratch = {
      best: new Float64Array(size),
      total: new Float64Array(size),
      groups: new Uint16Array(size),
      score: new Float64Array(size),
      inGroup: new Int32Array(size),
      reached: new Int32Array(size),
    };
    scratches.set(index, scratch);
  }
  return scratch;
}

export interface ScoredId {
  id: string;
  score: number;
}

/** Another alternative for the same idea adds a little: the best one counts in full. */
const EXTRA_ALTERNATIVES = 0.25;
/** The words typed, side by side in the name: "home from hospital" is that service. */
const NAME_PHRASE_BONUS = 0.6;

/** The index's words, as query planning reads them. */
export function vocabularyOf(index: ServiceIndex): Vocabulary {
  return {
    hasTerm: (term) => hasTerm(index, term),
    hasWord: (folded) => hasWord(index, folded),
    words: () => index.data.words,
    startingWith: (prefix, limit) => wordsStartingWith(index, prefix, limit),
    ofLength: (min, max) => wordsOfLength(index, min, max),
    documentCount: (term) => documentCount(index, term),
  };
}

/** What a query means against this directory: its ideas, corrections, safety, language and themes. */
export function understandQuery(index: ServiceIndex, query: string): QueryPlan {
  return planQuery(vocabularyOf(index), query);
}

/** Matching documents best first, with their scores (in the same order). */
interface Ranked {
  docs: number[];
  scores: number[];
}

/**
 * Scores every idea of a plan over the posting lists. For each alternative, a term's BM25 score in a
 * document (fields weighted) is summed over its postings, which lie together by document; an idea
 * counts its best alternative in full and a little of the others.
 */
function rankPlan(index: ServiceIndex, plan: QueryPlan): Ranked {
  const { best, total, groups, score, inGroup, reached } = scratchFor(index);
  const norms = (index.norms ??= normsOf(index));
  const { postings: allPostings } = index.data;
  const live = index.idToDoc.size;
  let reachedCount = 0;
  for (const group of plan.groups) {
    let inGroupCount = 0;
    for (const alternative of group.alternatives) {
      const postings = Object.hasOwn(allPostings, alternative.key) ? allPostings[alternative.key] : undefined;
      if (!postings) continue;
      const count = documentCount(index, alternative.key);
      const idf = Math.log(1 + (live - count + 0.5) / (count + 0.5));
      const weight = alternative.weight;
      let current = -1;
      let sum = 0;
      for (let i = 0; i < postings.length; i += 3) {
        const doc = postings[i]!;
        const field = postings[i + 1]!;
        const norm = norms[doc * FIELD_COUNT + field]!;
        if (norm < 0) continue;
        const frequency = postings[i + 2]!;
        const value = (weight * BOOSTS[field]! * idf * (frequency * (K1 + 1))) / (frequency + norm);
        if (doc !== current) {
          if (current >= 0) {
            if (total[current] === 0) inGroup[inGroupCount++] = current;
            if (sum > best[current]!) best[current] = sum;
            total[current] = total[current]! + sum;
          }
          current = doc;
          sum = 0;
        }
        sum += value;
      }
      if (current >= 0) {
        if (total[current] === 0) inGroup[inGroupCount++] = current;
        if (sum > best[current]!) best[current] = sum;
        total[current] = total[current]! + sum;
      }
    }
    for (let i = 0; i < inGroupCount; i++) {
      const doc = inGroup[i]!;
      if (groups[doc] === 0) reached[reachedCount++] = doc;
      groups[doc] = groups[doc]! + 1;
      score[doc] = score[doc]! + (best[doc]! + EXTRA_ALTERNATIVES * (total[doc]! - best[doc]!));
      best[doc] = 0;
      total[doc] = 0;
    }
  }
  // Every idea when some service has them all; otherwise any, those with more of them first.
  const groupCount = plan.groups.length;
  let all = 0;
  for (let i = 0; i < reachedCount; i++) if (groups[reached[i]!] === groupCount) all++;
  const docs: number[] = [];
  for (let i = 0; i < reachedCount; i++) {
    const doc = reached[i]!;
    if (all === 0 || groups[doc] === groupCount) docs.push(doc);
  }
  const phrase = plan.phrase.length > 0 && plan.phrase.includes(' ') ? ` ${plan.phrase} ` : '';
  if (phrase) {
    const names = (index.paddedNames ??= index.data.names.map((name) => ` ${name} `));
    for (const doc of docs)
      if (names[doc]!.includes(phrase)) score[doc] = score[doc]! * (1 + NAME_PHRASE_BONUS);
  }
  // Equal documents keep the order first reached.
  const ordered = orderByScore(docs, score, groups);
  let top = 0;
  for (const doc of ordered) if (score[doc]! > top) top = score[doc]!;
  top ||= 1;
  // Scores then say the order alone: fewer ideas matched always rank lower, in the page's sort too.
  const divisor = Math.max(1, groupCount);
  const scores = ordered.map((doc) => (groups[doc]! - 1 + score[doc]! / top / 1.0001) / divisor);
  for (let i = 0; i < reachedCount; i++) {
    const doc = reached[i]!;
    groups[doc] = 0;
    score[doc] = 0;
  }
  return { docs: ordered, scores };
}

/** Ranked services for a planned query; empty when nothing matches any of its groups. */
export function searchPlan(index: ServiceIndex, plan: QueryPlan): ScoredId[] {
  const { docs, scores } = rankPlan(index, plan);
  const { ids } = index.data;
  return docs.map((doc, i) => ({ id: ids[doc]!, score: scores[i]! }));
}

/**
 * Ranked matches with their scores. Every idea in the query must match (through its own words, the
 * words it means, a completion or a correction); when no service has them all, any may. Null when the
 * query holds no searchable word (meaning: no text filter).
 */
export function searchServicesScored(index: ServiceIndex, query: string): ScoredId[] | null {
  const plan = understandQuery(index, query);
  if (plan.groups.length === 0) return null;
  return searchPlan(index, plan);
}

/** Ranked ids of the services matching a query, best first; null for an empty query (no text filter). */
export function searchServices(index: ServiceIndex, query: string): string[] | null {
  const plan = understandQuery(index, query);
  if (plan.groups.length === 0) return null;
  const { ids } = index.data;
  return rankPlan(index, plan).docs.map((doc) => ids[doc]!);
}
