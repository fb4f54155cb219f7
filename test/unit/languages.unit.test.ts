import { describe, expect, it } from 'vitest';
import { chooseLanguage, findLanguage } from '../../src/domain/languages.ts';

describe('choosing the language', () => {
  it('follows a link that asks for a language before anything else', () => {
    expect(chooseLanguage('ar', 'en', ['en-GB']).code).toBe('ar');
  });

  it('then the choice remembered on the device', () => {
    expect(chooseLanguage(null, 'ar', ['en-GB']).code).toBe('ar');
  });

  it('then the first browser language Signpost speaks, regional variants included', () => {
    expect(chooseLanguage(null, null, ['xx-YY', 'ar-EG', 'en']).code).toBe('ar');
  });

  it('falls back to English for unknown requests', () => {
    expect(chooseLanguage('klingon', 'zz', ['fr-FR']).code).toBe('en');
  });

  it('knows which languages run right to left', () => {
    expect(findLanguage('ar')?.dir).toBe('rtl');
    expect(findLanguage('EN')?.dir).toBe('ltr');
  });
});
