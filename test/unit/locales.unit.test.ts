import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, SOURCE_LANGUAGE } from '../../src/domain/languages.ts';

const localesDir = new URL('../../locales/', import.meta.url);

function read(language: string, namespace: string): unknown {
  return JSON.parse(readFileSync(new URL(`${language}/${namespace}.json`, localesDir), 'utf8'));
}

/** Every key path to a string, with arrays indexed, so a missing paragraph is caught as well as a missing label. */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix];
  if (Array.isArray(value)) return value.flatMap((item, i) => keyPaths(item, `${prefix}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value)
      .filter(([key]) => key !== '_meta')
      .flatMap(([key, item]) => keyPaths(item, prefix ? `${prefix}.${key}` : key));
  }
  return [prefix];
}

function emptyStrings(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return value.trim() === '' ? [prefix] : [];
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) =>
      emptyStrings(item, prefix ? `${prefix}.${key}` : key),
    );
  }
  return [];
}

const namespaces = readdirSync(new URL(`${SOURCE_LANGUAGE}/`, localesDir))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));

describe('locale files', () => {
  it('has a folder for every language the switch offers, and no others', () => {
    const folders = readdirSync(localesDir).sort();
    expect(folders).toEqual(LANGUAGES.map((l) => l.code).sort());
  });

  describe.each(LANGUAGES.filter((l) => l.code !== SOURCE_LANGUAGE).map((l) => [l.code]))(
    '%s',
    (language) => {
      it.each(namespaces.map((ns) => [ns]))(
        'has every key that English has in %s, and no stale ones',
        (ns) => {
          const english = keyPaths(read(SOURCE_LANGUAGE, ns)).sort();
          const translated = keyPaths(read(language, ns)).sort();
          expect(
            english.filter((k) => !translated.includes(k)),
            'missing',
          ).toEqual([]);
          expect(
            translated.filter((k) => !english.includes(k)),
            'not in English',
          ).toEqual([]);
          expect(emptyStrings(read(language, ns)), 'empty').toEqual([]);
        },
      );
    },
  );

  it('catches a missing key (the check is not vacuous)', () => {
    expect(keyPaths({ a: { b: 'x', c: ['y', { d: 'z' }] } })).toEqual(['a.b', 'a.c[0]', 'a.c[1].d']);
  });
});
