import { describe, expect, it } from 'vitest';
import {
  chooseLanguage,
  EASY_READ,
  findLanguage,
  isEasyRead,
  LANGUAGES,
  languageOrSource,
} from '../../src/domain/languages.ts';

describe('choosing the language', () => {
  it('follows a link that asks for a language before anything else', () => {
    expect(chooseLanguage('ar', 'en', ['en-GB']).code).toBe('ar');
  });

  it('then the choice remembered on the device', () => {
    expect(chooseLanguage(null, 'ar', ['en-GB']).code).toBe('ar');
    expect(chooseLanguage(null, EASY_READ, ['pl-PL']).code).toBe(EASY_READ);
  });

  it('then the first browser language Signpost speaks, regional variants included', () => {
    expect(chooseLanguage(null, null, ['xx-YY', 'ar-EG', 'en']).code).toBe('ar');
    expect(chooseLanguage(null, null, ['pt-BR']).code).toBe('pt');
    expect(chooseLanguage(null, null, ['bn-BD', 'en-GB']).code).toBe('bn');
    expect(chooseLanguage(null, null, ['ur_PK']).code).toBe('ur');
  });

  it('never guesses Easy Read from a browser: it is a choice a person makes', () => {
    expect(chooseLanguage(null, null, ['en-GB']).code).toBe('en');
  });

  it('falls back to English for unknown requests', () => {
    expect(chooseLanguage('klingon', 'zz', ['fr-FR']).code).toBe('en');
    expect(languageOrSource(undefined).code).toBe('en');
  });

  it('knows which languages run right to left', () => {
    expect(findLanguage('ar')?.dir).toBe('rtl');
    expect(findLanguage('ur')?.dir).toBe('rtl');
    expect(findLanguage('EN')?.dir).toBe('ltr');
    expect(LANGUAGES.filter((l) => l.dir === 'rtl').map((l) => l.code)).toEqual(['ar', 'ur']);
  });
});

describe('the languages offered', () => {
  it('includes the languages most spoken in Essex after English, and Easy Read', () => {
    expect(LANGUAGES.map((l) => l.code).sort()).toEqual(
      ['ar', 'bn', 'en', EASY_READ, 'lt', 'pl', 'pt', 'ro', 'tr', 'ur'].sort(),
    );
  });

  it('lists English and Easy Read first, then by the Latin spelling of each name in itself', () => {
    expect(LANGUAGES.map((l) => l.nativeName)).toEqual([
      'English',
      'Easy Read English',
      'العربية',
      'বাংলা',
      'Lietuvių',
      'Polski',
      'Português',
      'Română',
      'Türkçe',
      'اردو',
    ]);
  });

  it('treats Easy Read as English for the page, for dates and for speech', () => {
    expect(isEasyRead(EASY_READ)).toBe(true);
    expect(isEasyRead('EN-EASY')).toBe(true);
    expect(isEasyRead('en')).toBe(false);
    expect(findLanguage(EASY_READ)?.htmlLang).toBe('en-GB');
  });

  it('gives every language a tag that Intl can format dates and plurals with', () => {
    for (const language of LANGUAGES) {
      expect(Intl.DateTimeFormat.supportedLocalesOf([language.htmlLang]), language.code).toEqual([
        language.htmlLang,
      ]);
      expect(new Intl.PluralRules(language.htmlLang).resolvedOptions().pluralCategories).toContain('other');
    }
  });
});
