import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseRules, type GuidedAnswers } from '../../src/domain/guided/rules.ts';
import { shortlist, type ShortlistGroup } from '../../src/domain/guided/shortlist.ts';
import { NEIGHBOURING_DISTRICTS, neighboursOf } from '../../src/domain/place/neighbouring-districts.ts';
import { districtCentroid, haversineMiles } from '../../src/domain/place/postcodes.ts';
import { DISTRICTS, type District } from '../../src/domain/service-terms.ts';
import { makeService, TOWNS, type Town } from '../support/make-services.ts';

/**
 * Guided help widens honestly: where nothing in the person's place meets a need, it offers only what can
 * serve them (for all of Essex, by phone or online with no area of its own, or in a district next to
 * theirs), each saying so, and never a service that is only for somewhere further away.
 */

const rules = parseRules(
  JSON.parse(readFileSync(fileURLToPath(new URL('../../data/guided-help.json', import.meta.url)), 'utf8')),
);

const homeFromHospital = (town: Town, extra: Parameters<typeof makeService>[0] = { name: '' }) =>
  makeService({
    description: 'Help to settle back at home after a stay in hospital: shopping, a hot meal and a chat.',
    taxonomy: [{ id: 'hospital-discharge', name: 'Hospital discharge support' }],
    delivery: ['in-person', 'phone'],
    towns: [town],
    ...extra,
    name: extra.name || `Home from Hospital, ${TOWNS[town].district}`,
  });

const inUttlesford: GuidedAnswers = {
  choices: { who: ['me'], where: ['district'], hard: ['hospital'] },
  district: 'uttlesford',
};

const ids = (group: ShortlistGroup | undefined) => group?.items.map((item) => item.service.id) ?? [];

describe('the districts next to each other', () => {
  it('are listed both ways, never themselves, and every district has one', () => {
    for (const district of DISTRICTS) {
      const next = neighboursOf(district);
      expect(next.length, district).toBeGreaterThan(0);
      expect(next).not.toContain(district);
      for (const other of next) expect(neighboursOf(other), `${other} → ${district}`).toContain(district);
    }
    expect(Object.keys(NEIGHBOURING_DISTRICTS).sort()).toEqual([...DISTRICTS].sort());
  });

  it('are near each other: no two centres more than 25 miles apart', () => {
    for (const district of DISTRICTS) {
      for (const other of neighboursOf(district)) {
        const miles = haversineMiles(districtCentroid(district), districtCentroid(other));
        expect(miles, `${district} to ${other}`).toBeLessThan(25);
      }
    }
  });
});

describe('widening a shortlist honestly', () => {
  it('offers nothing from districts far away, and names the need it could not meet nearby', () => {
    // The audit's case: Home from Hospital only in Brentwood, Castle Point and Colchester.
    const far = [homeFromHospital('brentwood'), homeFromHospital('canvey'), homeFromHospital('colchester')];
    const result = shortlist(far, inUttlesford, { rules });
    expect(result.groups).toEqual([]);
    expect(result.outOfReach).toEqual(['hospital']);
    expect(result.unmatched).toEqual([]);
  });

  it('offers a service in the district next door, saying where it is and how far', () => {
    const services = [homeFromHospital('colchester'), homeFromHospital('braintree')];
    const [group] = shortlist(services, inUttlesford, { rules }).groups;
    expect(group).toMatchObject({ id: 'hospital', widened: true, widenedTo: 'nearby', total: 1 });
    expect(ids(group)).toEqual(['home-from-hospital-braintree']);
    const miles = Math.round(haversineMiles(districtCentroid('uttlesford'), TOWNS.braintree));
    expect(group?.items[0]?.reasons[0]).toEqual({ code: 'neighbouring', district: 'braintree', miles });
  });

  it('measures from the postcode asked for, when there is one', () => {
    const services = [homeFromHospital('braintree')];
    const answers: GuidedAnswers = {
      choices: { who: ['me'], where: ['postcode'], hard: ['hospital'] },
      postcode: 'CB10 1JB',
    };
    const [group] = shortlist(services, answers, { rules }).groups;
    const reason = group?.items[0]?.reasons[0];
    expect(reason).toMatchObject({ code: 'neighbouring', district: 'braintree' });
    // Saffron Walden (CB10) to Braintree is further than from Uttlesford's centre.
    expect(reason && 'miles' in reason ? reason.miles : 0).toBeGreaterThanOrEqual(14);
  });

  it('offers phone and online services that anyone can use, and says how, but not one limited elsewhere', () => {
    const services = [
      homeFromHospital('clacton', { name: 'Tendring Hospital Phone Line', delivery: ['phone'] }),
      makeService({
        name: 'Hospital Discharge Helpline',
        description: 'Advice by phone after a stay in hospital.',
        taxonomy: [{ id: 'hospital-discharge', name: 'Hospital discharge support' }],
        delivery: ['phone'],
      }),
      makeService({
        name: 'Essex Home from Hospital Online',
        description: 'Plan going home from hospital, online.',
        taxonomy: [{ id: 'hospital-discharge', name: 'Hospital discharge support' }],
        delivery: ['online'],
        countyWide: true,
      }),
    ];
    const [group] = shortlist(services, inUttlesford, { rules }).groups;
    expect(group).toMatchObject({ widened: true, widenedTo: 'reach' });
    expect(Object.fromEntries(group!.items.map((item) => [item.service.id, item.reasons[0]]))).toEqual({
      'hospital-discharge-helpline': { code: 'remote', via: 'phone' },
      'essex-home-from-hospital-online': { code: 'county-wide', via: 'online' },
    });
  });

  it('puts services for all of Essex before a district next door', () => {
    const services = [
      homeFromHospital('braintree'),
      makeService({
        name: 'Essex Hospital Discharge Line',
        description: 'Help by phone after a stay in hospital.',
        taxonomy: [{ id: 'hospital-discharge', name: 'Hospital discharge support' }],
        delivery: ['phone'],
        countyWide: true,
      }),
    ];
    const [group] = shortlist(services, inUttlesford, { rules }).groups;
    expect(ids(group)).toEqual(['essex-hospital-discharge-line', 'home-from-hospital-braintree']);
    expect(group?.items.map((item) => item.reasons[0]?.code)).toEqual(['county-wide', 'neighbouring']);
  });

  it('keeps to the person’s own district when something there meets the need', () => {
    const services = [homeFromHospital('saffron-walden'), homeFromHospital('braintree')];
    const [group] = shortlist(services, inUttlesford, { rules }).groups;
    expect(group).toMatchObject({ widened: false, total: 1 });
    expect(group?.items[0]?.reasons[0]).toEqual({ code: 'district', district: 'uttlesford' });
  });

  it('reaches only the districts close by from a postcode outside the twelve (Southend-on-Sea)', () => {
    // Basildon's town is 11 miles from Southend (beyond the 10 asked for); Chelmsford's is 15.
    const services = [homeFromHospital('basildon'), homeFromHospital('chelmsford')];
    const answers: GuidedAnswers = {
      choices: { who: ['me'], where: ['postcode'], hard: ['hospital'] },
      postcode: 'SS1 1AA',
    };
    const result = shortlist(services, answers, { rules });
    expect(ids(result.groups[0])).toEqual(['home-from-hospital-basildon']);
    expect(result.groups[0]?.items[0]?.reasons[0]).toEqual({
      code: 'neighbouring',
      district: 'basildon',
      miles: 11,
    });
  });

  it('says each widened service’s district is one next to the person’s, for every district', () => {
    const everywhere = (Object.keys(TOWNS) as Town[]).map((town) =>
      homeFromHospital(town, { name: `Home from Hospital ${town}` }),
    );
    for (const district of DISTRICTS) {
      const others = everywhere.filter((service) => !service.districts.includes(district));
      const answers: GuidedAnswers = { ...inUttlesford, district };
      const group = shortlist(others, answers, { rules, limit: 20 }).groups[0];
      const offered = new Set(
        group?.items.map((item) => {
          const reason = item.reasons[0];
          return reason?.code === 'neighbouring' ? reason.district : `not labelled: ${item.service.id}`;
        }),
      );
      const expected = neighboursOf(district).filter((next) =>
        others.some((service) => service.districts.includes(next as District)),
      );
      expect([...offered].sort(), district).toEqual([...expected].sort());
    }
  });
});
