/**
 * Search in a person's own language: the words people type in each of Signpost's other languages for
 * the themes, the "who it is for" groups and the concepts of the synonym table, read from
 * `locales/<language>/search.json`. A query in Polish or Arabic is matched against these and searched
 * as the English terms they stand for; the directory itself stays in English.
 */
import { z } from 'zod/mini';
import { THEMES, WHO_FOR, type Theme, type WhoFor } from '../service-terms.ts';
import { foldWord, tokenize } from './analyse.ts';

/** One language's `search.json`: comma-separated words and phrases for each theme, group and concept. */
export const SearchTermsFile = z.object({
  _meta: z.optional(z.record(z.string(), z.string())),
  themes: z.record(z.enum(THEMES), z.string()),
  whoFor: z.record(z.enum(WHO_FOR), z.string()),
  terms: z.record(z.string(), z.string()),
  /** Words that only say "I am looking for something" in this language: help, support, for, near… */
  filler: z.string(),
});
export type SearchTermsFile = z.infer<typeof SearchTermsFile>;

export type LexiconTarget =
  { kind: 'concept'; id: string } | { kind: 'theme'; theme: Theme } | { kind: 'for'; group: WhoFor };

export interface LexiconEntry {
  language: string;
  words: string[];
  target: LexiconTarget;
}

export interface Lexicon {
  /** Longest first, so "zdrowie psychiczne" wins over "zdrowie". */
  entries: LexiconEntry[];
  filler: Map<string, Set<string>>;
  /** Every language's filler words together: never read as a term ("pomoc" is help, not "pomoce", aids). */
  anyFiller: Set<string>;
}

const ARABIC_MARKS = /[\u064B-\u065F\u0670\u0640]/g;

/**
 * A word folded the way every language's entries are: lower case, Latin accents gone, Arabic-script
 * letters in one form (Arabic and Urdu write yeh, kaf and heh differently) and the article "al-" dropped.
 */
export function foldForeign(word: string): string {
  let folded = foldWord(word)
    .replace(ARABIC_MARKS, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/[ىی]/g, 'ي')
    .replace(/ک/g, 'ك')
    .replace(/[ةۃہھ]/g, 'ه');
  for (const article of ['وال', 'بال', 'فال', 'كال', 'لل', 'ال']) {
    if (folded.startsWith(article) && folded.length - article.length >= 2) {
      folded = folded.slice(article.length);
      break;
    }
  }
  return folded;
}

/**
 * Whether a typed word is an entry's word, allowing for endings: most of these languages inflect
 * ("opiekunów", "opiekunowie" for "opiekun"; "yalnızlık" for "yalnız"), so a long shared start is enough.
 */
export function sameForeignWord(typed: string, entry: string): boolean {
  if (typed === entry) return true;
  const shorter = Math.min(typed.length, entry.length);
  if (shorter < 4) return false;
  let shared = 0;
  while (shared < shorter && typed[shared] === entry[shared]) shared++;
  return shared >= 4 && shared >= shorter - 2;
}

function phrases(list: string): string[][] {
  return list
    .split(',')
    .map((phrase) =>
      tokenize(phrase)
        .map(foldForeign)
        .filter((word) => word.length > 0),
    )
    .filter((words) => words.length > 0);
}

/** Builds the lexicon from each language's file (already checked by `SearchTermsFile`). */
export function buildLexicon(files: Readonly<Record<string, SearchTermsFile>>): Lexicon {
  const entries: LexiconEntry[] = [];
  const filler = new Map<string, Set<string>>();
  for (const [language, file] of Object.entries(files)) {
    const add = (list: string, target: LexiconTarget) => {
      for (const words of phrases(list)) entries.push({ language, words, target });
    };
    for (const theme of THEMES) add(file.themes[theme] ?? '', { kind: 'theme', theme });
    for (const group of WHO_FOR) add(file.whoFor[group] ?? '', { kind: 'for', group });
    for (const [id, list] of Object.entries(file.terms)) add(list, { kind: 'concept', id });
    filler.set(language, new Set(phrases(file.filler).flat()));
  }
  // Longest first; at equal length a concept (with its own words) before a group or a whole theme.
  const rank = { concept: 0, for: 1, theme: 2 } as const;
  entries.sort((a, b) => b.words.length - a.words.length || rank[a.target.kind] - rank[b.target.kind]);
  const anyFiller = new Set([...filler.values()].flatMap((words) => [...words]));
  return { entries, filler, anyFiller };
}
