import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RADIUS_MILES,
  Filters,
  filtersFromSearchParams,
  filtersToSearchParams,
  type ResultItem,
} from '../../src/domain/search/filters.ts';
import { applyFilters, findServices } from '../../src/domain/search/find.ts';
import { createServiceIndex } from '../../src/domain/search/index.ts';
import type { Service } from '../../src/domain/service.ts';
import { TOWNS, makeDirectory, makeService } from '../support/make-services.ts';

const directory = makeDirectory();
const ids = (items: readonly ResultItem[]): string[] => items.map((item) => item.service.id);
const countyWideIds = directory.filter((service) => service.countyWide).map((service) => service.id);

describe('filters narrow the directory', () => {
  it('by theme', () => {
    const found = applyFilters(directory, { themes: ['housing'] });
    expect(ids(found)).toEqual(['tendring-housing-options']);
  });

  it('by district: the services there, plus county-wide ones flagged as such', () => {
    const found = applyFilters(directory, { district: 'colchester' });
    const local = found.filter((item) => !item.countyWide);
    expect(ids(local).sort()).toEqual(['colchester-befriending-scheme', 'memory-lane-dementia-cafe']);
    expect(ids(found.filter((item) => item.countyWide)).sort()).toEqual([...countyWideIds].sort());
    expect(ids(found)).not.toContain('chelmsford-carers-cafe');
  });

  it('by district, counting a service that only says it serves the district', () => {
    const outreach = makeService({ name: 'Maldon Outreach', towns: ['chelmsford'], districts: ['maldon'] });
    const found = applyFilters([outreach], { district: 'maldon' });
    expect(found).toEqual([{ service: outreach, countyWide: false }]);
  });

  it('by who it is for, any of several', () => {
    const found = applyFilters(directory, { whoFor: ['autism', 'mental-health'] });
    expect(ids(found).sort()).toEqual(['basildon-wellbeing-hub', 'essex-supported-employment']);
  });

  it('by age: a service whose age range holds the age, or overlaps the band', () => {
    const at12 = ids(applyFilters(directory, { age: { from: 12, to: 12 } }));
    expect(at12).toContain('young-carers-groups');
    expect(at12).not.toContain('essex-supported-employment');
    expect(at12).not.toContain('saffron-walden-lunch-club');
    const over65 = ids(applyFilters(directory, { age: { from: 65, to: 120 } }));
    expect(over65).toContain('saffron-walden-lunch-club');
    expect(over65).not.toContain('young-carers-groups');
    expect(over65).not.toContain('essex-supported-employment');
  });

  it('by cost and by how it is delivered', () => {
    const freeByPhone = applyFilters(directory, { free: true, delivery: ['phone'] });
    expect(freeByPhone.every((item) => item.service.free && item.service.delivery.includes('phone'))).toBe(
      true,
    );
    expect(ids(freeByPhone)).toContain('welfare-rights-and-benefits-advice');
    expect(ids(freeByPhone)).not.toContain('careline-personal-alarms');
  });

  it('by open now, with the caller deciding what is open', () => {
    const isOpen = (service: Service): boolean => service.delivery.includes('online');
    const found = applyFilters(directory, { openNow: true }, { isOpen });
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((item) => item.service.delivery.includes('online'))).toBe(true);
  });

  it('by text, with everything else, best match first', () => {
    const index = createServiceIndex(directory);
    const found = findServices(directory, { q: 'carres', district: 'chelmsford' }, { index });
    expect(ids(found)[0]).toBe('chelmsford-carers-cafe');
    expect(ids(found)).not.toContain('epping-forest-carers-group');
    expect(ids(found)).toContain('essex-carers-support-line');
  });

  it('by guided-help needs, through the predicate the caller passes', () => {
    const matchesNeeds = (service: Service, needs: readonly string[]): boolean =>
      needs.includes('money') && service.taxonomy.some((term) => term.id === 'benefits-advice');
    expect(ids(applyFilters(directory, { needs: ['money'] }, { matchesNeeds }))).toEqual([
      'welfare-rights-and-benefits-advice',
    ]);
  });

  it('sorts by name when there is no place and no query', () => {
    const names = findServices(directory, {}).map((item) => item.service.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en-GB')));
  });
});

describe('distance', () => {
  it('puts local services nearest first, then keeps county-wide ones after them, labelled', () => {
    const found = findServices(directory, { postcode: 'CM1 1QH', radius: 10 });
    const firstCountyWide = found.findIndex((item) => item.countyWide);
    const local = found.slice(0, firstCountyWide);
    const countyWide = found.slice(firstCountyWide);
    expect(ids(local)).toEqual([
      'chelmsford-carers-cafe',
      'washing-and-dressing-support-at-home',
      'home-from-hospital-service',
      'witham-community-advice',
      'maldon-volunteer-centre',
    ]);
    const miles = local.map((item) => item.distanceMiles!);
    expect(miles).toEqual([...miles].sort((a, b) => a - b));
    expect(miles[0]).toBeLessThan(2); // the postcode is placed by its outward code's centre
    expect(miles.at(-1)).toBeLessThan(10);
    expect(countyWide.every((item) => item.countyWide)).toBe(true);
    expect(ids(countyWide).sort()).toEqual([...countyWideIds].sort());
    expect(ids(found)).not.toContain('tendring-housing-options');
  });

  it('measures to the nearest of a service’s places', () => {
    const [hospital] = findServices(directory, { near: TOWNS.witham, radius: 2 });
    expect(hospital?.service.id).toBe('home-from-hospital-service');
    expect(hospital?.distanceMiles).toBeLessThan(0.5);
  });

  it('widens the radius when asked', () => {
    const near = ids(findServices(directory, { near: TOWNS.chelmsford, radius: 5 }));
    const far = ids(findServices(directory, { near: TOWNS.chelmsford, radius: 25 }));
    expect(near).not.toContain('colchester-befriending-scheme');
    expect(far).toContain('colchester-befriending-scheme');
  });

  it('uses a default radius and prefers the caller’s origin to the filters', () => {
    const found = findServices(directory, { postcode: 'CO15 1SE' }, { origin: TOWNS.harlow });
    expect(found[0]?.service.id).toBe('harlow-community-transport');
    expect(
      found.filter((item) => !item.countyWide).every((item) => item.distanceMiles! <= DEFAULT_RADIUS_MILES),
    ).toBe(true);
  });

  it('counts a service with no mapped place as local when it serves the postcode’s district', () => {
    const phoneOnly = makeService({
      name: 'Tendring Phone Friends',
      districts: ['tendring'],
      delivery: ['phone'],
    });
    const found = findServices([phoneOnly], { postcode: 'CO15' });
    expect(found).toEqual([{ service: phoneOnly, countyWide: false }]);
  });
});

describe('the URL', () => {
  const full: Filters = {
    q: 'dementia café',
    themes: ['staying-well', 'carers'],
    district: 'castle-point',
    postcode: 'SS8 7AA',
    near: { lat: 51.52, lng: 0.58 },
    radius: 5,
    whoFor: ['carer-self', 'older-people'],
    age: { from: 65, to: 120 },
    free: true,
    delivery: ['in-person', 'phone'],
    openNow: true,
    needs: ['hospital', 'money'],
    sort: 'distance',
  };

  it('round-trips every filter through short, stable parameters', () => {
    const params = filtersToSearchParams(full);
    expect(params.toString()).toBe(
      'q=dementia+caf%C3%A9&theme=staying-well%2Ccarers&district=castle-point&postcode=SS8+7AA' +
        '&near=51.52%2C0.58&radius=5&for=carer-self%2Colder-people&age=65-&free=1&via=in-person%2Cphone' +
        '&open=1&need=hospital%2Cmoney&sort=distance',
    );
    expect(filtersFromSearchParams(params)).toEqual(full);
    expect(filtersFromSearchParams(new URLSearchParams())).toEqual({});
    expect(filtersToSearchParams({}).toString()).toBe('');
  });

  it('gives the same URL for the same filters, whatever order lists were written in', () => {
    const a = filtersToSearchParams({ themes: ['carers', 'staying-well'], delivery: ['phone', 'online'] });
    const b = filtersToSearchParams({
      themes: ['staying-well', 'carers', 'carers'],
      delivery: ['online', 'phone'],
    });
    expect(a.toString()).toBe(b.toString());
  });

  it('reads repeated parameters, comma lists, loose postcodes and age forms', () => {
    const read = filtersFromSearchParams(
      new URLSearchParams(
        'theme=carers&theme=housing,nonsense&for=autism&for=autism&postcode=cm11qh&age=18-64',
      ),
    );
    expect(read).toEqual({
      themes: ['carers', 'housing'],
      whoFor: ['autism'],
      postcode: 'CM1 1QH',
      age: { from: 18, to: 64 },
    });
    expect(filtersFromSearchParams(new URLSearchParams('age=70')).age).toEqual({ from: 70, to: 70 });
    expect(filtersFromSearchParams(new URLSearchParams('age=65%2B')).age).toEqual({ from: 65, to: 120 });
  });

  it('drops what it cannot read instead of failing', () => {
    const read = filtersFromSearchParams(
      new URLSearchParams(
        'q=%20%20&theme=bogus&district=london&postcode=not-a-postcode&near=51.5&radius=-3&for=&age=64-18' +
          '&free=yes&via=pigeon&open=0&need=Bad%20Need&sort=random&extra=1',
      ),
    );
    expect(read).toEqual({});
    expect(filtersFromSearchParams(new URLSearchParams('near=91,0&radius=500&age=200')).near).toBeUndefined();
  });

  it('never throws on any URL, and what it reads is always valid and round-trips', () => {
    const names = [
      'q',
      'theme',
      'district',
      'postcode',
      'near',
      'radius',
      'for',
      'age',
      'free',
      'via',
      'open',
      'need',
      'sort',
    ];
    const pair = fc.tuple(fc.constantFrom(...names), fc.string({ maxLength: 30 }));
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 20 }), (pairs) => {
        const read = filtersFromSearchParams(new URLSearchParams(pairs));
        expect(Filters.safeParse(read).success).toBe(true);
        expect(filtersFromSearchParams(filtersToSearchParams(read))).toEqual(read);
      }),
      { seed: 20250106, numRuns: 300 },
    );
  });
});
