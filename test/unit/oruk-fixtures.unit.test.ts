import { readdirSync, readFileSync } from 'node:fs';
import { feedTextReader } from '../../src/server/directory/feed-html.ts';
import { describe, expect, it } from 'vitest';
import { extractServices } from '../../src/domain/oruk/feed.ts';
import { toService } from '../../src/domain/oruk/to-service.ts';
import { Service } from '../../src/domain/service.ts';

// The standards' own example payloads (attribution and licence: test/fixtures/oruk/README.md).
const FIXTURES = new URL('../fixtures/oruk/', import.meta.url);
const IMPORTED_AT = '2026-01-01T00:00:00.000Z';

interface Expected {
  services: number;
  phone?: string;
  /** The fixture's schedules: Thursdays and Fridays, 10:00 to 18:00. */
  schedules: boolean;
  locations: boolean;
  terms?: number;
  totalPages?: number;
  /** HSDS 3.0 says how to start using the service (`application_process`); ORUK 3.0 does not. */
  applicationProcess?: true;
}

const ALERT =
  'Following COVID-19 we have moved most of our counselling sessions online. Please contact the reception if you require further information.';
const APPLICATION_PROCESS =
  'If you are an NHS patient please ask your GP for a referral letter, we will then be in touch with you directly. If you are not an NHS patient you should ring our reception to arrange an appointment';

const EXPECTED: Record<string, Expected> = {
  'oruk3-service_full.json': { services: 1, schedules: true, locations: true },
  'oruk3-service_list.json': { services: 1, schedules: false, locations: false, totalPages: 10 },
  'oruk3-organization_full.json': { services: 1, schedules: true, locations: true },
  'oruk3-service_at_location_full.json': { services: 1, schedules: true, locations: true },
  'hsds3-service_full.json': {
    services: 1,
    phone: '+44 1234 234567',
    schedules: true,
    locations: true,
    applicationProcess: true,
  },
  'hsds3-service_list.json': {
    services: 1,
    schedules: false,
    locations: false,
    totalPages: 10,
    applicationProcess: true,
  },
  'hsds3-organization_full.json': {
    services: 1,
    phone: '+44 1234 234567',
    schedules: true,
    locations: true,
    applicationProcess: true,
  },
  'hsds3-taxonomy_term_list.json': {
    services: 0,
    schedules: false,
    locations: false,
    terms: 1,
    totalPages: 10,
  },
};

function read(name: string): unknown {
  return JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8'));
}

function servicesIn(name: string): Service[] {
  const extract = extractServices(read(name));
  if (!extract.ok) throw new Error(extract.error);
  return extract.records.map((record) => {
    const result = toService(record, { importedAt: IMPORTED_AT, text: feedTextReader });
    if (!result.ok) throw new Error(`${name}: ${result.reasons.join('; ')}`);
    return result.service;
  });
}

describe('the Open Referral conformance fixtures', () => {
  it('has an expectation for every fixture file, so a new fixture cannot slip past', () => {
    const files = readdirSync(FIXTURES).filter((file) => file.endsWith('.json'));
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [name, expected] of Object.entries(EXPECTED)) {
    describe(name, () => {
      it('is read without a single rejected record', () => {
        const extract = extractServices(read(name));
        expect(extract.ok).toBe(true);
        if (!extract.ok) return;
        expect(extract.records).toHaveLength(expected.services);
        for (const record of extract.records) {
          const result = toService(record, { importedAt: IMPORTED_AT, text: feedTextReader });
          expect(result.ok ? [] : result.reasons).toEqual([]);
        }
        if (expected.terms !== undefined) expect(extract.terms).toHaveLength(expected.terms);
        if (expected.totalPages !== undefined) {
          expect(extract.paging).toMatchObject({ totalPages: expected.totalPages, pageNumber: 1 });
        }
      });

      if (expected.services === 0) return;

      it('keeps the service, its organization and its contact details', () => {
        for (const service of servicesIn(name)) {
          expect(Service.safeParse(service).success).toBe(true);
          expect(service.id).toBe('ac148810-d857-441c-9679-408f346de14b');
          expect(service.name).toBe('Community Counselling');
          expect(service.organization).toBe('Example Organization Inc.');
          expect(service.organizationId).toBe('d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610');
          expect(service.email).toBe('email@example.com');
          expect(service.url).toBe('http://example.com/counselling');
          expect(service.minAge).toBe(12);
          expect(service.maxAge).toBe(100);
          expect(service.lastChecked).toBe('2005-01-01');
          expect(service.updatedAt).toBe('2023-03-15T10:30:45.123Z');
          expect(service.phone).toBe(expected.phone);
          expect(service.alert).toBe(ALERT);
          expect(service.applicationProcess).toBe(
            expected.applicationProcess ? APPLICATION_PROCESS : undefined,
          );
          // Counselling for anxiety and depression reads as staying well, for people with mental ill health.
          expect(service.themes).toContain('staying-well');
          expect(service.whoFor).toContain('mental-health');
        }
      });

      it('keeps the opening times and the place', () => {
        for (const service of servicesIn(name)) {
          const schedules = [
            ...service.schedules,
            ...service.locations.flatMap((location) => location.schedules),
          ];
          if (!expected.schedules) {
            expect(schedules).toEqual([]);
            continue;
          }
          expect(schedules.length).toBeGreaterThan(0);
          for (const schedule of schedules) {
            expect(schedule).toMatchObject({
              freq: 'WEEKLY',
              byday: 'TH,FR',
              opensAt: '10:00',
              closesAt: '18:00',
            });
            // "The service is not available on public holidays."
            expect(schedule.openOnBankHolidays).toBe(false);
          }
          if (!expected.locations) continue;
          const [place] = service.locations;
          expect(place).toMatchObject({
            id: '3a19ff88-4620-4d17-9830-ac1d859eb5d5',
            name: 'MyCity Civic Center',
            postcode: 'ABC 1234',
          });
          expect(place?.address).toMatch(/^1-30 Main Street, .*MyCity$/);
          expect(place?.accessibility[0]).toMatch(/induction loops/);
          expect(service.delivery).toContain('in-person');
        }
      });

      if (expected.locations) {
        it('lists the place without a map position, and says why, when its latitude is impossible', () => {
          const extract = extractServices(read(name));
          if (!extract.ok) throw new Error(extract.error);
          const result = toService(extract.records[0], { importedAt: IMPORTED_AT, text: feedTextReader });
          if (!result.ok) throw new Error(result.reasons.join('; '));
          expect(result.service.locations[0]?.lat).toBeUndefined();
          expect(result.service.locations[0]?.lng).toBeUndefined();
          expect(result.warnings).toContainEqual({
            field: 'service_at_locations[0].location.latitude',
            value: '100',
            reason: 'is not a latitude between -90 and 90, so this place is listed without a map position',
          });
        });
      }
    });
  }
});
