import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { cachedT } from '../../src/app/i18n/cached-t.ts';

beforeAll(async () => {
  await i18next.init({
    lng: 'en',
    fallbackLng: 'en',
    resources: {
      en: {
        common: {
          hello: 'Hello',
          named: 'Hello {{name}}',
          count_one: '{{count}} service',
          count_other: '{{count}} services',
        },
        extra: { list: ['a', 'b'] },
      },
      pl: { common: { hello: 'Cześć', named: 'Cześć {{name}}' } },
    },
    defaultNS: 'common',
    interpolation: { escapeValue: false },
  });
});

describe('remembered translations', () => {
  it('gives what i18next gives, for plain keys, values and plurals', () => {
    const t = cachedT(['common']);
    for (const round of [1, 2]) {
      expect(t('hello'), `round ${round}`).toBe('Hello');
      expect(t('named', { name: 'Ada' })).toBe('Hello Ada');
      expect(t('named', { name: 'Bo' })).toBe('Hello Bo');
      expect(t('count', { count: 1 })).toBe('1 service');
      expect(t('count', { count: 2 })).toBe('2 services');
    }
    expect(t('extra:list', { returnObjects: true })).toEqual(['a', 'b']);
  });

  it('is the same function until the language changes, and then speaks the new one', async () => {
    const t = cachedT(['common']);
    expect(cachedT(['common'])).toBe(t);
    expect(t('hello')).toBe('Hello');
    await i18next.changeLanguage('pl');
    const polish = cachedT(['common']);
    expect(polish).not.toBe(t);
    expect(polish('hello')).toBe('Cześć');
    expect(polish('named', { name: 'Ada' })).toBe('Cześć Ada');
    await i18next.changeLanguage('en');
    expect(cachedT(['common'])('hello')).toBe('Hello');
  });

  it('forgets what it kept when words are added', () => {
    const t = cachedT([]);
    expect(t('later')).toBe('later');
    i18next.addResource('en', 'common', 'later', 'Now here');
    expect(cachedT([])('later')).toBe('Now here');
  });
});
