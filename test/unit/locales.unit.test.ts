import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PICTOGRAMS } from '../../src/app/inclusion/pictograms.ts';
import {
  EASY_READ,
  LANGUAGES,
  REVIEWED_LANGUAGES,
  SOURCE_LANGUAGE,
  type Language,
} from '../../src/domain/languages.ts';

const localesDir = new URL('../../locales/', import.meta.url);

function read(language: string, namespace: string): unknown {
  return JSON.parse(readFileSync(new URL(`${language}/${namespace}.json`, localesDir), 'utf8'));
}

function namespacesIn(language: string): string[] {
  if (!existsSync(new URL(`${language}/`, localesDir))) return [];
  return readdirSync(new URL(`${language}/`, localesDir))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''))
    .sort();
}

/** Every string with its key path, arrays indexed, so a missing paragraph is caught as well as a missing label. */
function strings(value: unknown, prefix = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[prefix, value]];
  if (Array.isArray(value)) return value.flatMap((item, i) => strings(item, `${prefix}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value)
      .filter(([key]) => key !== '_meta')
      .flatMap(([key, item]) => strings(item, prefix ? `${prefix}.${key}` : key));
  }
  return [[prefix, String(value)]];
}

const keyPaths = (value: unknown) => strings(value).map(([key]) => key);

const PLURAL = /_(zero|one|two|few|many|other)$/;

/**
 * What a translation must have, given English: the same keys, except that a plural (`count_one`,
 * `count_other`) needs the forms the language's own plural rules use (Polish `_few` and `_many`, Arabic
 * all six). i18next picks the form with Intl.PluralRules, so a missing one would show English.
 */
function expectedKeys(
  englishKeys: string[],
  language: Language,
): { required: string[]; allowed: Set<string> } {
  const categories = new Intl.PluralRules(language.htmlLang).resolvedOptions().pluralCategories;
  const required = new Set<string>();
  const allowed = new Set<string>();
  for (const key of englishKeys) {
    const base = key.replace(PLURAL, '');
    if (base === key) {
      required.add(key);
      allowed.add(key);
      continue;
    }
    for (const category of categories) required.add(`${base}_${category}`);
    for (const category of ['zero', 'one', 'two', 'few', 'many', 'other']) allowed.add(`${base}_${category}`);
  }
  return { required: [...required].sort(), allowed };
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)/g)].map((m) => m[1] as string).sort();
}

const sourceNamespaces = namespacesIn(SOURCE_LANGUAGE);
const translations = LANGUAGES.filter((l) => l.code !== SOURCE_LANGUAGE);
/** The languages added with Easy Read; colleagues' namespaces reach them in a later step. */
const NEW_LANGUAGES = new Set([EASY_READ, 'bn', 'lt', 'pl', 'pt', 'ro', 'tr', 'ur']);

function namespacesToCheck(language: string): string[] {
  if (!NEW_LANGUAGES.has(language)) return sourceNamespaces;
  return namespacesIn(language).filter((ns) => sourceNamespaces.includes(ns));
}

describe('locale files', () => {
  it('has a folder for every language the switch offers, and no others', () => {
    const folders = readdirSync(localesDir).sort();
    expect(folders).toEqual(LANGUAGES.map((l) => l.code).sort());
  });

  it('every language has every namespace', () => {
    const missing = translations.flatMap((language) =>
      sourceNamespaces
        .filter((ns) => !existsSync(new URL(`${language.code}/${ns}.json`, localesDir)))
        .map((ns) => `locales/${language.code}/${ns}.json`),
    );
    expect(missing, 'files still to translate').toEqual([]);
  });

  describe.each(translations.map((l) => [l.code, l] as const))('%s', (_code, language) => {
    it.each(namespacesToCheck(language.code).map((ns) => [ns]))(
      'has every key that English has in %s, with every plural form the language needs, and no stale ones',
      (ns) => {
        const { required, allowed } = expectedKeys(keyPaths(read(SOURCE_LANGUAGE, ns)), language);
        const translated = keyPaths(read(language.code, ns));
        expect(
          required.filter((k) => !translated.includes(k)),
          'missing',
        ).toEqual([]);
        expect(
          translated.filter((k) => !allowed.has(k)),
          'not in English',
        ).toEqual([]);
        expect(
          strings(read(language.code, ns))
            .filter(([, text]) => text.trim() === '')
            .map(([key]) => key),
          'empty',
        ).toEqual([]);
      },
    );

    it.each(namespacesToCheck(language.code).map((ns) => [ns]))(
      'uses the same {{placeholders}} as English in %s',
      (ns) => {
        const english = new Map(strings(read(SOURCE_LANGUAGE, ns)));
        const wrong = strings(read(language.code, ns)).flatMap(([key, text]) => {
          const plural = PLURAL.test(key);
          const source = english.get(key) ?? english.get(key.replace(PLURAL, '_other'));
          if (source === undefined) return [];
          const expected = placeholders(source);
          const actual = placeholders(text);
          // A plural form may leave the number out ("one mile", Arabic "ميلين"); it may not invent a name.
          const fits = plural
            ? actual.every((name) => expected.includes(name))
            : JSON.stringify(actual) === JSON.stringify(expected);
          return fits ? [] : [`${key}: ${text}`];
        });
        expect(wrong).toEqual([]);
      },
    );
  });

  describe.each(LANGUAGES.map((l) => [l.code]))('the review status of %s', (code) => {
    it.each(namespacesIn(code).map((ns) => [ns]))('is recorded in %s', (ns) => {
      const meta = (read(code, ns) as { _meta?: Record<string, string> })._meta;
      if (REVIEWED_LANGUAGES.includes(code)) {
        expect(meta, 'a reviewed file needs no review note').toBeUndefined();
        return;
      }
      // Translations of colleagues' namespaces (Arabic) predate the note; the languages added with it carry it.
      if (!NEW_LANGUAGES.has(code) && !['common', 'pages', 'inclusion'].includes(ns)) return;
      expect(meta?.status).toMatch(
        /^awaiting (native-speaker review|review by people with learning disabilities)$/,
      );
      expect(meta?.translatedFrom).toBe(SOURCE_LANGUAGE);
      expect(meta?.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    });
  });

  it('catches a missing key (the check is not vacuous)', () => {
    expect(keyPaths({ a: { b: 'x', c: ['y', { d: 'z' }] } })).toEqual(['a.b', 'a.c[0]', 'a.c[1].d']);
    const polish = LANGUAGES.find((l) => l.code === 'pl') as Language;
    expect(expectedKeys(['n_one', 'n_other'], polish).required).toEqual([
      'n_few',
      'n_many',
      'n_one',
      'n_other',
    ]);
  });
});

/** Keys whose text is shown through EasyBlock/EasyText, so in Easy Read each line carries its picture. */
const PICTURED: Record<string, RegExp[]> = {
  common: [/^home\.intro$/, /^notFound\.body$/, /^pageNotLoaded\.(body|waiting)$/],
  pages: [/^\w+\.intro$/, /\.paragraphs\[\d+\]$/, /\.items\[\d+\]$/],
  inclusion: [/^englishOnly$/],
};
const MARKER = /^\[([a-z0-9-]+)\] /;

describe('Easy Read', () => {
  const files = namespacesIn(EASY_READ).map((ns) => [ns, strings(read(EASY_READ, ns))] as const);
  const isPictured = (ns: string, key: string) => (PICTURED[ns] ?? []).some((pattern) => pattern.test(key));

  it.each(files)('puts a known picture beside every idea in %s', (ns, entries) => {
    const problems = entries
      .filter(([key]) => isPictured(ns, key))
      .flatMap(([key, text]) =>
        text.split('\n').flatMap((line) => {
          const picture = MARKER.exec(line)?.[1];
          if (!picture) return [`${key}: no picture for "${line}"`];
          return picture in PICTOGRAMS ? [] : [`${key}: no pictogram called "${picture}"`];
        }),
      );
    expect(problems).toEqual([]);
  });

  it.each(files)('writes short sentences, and one sentence a pictured line, in %s', (ns, entries) => {
    const sentences = (line: string) => line.split(/(?<=[.!?])\s+/).filter(Boolean);
    const long = entries.flatMap(([key, text]) =>
      text
        .split('\n')
        .map((line) => line.replace(MARKER, ''))
        .filter(
          (line) =>
            sentences(line).some((sentence) => sentence.split(/\s+/).length > 15) ||
            (isPictured(ns, key) && sentences(line).length > 1),
        )
        .map((line) => `${key}: ${line}`),
    );
    expect(long).toEqual([]);
  });

  it('shows picture names nowhere else: not in other keys, not in other languages', () => {
    const stray = LANGUAGES.flatMap((language) =>
      namespacesIn(language.code).flatMap((ns) =>
        strings(read(language.code, ns))
          .filter(([key]) => !(language.code === EASY_READ && isPictured(ns, key)))
          .filter(([, text]) => text.split('\n').some((line) => MARKER.test(line)))
          .map(([key]) => `${language.code}/${ns}: ${key}`),
      ),
    );
    expect(stray).toEqual([]);
  });
});
