import { describe, expect, it } from 'vitest';
import { DISTRICT_CENTROIDS, ESSEX_OUTWARD_CODES } from '../../src/domain/place/postcode-districts.ts';
import {
  districtCentroid,
  haversineMiles,
  lookupPostcode,
  nearestDistrict,
  normalisePostcode,
  parsePostcode,
} from '../../src/domain/place/postcodes.ts';
import { DISTRICTS } from '../../src/domain/service-terms.ts';
import { TOWNS } from '../support/make-services.ts';

describe('reading a postcode', () => {
  it.each([
    ['CM1 1QH', 'CM1 1QH'],
    ['cm1 1qh', 'CM1 1QH'],
    ['CM11QH', 'CM1 1QH'],
    ['  co15   1se ', 'CO15 1SE'],
    ['cm111aa', 'CM11 1AA'],
    ['cm11', 'CM11'],
    ['ss0', 'SS0'],
    ['SW1A 1AA', 'SW1A 1AA'],
  ])('reads %j as %j', (input, expected) => {
    expect(normalisePostcode(input)).toBe(expected);
  });

  it.each(['', '   ', 'hello', '12345', 'CM1 1Q', 'C', 'CMM1 1AA', 'CM1 1QHX', 'CM1-1QH!'])(
    'rejects %j',
    (input) => {
      expect(normalisePostcode(input)).toBeNull();
      expect(lookupPostcode(input)).toEqual({ error: 'invalid' });
    },
  );

  it('splits a full postcode into its outward and inward codes', () => {
    expect(parsePostcode('co4 3sq')).toEqual({ outward: 'CO4', inward: '3SQ', formatted: 'CO4 3SQ' });
    expect(parsePostcode('CB10')).toEqual({ outward: 'CB10', formatted: 'CB10' });
  });
});

describe('looking a postcode up', () => {
  it('places an Essex postcode in its district, to a mile or two', () => {
    const found = lookupPostcode('cm1 1qh');
    expect(found).toMatchObject({ outward: 'CM1', district: 'chelmsford' });
    if ('error' in found) throw new Error('expected a place');
    expect(haversineMiles(found, TOWNS.chelmsford)).toBeLessThan(2);
  });

  it.each([
    ['CO15 1SE', 'tendring'],
    ['cb11 3aa', 'uttlesford'],
    ['IG10', 'epping-forest'],
    ['SS8 7AA', 'castle-point'],
    ['CM20 1AB', 'harlow'],
    ['SS6 7ED', 'rochford'],
    ['CM9 5PZ', 'maldon'],
    ['SS14 1DL', 'basildon'],
    ['CM14 4BP', 'brentwood'],
    ['CM7 1TY', 'braintree'],
    ['CO1 1PJ', 'colchester'],
    ['EN9 1AA', 'epping-forest'],
  ])('%s is in %s', (postcode, district) => {
    expect(lookupPostcode(postcode)).toMatchObject({ district });
  });

  it('places Southend-on-Sea and Thurrock, which have their own councils, without a district', () => {
    const southend = lookupPostcode('SS1 1AA');
    expect(southend).toMatchObject({ outward: 'SS1', unitary: 'southend-on-sea' });
    expect(southend).not.toHaveProperty('district');
    expect(lookupPostcode('RM17 5AA')).toMatchObject({ unitary: 'thurrock' });
  });

  it('says a postcode outside Essex is not in Essex, including neighbours that share its letters', () => {
    for (const postcode of ['SW1A 1AA', 'IP1 1AA', 'CB1 1AA', 'CM23 2AA', 'CO10 1AA', 'RM1 3AA', 'E4 7AA']) {
      expect(lookupPostcode(postcode), postcode).toEqual({ error: 'not-essex' });
    }
  });

  it('says an Essex-looking postcode it does not know is unknown', () => {
    expect(lookupPostcode('CM99 1AA')).toEqual({ error: 'unknown' });
  });
});

describe('the table of postcode districts', () => {
  it('covers all twelve districts', () => {
    const covered = new Set(Object.values(ESSEX_OUTWARD_CODES).map((entry) => entry.district));
    for (const district of DISTRICTS) expect(covered, district).toContain(district);
  });

  it('puts every outward code in Essex, near the centre of its district', () => {
    for (const [outward, entry] of Object.entries(ESSEX_OUTWARD_CODES)) {
      expect(entry.lat, outward).toBeGreaterThan(51.44);
      expect(entry.lat, outward).toBeLessThan(52.1);
      expect(entry.lng, outward).toBeGreaterThan(-0.05);
      expect(entry.lng, outward).toBeLessThan(1.32);
      if (entry.district) {
        expect(haversineMiles(entry, DISTRICT_CENTROIDS[entry.district]), outward).toBeLessThan(16);
      }
    }
  });

  it('finds each test town’s district from its position', () => {
    for (const town of Object.values(TOWNS)) expect(nearestDistrict(town)).toBe(town.district);
    expect(nearestDistrict({ lat: 48.857, lng: 2.352 })).toBeUndefined();
  });

  it('gives each district a centre inside it', () => {
    for (const district of DISTRICTS) expect(nearestDistrict(districtCentroid(district))).toBe(district);
  });
});

describe('distance', () => {
  it('measures Chelmsford to Colchester at about 22 miles, the same both ways', () => {
    const there = haversineMiles(TOWNS.chelmsford, TOWNS.colchester);
    expect(there).toBeGreaterThan(20);
    expect(there).toBeLessThan(23);
    expect(haversineMiles(TOWNS.colchester, TOWNS.chelmsford)).toBeCloseTo(there, 10);
    expect(haversineMiles(TOWNS.harlow, TOWNS.harlow)).toBe(0);
  });
});
