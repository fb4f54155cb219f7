import { describe, expect, it } from 'vitest';
import {
  createServiceIndex,
  loadIndex,
  searchServices,
  serializeIndex,
  understandQuery,
  updateServiceIndex,
} from '../../src/domain/search/index.ts';
import { normaliseTerm, singular } from '../../src/domain/search/text.ts';
import { makeDirectory, makeService } from '../support/make-services.ts';

const directory = makeDirectory();
const index = createServiceIndex(directory);

function top(query: string, count = 1): string[] {
  return (searchServices(index, query) ?? []).slice(0, count);
}

describe('typo tolerance', () => {
  it('finds carers services when "carers" is misspelt "carres"', () => {
    const found = searchServices(index, 'carres') ?? [];
    expect(found.slice(0, 4)).toEqual(
      expect.arrayContaining(['essex-carers-support-line', 'chelmsford-carers-cafe']),
    );
  });

  it('finds the dementia café when "dementia" is misspelt "demntia"', () => {
    expect(top('demntia')).toEqual(['memory-lane-dementia-cafe']);
  });

  it('finds benefits advice when "benefits" is misspelt "benifits", with or without filler words', () => {
    expect(top('benifits')).toEqual(['welfare-rights-and-benefits-advice']);
    expect(top('help with benifits')).toEqual(['welfare-rights-and-benefits-advice']);
  });

  it('does not guess wildly at very short words', () => {
    expect(searchServices(index, 'xq')).toEqual([]);
  });
});

describe('as you type', () => {
  it('finds carers services from "carer" and from the first letters "care"', () => {
    const carer = searchServices(index, 'carer') ?? [];
    expect(carer.slice(0, 4).sort()).toEqual([
      'chelmsford-carers-cafe',
      'epping-forest-carers-group',
      'essex-carers-support-line',
      'young-carers-groups',
    ]);
    expect(searchServices(index, 'care')).toEqual(expect.arrayContaining(carer.slice(0, 4)));
  });

  it('finds the hospital service from "hosp"', () => {
    expect(top('hosp')).toEqual(['home-from-hospital-service']);
  });

  it('waits for a second letter before matching the starts of words', () => {
    const letters = createServiceIndex([
      makeService({ name: 'Carers cafe' }),
      makeService({ name: 'Vitamin C clinic' }),
    ]);
    expect(searchServices(letters, 'c')).toEqual(['vitamin-c-clinic']);
    expect(searchServices(letters, 'ca')).toEqual(['carers-cafe']);
  });
});

describe('spelling', () => {
  const spelt = createServiceIndex([
    makeService({ name: 'Care at home' }),
    makeService({ name: 'Carers group' }),
    makeService({ name: 'Cards and crafts' }),
  ]);

  it('takes a word the directory has as meant, not as a typo of other words', () => {
    expect(searchServices(spelt, 'carer')).toEqual(['carers-group']);
    expect(searchServices(spelt, 'card')).toEqual(['cards-and-crafts']);
  });

  it('corrects a word the directory does not have to the nearest real word, and says which', () => {
    expect(searchServices(spelt, 'carrer')).toEqual(['carers-group']);
    expect(understandQuery(spelt, 'carrer').corrections).toEqual([{ typed: 'carrer', used: 'carer' }]);
  });
});

describe('ranking', () => {
  const befriending = makeService({
    name: 'Befriending Service',
    description: 'Weekly visits from a volunteer.',
  });
  const lunch = makeService({
    name: 'Lunch Club',
    description: 'A hot meal, and befriending for anyone who lives alone.',
  });
  const organisation = makeService({
    name: 'Weekly Visits',
    organization: 'Befriending Trust',
    description: 'Visits from a volunteer.',
  });

  it('ranks a match in the name above the same word in a description, whatever the order', () => {
    for (const services of [
      [lunch, befriending, organisation],
      [befriending, organisation, lunch],
    ]) {
      const found = searchServices(createServiceIndex(services), 'befriending');
      expect(found?.[0]).toBe('befriending-service');
      expect(found).toHaveLength(3);
    }
  });

  it('needs every word to match when some service has them all', () => {
    expect(searchServices(index, 'carers chelmsford')?.[0]).toBe('chelmsford-carers-cafe');
    expect(searchServices(index, 'carers chelmsford')).not.toContain('epping-forest-carers-group');
  });

  it('falls back to any word when no service has them all', () => {
    const found = searchServices(index, 'dementia transport') ?? [];
    expect(found.sort()).toEqual(['harlow-community-transport', 'memory-lane-dementia-cafe']);
  });

  it('finds services by the town in their address and by their district', () => {
    expect(top('clacton')).toEqual(['tendring-housing-options']);
    expect(top('castle point')).toEqual(['castle-point-scams-awareness']);
    expect(top('tendring')).toEqual(['tendring-housing-options']);
  });

  it('finds services by their taxonomy terms', () => {
    expect(top('telecare')).toEqual(['careline-personal-alarms']);
  });
});

describe('words', () => {
  it('folds accents both ways: "cafe" finds "Café" and "CAFÉ" finds it too', () => {
    const plain = searchServices(index, 'cafe') ?? [];
    expect(plain).toContain('memory-lane-dementia-cafe');
    expect(searchServices(index, 'CAFÉ')).toEqual(plain);
  });

  it('treats plurals and possessives as the same word', () => {
    expect(singular('carers')).toBe('carer');
    expect(singular('activities')).toBe('activity');
    expect(singular('bus')).toBe('bus');
    expect(singular('class')).toBe('class');
    expect(singular('crisis')).toBe('crisis');
    expect(normaliseTerm("Carer's")).toBe('carer');
    expect(normaliseTerm('the')).toBeNull();
    for (const word of ['carers', 'activities', 'others', 'classes', 'buses']) {
      const once = normaliseTerm(word);
      expect(once === null ? null : normaliseTerm(once)).toBe(once);
    }
  });

  it('drops stop words, and filler words unless they are all there is', () => {
    const ideas = (query: string) =>
      understandQuery(index, query).groups.map((group) => group.alternatives[0]!.key);
    expect(ideas('support for carers in Chelmsford')).toEqual(['carer', 'chelmsford']);
    expect(ideas('help')).toEqual(['help']);
  });

  it('returns null, meaning "no text filter", for an empty query or one of stop words only', () => {
    expect(searchServices(index, '')).toBeNull();
    expect(searchServices(index, '   ')).toBeNull();
    expect(searchServices(index, 'the and of')).toBeNull();
  });
});

describe('saving and loading the index', () => {
  it('gives the same results after a save and load, without rebuilding', () => {
    const loaded = loadIndex(serializeIndex(index));
    expect(loaded).not.toBeNull();
    for (const query of ['carres', 'demntia', 'hosp', 'castle point', 'dementia transport']) {
      expect(searchServices(loaded!, query)).toEqual(searchServices(index, query));
    }
  });

  it('refuses a damaged index or one saved by another version, so the caller rebuilds', () => {
    expect(loadIndex('{not json')).toBeNull();
    expect(loadIndex('null')).toBeNull();
    const saved = JSON.parse(serializeIndex(index)) as { version: number };
    expect(loadIndex(JSON.stringify({ ...saved, version: saved.version + 1 }))).toBeNull();
  });

  it('takes a directory delta: changed services are found by their new words, removed ones not at all', () => {
    const copy = createServiceIndex(directory);
    const renamed = makeService({ name: 'Harlow Dial-a-Ride', description: 'Door-to-door minibus.' });
    updateServiceIndex(copy, {
      removed: ['harlow-community-transport', 'not-there'],
      upserted: [renamed, { ...directory[0]!, name: 'Essex Carers Phone Line' }],
    });
    expect(searchServices(copy, 'minibus')).toEqual(['harlow-dial-a-ride']);
    expect(searchServices(copy, 'community transport')).not.toContain('harlow-community-transport');
    expect(searchServices(copy, 'phone line')?.[0]).toBe('essex-carers-support-line');
  });
});
