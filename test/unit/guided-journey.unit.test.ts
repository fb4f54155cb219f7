import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import arGuided from '../../locales/ar/guided.json';
import enGuided from '../../locales/en/guided.json';
import { questionsOf, type GuidedRules } from '../../src/domain/guided/rules.ts';
import { ALL_GROUP_KEY, CARER_GROUP_KEY } from '../../src/domain/guided/shortlist.ts';
import { DISTRICTS } from '../../src/domain/service-terms.ts';
import { hasGuidedIcon } from '../../src/app/features/guided/guided-icon-paths.ts';
import {
  CHECK_PATH,
  GUIDED_PATH,
  GUIDED_RULES,
  SHORTLIST_PATH,
  placeOfStep,
  safeReturnPath,
} from '../../src/app/features/guided/journey.ts';
import { reasonLine } from '../../src/app/features/guided/reason-words.ts';
import { checkPostcode } from '../../src/app/features/guided/where-postcode.ts';

const rules: GuidedRules = GUIDED_RULES;

function lookUp(file: unknown, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], file);
}

describe('the journey’s pages', () => {
  it('asks at most five questions a page at a time, numbered, with Back and Continue leading the right way', () => {
    expect(rules.steps.length).toBeLessThanOrEqual(5);
    const first = placeOfStep(rules, 'who', false)!;
    expect(first).toMatchObject({
      number: 1,
      total: 5,
      backPath: GUIDED_PATH,
      nextPath: '/help-me-find/where',
    });
    const hard = placeOfStep(rules, 'hard', false)!;
    expect(hard).toMatchObject({
      number: 3,
      backPath: '/help-me-find/where',
      nextPath: '/help-me-find/kind',
    });
    const last = placeOfStep(rules, 'anything-else', false)!;
    expect(last).toMatchObject({ number: 5, nextPath: CHECK_PATH });
    expect(placeOfStep(rules, 'hard', true)).toMatchObject({ backPath: CHECK_PATH, nextPath: CHECK_PATH });
    expect(placeOfStep(rules, 'check', false)).toBeUndefined();
  });

  it('returns from help now only to a page of the journey', () => {
    expect(safeReturnPath(rules, 'kind')).toBe('/help-me-find/kind');
    expect(safeReturnPath(rules, 'check')).toBe(CHECK_PATH);
    expect(safeReturnPath(rules, 'shortlist')).toBe(SHORTLIST_PATH);
    expect(safeReturnPath(rules, '//elsewhere.example')).toBe(GUIDED_PATH);
    expect(safeReturnPath(rules, undefined)).toBe(GUIDED_PATH);
  });

  it('draws a pictogram for every answer', () => {
    const missing = questionsOf(rules)
      .flatMap((question) => question.answers)
      .filter((answer) => !hasGuidedIcon(answer.icon))
      .map((answer) => `${answer.id}: ${answer.icon}`);
    expect(missing).toEqual([]);
  });
});

describe('the guided namespace', () => {
  const keys = [
    ...rules.steps.map((step) => step.key),
    ...questionsOf(rules).flatMap((question) => [
      question.key,
      ...question.answers.map((answer) => answer.key),
    ]),
    CARER_GROUP_KEY,
    ALL_GROUP_KEY,
    ...questionsOf(rules).map((question) => `check.rows.${question.id}`),
    ...questionsOf(rules)
      .filter((question) => question.role === 'kind')
      .flatMap((question) => question.answers.map((answer) => `reasons.kind.${answer.id}`)),
    ...DISTRICTS.map((district) => `districts.${district}`),
  ];

  it.each([
    ['en', enGuided],
    ['ar', arGuided],
  ])('has words in %s for every key the rules file and the shortlist use', (_lng, file) => {
    expect(keys.filter((key) => typeof lookUp(file, key) !== 'string')).toEqual([]);
  });

  it('holds under "guided" exactly the keys the rules file names, and no others', () => {
    const inFile = (node: unknown, prefix: string): string[] =>
      typeof node === 'string'
        ? [prefix]
        : Object.entries(node as Record<string, unknown>).flatMap(([key, value]) =>
            inFile(value, `${prefix}.${key}`),
          );
    const named = keys.filter((key) => key.startsWith('guided.'));
    expect(inFile(enGuided.guided, 'guided').sort()).toEqual([...new Set(named)].sort());
  });
});

describe('a postcode typed on the where question', () => {
  it('is accepted in Essex, whole or by its first part, and written the standard way', () => {
    expect(checkPostcode('cm11qh')).toEqual({ postcode: 'CM1 1QH' });
    expect(checkPostcode(' co15 ')).toEqual({ postcode: 'CO15' });
  });

  it('says what is wrong otherwise', () => {
    expect(checkPostcode('  ')).toEqual({ problem: 'enterPostcode' });
    expect(checkPostcode('not a postcode')).toEqual({ problem: 'invalidPostcode' });
    expect(checkPostcode('SW1A 1AA')).toEqual({ problem: 'notEssex' });
    expect(checkPostcode('CM99 1AA')).toEqual({ problem: 'unknownPostcode' });
  });
});

describe('why a service is on the shortlist, in words', () => {
  beforeAll(async () => {
    await i18next.init({
      lng: 'en',
      fallbackLng: 'en',
      resources: { en: { guided: enGuided }, ar: { guided: arGuided } },
      defaultNS: 'guided',
      interpolation: { escapeValue: false },
    });
  });

  it('reads as one line, first word capitalised', () => {
    const t = i18next.getFixedT('en', 'guided');
    expect(
      reasonLine(
        [
          { code: 'for-carers' },
          { code: 'district', district: 'chelmsford' },
          { code: 'free' },
          { code: 'open-now' },
        ],
        t,
        'en-GB',
      ),
    ).toBe('For carers · Chelmsford · free · open now');
    expect(
      reasonLine(
        [
          { code: 'near', miles: 2.5 },
          { code: 'delivery', delivery: 'phone' },
          { code: 'kind', kind: 'equipment' },
        ],
        t,
        'en-GB',
      ),
    ).toBe('2.5 miles away · by phone · equipment and technology');
    expect(reasonLine([{ code: 'near', miles: 1 }, { code: 'county-wide' }], t, 'en-GB')).toBe(
      '1 mile away · covers all of Essex',
    );
  });

  it('says how a widened service can serve the person: where it is and how far, or how to reach it', () => {
    const t = i18next.getFixedT('en', 'guided');
    expect(reasonLine([{ code: 'neighbouring', district: 'braintree', miles: 12 }], t, 'en-GB')).toBe(
      'In Braintree, 12 miles away',
    );
    expect(reasonLine([{ code: 'county-wide', via: 'phone' }, { code: 'free' }], t, 'en-GB')).toBe(
      'By phone anywhere in Essex · free',
    );
    expect(reasonLine([{ code: 'remote', via: 'phone-online' }], t, 'en-GB')).toBe(
      'By phone or online, wherever you live',
    );
    const ar = i18next.getFixedT('ar', 'guided');
    const line = reasonLine([{ code: 'neighbouring', district: 'braintree', miles: 12 }], ar, 'ar');
    expect(line).toContain(arGuided.districts.braintree);
    expect(line).toContain(new Intl.NumberFormat('ar').format(12));
  });

  it('is in the page’s language, numbers and all', () => {
    const t = i18next.getFixedT('ar', 'guided');
    const line = reasonLine([{ code: 'near', miles: 3 }, { code: 'free' }], t, 'ar');
    expect(line).toContain('مجانية');
    expect(line).toContain(new Intl.NumberFormat('ar').format(3));
  });
});
