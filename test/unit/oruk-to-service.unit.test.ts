import { describe, expect, it } from 'vitest';
import { feedTextReader } from '../../src/server/directory/feed-html.ts';
import { toService, type ToServiceResult } from '../../src/domain/oruk/to-service.ts';
import { describeWarning } from '../../src/domain/oruk/problems.ts';
import type { Service } from '../../src/domain/service.ts';

const IMPORTED_AT = '2026-02-01T09:00:00.000Z';

/** A tidy ORUK 3.0 service in Chelmsford, changed by each test to show one thing. */
function record(changes: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'svc-1',
    name: 'Riverside Carers Group',
    description: 'A weekly group for unpaid carers.',
    status: 'active',
    url: 'https://carers.example.org/riverside',
    email: 'hello@carers.example.org',
    assured_date: '2026-01-10',
    last_modified: '2026-01-12T14:00:00Z',
    organization: { id: 'org-1', name: 'Riverside Carers', description: 'A carers charity' },
    phones: [{ id: 'ph-1', number: '01632 960123' }],
    schedules: [{ id: 'sch-1', freq: 'WEEKLY', byday: 'MO,WE', opens_at: '09:00:00', closes_at: '17:00:00' }],
    service_at_locations: [
      {
        id: 'sal-1',
        location: {
          id: 'loc-1',
          location_type: 'physical',
          name: 'Quillfeather Hall',
          latitude: 51.7356,
          longitude: 0.4685,
          addresses: [
            {
              id: 'addr-1',
              address_1: '12 Pennycress Lane',
              city: 'Chelmsford',
              state_province: 'Essex',
              postal_code: 'CM1 1AA',
              country: 'GB',
              address_type: 'physical',
            },
          ],
        },
      },
    ],
    ...changes,
  };
}

function accepted(result: ToServiceResult): Service {
  if (!result.ok) throw new Error(`rejected: ${result.reasons.join('; ')}`);
  return result.service;
}

function reasons(result: ToServiceResult): string[] {
  if (result.ok) throw new Error('expected the record to be rejected');
  return result.reasons;
}

const map = (raw: unknown) => toService(raw, { importedAt: IMPORTED_AT, text: feedTextReader });

describe('toService: records that cannot be listed are rejected with a reason naming the field', () => {
  it('rejects a record with no id, and one with a blank name', () => {
    expect(reasons(map(record({ id: undefined })))).toEqual(['id: missing']);
    expect(reasons(map(record({ name: '   ' })))).toEqual(['name: missing']);
  });

  it('says which record was rejected when it has an id', () => {
    const result = map(record({ name: null }));
    expect(result).toMatchObject({ ok: false, id: 'svc-1' });
  });

  it('rejects a record whose name is of the wrong kind', () => {
    expect(reasons(map(record({ name: ['Riverside'] })))).toEqual(['name: expected text, got a list']);
  });

  it('rejects a record that is not an object at all', () => {
    expect(reasons(map('Riverside Carers Group'))).toEqual([
      'record: expected an object, got "Riverside Carers Group"',
    ]);
    expect(reasons(map(null))).toEqual(['record: expected an object, got null']);
  });

  it('lists every problem in a record that cannot be listed at once, so it can be fixed in one go', () => {
    expect(reasons(map(record({ id: '', name: ' ' })))).toEqual(['id: missing', 'name: missing']);
  });
  it('sets aside a service that has closed, marked so it can be taken down', () => {
    const result = map(record({ status: 'defunct' }));
    expect(result).toEqual({
      ok: false,
      id: 'svc-1',
      inactive: true,
      reasons: ['status: "defunct": only active services are listed'],
    });
  });
});

function warnings(result: ToServiceResult): string[] {
  if (!result.ok) throw new Error(`rejected: ${result.reasons.join('; ')}`);
  return result.warnings.map(describeWarning);
}

describe('toService: a bad optional field is set aside, the service is kept, and a warning says why', () => {
  it('sets aside fields of the wrong kind, naming where they are', () => {
    const listed = map(record({ schedules: 'Mondays' }));
    expect(accepted(listed).schedules).toEqual([]);
    expect(warnings(listed)).toEqual([
      'schedules: "Mondays" could not be read (expected a list, got "Mondays"); left out',
    ]);
    const placed = record();
    const sal = (placed.service_at_locations as Record<string, Record<string, unknown>>[])[0];
    if (sal?.location) sal.location.latitude = 'north';
    const unplaced = map(placed);
    expect(accepted(unplaced).locations[0]).toMatchObject({
      name: 'Quillfeather Hall',
      district: 'chelmsford',
    });
    expect(accepted(unplaced).locations[0]?.lat).toBeUndefined();
    expect(warnings(unplaced)[0]).toBe(
      'service_at_locations[0].location.latitude: "north" could not be read (expected a number, got "north"); left out',
    );
    const organised = map(record({ organization: 'Riverside Carers' }));
    expect(accepted(organised).organization).toBe('');
    expect(warnings(organised)).toEqual([
      'organization: "Riverside Carers" could not be read (expected an object, got "Riverside Carers"); left out',
    ]);
  });

  it('leaves out the opening times when one of them does not make sense, so none is shown wrong', () => {
    const bad = (schedule: Record<string, unknown>) => {
      const result = map(
        record({
          schedules: [
            { id: 's', ...schedule },
            { id: 't', byday: 'FR', opens_at: '10:00' },
          ],
        }),
      );
      expect(accepted(result).schedules).toEqual([]);
      return warnings(result);
    };
    const others = '; left out; so that none is shown wrong, the other opening times here were left out too';
    expect(bad({ byday: 'MO,XY' })).toEqual([
      `schedules[0].byday: "XY" is not a day like MO or 2TU${others}`,
    ]);
    expect(bad({ opens_at: '25:00' })).toEqual([
      `schedules[0].opens_at: "25:00" is not a time like 09:30 or 17:00:00${others}`,
    ]);
    expect(bad({ closes_at: 'teatime' })).toEqual([
      `schedules[0].closes_at: "teatime" is not a time like 09:30 or 17:00:00${others}`,
    ]);
    expect(bad({ freq: 'YEARLY' })).toEqual([
      `schedules[0].freq: "YEARLY" is not WEEKLY, MONTHLY or DAILY${others}`,
    ]);
    expect(bad({ bymonthday: '40' })).toEqual([
      `schedules[0].bymonthday: "40" is not a day of the month like 1, 15 or -1${others}`,
    ]);
    expect(bad({ valid_from: '2026-05-01', valid_to: '2026-01-01' })).toEqual([
      `schedules[0].valid_to: "2026-01-01" is before valid_from 2026-05-01${others}`,
    ]);
    expect(bad({ valid_from: '2026-02-30' })).toEqual([
      `schedules[0].valid_from: "2026-02-30" is not a date like 2025-03-01${others}`,
    ]);
    expect(bad({ interval: 0 })).toEqual([
      `schedules[0].interval: 0 is not a whole number of 1 or more${others}`,
    ]);
  });

  it("names schedules that belong to a place by their place, and keeps the service's own times", () => {
    const placed = record();
    const sal = (placed.service_at_locations as Record<string, unknown>[])[0];
    if (sal) sal.schedules = [{ id: 'x', byday: '6MO' }];
    const result = map(placed);
    expect(accepted(result).locations[0]?.schedules).toEqual([]);
    expect(accepted(result).schedules).toHaveLength(1);
    expect(warnings(result)).toEqual([
      'service_at_locations[0].schedules[0].byday: "6MO" is not a day like MO or 2TU; left out',
    ]);
  });

  it('leaves out an email, web address or phone number it cannot read, and lists the service', () => {
    const email = map(record({ email: 'ring us' }));
    expect(accepted(email).email).toBeUndefined();
    expect(warnings(email)).toEqual([
      'email: "ring us" is not an email address like name@example.org; left out',
    ]);
    const url = map(record({ url: 'Quillfeather Hall' }));
    expect(accepted(url).url).toBeUndefined();
    expect(warnings(url)).toEqual([
      'url: "Quillfeather Hall" is not a web address like https://www.example.org; left out',
    ]);
    const phone = map(record({ phones: [{ id: 'p', number: 'ask at reception' }] }));
    expect(accepted(phone).phone).toBeUndefined();
    expect(warnings(phone)).toEqual(['phones[0].number: "ask at reception" is not a phone number; left out']);
  });

  it('repairs contact details where what was meant is certain, and says so', () => {
    const repaired = (changes: Record<string, unknown>) => {
      const result = map(record(changes));
      return { service: accepted(result), warnings: warnings(result) };
    };
    expect(repaired({ url: 'http:www.riverside.example.org' })).toMatchObject({
      service: { url: 'https://www.riverside.example.org' },
      warnings: [
        'url: "http:www.riverside.example.org" was missing part of its "//"; read as https://www.riverside.example.org',
      ],
    });
    expect(repaired({ url: 'https:/riverside.example.org/groups' }).service.url).toBe(
      'https://riverside.example.org/groups',
    );
    expect(repaired({ url: 'https://riverside.example.org.' }).service.url).toBe(
      'https://riverside.example.org',
    );
    expect(repaired({ email: 'hello@carers.example.org.' })).toMatchObject({
      service: { email: 'hello@carers.example.org' },
      warnings: ['email: "hello@carers.example.org." ended in punctuation; read as hello@carers.example.org'],
    });
    expect(repaired({ email: 'hello@carers.example.org; admin@carers.example.org' }).service.email).toBe(
      'hello@carers.example.org',
    );
    expect(repaired({ email: 'Riverside Carers <hello@carers.example.org>' })).toMatchObject({
      service: { email: 'hello@carers.example.org' },
      warnings: [],
    });
    expect(repaired({ email: undefined, url: 'info@carers.example.org' })).toMatchObject({
      service: { email: 'info@carers.example.org' },
      warnings: [
        'url: "info@carers.example.org" is an email address, not a web address; used as the email address',
      ],
    });
    expect(repaired({ phones: [{ id: 'p', number: 'Tel: 01632 960123 (Mon to Fri)' }] })).toMatchObject({
      service: { phone: '01632 960123' },
      warnings: [
        'phones[0].number: "Tel: 01632 960123 (Mon to Fri)" holds more than a phone number; read as 01632 960123',
      ],
    });
  });

  it('leaves out impossible ages and dates, and reads -1 as "not given"', () => {
    const ages = map(record({ minimum_age: 70, maximum_age: 18 }));
    expect(accepted(ages)).not.toHaveProperty('minAge');
    expect(accepted(ages)).not.toHaveProperty('maxAge');
    expect(warnings(ages)).toEqual(['minimum_age: 70 is more than maximum_age 18; both left out']);
    const notGiven = map(record({ minimum_age: -1, maximum_age: -1 }));
    expect(accepted(notGiven)).not.toHaveProperty('minAge');
    expect(warnings(notGiven)).toEqual([]);
    const checked = map(record({ assured_date: 'last week' }));
    expect(accepted(checked).lastChecked).toBeUndefined();
    expect(warnings(checked)).toEqual(['assured_date: "last week" is not a date like 2025-03-01; left out']);
    const modified = map(record({ last_modified: 'yesterday' }));
    expect(accepted(modified).updatedAt).toBe(IMPORTED_AT);
    expect(warnings(modified)).toEqual([
      'last_modified: "yesterday" is not a date and time like 2025-03-01T10:30:00Z; the time of the import is used',
    ]);
  });

  it('keeps a service whose place has impossible coordinates, without a map position, and says why', () => {
    const placed = record();
    const sal = (placed.service_at_locations as Record<string, Record<string, unknown>>[])[0];
    if (sal?.location) sal.location.latitude = 123.4;
    const result = map(placed);
    const service = accepted(result);
    expect(service.locations[0]?.lat).toBeUndefined();
    expect(service.locations[0]?.lng).toBeUndefined();
    expect(service.locations[0]?.district).toBe('chelmsford');
    expect(warnings(result)).toEqual([
      'service_at_locations[0].location.latitude: 123.4 is not a latitude between -90 and 90, so this place is listed without a map position',
    ]);
  });

  it('keeps good coordinates as they are', () => {
    expect(accepted(map(record())).locations[0]).toMatchObject({ lat: 51.7356, lng: 0.4685 });
  });
});

describe('toService: lenient reading', () => {
  it('treats null, empty strings and missing keys alike', () => {
    const service = accepted(
      map({
        id: 'svc-2',
        name: 'Drop-in',
        description: null,
        url: '',
        email: null,
        status: null,
        assured_date: null,
        organization: null,
        phones: null,
        schedules: [{ id: null, freq: null, byday: 'TU', opens_at: '10:00', closes_at: null }],
        service_areas: null,
        service_at_locations: [
          { id: 'sal', location: { id: 'l', latitude: null, longitude: null, addresses: null } },
        ],
        cost_options: null,
        languages: [{ id: 'x', code: null, name: null }],
        attributes: null,
      }),
    );
    expect(service).toMatchObject({ id: 'svc-2', name: 'Drop-in', description: '', organization: '' });
    expect(service.url).toBeUndefined();
    expect(service.email).toBeUndefined();
    expect(service.lastChecked).toBeUndefined();
    expect(service.schedules).toEqual([{ byday: 'TU', opensAt: '10:00' }]);
    expect(service.locations).toEqual([{ id: 'l', accessibility: [], schedules: [] }]);
    expect(service.languages).toEqual([]);
    expect(service.updatedAt).toBe(IMPORTED_AT);
  });

  it('ignores fields it does not know and reads numbers sent as text', () => {
    const service = accepted(map(record({ id: 42, minimum_age: '18', favourite_colour: 'green' })));
    expect(service.id).toBe('42');
    expect(service.minAge).toBe(18);
    expect(service).not.toHaveProperty('favourite_colour');
  });

  it('tidies days and times to one form', () => {
    const service = accepted(
      map(record({ schedules: [{ id: 's', byday: ' mo, -1fr ', opens_at: '9:30', closes_at: '24:00' }] })),
    );
    expect(service.schedules[0]).toMatchObject({ byday: 'MO,-1FR', opensAt: '09:30', closesAt: '00:00' });
  });

  it('adds https:// to a web address written without it, and strips quotes from phone numbers', () => {
    const service = accepted(
      map(record({ url: 'www.example.org/help', phones: [{ id: 'p', number: '"01632 960000"' }] })),
    );
    expect(service.url).toBe('https://www.example.org/help');
    expect(service.phone).toBe('01632 960000');
  });
});

describe('toService: what a resident sees', () => {
  it('takes "last checked" from assured_date and "updated" from last_modified', () => {
    const service = accepted(map(record()));
    expect(service.lastChecked).toBe('2026-01-10');
    expect(service.updatedAt).toBe('2026-01-12T14:00:00.000Z');
  });

  it('counts a service as free when a cost option costs nothing or says free', () => {
    expect(accepted(map(record({ cost_options: [{ id: 'c', amount: 0 }] }))).free).toBe(true);
    expect(accepted(map(record({ cost_options: [{ id: 'c', option: 'Free for carers' }] }))).free).toBe(true);
    const paid = accepted(
      map(
        record({
          cost_options: [
            { id: 'c', option: 'Per session', amount: 3.5, amount_description: 'pay on the day' },
          ],
        }),
      ),
    );
    expect(paid.free).toBe(false);
    expect(paid.cost).toBe('Per session: £3.50 pay on the day');
    expect(accepted(map(record({ fees_description: 'Free' }))).free).toBe(true);
  });

  it('works out how a service is delivered from its places, phones and website', () => {
    expect(accepted(map(record())).delivery).toEqual(['in-person', 'phone', 'online']);
    const phoneOnly = accepted(map(record({ url: undefined, service_at_locations: [] })));
    expect(phoneOnly.delivery).toEqual(['phone']);
    const virtual = accepted(
      map(
        record({
          phones: [],
          url: undefined,
          service_at_locations: [{ id: 's', location: { id: 'v', location_type: 'virtual' } }],
        }),
      ),
    );
    expect(virtual.delivery).toEqual(['online']);
    expect(virtual.locations).toEqual([]);
  });

  it('believes a feed that says how a service is delivered', () => {
    expect(accepted(map(record({ delivery: 'Telephone only' }))).delivery).toEqual(['phone']);
    const attributed = record({
      attributes: [{ id: 'a', taxonomy_term: { id: 't', name: 'Online', description: 'Delivered online' } }],
    });
    expect(accepted(map(attributed)).delivery).toEqual(['online']);
  });

  it('places a service in its district from the town, the postcode or its service area', () => {
    expect(accepted(map(record())).districts).toEqual(['chelmsford']);
    const byPostcode = record();
    const sal = (
      byPostcode.service_at_locations as Record<string, Record<string, Record<string, unknown>[]>>[]
    )[0];
    const address = sal?.location?.addresses?.[0];
    if (address) {
      address.city = 'Somewhere';
      address.postal_code = 'CO15 1AB';
    }
    expect(accepted(map(byPostcode)).districts).toEqual(['tendring']);
    const areas = accepted(
      map(
        record({ service_at_locations: [], service_areas: [{ id: 'a', name: 'Harlow and Epping Forest' }] }),
      ),
    );
    expect(areas.districts).toEqual(['epping-forest', 'harlow']);
    expect(areas.countyWide).toBe(false);
    const midEssex = accepted(
      map(record({ service_at_locations: [], service_areas: [{ id: 'a', name: 'Mid Essex' }] })),
    );
    expect(midEssex.districts).toEqual(['braintree', 'chelmsford', 'maldon']);
  });

  it('marks a service county-wide when its area is all of Essex, or it has no places and serves Essex', () => {
    const area = accepted(map(record({ service_areas: [{ id: 'a', name: 'Essex' }] })));
    expect(area.countyWide).toBe(true);
    expect(area.districts).toEqual(['chelmsford']);
    const helpline = accepted(
      map(record({ service_at_locations: [], description: 'A helpline for carers across Essex.' })),
    );
    expect(helpline.countyWide).toBe(true);
    expect(accepted(map(record())).countyWide).toBe(false);
  });

  it('reads overnight, by-appointment and bank holiday schedules', () => {
    const service = accepted(
      map(
        record({
          schedules: [
            { id: 'a', freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR,SA,SU', opens_at: '20:00', closes_at: '02:00' },
            { id: 'b', description: 'Home visits by appointment' },
            {
              id: 'c',
              byday: 'MO',
              opens_at: '09:00',
              closes_at: '12:00',
              notes: 'Closed on bank holidays.',
            },
            { id: 'd', description: 'Drop in, no appointment needed', byday: 'TU' },
          ],
        }),
      ),
    );
    expect(service.schedules[0]).toMatchObject({ opensAt: '20:00', closesAt: '02:00' });
    expect(service.schedules[1]?.byAppointment).toBe(true);
    expect(service.schedules[2]?.openOnBankHolidays).toBe(false);
    expect(service.schedules[3]?.byAppointment).toBeUndefined();
  });

  it('puts a schedule linked to a place with that place', () => {
    const service = accepted(
      map(
        record({ schedules: [{ id: 'x', service_at_location_id: 'sal-1', byday: 'FR', opens_at: '10:00' }] }),
      ),
    );
    expect(service.schedules).toEqual([]);
    expect(service.locations[0]?.schedules).toEqual([{ byday: 'FR', opensAt: '10:00' }]);
  });

  it('files services under themes and groups from their taxonomy terms', () => {
    const service = accepted(
      map(
        record({
          name: 'Riverside Group',
          description: 'A weekly group.',
          attributes: [
            { id: 'a', taxonomy_term: { id: 't1', name: 'Carers support', description: 'x' } },
            { id: 'b', taxonomy_term: { id: 't2', name: 'Dementia', description: 'x' } },
          ],
        }),
      ),
    );
    expect(service.themes).toEqual(['staying-well', 'carers']);
    expect(service.whoFor).toEqual(['carer-self', 'older-people']);
    expect(service.taxonomy).toEqual([
      { id: 't1', name: 'Carers support' },
      { id: 't2', name: 'Dementia' },
    ]);
  });

  it('keeps languages as codes, whether the feed gives codes or names', () => {
    const service = accepted(
      map(
        record({
          languages: [
            { id: 'a', code: 'EN' },
            { id: 'b', name: 'Polish' },
            { id: 'c', code: 'urd' },
          ],
        }),
      ),
    );
    expect(service.languages).toEqual(['en', 'pl', 'ur']);
  });
});
