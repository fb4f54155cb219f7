import { richTextHtml } from '../rich-text.ts';
import type { Schedule, Service, ServiceLocation } from '../service.ts';
import { DISTRICT_NAMES } from './essex-places.ts';
import { languageName } from './languages.ts';
import {
  SIGNPOST_TAXONOMY,
  SIGNPOST_TERMS,
  signpostTermId,
  type SignpostCode,
} from './signpost-vocabulary.ts';
import { stableUuid, stableUuids } from './stable-id.ts';

export { orukPage, type OrukPage } from './page.ts';

/**
 * Signpost's `Service` → an ORUK 3.0 service object (for `/api/oruk/services` and the sample file), such
 * that `toService(fromService(s))` gives back `s`.
 */

export interface OrukTaxonomyTermOut {
  id: string;
  name: string;
  description: string;
  code?: string;
  term?: string;
  taxonomy?: string;
}

export interface OrukAttributeOut {
  id: string;
  link_id: string;
  link_type: string;
  link_entity: 'service';
  taxonomy_term_id: string;
  taxonomy_term: OrukTaxonomyTermOut;
  value?: string;
}

/** What Signpost keeps beside the record: the description exactly as the feed sent it. */
export interface ServiceSource {
  description?: string;
}

// Who-it-is-for tags in the feed's own words travel as attributes of this vocabulary.
const AUDIENCE_TAXONOMY = 'audience';

export interface OrukScheduleOut {
  id: string;
  service_id: string;
  service_at_location_id?: string;
  freq?: 'WEEKLY' | 'MONTHLY' | 'DAILY';
  interval?: number;
  byday?: string;
  bymonthday?: string;
  opens_at?: string;
  closes_at?: string;
  valid_from?: string;
  valid_to?: string;
  dtstart?: string;
  description?: string;
  notes?: string;
}

export interface OrukAddressOut {
  id: string;
  location_id: string;
  address_1: string;
  city: string;
  region?: string;
  state_province: string;
  postal_code: string;
  country: string;
  address_type: 'physical';
}

export interface OrukLocationOut {
  id: string;
  location_type: 'physical' | 'virtual';
  name?: string;
  latitude?: number;
  longitude?: number;
  addresses: OrukAddressOut[];
  accessibility: { id: string; location_id: string; description: string }[];
}

export interface OrukServiceAtLocationOut {
  id: string;
  service_id: string;
  location_id: string;
  location: OrukLocationOut;
}

export interface OrukServiceOut {
  id: string;
  organization_id: string;
  name: string;
  description: string;
  url?: string;
  email?: string;
  status: 'active';
  alert?: string;
  eligibility_description?: string;
  /** HSDS 3.0's; ORUK readers ignore what they do not know. */
  application_process?: string;
  /** ORUK 3.0's (deprecated) free-text charges, kept for ORUK readers. */
  fees?: string;
  /** HSDS 3.0's free-text charges. */
  fees_description?: string;
  minimum_age?: number;
  maximum_age?: number;
  assured_date?: string;
  last_modified: string;
  organization: { id: string; name: string; description: string };
  phones: { id: string; service_id: string; number: string }[];
  schedules: OrukScheduleOut[];
  service_areas: { id: string; service_id: string; name: string; description?: string }[];
  service_at_locations: OrukServiceAtLocationOut[];
  cost_options: {
    id: string;
    service_id: string;
    option: string;
    amount?: number;
    currency: 'GBP';
    amount_description?: string;
  }[];
  languages: { id: string; service_id: string; name: string; code: string }[];
  attributes: OrukAttributeOut[];
}

function compact<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) if (field !== undefined) out[key] = field;
  return out as T;
}

function scheduleOut(
  schedule: Schedule,
  id: string,
  serviceId: string,
  serviceAtLocationId?: string,
): OrukScheduleOut {
  const notes = [
    schedule.byAppointment ? 'By appointment only.' : undefined,
    schedule.openOnBankHolidays === false ? 'Closed on bank holidays.' : undefined,
    schedule.openOnBankHolidays === true ? 'Open on bank holidays.' : undefined,
  ].filter(Boolean);
  return compact({
    id,
    service_id: serviceId,
    service_at_location_id: serviceAtLocationId,
    freq: schedule.freq,
    interval: schedule.interval,
    byday: schedule.byday,
    bymonthday: schedule.bymonthday,
    opens_at: schedule.opensAt === undefined ? undefined : `${schedule.opensAt}:00`,
    closes_at: schedule.closesAt === undefined ? undefined : `${schedule.closesAt}:00`,
    valid_from: schedule.validFrom,
    valid_to: schedule.validTo,
    dtstart: schedule.dtstart,
    description: schedule.description,
    notes: notes.length > 0 ? notes.join(' ') : undefined,
  });
}

function locationOut(location: ServiceLocation): OrukLocationOut {
  const uuid = stableUuids(`${location.id}:`);
  const addresses: OrukAddressOut[] = [];
  if (location.address !== undefined || location.postcode !== undefined || location.district !== undefined) {
    // Signpost keeps "street, town" as one line; the town goes back in `city`.
    const line = location.address ?? '';
    const comma = line.lastIndexOf(',');
    addresses.push(
      compact({
        id: uuid('address'),
        location_id: location.id,
        address_1: comma < 0 ? line : line.slice(0, comma).trim(),
        city: comma < 0 ? '' : line.slice(comma + 1).trim(),
        region: location.district === undefined ? undefined : DISTRICT_NAMES[location.district],
        state_province: 'Essex',
        postal_code: location.postcode ?? '',
        country: 'GB',
        address_type: 'physical',
      }),
    );
  }
  return compact({
    id: location.id,
    location_type: 'physical',
    name: location.name,
    latitude: location.lat,
    longitude: location.lng,
    addresses,
    accessibility: location.accessibility.map((description, i) => ({
      id: uuid(`accessibility:${i}`),
      location_id: location.id,
      description,
    })),
  });
}

function attributeOut(serviceId: string, id: string, code: SignpostCode, value?: string): OrukAttributeOut {
  const term = SIGNPOST_TERMS[code];
  const termId = signpostTermId(code);
  return compact({
    id,
    link_id: serviceId,
    link_type: term.linkType,
    link_entity: 'service',
    taxonomy_term_id: termId,
    taxonomy_term: {
      id: termId,
      name: term.name,
      description: term.description,
      code,
      term: code,
      taxonomy: SIGNPOST_TAXONOMY,
    },
    value,
  });
}

function firstAmount(cost: string): number | undefined {
  const amount = Number(/£\s?(\d+(?:\.\d{1,2})?)/.exec(cost)?.[1]);
  // Zero reads back as free; a charge with no figure keeps only its words.
  return amount > 0 ? amount : undefined;
}

function descriptionOut(service: Service, source: ServiceSource): string {
  if (source.description !== undefined) return source.description;
  return service.descriptionBlocks ? richTextHtml(service.descriptionBlocks) : service.description;
}

export function fromService(service: Service): OrukServiceOut {
  return fromStoredService(service, {});
}

/** As `fromService`, serving the description as the feed sent it when Signpost kept it. */
export function fromStoredService(service: Service, source: ServiceSource): OrukServiceOut {
  const id = service.id;
  const organizationId = service.organizationId ?? stableUuid(`organization:${service.organization}`);
  const uuid = stableUuids(`${id}:`);
  const salId = (location: ServiceLocation) => uuid(`at:${location.id}`);

  const schedules = [
    ...service.schedules.map((schedule, i) => scheduleOut(schedule, uuid(`schedule:${i}`), id)),
    ...service.locations.flatMap((location) =>
      location.schedules.map((schedule, i) =>
        scheduleOut(schedule, uuid(`${location.id}:schedule:${i}`), id, salId(location)),
      ),
    ),
  ];

  const serviceAreas = [
    ...(service.national ? [{ name: 'National', description: 'Anywhere in the country' }] : []),
    ...(service.countyWide && !service.national && !(service.onlineOnly && service.districts.length === 0)
      ? [{ name: 'Essex', description: 'The whole of Essex' }]
      : []),
    ...service.districts.map((district) => ({ name: DISTRICT_NAMES[district], description: undefined })),
  ].map((area) =>
    compact({
      id: uuid(`area:${area.name}`),
      service_id: id,
      name: area.name,
      description: area.description,
    }),
  );

  const costOptions: OrukServiceOut['cost_options'] = [];
  if (service.free) {
    costOptions.push({
      id: uuid('cost:free'),
      service_id: id,
      option: 'Free',
      amount: 0,
      currency: 'GBP',
      amount_description: 'No charge',
    });
  } else if (service.cost !== undefined) {
    costOptions.push(
      compact({
        id: uuid('cost:charge'),
        service_id: id,
        // A charge whose wording mentions "free" would read back as free.
        option: /\bfree\b/i.test(service.cost) ? 'Charge' : service.cost,
        amount: firstAmount(service.cost),
        currency: 'GBP' as const,
      }),
    );
  }

  const codes: [SignpostCode, string?][] = [
    ...service.themes.map((theme): [SignpostCode] => [`theme:${theme}`]),
    ...service.whoFor.map((group): [SignpostCode] => [`who-for:${group}`]),
    ...service.delivery.map((way): [SignpostCode] => [`delivery:${way}`]),
    ...(service.sample ? [['sample'] as [SignpostCode]] : []),
    ...(service.summary !== undefined ? [['summary', service.summary] as [SignpostCode, string]] : []),
    ...(service.easyRead !== undefined ? [['easy-read', service.easyRead] as [SignpostCode, string]] : []),
  ];
  const audience = (service.audience ?? []).map((label): OrukAttributeOut => {
    const termId = stableUuid(`${AUDIENCE_TAXONOMY}:${label.toLowerCase()}`);
    return {
      id: uuid(`attribute:audience:${label}`),
      link_id: id,
      link_type: 'eligibility',
      link_entity: 'service',
      taxonomy_term_id: termId,
      taxonomy_term: { id: termId, name: label, description: label, taxonomy: AUDIENCE_TAXONOMY },
    };
  });
  const attributes = [
    ...codes.map(([code, value]) => attributeOut(id, uuid(`attribute:${code}`), code, value)),
    ...audience,
    ...service.taxonomy.map((term): OrukAttributeOut => ({
      id: uuid(`attribute:${term.id}`),
      link_id: id,
      link_type: 'category',
      link_entity: 'service',
      taxonomy_term_id: term.id,
      taxonomy_term: { id: term.id, name: term.name, description: term.name },
    })),
  ];

  return compact({
    id,
    organization_id: organizationId,
    name: service.name,
    description: descriptionOut(service, source),
    url: service.url,
    email: service.email,
    status: 'active',
    alert: service.alert,
    eligibility_description: service.eligibility,
    application_process: service.applicationProcess,
    fees: service.cost,
    fees_description: service.cost,
    minimum_age: service.minAge,
    maximum_age: service.maxAge,
    assured_date: service.lastChecked,
    last_modified: service.updatedAt,
    organization: { id: organizationId, name: service.organization, description: '' },
    phones: service.phone === undefined ? [] : [{ id: uuid('phone'), service_id: id, number: service.phone }],
    schedules,
    service_areas: serviceAreas,
    service_at_locations: [
      ...service.locations.map((location) => ({
        id: salId(location),
        service_id: id,
        location_id: location.id,
        location: locationOut(location),
      })),
      // No place to go: ORUK says so with a virtual location.
      ...(service.onlineOnly
        ? [
            {
              id: uuid('at:online'),
              service_id: id,
              location_id: uuid('online'),
              location: {
                id: uuid('online'),
                location_type: 'virtual' as const,
                name: 'By phone or online',
                addresses: [],
                accessibility: [],
              },
            },
          ]
        : []),
    ],
    cost_options: costOptions,
    languages: service.languages.map((code) => ({
      id: uuid(`language:${code}`),
      service_id: id,
      name: languageName(code),
      code,
    })),
    attributes,
  });
}
