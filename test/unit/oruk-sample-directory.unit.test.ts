import { readFileSync } from 'node:fs';
import { feedTextReader } from '../../src/server/directory/feed-html.ts';
import { describe, expect, it } from 'vitest';
import {
  SAMPLE_SIZE,
  SAMPLE_TODAY,
  sampleDirectory,
  sampleService,
  sampleServices,
} from '../../scripts/lib/sample-directory.ts';
import { districtOfPlace, districtOfPostcode } from '../../src/domain/oruk/essex-places.ts';
import { ESSEX_OUTWARD_CODES } from '../../src/domain/place/postcode-districts.ts';

/** Outward codes the sample uses for towns on both sides of a district boundary. */
const STRADDLING = new Set(['CO7']);
import { extractServices } from '../../src/domain/oruk/feed.ts';
import { fromService, type OrukPage, type OrukServiceOut } from '../../src/domain/oruk/from-service.ts';
import { toService } from '../../src/domain/oruk/to-service.ts';
import { Service, type Schedule } from '../../src/domain/service.ts';
import { DELIVERY, DISTRICTS, THEMES, WHO_FOR } from '../../src/domain/service-terms.ts';

const FILE = new URL('../../data/sample-directory.json', import.meta.url);
const fileText = readFileSync(FILE, 'utf8');
const file = JSON.parse(fileText) as OrukPage<OrukServiceOut>;
const services = sampleServices(SAMPLE_SIZE);
const IMPORTED_AT = '2026-12-01T00:00:00.000Z';

const allSchedules = (service: Service): Schedule[] => [
  ...service.schedules,
  ...service.locations.flatMap((location) => location.schedules),
];
const count = (predicate: (service: Service) => boolean) => services.filter(predicate).length;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function daysBefore(date: string, today: string): number {
  return (Date.parse(today) - Date.parse(date)) / 86_400_000;
}

describe('the sample directory file', () => {
  it('is what the generator makes, so it is never out of date', () => {
    expect(file).toEqual(JSON.parse(JSON.stringify(sampleDirectory())));
  });

  it('is one ORUK 3.0 page with the fields the ORUK validator checks', () => {
    expect(file).toMatchObject({
      total_items: SAMPLE_SIZE,
      total_pages: 1,
      page_number: 1,
      size: SAMPLE_SIZE,
      first_page: true,
      last_page: true,
      empty: false,
    });
    expect(file.contents).toHaveLength(SAMPLE_SIZE);
  });

  it('has every field ORUK 3.0 requires, with ids that are UUIDs', () => {
    for (const oruk of file.contents) {
      expect(oruk.id).toMatch(UUID);
      expect(oruk.name).not.toBe('');
      expect(oruk.status).toBe('active');
      expect(oruk.organization).toMatchObject({ id: expect.stringMatching(UUID), name: expect.any(String) });
      expect(typeof oruk.organization.description).toBe('string');
      for (const sal of oruk.service_at_locations) {
        expect(sal.id).toMatch(UUID);
        expect(sal.location.location_type).toBe('physical');
        for (const address of sal.location.addresses) {
          for (const field of [
            'id',
            'address_1',
            'city',
            'state_province',
            'postal_code',
            'country',
            'address_type',
          ]) {
            expect(address).toHaveProperty(field);
          }
        }
      }
      for (const schedule of oruk.schedules) expect(schedule.id).toMatch(UUID);
      for (const phone of oruk.phones)
        expect(phone).toMatchObject({ id: expect.stringMatching(UUID), number: expect.any(String) });
      for (const attribute of oruk.attributes) {
        expect(attribute.taxonomy_term).toMatchObject({ id: expect.any(String), name: expect.any(String) });
        expect(typeof attribute.taxonomy_term.description).toBe('string');
      }
      for (const list of [oruk.cost_options, oruk.languages, oruk.service_areas]) {
        for (const entry of list) expect(entry.id).toMatch(UUID);
      }
    }
  });

  it('imports cleanly: every record is accepted, with no warnings, as the service it was made from', () => {
    const extract = extractServices(file);
    if (!extract.ok) throw new Error(extract.error);
    const imported = extract.records.map((record) =>
      toService(record, { importedAt: IMPORTED_AT, text: feedTextReader }),
    );
    expect(imported.filter((result) => !result.ok)).toEqual([]);
    expect(imported.flatMap((result) => (result.ok ? result.warnings : []))).toEqual([]);
    expect(imported.map((result) => result.ok && result.service)).toEqual(services);
  });
});

describe('the sample services', () => {
  it('are valid Signpost services, all marked as sample data', () => {
    expect(services.length).toBeGreaterThanOrEqual(320);
    for (const service of services) {
      expect(Service.safeParse(service).success).toBe(true);
      expect(service.sample).toBe(true);
    }
    expect(new Set(services.map((service) => service.id)).size).toBe(services.length);
  });

  it('survive a round trip through ORUK unchanged', () => {
    for (const service of services) {
      const result = toService(fromService(service), { importedAt: IMPORTED_AT, text: feedTextReader });
      expect(result.ok && result.service).toEqual(service);
    }
  });

  it('cover all twelve districts, with county-wide services as well as local ones', () => {
    for (const district of DISTRICTS) {
      expect(
        count((service) => service.districts.includes(district)),
        district,
      ).toBeGreaterThanOrEqual(20);
    }
    expect(count((service) => service.countyWide)).toBeGreaterThanOrEqual(20);
    expect(count((service) => !service.countyWide)).toBeGreaterThanOrEqual(250);
  });

  it('cover all four themes in every district', () => {
    for (const theme of THEMES)
      expect(
        count((service) => service.themes.includes(theme)),
        theme,
      ).toBeGreaterThanOrEqual(40);
    for (const district of DISTRICTS) {
      const local = services.filter((service) => service.districts.includes(district));
      for (const theme of THEMES) {
        expect(
          local.some((service) => service.themes.includes(theme)),
          `${theme} in ${district}`,
        ).toBe(true);
      }
    }
  });

  it('cover every group, carers themselves and the people they care for apart', () => {
    for (const group of WHO_FOR)
      expect(
        count((service) => service.whoFor.includes(group)),
        group,
      ).toBeGreaterThanOrEqual(15);
    expect(
      count((service) => service.whoFor.includes('carer-self') && !service.whoFor.includes('cared-for')),
    ).toBeGreaterThan(10);
    expect(
      count((service) => service.whoFor.includes('cared-for') && !service.whoFor.includes('carer-self')),
    ).toBeGreaterThan(10);
  });

  it('are delivered in person, by phone and online, and are both free and paid', () => {
    for (const way of DELIVERY)
      expect(
        count((service) => service.delivery.includes(way)),
        way,
      ).toBeGreaterThanOrEqual(30);
    expect(count((service) => service.free)).toBeGreaterThanOrEqual(60);
    expect(count((service) => !service.free && service.cost !== undefined)).toBeGreaterThanOrEqual(40);
  });

  it('have weekly, multi-day, monthly, overnight, fortnightly, dated and by-appointment opening times', () => {
    const schedules = services.flatMap(allSchedules);
    const kinds: Record<string, (schedule: Schedule) => boolean> = {
      'weekly, one day': (s) => s.freq === 'WEEKLY' && /^[A-Z]{2}$/.test(s.byday ?? ''),
      'several days a week': (s) => s.freq === 'WEEKLY' && (s.byday ?? '').includes(','),
      'second Tuesday and the like': (s) => s.freq === 'MONTHLY' && /^[1-4][A-Z]{2}$/.test(s.byday ?? ''),
      'last Friday and the like': (s) => s.freq === 'MONTHLY' && /^-1[A-Z]{2}$/.test(s.byday ?? ''),
      overnight: (s) => s.opensAt !== undefined && s.closesAt !== undefined && s.closesAt < s.opensAt,
      fortnightly: (s) => s.interval === 2 && s.dtstart !== undefined,
      'valid between two dates': (s) => s.validFrom !== undefined && s.validTo !== undefined,
      'by appointment': (s) => s.byAppointment === true && s.opensAt === undefined,
      'closed on bank holidays': (s) => s.openOnBankHolidays === false,
    };
    for (const [kind, test] of Object.entries(kinds)) {
      expect(schedules.filter(test).length, kind).toBeGreaterThanOrEqual(5);
    }
    expect(services.filter((service) => allSchedules(service).length === 0)).toEqual([]);
  });

  it('include listings last checked more than six months ago, though most are recent', () => {
    const age = (service: Service) => daysBefore(service.lastChecked ?? SAMPLE_TODAY, SAMPLE_TODAY);
    expect(count((service) => age(service) > 183)).toBeGreaterThanOrEqual(20);
    expect(count((service) => age(service) <= 183)).toBeGreaterThan(services.length * 0.75);
    for (const service of services)
      expect(Date.parse(service.updatedAt)).toBeLessThan(Date.parse(SAMPLE_TODAY));
  });

  it('include summaries, Easy Read versions and languages other than English', () => {
    expect(count((service) => service.summary !== undefined)).toBeGreaterThan(services.length / 2);
    expect(count((service) => service.easyRead !== undefined)).toBeGreaterThanOrEqual(20);
    for (const service of services.filter((s) => s.easyRead)) {
      expect(service.easyRead?.split('\n').length).toBeGreaterThanOrEqual(3);
    }
    expect(count((service) => service.languages.some((code) => code !== 'en'))).toBeGreaterThanOrEqual(20);
  });

  it('read like real services: varied names from many organisations', () => {
    expect(new Set(services.map((service) => service.name)).size).toBeGreaterThan(services.length * 0.85);
    expect(new Set(services.map((service) => service.organization)).size).toBeGreaterThanOrEqual(60);
    expect(new Set(services.map((service) => service.description)).size).toBeGreaterThan(
      services.length * 0.5,
    );
  });

  it('place venues in the right town, postcode area and district, inside Essex', () => {
    const locations = services.flatMap((service) => service.locations);
    expect(locations.length).toBeGreaterThan(200);
    for (const location of locations) {
      const town = location.address?.split(', ').at(-1) ?? '';
      expect(districtOfPlace(town), location.address).toBe(location.district);
      // A postcode district can straddle a boundary (CO7: Wivenhoe in Colchester, Brightlingsea in
      // Tendring): then the town decides, and the postcode only has to be an Essex one.
      const outward = location.postcode?.split(' ')[0] ?? '';
      expect(ESSEX_OUTWARD_CODES[outward], location.postcode).toBeDefined();
      if (!STRADDLING.has(outward)) {
        expect(districtOfPostcode(location.postcode ?? ''), location.postcode).toBe(location.district);
      }
      expect(location.postcode).toMatch(/^[A-Z]{2}\d{1,2} \d[A-Z]{2}$/);
      expect(location.lat).toBeGreaterThan(51.45);
      expect(location.lat).toBeLessThan(52.1);
      expect(location.lng).toBeGreaterThan(-0.05);
      expect(location.lng).toBeLessThan(1.35);
    }
  });
});

describe('the sample contact details', () => {
  it('use only phone numbers from Ofcom drama ranges', () => {
    const DRAMA = /^(?:01632 960\d{3}|07700 900\d{3}|0808 157 0\d{3})$/;
    const phones = services.flatMap((service) => (service.phone ? [service.phone] : []));
    expect(phones.length).toBeGreaterThan(300);
    for (const phone of phones) expect(phone).toMatch(DRAMA);
    // Nothing that looks like any other UK number anywhere in the file.
    const withoutIds = fileText.replace(/"[0-9a-f-]{36}"/g, '""');
    const numbers = withoutIds.match(/(?:\+44|\b0)\d{2,4}[ -]?\d{3}[ -]?\d{3,4}\b/g) ?? [];
    expect(numbers.length).toBeGreaterThan(300);
    for (const number of numbers) expect(number).toMatch(DRAMA);
  });

  it('use only example domains for web and email addresses', () => {
    const hosts = [
      ...[...fileText.matchAll(/https?:\/\/([^/"\s]+)/g)].map((match) => match[1] ?? ''),
      ...[...fileText.matchAll(/[\w.+-]+@([\w.-]+)/g)].map((match) => match[1] ?? ''),
    ];
    expect(hosts.length).toBeGreaterThan(300);
    for (const host of hosts) expect(host).toMatch(/(?:^|\.)(?:example\.(?:org|com)|example)$/);
  });
});

describe('the generator', () => {
  it('makes the same service from the same seed, and the first N of a bigger run are the same', () => {
    expect(sampleService(7)).toEqual(sampleService(7));
    expect(sampleService(7, { seed: 'other' })).not.toEqual(sampleService(7));
    expect(sampleServices(30)).toEqual(sampleServices(60).slice(0, 30));
  });

  it('makes larger directories that are still valid and round-trip', () => {
    const many = sampleServices(2400, { seed: 'bigger', today: '2027-03-01' });
    const page = sampleDirectory(2400, { seed: 'bigger', today: '2027-03-01' });
    expect(page).toMatchObject({ total_items: 2400, size: 2400, total_pages: 1 });
    for (const [index, service] of many.entries()) {
      expect(Service.safeParse(service).success).toBe(true);
      const result = toService(page.contents[index], { importedAt: IMPORTED_AT, text: feedTextReader });
      expect(result.ok && result.service).toEqual(service);
    }
  });
});
