/**
 * What a query means, before anything is searched: its ideas (each a group of terms, any of which will
 * do), the spellings corrected, whether it is about someone's safety, the language it was typed in and
 * the themes it touches. Search then needs every idea to match (see `searchPlan`).
 */
import type { Theme } from '../service-terms.ts';
import { analyse, stemWord, type AnalysedWord } from './analyse.ts';
import { isEnglishStem } from './known-words.ts';
import { foldForeign, sameForeignWord, type Lexicon, type LexiconEntry } from './lexicon.ts';
import { LEXICON } from './translations.ts';
import { CONCEPTS, themeKey, whoForKey, type CompiledConcept } from './synonyms.ts';

export interface Alternative {
  /** A stem, a phrase of stems, or a group or theme key. */
  key: string;
  weight: number;
}

export interface QueryGroup {
  alternatives: Alternative[];
}

export interface Correction {
  typed: string;
  /** The directory's (or the synonym table's) word that was searched instead. */
  used: string;
}

export interface QueryPlan {
  groups: QueryGroup[];
  /** The words typed, folded, for the whole-phrase bonus on names. */
  phrase: string;
  corrections: Correction[];
  /** The query is about danger, abuse, self-harm, suicide, scams or crisis: "Need help now?" comes first. */
  safety: boolean;
  /** The language code when the query was read through another language's words. */
  translatedFrom?: string;
  /** The themes of the ideas recognised, for "related themes" when little is found. */
  themes: Theme[];
}

/** What planning needs to know about the directory's words. */
export interface Vocabulary {
  hasTerm(term: string): boolean;
  hasWord(folded: string): boolean;
  words(): Readonly<Record<string, string>>;
  startingWith(prefix: string, limit: number): string[];
  /** The directory's words from `min` to `max` letters long. */
  ofLength(min: number, max: number): string[];
  documentCount(term: string): number;
}

/** Words that only say "I am looking for something": dropped when the query has other words. */
const FILLER = new Set([
  'help',
  'support',
  'service',
  'services',
  'near',
  'nearby',
  'local',
  'need',
  'needs',
  'looking',
  'find',
  'please',
  'want',
  'get',
]);

/** A word being typed completes to at most this many words of the directory. */
const COMPLETIONS = 40;
const COMPLETION_WEIGHT = 0.6;
const CORRECTION_WEIGHT = 0.85;

const conceptsById = new Map(CONCEPTS.map((concept) => [concept.id, concept]));

/** The synonym table's own single words, folded, so "lonley" corrects to "lonely" though no service says it. */
const conceptWords = new Map<string, string>();
const conceptStems = new Set<string>();
for (const concept of CONCEPTS) {
  for (const word of concept.singleWords) conceptWords.set(word, stemWord(word));
  for (const words of concept.words) if (words.length === 1) conceptStems.add(words[0]!);
}

/** Optimal string alignment distance (a swap of two letters counts one), or max + 1 once beyond `max`. */
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const width = b.length + 1;
  if (rows[0]!.length < width) rows = rows.map(() => new Int32Array(width * 2));
  let [before, previous, current] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j < width; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowBest = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, before[j - 2]! + 1);
      }
      current[j] = value;
      if (value < rowBest) rowBest = value;
    }
    if (rowBest > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length]!;
}

/** One typo in a word of four to six letters, two from seven: "demetia", "befreinding". */
function typosAllowed(length: number): number {
  if (length >= 7) return 2;
  return length >= 4 ? 1 : 0;
}

const isLatin = (folded: string) => /^[a-z]+$/.test(folded);

/**
 * Whether a word is real: the directory has it, or it is common English, or the synonym table knows it.
 * Real words are never corrected into other words ("lonely" never becomes "money", "deaf" never "deal").
 */
function isKnown(vocabulary: Vocabulary, word: AnalysedWord): boolean {
  return (
    vocabulary.hasWord(word.folded) ||
    vocabulary.hasTerm(word.stem) ||
    isEnglishStem(word.stem) ||
    conceptStems.has(word.stem) ||
    /\d/.test(word.folded)
  );
}

/** The nearest real words to a typo: the directory's words and the synonym table's. */
function corrections(vocabulary: Vocabulary, folded: string): Array<{ word: string; stem: string }> {
  const max = typosAllowed(folded.length);
  if (max === 0 || !isLatin(folded)) return [];
  let best = max + 1;
  let found: Array<{ word: string; stem: string; count: number }> = [];
  const consider = (word: string, stem: string) => {
    if (Math.abs(word.length - folded.length) > best) return;
    const distance = editDistance(folded, word, best);
    if (distance > best || distance > max) return;
    if (distance < best) {
      best = distance;
      found = [];
    }
    if (!found.some((candidate) => candidate.stem === stem)) {
      found.push({ word, stem, count: vocabulary.documentCount(stem) });
    }
  };
  const words = vocabulary.words();
  for (const word of vocabulary.ofLength(folded.length - max, folded.length + max))
    consider(word, words[word]!);
  for (const [word, stem] of conceptWords) consider(word, stem);
  return found.sort((a, b) => b.count - a.count).slice(0, 3);
}

function conceptGroup(concept: CompiledConcept, literal: string | undefined): QueryGroup {
  const alternatives: Alternative[] = [];
  if (literal) alternatives.push({ key: literal, weight: concept.literal });
  for (const target of concept.targets) alternatives.push({ key: target.key, weight: target.weight });
  return { alternatives };
}

interface Slot {
  word: AnalysedWord;
  /** Folded as the other languages' words are. */
  foreign: string;
  /** The stem searched: the word's own, or its correction's. */
  stem: string;
  used: boolean;
  known: boolean;
  correctedTo?: Array<{ word: string; stem: string }>;
}

/** The longest synonym-table phrase starting at `start`, by stems. */
function conceptAt(
  slots: readonly Slot[],
  start: number,
): { concept: CompiledConcept; length: number } | undefined {
  let found: { concept: CompiledConcept; length: number } | undefined;
  for (const concept of CONCEPTS) {
    for (const words of concept.words) {
      if (found && words.length <= found.length) continue;
      if (start + words.length > slots.length) continue;
      if (words.every((stem, i) => !slots[start + i]!.used && slots[start + i]!.stem === stem)) {
        found = { concept, length: words.length };
      }
    }
  }
  return found;
}

function foreignAt(
  lexicon: Lexicon,
  slots: readonly Slot[],
  start: number,
): { entry: LexiconEntry; length: number } | undefined {
  // The word exactly as an entry has it first ("demencja" is Polish), then with another ending.
  for (const exact of [true, false]) {
    for (const entry of lexicon.entries) {
      const length = entry.words.length;
      if (start + length > slots.length) continue;
      // A common English word ("saves", "urgent") can be part of a foreign phrase, not a word on its own.
      const span = slots.slice(start, start + length);
      const foreignSpan = length > 1 && exact && span.some((slot) => !slot.known);
      let matches = true;
      for (let i = 0; i < length && matches; i++) {
        const slot = slots[start + i]!;
        const word = entry.words[i]!;
        matches =
          !slot.used &&
          (!slot.known || foreignSpan) &&
          (exact
            ? slot.foreign === word
            : !lexicon.anyFiller.has(slot.foreign) && sameForeignWord(slot.foreign, word));
      }
      if (matches) return { entry, length };
    }
  }
  return undefined;
}

function targetGroup(entry: LexiconEntry): { group: QueryGroup; concept?: CompiledConcept } {
  const { target } = entry;
  if (target.kind === 'theme')
    return { group: { alternatives: [{ key: themeKey(target.theme), weight: 1 }] } };
  if (target.kind === 'for')
    return { group: { alternatives: [{ key: whoForKey(target.group), weight: 1 }] } };
  const concept = conceptsById.get(target.id);
  if (!concept) return { group: { alternatives: [] } };
  return { group: conceptGroup(concept, concept.primary), concept };
}

/** Plans a query against the directory's words (and, for other languages, the lexicon). */
export function planQuery(vocabulary: Vocabulary, query: string, lexicon: Lexicon = LEXICON): QueryPlan {
  const words = analyse(query);
  const slots: Slot[] = words.map((word) => ({
    word,
    foreign: foldForeign(word.folded),
    stem: word.stem,
    used: false,
    known: word.stop || isKnown(vocabulary, word),
  }));
  const groups: QueryGroup[] = [];
  const themes = new Set<Theme>();
  let safety = false;
  const noteConcept = (concept: CompiledConcept) => {
    for (const theme of concept.themes) themes.add(theme);
    if (concept.safety) safety = true;
  };

  // Another language's words first, for words that are not English: "opiekunowie", "الخرف".
  const languages = new Map<string, number>();
  const unknown = slots.some((slot) => !slot.known);
  for (let start = 0; unknown && start < slots.length; start++) {
    const found = foreignAt(lexicon, slots, start);
    if (!found) continue;
    for (let i = 0; i < found.length; i++) slots[start + i]!.used = true;
    const { group, concept } = targetGroup(found.entry);
    if (group.alternatives.length > 0) groups.push(group);
    if (concept) noteConcept(concept);
    if (found.entry.target.kind === 'theme') themes.add(found.entry.target.theme);
    languages.set(found.entry.language, (languages.get(found.entry.language) ?? 0) + found.length);
    start += found.length - 1;
  }
  const translatedFrom = [...languages].sort((a, b) => b[1] - a[1])[0]?.[0];
  const foreignFiller = translatedFrom ? lexicon.filler.get(translatedFrom) : undefined;

  // Typos, only in words that are not real words of any kind.
  const corrected: Correction[] = [];
  if (!translatedFrom) {
    for (const slot of slots) {
      if (slot.used || slot.known) continue;
      const nearest = corrections(vocabulary, slot.word.folded);
      if (nearest.length === 0) continue;
      slot.correctedTo = nearest;
      slot.stem = nearest[0]!.stem;
      corrected.push({ typed: slot.word.folded, used: nearest[0]!.word });
    }
  }

  // The synonym table's words and phrases, longest first: "hard of hearing", "cant pay bills".
  for (let start = 0; start < slots.length; start++) {
    const found = conceptAt(slots, start);
    if (!found) continue;
    const span = slots.slice(start, start + found.length);
    for (const slot of span) slot.used = true;
    groups.push(conceptGroup(found.concept, span.map((slot) => slot.stem).join(' ')));
    noteConcept(found.concept);
    start += found.length - 1;
  }

  // The other words, each an idea of its own.
  const rest = slots.filter((slot) => !slot.used && !slot.word.stop);
  const meaningful = rest.filter(
    (slot) => !FILLER.has(slot.word.folded) && !foreignFiller?.has(slot.word.folded),
  );
  const kept = meaningful.length > 0 || groups.length > 0 ? meaningful : rest;
  const last = slots.at(-1);
  for (const slot of kept) {
    // In another language, a word neither translated nor English is left out rather than required.
    if (translatedFrom && !slot.known) continue;
    const alternatives: Alternative[] = [{ key: slot.stem, weight: 1 }];
    for (const other of slot.correctedTo?.slice(1) ?? []) {
      alternatives.push({ key: other.stem, weight: CORRECTION_WEIGHT });
    }
    if (slot.correctedTo) alternatives[0]!.weight = CORRECTION_WEIGHT;
    // The word being typed also stands for the words it starts: "deme" for "dementia".
    if (slot === last && !slot.correctedTo && slot.word.folded.length >= 2) {
      const seen = new Set([slot.stem]);
      for (const word of vocabulary.startingWith(slot.word.folded, COMPLETIONS)) {
        const stem = vocabulary.words()[word]!;
        if (seen.has(stem)) continue;
        seen.add(stem);
        alternatives.push({ key: stem, weight: COMPLETION_WEIGHT * (slot.word.folded.length / word.length) });
      }
    }
    groups.push({ alternatives });
  }

  const plan: QueryPlan = {
    groups,
    phrase: words
      .filter((word) => !FILLER.has(word.folded))
      .map((word) => word.folded)
      .join(' '),
    corrections: corrected,
    safety,
    themes: [...themes],
  };
  if (translatedFrom) plan.translatedFrom = translatedFrom;
  return plan;
}
