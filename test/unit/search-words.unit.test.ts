import { describe, expect, it } from 'vitest';
import { sampleServices, SAMPLE_SIZE } from '../../scripts/lib/sample-directory.ts';
import { stemWord } from '../../src/domain/search/analyse.ts';
import { createServiceIndex, searchServices, understandQuery } from '../../src/domain/search/index.ts';
import { editDistance } from '../../src/domain/search/understand.ts';
import type { Service } from '../../src/domain/service.ts';

const services = sampleServices(SAMPLE_SIZE);
const index = createServiceIndex(services);
const byId = new Map(services.map((service) => [service.id, service]));

function found(query: string, count?: number): Service[] {
  const ids = searchServices(index, query) ?? [];
  return (count === undefined ? ids : ids.slice(0, count)).map((id) => byId.get(id)!);
}
const categories = (service: Service) => service.taxonomy.map((term) => term.name).join('; ');
const access = (service: Service) =>
  service.locations.flatMap((location) => location.accessibility).join('; ');

describe('one analysis for the directory and the query (Porter2 stems)', () => {
  it('reads a word and its other forms as one', () => {
    expect(stemWord('isolated')).toBe(stemWord('isolation'));
    expect(stemWord('volunteers')).toBe(stemWord('volunteering'));
    expect(stemWord('carers')).toBe(stemWord('carer'));
    expect(stemWord('Walks')).toBe(stemWord('walking'));
  });

  it('finds the same services whichever form is typed', () => {
    expect(found('isolated')).toEqual(found('isolation'));
    expect(
      found('volunteers')
        .map((s) => s.id)
        .sort(),
    ).toEqual(
      found('volunteering')
        .map((s) => s.id)
        .sort(),
    );
    expect(found('lunch clubs')).toEqual(found('lunch club'));
  });
});

describe('typos, only in words that are not real words', () => {
  it('never reads "lonely" as "money": it finds loneliness services and corrects nothing', () => {
    expect(understandQuery(index, 'lonely').corrections).toEqual([]);
    const lonely = found('lonely');
    expect(lonely.length).toBeGreaterThan(20);
    expect(lonely.filter((s) => categories(s).includes('Benefits and money'))).toEqual([]);
    expect(found('lonely', 10).every((s) => categories(s).includes('Loneliness and isolation'))).toBe(true);
  });

  it('never reads "deaf" as "deal": it finds hearing-loss services', () => {
    expect(understandQuery(index, 'deaf').corrections).toEqual([]);
    expect(found('deaf', 10).every((s) => /Hearing loss/.test(categories(s)))).toBe(true);
    // Everything found is about hearing (a hearing loop, sign language), never a service that says "deal".
    const hearing = (s: Service) =>
      /hearing|deaf|sign language/i.test(`${categories(s)} ${s.description} ${access(s)}`) ||
      s.languages.includes('bfi');
    expect(found('deaf').filter((s) => !hearing(s))).toEqual([]);
  });

  it('never reads "blind" as "bind" or "find": it finds sight-loss services', () => {
    expect(understandQuery(index, 'blind').corrections).toEqual([]);
    const blind = found('blind');
    expect(blind.length).toBeGreaterThan(0);
    expect(blind.every((s) => /Sight loss/.test(categories(s)))).toBe(true);
    expect(blind.some((s) => /^Volunteer/.test(s.name))).toBe(false);
  });

  it('corrects a word that is not real to the nearest real one, and says which was used', () => {
    expect(understandQuery(index, 'demetia').corrections).toEqual([{ typed: 'demetia', used: 'dementia' }]);
    expect(found('demetia', 5).every((s) => categories(s).includes('Dementia support'))).toBe(true);
    expect(understandQuery(index, 'hosuing').corrections).toEqual([{ typed: 'hosuing', used: 'housing' }]);
    // To a word of the synonym table too, though no service uses it: "lonley" is "lonely".
    expect(understandQuery(index, 'lonley').corrections).toEqual([{ typed: 'lonley', used: 'lonely' }]);
  });

  it('counts swapped letters as one slip, and stops counting past the limit', () => {
    expect(editDistance('hosuing', 'housing', 2)).toBe(1);
    expect(editDistance('demetia', 'dementia', 2)).toBe(1);
    expect(editDistance('carers', 'money', 1)).toBe(2);
  });
});

describe('plain words and synonyms', () => {
  it('finds what people mean by their own words', () => {
    expect(found('respite', 5).every((s) => /Carers breaks/.test(categories(s)))).toBe(true);
    expect(
      found('cant pay bills', 5).every((s) => /Benefits and money|Energy and warmth/.test(categories(s))),
    ).toBe(true);
    expect(found('help after hospital', 5).every((s) => categories(s).includes('Hospital discharge'))).toBe(
      true,
    );
    expect(found('someone to talk to', 3).every((s) => /Helplines|Befriending/.test(categories(s)))).toBe(
      true,
    );
    expect(found('anxiety', 5).every((s) => s.whoFor.includes('mental-health'))).toBe(true);
  });
});

describe('accessibility and languages are searched', () => {
  it('finds venues by their access features', () => {
    const loops = found('hearing loop', 10);
    expect(loops.length).toBe(10);
    expect(loops.every((s) => access(s).includes('Hearing loop'))).toBe(true);
    // "wheelchair": step-free venues above all, and every one of the first ten somewhere a wheelchair goes.
    const wheelchair = found('wheelchair', 10);
    const reachable = /Step-free|Lift|Changing Places|pool hoist|Accessible toilet|Automatic doors/;
    expect(wheelchair.every((s) => reachable.test(`${access(s)} ${s.description}`))).toBe(true);
    expect(wheelchair.filter((s) => access(s).includes('Step-free')).length).toBeGreaterThan(5);
  });

  it('finds services by the languages they offer, British Sign Language as "BSL"', () => {
    expect(
      found('BSL', 10).every((s) => s.languages.includes('bfi') || /Sign Language/.test(s.description)),
    ).toBe(true);
    const polish = found('Polish');
    expect(polish.length).toBe(services.filter((s) => s.languages.includes('pl')).length);
  });
});

describe('safety first', () => {
  it.each([
    'suicidal',
    'self harm',
    'domestic abuse',
    'I am not safe at home',
    'scammed',
    'crisis',
    'suicde',
  ])('knows "%s" is about safety', (query) => expect(understandQuery(index, query).safety).toBe(true));

  it.each(['carers', 'emergency plan', 'dementia cafe', 'safe'])(
    'does not take "%s" as a safety query',
    (query) => expect(understandQuery(index, query).safety).toBe(false),
  );

  it('knows safety words in other languages too', () => {
    expect(understandQuery(index, 'przemoc domowa').safety).toBe(true);
    expect(understandQuery(index, 'انتحار').safety).toBe(true);
  });
});

describe('a query in another language', () => {
  it.each([
    ['opiekunowie', 'pl', 'Carers support'],
    ['demencja', 'pl', 'Dementia support'],
    ['الخرف', 'ar', 'Dementia support'],
    ['ڈیمنشیا', 'ur', 'Dementia support'],
    ['demans', 'tr', 'Dementia support'],
    ['cuidadores', 'pt', 'Carers support'],
    ['savanorystė', 'lt', 'Volunteering'],
  ])('finds services for "%s" (%s) through the translated words', (query, language, category) => {
    expect(understandQuery(index, query).translatedFrom).toBe(language);
    const top = found(query, 5);
    expect(top.length).toBe(5);
    expect(top.every((s) => categories(s).includes(category))).toBe(true);
  });

  it('leaves out the words that only say "help" or "for"', () => {
    const plan = understandQuery(index, 'pomoc dla opiekunów');
    expect(plan.translatedFrom).toBe('pl');
    expect(plan.groups).toHaveLength(1);
  });

  it('reads English as English: no translation note for an English query', () => {
    expect(understandQuery(index, 'carers').translatedFrom).toBeUndefined();
  });
});
