/**
 * The synonym and plain-words table (`synonyms.json`): what people type, and what it means in the
 * directory. Checked by its schema when loaded; `test/unit/search-synonyms.unit.test.ts` checks that every
 * concept reaches at least one sample service.
 */
import { z } from 'zod/mini';
import { THEMES, WHO_FOR, type Theme, type WhoFor } from '../service-terms.ts';
import { analyse, phraseKey } from './analyse.ts';
import table from './synonyms.json' with { type: 'json' };

const Words = z.array(z.string().check(z.minLength(1))).check(z.minLength(1));
const Weight = z.number().check(z.gt(0), z.lte(1));

export const Concept = z.object({
  id: z.string().check(z.regex(/^[a-z][a-z-]*$/)),
  words: Words,
  find: z.array(z.union([z.string().check(z.minLength(1)), z.object({ term: z.string(), weight: Weight })])),
  themes: z.optional(z.array(z.enum(THEMES))),
  safety: z.optional(z.boolean()),
  literal: z.optional(Weight),
  translate: z.optional(z.boolean()),
});
export type Concept = z.infer<typeof Concept>;

export const SynonymTable = z.object({
  _about: z.optional(z.array(z.string())),
  concepts: z.array(Concept),
});
export type SynonymTable = z.infer<typeof SynonymTable>;

/** A term to look for: a stem, a phrase of stems ("hear loss"), or a who-it-is-for group. */
export interface Target {
  key: string;
  weight: number;
}

export interface CompiledConcept {
  id: string;
  /** The first of its words, as a key: what a translated query searches for in English. */
  primary: string;
  /** The typed words and phrases as stem sequences, longest first. */
  words: string[][];
  /** The typed single words as written (folded), so a typo of one is corrected to it. */
  singleWords: string[];
  targets: Target[];
  themes: Theme[];
  safety: boolean;
  literal: number;
  translate: boolean;
}

const DEFAULT_FIND_WEIGHT = 0.8;
const WHO_FOR_PREFIX = 'for:';

/** The index key of a who-it-is-for group, kept apart from words by its colon. */
export function whoForKey(group: WhoFor): string {
  return `${WHO_FOR_PREFIX}${group}`;
}

export function themeKey(theme: Theme): string {
  return `theme:${theme}`;
}

function targetOf(find: Concept['find'][number]): Target {
  const term = typeof find === 'string' ? find : find.term;
  const weight = typeof find === 'string' ? DEFAULT_FIND_WEIGHT : find.weight;
  if (term.startsWith(WHO_FOR_PREFIX)) {
    const group = term.slice(WHO_FOR_PREFIX.length);
    if (!(WHO_FOR as readonly string[]).includes(group))
      throw new Error(`Unknown group in synonyms: ${term}`);
    return { key: term, weight };
  }
  return { key: phraseKey(term), weight };
}

export function compileConcepts(parsed: SynonymTable): CompiledConcept[] {
  return parsed.concepts.map((concept) => ({
    id: concept.id,
    primary: phraseKey(concept.words[0]!),
    words: concept.words
      .map((word) => phraseKey(word).split(' '))
      .filter((stems) => stems.length > 0 && stems[0] !== '')
      .sort((a, b) => b.length - a.length),
    singleWords: concept.words
      .map((word) => analyse(word))
      .flatMap((words) => (words.length === 1 ? [words[0]!.folded] : [])),
    targets: concept.find.map(targetOf),
    themes: concept.themes ?? [],
    safety: concept.safety === true,
    literal: concept.literal ?? 1,
    translate: concept.translate !== false,
  }));
}

export const SYNONYMS: SynonymTable = SynonymTable.parse(table);
export const CONCEPTS: readonly CompiledConcept[] = compileConcepts(SYNONYMS);

/**
 * The phrases the index keeps as whole terms, so that "learning disability" matches those words side by
 * side and not "learn" in one sentence and "disability" in another.
 */
export function phrasesOf(concepts: readonly CompiledConcept[]): Set<string> {
  const phrases = new Set<string>();
  for (const concept of concepts) {
    for (const words of concept.words) if (words.length > 1) phrases.add(words.join(' '));
    for (const target of concept.targets) if (target.key.includes(' ')) phrases.add(target.key);
  }
  return phrases;
}

export const PHRASES: ReadonlySet<string> = phrasesOf(CONCEPTS);
