import {
  DELIVERY,
  type Delivery,
  type District,
  type Schedule,
  type Service,
  type ServiceLocation,
} from '../service.ts';
import { classify, type ClassifiableTerm } from '../themes-mapping.ts';
import { readDate, readEmail, readPhone, readTimestamp, readUrl, shown } from './checks.ts';
import {
  districtOfPlace,
  districtOfPostcode,
  districtsNamedIn,
  meansWholeCounty,
  sortDistricts,
} from './essex-places.ts';
import { describeIssue } from './issues.ts';
import { languageCode } from './languages.ts';
import {
  OrukService,
  type OrukAttribute,
  type OrukCostOption,
  type OrukPhone,
  type OrukSchedule,
  type OrukServiceAtLocation,
} from './schema.ts';
import { isSignpostAttribute, readSignpostFacts } from './signpost-vocabulary.ts';
import { toSchedule, type Problems } from './to-schedule.ts';
import { containsKeyword, normaliseWords } from './words.ts';

export interface ToServiceOptions {
  /** When the import ran (ISO timestamp): `updatedAt` for a record with no `last_modified`. */
  importedAt: string;
}

export type ToServiceResult =
  | { ok: true; service: Service; warnings: string[] }
  | {
      ok: false;
      id?: string;
      /** Each names the field and what is wrong: `schedules[1].byday: "XY" is not a day like MO or 2TU`. */
      reasons: string[];
      /** Set when the record is well formed but its `status` says the service is not running. */
      inactive?: true;
    };

const STATUSES = ['active', 'inactive', 'defunct', 'temporarily closed'];

const DELIVERY_KEYWORDS: Record<Delivery, readonly string[]> = {
  'in-person': ['in person', 'face to face', 'drop in', 'home visit*'],
  phone: ['phone', 'telephone', 'by phone', 'helpline', 'phone line'],
  online: ['online', 'virtual', 'video', 'web chat', 'webchat', 'internet'],
};

function rawId(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null || !('id' in raw)) return undefined;
  const id = raw.id;
  if (typeof id === 'number') return String(id);
  return typeof id === 'string' && id.trim() !== '' ? id.trim() : undefined;
}

function present(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** Drops keys whose value is undefined, so a record compares and serialises the same however it was built. */
function compact<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) if (field !== undefined) out[key] = field;
  return out as T;
}

function firstPhone(phones: readonly (readonly OrukPhone[] | undefined)[]): string | undefined {
  for (const list of phones) {
    for (const phone of list ?? []) {
      const number = phone.number === undefined ? undefined : readPhone(phone.number);
      if (number !== undefined) return number;
    }
  }
  return undefined;
}

function describeCosts(options: readonly OrukCostOption[]): string | undefined {
  const described = options
    .filter((option) => option.amount !== undefined && option.amount > 0)
    .map((option) => {
      const currency = option.currency?.trim().toUpperCase();
      const amount = option.amount ?? 0;
      const money =
        currency === undefined || currency === 'GBP'
          ? `£${Number.isInteger(amount) ? amount : amount.toFixed(2)}`
          : `${amount} ${currency}`;
      return [option.option ? `${option.option}:` : undefined, money, option.amount_description]
        .filter(Boolean)
        .join(' ');
    });
  return described.length > 0 ? described.join('; ') : undefined;
}

function isFreeOption(option: OrukCostOption): boolean {
  return option.amount === 0 || /\bfree\b/i.test(`${option.option ?? ''} ${option.amount_description ?? ''}`);
}

function costOf(record: OrukService): { free: boolean; cost?: string } {
  const options = record.cost_options ?? [];
  const fees = present(record.fees_description) ?? present(record.fees);
  return {
    free: options.length > 0 ? options.some(isFreeOption) : /^\s*free\b/i.test(fees ?? ''),
    cost: present(record.fees_description) ?? describeCosts(options) ?? present(record.fees),
  };
}

function serviceAreas(record: OrukService): { districts: District[]; wholeCounty: boolean } {
  const districts: District[] = [];
  let wholeCounty = false;
  for (const area of record.service_areas ?? []) {
    const text = [area.name, area.service_area, area.description].filter(Boolean).join(' | ');
    districts.push(...districtsNamedIn(text));
    if (meansWholeCounty(text)) wholeCounty = true;
  }
  return { districts, wholeCounty };
}

function termsOf(attributes: readonly OrukAttribute[]): ClassifiableTerm[] {
  const terms = new Map<string, ClassifiableTerm>();
  for (const attribute of attributes) {
    if (isSignpostAttribute(attribute)) continue;
    const term = attribute.taxonomy_term;
    const id = present(term?.id ?? attribute.taxonomy_term_id);
    const name = present(term?.name ?? attribute.label);
    if (id !== undefined && name !== undefined && !terms.has(id)) terms.set(id, { id, name });
  }
  return [...terms.values()];
}

function codesOf(attributes: readonly OrukAttribute[]): ClassifiableTerm[] {
  return attributes.flatMap((attribute) => {
    const term = attribute.taxonomy_term;
    const code = present(term?.code ?? term?.term);
    return code === undefined || isSignpostAttribute(attribute) ? [] : [{ id: code, name: code }];
  });
}

function deliveryStated(record: OrukService, terms: readonly ClassifiableTerm[]): Delivery[] {
  const stated = typeof record.delivery === 'string' ? [record.delivery] : (record.delivery ?? []);
  const words = normaliseWords([...stated, ...terms.map((term) => term.name)].join(' | '));
  return DELIVERY.filter((way) => DELIVERY_KEYWORDS[way].some((keyword) => containsKeyword(words, keyword)));
}

function scheduleKey(schedule: OrukSchedule): string {
  return schedule.id ?? JSON.stringify(schedule);
}

// The standards' own examples place their civic centre at latitude 100: lose the pin, not the service.
function coordinates(
  latitude: number | undefined,
  longitude: number | undefined,
  path: string,
  problems: Problems,
): { lat?: number; lng?: number } {
  const unplaced = 'so this place is listed without a map position';
  let lat = latitude;
  let lng = longitude;
  if ((lat === undefined) !== (lng === undefined)) {
    problems.warnings.push(`${path}: a latitude needs a longitude and the other way round, ${unplaced}`);
  }
  if (lat !== undefined && (lat < -90 || lat > 90)) {
    problems.warnings.push(`${path}.latitude: ${lat} is not a latitude between -90 and 90, ${unplaced}`);
    lat = undefined;
  }
  if (lng !== undefined && (lng < -180 || lng > 180)) {
    problems.warnings.push(`${path}.longitude: ${lng} is not a longitude between -180 and 180, ${unplaced}`);
    lng = undefined;
  }
  if (lat === 0 && lng === 0)
    problems.warnings.push(`${path}: latitude 0, longitude 0 is in the Atlantic, ${unplaced}`);
  return lat === undefined || lng === undefined || (lat === 0 && lng === 0) ? {} : { lat, lng };
}

/** A service_at_location → the place it names, `virtual` for an online one, or nothing for a postal one. */
function toPlace(
  record: OrukService,
  sal: OrukServiceAtLocation,
  index: number,
  serviceId: string,
  problems: Problems,
): ServiceLocation | 'virtual' | undefined {
  const path = `service_at_locations[${index}]`;
  const raw = sal.location;
  if (raw === undefined) return undefined;
  const type = raw.location_type?.trim().toLowerCase();
  if (type === 'virtual') return 'virtual';
  if (type === 'postal') return undefined;

  const addresses = raw.addresses ?? [];
  const address = addresses.find((entry) => entry.address_type?.toLowerCase() !== 'postal') ?? addresses[0];
  const city = present(address?.city);
  const postcode = present(address?.postal_code);
  const district =
    [city, address?.address_2, address?.region]
      .map((place) => (place === undefined ? undefined : districtOfPlace(place)))
      .find((found) => found !== undefined) ??
    (postcode === undefined ? undefined : districtOfPostcode(postcode));
  const addressText = [address?.address_1, address?.address_2, city]
    .map((part) => present(part))
    .filter(Boolean)
    .join(', ');

  const { lat, lng } = coordinates(raw.latitude, raw.longitude, `${path}.location`, problems);

  const schedules: Schedule[] = [];
  const seen = new Set<string>();
  const sources: [OrukSchedule, string][] = [
    ...(record.schedules ?? []).flatMap((schedule, i): [OrukSchedule, string][] =>
      sal.id !== undefined && schedule.service_at_location_id === sal.id
        ? [[schedule, `schedules[${i}]`]]
        : [],
    ),
    ...(sal.schedules ?? []).map((schedule, i): [OrukSchedule, string] => [
      schedule,
      `${path}.schedules[${i}]`,
    ]),
    ...(raw.schedules ?? []).map((schedule, i): [OrukSchedule, string] => [
      schedule,
      `${path}.location.schedules[${i}]`,
    ]),
  ];
  for (const [schedule, schedulePath] of sources) {
    const key = scheduleKey(schedule);
    if (seen.has(key)) continue;
    seen.add(key);
    const mapped = toSchedule(schedule, schedulePath, problems);
    if (mapped) schedules.push(mapped);
  }

  const accessibility = (raw.accessibility ?? [])
    .map((entry) => present(entry.description ?? entry.accessibility ?? entry.details))
    .filter((entry): entry is string => entry !== undefined);

  return compact({
    id:
      present(raw.id) ?? present(sal.location_id) ?? present(sal.id) ?? `${serviceId}-location-${index + 1}`,
    name: present(raw.name),
    address: addressText === '' ? undefined : addressText,
    postcode,
    district,
    lat,
    lng,
    accessibility,
    schedules,
  });
}

interface CheckedFields {
  email?: string;
  url?: string;
  lastChecked?: string;
  updatedAt: string;
}

/** The service's own contact details, ages, dates, phones and charges: each one unusable is a reason. */
function checkFields(
  record: OrukService,
  importedAt: string,
  reject: (reason: string) => void,
): CheckedFields {
  let email: string | undefined;
  if (record.email !== undefined) {
    email = readEmail(record.email);
    if (email === undefined) {
      reject(`email: ${shown(record.email)} is not an email address like name@example.org`);
    }
  }
  let url: string | undefined;
  if (record.url !== undefined) {
    url = readUrl(record.url);
    if (url === undefined) reject(`url: ${shown(record.url)} is not a web address like https://example.org`);
  }
  for (const [field, age] of [
    ['minimum_age', record.minimum_age],
    ['maximum_age', record.maximum_age],
  ] as const) {
    if (age !== undefined && (age < 0 || age > 130)) {
      reject(`${field}: ${age} is not an age between 0 and 130`);
    }
  }
  if (
    record.minimum_age !== undefined &&
    record.maximum_age !== undefined &&
    record.minimum_age > record.maximum_age
  ) {
    reject(`minimum_age: ${record.minimum_age} is more than maximum_age ${record.maximum_age}`);
  }
  let lastChecked: string | undefined;
  if (record.assured_date !== undefined) {
    lastChecked = readDate(record.assured_date);
    if (lastChecked === undefined) {
      reject(`assured_date: ${shown(record.assured_date)} is not a date like 2025-03-01`);
    }
  }
  let updatedAt = importedAt;
  if (record.last_modified !== undefined) {
    const modified = readTimestamp(record.last_modified);
    if (modified === undefined) {
      reject(
        `last_modified: ${shown(record.last_modified)} is not a date and time like 2025-03-01T10:30:00Z`,
      );
    } else {
      updatedAt = modified;
    }
  }
  (record.phones ?? []).forEach((phone, i) => {
    if (phone.number !== undefined && readPhone(phone.number) === undefined) {
      reject(`phones[${i}].number: ${shown(phone.number)} is not a phone number`);
    }
  });
  (record.cost_options ?? []).forEach((option, i) => {
    if (option.amount !== undefined && option.amount < 0) {
      reject(`cost_options[${i}].amount: ${option.amount} is less than nothing`);
    }
  });
  return { email, url, lastChecked, updatedAt };
}

/**
 * One ORUK 3.0 / HSDS 3.0 service, with whatever it has nested (organization, service_at_locations,
 * phones, schedules, service_areas, cost_options, languages, attributes), → Signpost's `Service`, or the
 * reasons it cannot be listed. Pure: the same input always gives the same answer.
 */
export function toService(raw: unknown, options: ToServiceOptions): ToServiceResult {
  const parsed = OrukService.safeParse(raw, { reportInput: true });
  const id = rawId(raw);
  if (!parsed.success) return { ok: false, id, reasons: parsed.error.issues.map(describeIssue) };
  const record = parsed.data;
  const problems: Problems = { reasons: [], warnings: [] };
  const reject = (reason: string) => problems.reasons.push(reason);

  const serviceId = present(record.id);
  if (serviceId === undefined) reject('id: missing');
  const name = present(record.name);
  if (name === undefined) reject('name: missing');

  const status = present(record.status)?.toLowerCase();
  if (status !== undefined && status !== 'active') {
    if (STATUSES.includes(status)) {
      return {
        ok: false,
        id,
        inactive: true,
        reasons: [`status: ${shown(record.status)}: only active services are listed`],
      };
    }
    problems.warnings.push(
      `status: ${shown(record.status)} is not one of ${STATUSES.join(', ')}; read as active`,
    );
  }

  const checked = checkFields(record, options.importedAt, reject);
  const { url, lastChecked, updatedAt } = checked;

  const salIds = new Set((record.service_at_locations ?? []).map((sal) => sal.id).filter(Boolean));
  const schedules: Schedule[] = [];
  (record.schedules ?? []).forEach((schedule, i) => {
    if (schedule.service_at_location_id !== undefined && salIds.has(schedule.service_at_location_id)) return;
    const mapped = toSchedule(schedule, `schedules[${i}]`, problems);
    if (mapped) schedules.push(mapped);
  });

  const places = (record.service_at_locations ?? []).map((sal, i) =>
    toPlace(record, sal, i, serviceId ?? '', problems),
  );
  const locations = places.filter((place): place is ServiceLocation => typeof place === 'object');

  if (problems.reasons.length > 0 || serviceId === undefined || name === undefined) {
    return { ok: false, id, reasons: problems.reasons };
  }

  const organization = record.organization;
  const phone = firstPhone([
    record.phones,
    ...(record.contacts ?? []).map((contact) => contact.phones),
    ...(record.service_at_locations ?? []).flatMap((sal) => [
      sal.phones,
      ...(sal.contacts ?? []).map((contact) => contact.phones),
      sal.location?.phones,
    ]),
    organization?.phones,
  ]);
  const email =
    checked.email ??
    [...(record.contacts ?? []).map((contact) => contact.email), organization?.email]
      .map((candidate) => (candidate === undefined ? undefined : readEmail(candidate)))
      .find(Boolean);
  const website = url ?? (organization?.website === undefined ? undefined : readUrl(organization.website));

  const attributes = record.attributes ?? [];
  const facts = readSignpostFacts(attributes);
  const taxonomy = termsOf(attributes);
  const text = [name, record.alternate_name, record.description, record.eligibility_description]
    .filter(Boolean)
    .join('\n');
  const classified = facts.present
    ? { themes: facts.themes, whoFor: facts.whoFor }
    : classify([...taxonomy, ...codesOf(attributes)], text);

  let delivery: Delivery[];
  if (facts.present) delivery = facts.delivery;
  else {
    const stated = deliveryStated(record, taxonomy);
    const inferred = new Set<Delivery>();
    if (locations.length > 0) inferred.add('in-person');
    if (phone !== undefined) inferred.add('phone');
    if (url !== undefined || places.includes('virtual')) inferred.add('online');
    delivery = stated.length > 0 ? stated : DELIVERY.filter((way) => inferred.has(way));
  }

  const areas = serviceAreas(record);
  const districts = sortDistricts([
    ...areas.districts,
    ...locations.flatMap((location) => (location.district ? [location.district] : [])),
  ]);
  const countyWide =
    areas.wholeCounty ||
    (locations.length === 0 &&
      districts.length === 0 &&
      meansWholeCounty([record.description, record.eligibility_description].filter(Boolean).join(' | ')));

  const { free, cost } = costOf(record);

  const languages = [
    ...new Set(
      (record.languages ?? []).map(languageCode).filter((code): code is string => code !== undefined),
    ),
  ];

  const service: Service = compact({
    id: serviceId,
    name,
    organization: present(organization?.name) ?? '',
    organizationId: present(organization?.id) ?? present(record.organization_id),
    description: present(record.description) ?? '',
    summary: facts.summary,
    easyRead: facts.easyRead,
    alert: present(record.alert),
    applicationProcess: present(record.application_process),
    themes: classified.themes,
    whoFor: classified.whoFor,
    minAge: record.minimum_age,
    maxAge: record.maximum_age,
    free,
    cost,
    delivery,
    districts,
    countyWide,
    locations,
    schedules,
    phone,
    email,
    url: website,
    languages,
    taxonomy,
    lastChecked,
    updatedAt,
    sample: facts.sample ? true : undefined,
  });
  return { ok: true, service, warnings: problems.warnings };
}
