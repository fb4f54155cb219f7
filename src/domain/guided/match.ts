import type { Service } from '../service.ts';
import { phraseOf, phraseText } from '../search/text.ts';
import type { AnswerMatch } from './rules.ts';

/** How much a keyword found in each part of a listing counts. */
export const KEYWORD_WEIGHT = { taxonomy: 3, name: 3, summary: 2, description: 1 } as const;
type TextField = keyof typeof KEYWORD_WEIGHT;
const FIELDS = Object.keys(KEYWORD_WEIGHT) as TextField[];

/** A field's folded text, and its words twice over: a set for exact words, sorted for prefixes. */
interface FieldText {
  text: string;
  words: Set<string>;
  sorted: string[];
}
type ServiceText = Record<TextField, FieldText> & { all: FieldText };
interface CompiledKeyword {
  phrase: string;
  words: string[];
  prefix: boolean;
}

function fieldText(text: string): FieldText {
  const words = new Set(text.split(' ').filter((word) => word !== '' && word !== '|'));
  return { text, words, sorted: [...words].sort() };
}

/** The first position in a sorted list whose word is not before `start`. */
function lowerBound(sorted: readonly string[], start: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] as string) < start) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Whether any word in the sorted list starts with `start`: a binary search, not a scan. */
function hasWordStarting(sorted: readonly string[], start: string): boolean {
  return (sorted[lowerBound(sorted, start)] ?? '').startsWith(start);
}

// Word lookups reject almost every listing at once; the substring check then only confirms a phrase's order.
function fieldHas(field: FieldText, keyword: CompiledKeyword): boolean {
  const last = keyword.words.length - 1;
  for (let i = 0; i < last; i++) if (!field.words.has(keyword.words[i] as string)) return false;
  const final = keyword.words[last] as string;
  if (!(keyword.prefix ? hasWordStarting(field.sorted, final) : field.words.has(final))) return false;
  if (last === 0) return true;
  return field.text.includes(keyword.prefix ? ` ${keyword.phrase}` : ` ${keyword.phrase} `);
}

const textCache = new WeakMap<Service, ServiceText>();
function textOf(service: Service): ServiceText {
  let text = textCache.get(service);
  if (!text) {
    text = {
      taxonomy: fieldText(
        phraseText(
          service.taxonomy.map((term) => `${term.name}; ${term.id.replace(/[-_:]+/g, ' ')}`).join('; '),
        ),
      ),
      name: fieldText(phraseText(service.name)),
      summary: fieldText(phraseText(service.summary ?? '')),
      description: fieldText(phraseText(service.description)),
      all: fieldText(''),
    };
    // Every word of every field together, so most keywords are turned away with one lookup.
    const fields = text;
    const all = new Set(FIELDS.flatMap((field) => [...fields[field].words]));
    fields.all = { text: '', words: all, sorted: [...all].sort() };
    textCache.set(service, text);
  }
  return text;
}

const keywordCache = new WeakMap<AnswerMatch, CompiledKeyword[]>();
function keywordsOf(match: AnswerMatch): CompiledKeyword[] {
  let compiled = keywordCache.get(match);
  if (!compiled) {
    compiled = [];
    for (const keyword of match.keywords ?? []) {
      const prefix = keyword.endsWith('*');
      const phrase = phraseOf(prefix ? keyword.slice(0, -1) : keyword);
      if (phrase) compiled.push({ phrase, words: phrase.split(' '), prefix });
    }
    keywordCache.set(match, compiled);
  }
  return compiled;
}

/** The keyword part of a match: each keyword found counts once, at the weight of the best field it is in. */
export function keywordScore(service: Service, match: AnswerMatch): number {
  const text = textOf(service);
  let score = 0;
  for (const keyword of keywordsOf(match)) {
    const first = keyword.words[0] as string;
    const single = keyword.words.length === 1;
    if (single && keyword.prefix ? !hasWordStarting(text.all.sorted, first) : !text.all.words.has(first))
      continue;
    let best = 0;
    for (const field of FIELDS) {
      if (KEYWORD_WEIGHT[field] > best && fieldHas(text[field], keyword)) best = KEYWORD_WEIGHT[field];
    }
    score += best;
  }
  return score;
}

export interface AnswerScore {
  /** Higher is more relevant. */
  score: number;
  /** True when the service meets the answer: a keyword, theme or who-for group matched. */
  candidate: boolean;
}

/** One part of every listing: each word → the services using it there, and the words sorted for prefixes. */
interface FieldWords {
  byWord: Map<string, Service[]>;
  sorted: string[];
}

/** The directory's words by part of the listing: built once per directory, as the search index is. */
export type WordIndex = Record<TextField, FieldWords>;

const wordIndexes = new WeakMap<readonly Service[], WordIndex>();

export function wordIndexOf(services: readonly Service[]): WordIndex {
  let index = wordIndexes.get(services);
  if (!index) {
    const byField = Object.fromEntries(FIELDS.map((field) => [field, new Map<string, Service[]>()]));
    for (const service of services) {
      const text = textOf(service);
      for (const field of FIELDS) {
        const byWord = byField[field] as Map<string, Service[]>;
        for (const word of text[field].words) {
          const list = byWord.get(word);
          if (list) list.push(service);
          else byWord.set(word, [service]);
        }
      }
    }
    index = Object.fromEntries(
      FIELDS.map((field) => {
        const byWord = byField[field] as Map<string, Service[]>;
        return [field, { byWord, sorted: [...byWord.keys()].sort() }];
      }),
    ) as WordIndex;
    wordIndexes.set(services, index);
  }
  return index;
}

/** The services whose field has the keyword's first word (or, for a one-word prefix, a word it starts). */
function* servicesWith(field: FieldWords, keyword: CompiledKeyword): Generator<Service> {
  const first = keyword.words[0] as string;
  if (!keyword.prefix || keyword.words.length > 1) {
    yield* field.byWord.get(first) ?? [];
    return;
  }
  for (let i = lowerBound(field.sorted, first); (field.sorted[i] ?? '').startsWith(first); i++) {
    yield* field.byWord.get(field.sorted[i] as string) ?? [];
  }
}

/** Heaviest first, so the first part a keyword is found in is the one it counts for. */
const FIELDS_BY_WEIGHT = [...FIELDS].sort((a, b) => KEYWORD_WEIGHT[b] - KEYWORD_WEIGHT[a]);

const scoresCache = new WeakMap<readonly Service[], WeakMap<AnswerMatch, Map<Service, number>>>();

/**
 * The keyword score of every service that could score at all; the services left out score 0. Kept per
 * directory and answer, so going back and changing one answer recomputes only what changed.
 */
export function keywordScores(services: readonly Service[], match: AnswerMatch): Map<Service, number> {
  let byMatch = scoresCache.get(services);
  if (!byMatch) scoresCache.set(services, (byMatch = new WeakMap()));
  let scores = byMatch.get(match);
  if (!scores) byMatch.set(match, (scores = computeKeywordScores(services, match)));
  return scores;
}

// The same sums as `keywordScore` for each service, but walking only the services each keyword is in.
function computeKeywordScores(services: readonly Service[], match: AnswerMatch): Map<Service, number> {
  const index = wordIndexOf(services);
  const scores = new Map<Service, number>();
  for (const keyword of keywordsOf(match)) {
    const counted = new Set<Service>();
    for (const field of FIELDS_BY_WEIGHT) {
      for (const service of servicesWith(index[field], keyword)) {
        if (counted.has(service)) continue;
        if (keyword.words.length > 1 && !fieldHas(textOf(service)[field], keyword)) continue;
        counted.add(service);
        scores.set(service, (scores.get(service) ?? 0) + KEYWORD_WEIGHT[field]);
      }
    }
  }
  return scores;
}

/** How well a service meets one answer's `match`; pass the keyword score when it is already known. */
export function scoreMatch(
  service: Service,
  match: AnswerMatch,
  keywordPoints: number = keywordScore(service, match),
): AnswerScore {
  let score = keywordPoints;
  let candidate = score > 0;
  if (match.themes?.some((theme) => service.themes.includes(theme))) {
    score += 2;
    candidate = true;
  }
  if (match.whoFor?.some((group) => service.whoFor.includes(group))) {
    score += 2;
    candidate = true;
  }
  if (match.boostThemes?.some((theme) => service.themes.includes(theme))) score += 1;
  return { score, candidate };
}

/** A match aimed at carers themselves (the 'caring for someone' need). */
export function targetsCarers(match: AnswerMatch | undefined): boolean {
  return Boolean(match?.whoFor?.includes('carer-self') || match?.themes?.includes('carers'));
}

/** A service for carers themselves and not for the person they look after. */
export function isCarerOnly(service: Service): boolean {
  return service.whoFor.includes('carer-self') && !service.whoFor.includes('cared-for');
}
