import type { Schedule, Service, ServiceLocation } from '../service.ts';
import { DELIVERY, type Delivery, type District } from '../service-terms.ts';
import { classify, type ClassifiableTerm } from '../themes-mapping.ts';
import { audienceOf, eligibilityRecords, isAudienceAttribute } from './audience.ts';
import { readDate, readTimestamp, shown } from './checks.ts';
import { costOf } from './costs.ts';
import { districtsNamedIn, meansWholeCounty, sortDistricts } from './essex-places.ts';
import { oneLine, type FeedTextReader } from './feed-text.ts';
import { repairEmail, repairPhone, repairUrl } from './field-repair.ts';
import { languageCode } from './languages.ts';
import type { FieldWarning } from './problems.ts';
import { areaIsNational, saysNational, statedRemoteOnly } from './reach.ts';
import { readRecord } from './read-record.ts';
import type { OrukAttribute, OrukPhone, OrukSchedule, OrukService } from './schema.ts';
import { isSignpostAttribute, readSignpostFacts } from './signpost-vocabulary.ts';
import { toPlace, toSchedules } from './to-place.ts';
import { containsKeyword, normaliseWords } from './words.ts';

export type { FieldWarning } from './problems.ts';

export interface ToServiceOptions {
  /** When the import ran (ISO timestamp): `updatedAt` for a record with no `last_modified`. */
  importedAt: string;
  /** Reads the feed's HTML and entity-encoded text (the server's HTML parser). */
  text: FeedTextReader;
}

export type ToServiceResult =
  | {
      ok: true;
      service: Service;
      /** Fields set aside or repaired: the service is listed without them, or as repaired. */
      warnings: FieldWarning[];
      /** The description exactly as the feed sent it, for Signpost's own ORUK API. */
      sourceDescription?: string;
    }
  | {
      ok: false;
      id?: string;
      /** Why the record cannot be listed at all: `id: missing`, `name: expected text, got a list`. */
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

// ORUK feeds write "not given" as -1, and a maximum of 0 with it.
const AGE_NOT_GIVEN = -1;

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

function list(value: string | readonly string[] | undefined): string[] {
  return value === undefined ? [] : typeof value === 'string' ? [value] : [...value];
}

/** Everything about one record that reading it turned up: the service is listed with what was usable. */
class Reading {
  readonly warnings: FieldWarning[] = [];
  readonly reasons: string[] = [];
  constructor(
    readonly record: OrukService,
    readonly reader: FeedTextReader,
  ) {}

  warn(field: string, value: unknown, reason: string): void {
    this.warnings.push({ field, value: shown(value), reason });
  }

  /** A field's words, tags and entities gone, on one line. */
  line(value: string | undefined): string | undefined {
    return value === undefined ? undefined : present(oneLine(this.reader.read(value).text));
  }

  /** A field's words, tags and entities gone, paragraphs and line breaks kept. */
  text(value: string | undefined): string | undefined {
    return value === undefined ? undefined : present(this.reader.read(value).text);
  }
}

function firstPhone(reading: Reading): string | undefined {
  const { record } = reading;
  // The service's own numbers are checked and reported; the others are only a fallback.
  const own = (record.phones ?? []).flatMap((phone, i) => {
    if (phone.number === undefined) return [];
    const repaired = repairPhone(phone.number);
    if (repaired.note) reading.warn(`phones[${i}].number`, phone.number, repaired.note);
    return repaired.value === undefined ? [] : [repaired.value];
  });
  if (own[0] !== undefined) return own[0];
  const others: (readonly OrukPhone[] | undefined)[] = [
    ...(record.contacts ?? []).map((contact) => contact.phones),
    ...(record.service_at_locations ?? []).flatMap((sal) => [
      sal.phones,
      ...(sal.contacts ?? []).map((contact) => contact.phones),
      sal.location?.phones,
    ]),
    record.organization?.phones,
  ];
  for (const phones of others) {
    for (const phone of phones ?? []) {
      const number = phone.number === undefined ? undefined : repairPhone(phone.number).value;
      if (number !== undefined) return number;
    }
  }
  return undefined;
}

interface Contacts {
  email?: string;
  url?: string;
}

/** The service's own email and website, repaired where certain, else the organisation's. */
function contactsOf(reading: Reading): Contacts {
  const { record } = reading;
  let email: string | undefined;
  let url: string | undefined;
  let emailFromUrl: string | undefined;
  if (record.url !== undefined) {
    const repaired = repairUrl(record.url);
    url = repaired.value;
    emailFromUrl = repaired.email;
    if (repaired.email !== undefined) {
      const used = record.email === undefined ? '; used as the email address' : '; left out';
      reading.warn('url', record.url, `${repaired.note}${used}`);
    } else if (repaired.note) reading.warn('url', record.url, repaired.note);
  }
  if (record.email !== undefined) {
    const repaired = repairEmail(record.email);
    email = repaired.value;
    if (repaired.note) reading.warn('email', record.email, repaired.note);
  }
  email ??= emailFromUrl;
  email ??= [...(record.contacts ?? []).map((contact) => contact.email), record.organization?.email]
    .map((candidate) => (candidate === undefined ? undefined : repairEmail(candidate).value))
    .find(Boolean);
  const website = record.organization?.website;
  url ??= website === undefined ? undefined : repairUrl(website).value;
  return { email, url };
}

function ageOf(reading: Reading, field: 'minimum_age' | 'maximum_age', value: number | undefined) {
  if (value === undefined || value === AGE_NOT_GIVEN || (field === 'maximum_age' && value === 0)) {
    return undefined;
  }
  if (value < 0 || value > 130 || !Number.isFinite(value)) {
    reading.warn(field, value, 'is not an age between 0 and 130; left out');
    return undefined;
  }
  return value;
}

/** The ages the service is for: its own, or else those its eligibility records agree on. */
function agesOf(reading: Reading): { minAge?: number; maxAge?: number } {
  const { record } = reading;
  let minAge = ageOf(reading, 'minimum_age', record.minimum_age);
  let maxAge = ageOf(reading, 'maximum_age', record.maximum_age);
  if (minAge === undefined && maxAge === undefined) {
    const records = eligibilityRecords(record);
    const mins = records.map((entry) => entry.minimum_age).filter((age) => age !== undefined && age > 0);
    const maxes = records.map((entry) => entry.maximum_age).filter((age) => age !== undefined && age > 0);
    // Only when every record gives one: otherwise a group of any age is among them.
    if (mins.length === records.length && mins.length > 0) minAge = Math.min(...(mins as number[]));
    if (maxes.length === records.length && maxes.length > 0) maxAge = Math.max(...(maxes as number[]));
    if (minAge !== undefined && minAge > 130) minAge = undefined;
    if (maxAge !== undefined && maxAge > 130) maxAge = undefined;
  }
  if (minAge !== undefined && maxAge !== undefined && minAge > maxAge) {
    reading.warn('minimum_age', minAge, `is more than maximum_age ${maxAge}; both left out`);
    return {};
  }
  return { minAge, maxAge };
}

function datesOf(reading: Reading, importedAt: string): { lastChecked?: string; updatedAt: string } {
  const { record } = reading;
  let lastChecked: string | undefined;
  if (record.assured_date !== undefined) {
    lastChecked = readDate(record.assured_date);
    if (lastChecked === undefined) {
      reading.warn('assured_date', record.assured_date, 'is not a date like 2025-03-01; left out');
    }
  }
  let updatedAt = importedAt;
  if (record.last_modified !== undefined) {
    const modified = readTimestamp(record.last_modified);
    if (modified === undefined) {
      reading.warn(
        'last_modified',
        record.last_modified,
        'is not a date and time like 2025-03-01T10:30:00Z; the time of the import is used',
      );
    } else updatedAt = modified;
  }
  return { lastChecked, updatedAt };
}

// An LGA term sent as a bare number with its list named beside it: "298" in esdServiceTypes.
const ESD_VOCABULARY = /^(esdservicetype|esdneed|esdcircumstance)s?$/i;

function qualifiedId(id: string | undefined, vocabulary: string | undefined): string | undefined {
  const bare = present(id);
  const list = ESD_VOCABULARY.exec(vocabulary?.trim() ?? '')?.[1];
  return bare !== undefined && list !== undefined && /^\d+$/.test(bare) ? `${list}:${bare}` : bare;
}

function termsOf(reading: Reading): ClassifiableTerm[] {
  const { record } = reading;
  const terms = new Map<string, ClassifiableTerm>();
  const add = (id: string | undefined, name: string | undefined, vocabulary?: string) => {
    const cleanName = reading.line(name);
    const cleanId = qualifiedId(id, vocabulary) ?? cleanName;
    if (cleanId !== undefined && cleanName !== undefined && !terms.has(cleanId)) {
      terms.set(cleanId, { id: cleanId, name: cleanName });
    }
  };
  for (const attribute of record.attributes ?? []) {
    // Who-it-is-for tags are read by `audienceOf`; they are not kinds of service.
    if (isSignpostAttribute(attribute) || isAudienceAttribute(attribute)) continue;
    const term = attribute.taxonomy_term;
    add(
      term?.id ?? attribute.taxonomy_term_id,
      term?.name ?? attribute.label,
      term?.vocabulary ?? term?.taxonomy,
    );
  }
  for (const link of record.service_taxonomys ?? []) {
    add(link.taxonomy?.id, link.taxonomy?.name, link.taxonomy?.vocabulary ?? link.taxonomy?.taxonomy);
  }
  for (const category of [...list(record.category), ...list(record.categories)]) add(undefined, category);
  return [...terms.values()];
}

function codesOf(record: OrukService): ClassifiableTerm[] {
  const code = (attribute: OrukAttribute) =>
    present(attribute.taxonomy_term?.code ?? attribute.taxonomy_term?.term);
  return [
    ...(record.attributes ?? []).flatMap((attribute) => {
      const found = code(attribute);
      return found === undefined || isSignpostAttribute(attribute) || isAudienceAttribute(attribute)
        ? []
        : [{ id: found, name: found }];
    }),
    ...(record.service_taxonomys ?? []).flatMap((link) => {
      const found = present(link.taxonomy?.code ?? link.taxonomy?.term);
      return found === undefined ? [] : [{ id: found, name: found }];
    }),
  ];
}

function deliveryStated(record: OrukService, terms: readonly ClassifiableTerm[]): Delivery[] {
  const stated = [...list(record.delivery), record.deliverable_type, record.attending_type].filter(
    (value): value is string => value !== undefined,
  );
  const words = normaliseWords([...stated, ...terms.map((term) => term.name)].join(' | '));
  return DELIVERY.filter((way) => DELIVERY_KEYWORDS[way].some((keyword) => containsKeyword(words, keyword)));
}

function serviceAreas(reading: Reading): { districts: District[]; wholeCounty: boolean; national: boolean } {
  const districts: District[] = [];
  let wholeCounty = false;
  let national = false;
  for (const area of reading.record.service_areas ?? []) {
    const names = [area.name, area.service_area, area.description].map((part) => reading.line(part));
    const text = names.filter(Boolean).join(' | ');
    districts.push(...districtsNamedIn(text));
    if (meansWholeCounty(text)) wholeCounty = true;
    if (names.some((name) => name !== undefined && areaIsNational(name))) national = true;
  }
  return { districts, wholeCounty, national };
}

function readStatus(reading: Reading, id: string | undefined): ToServiceResult | undefined {
  const { record } = reading;
  const status = present(record.status)?.toLowerCase();
  if (status === undefined || status === 'active') return undefined;
  if (STATUSES.includes(status)) {
    return {
      ok: false,
      id,
      inactive: true,
      reasons: [`status: ${shown(record.status)}: only active services are listed`],
    };
  }
  reading.warn('status', record.status, `is not one of ${STATUSES.join(', ')}; read as active`);
  return undefined;
}

/**
 * One ORUK 3.0 / HSDS 3.0 service (ORUK 1's names read too), with whatever it has nested, → Signpost's
 * `Service`, or the reasons it cannot be listed. A record is kept out only when it cannot be shown: no
 * id, no name, a structure that cannot be read. A bad optional field is repaired where what was meant is
 * certain, or else left out, and either way recorded as a warning. Pure: the same input always gives
 * the same answer.
 */
export function toService(raw: unknown, options: ToServiceOptions): ToServiceResult {
  const id = rawId(raw);
  const read = readRecord(raw);
  if (!read.ok) return { ok: false, id, reasons: read.reasons };
  const record = read.record;
  const reading = new Reading(record, options.text);
  reading.warnings.push(...read.warnings);

  const serviceId = present(record.id);
  if (serviceId === undefined) reading.reasons.push('id: missing');
  const name = reading.line(record.name);
  if (name === undefined) reading.reasons.push('name: missing');
  const closed = readStatus(reading, id);
  if (closed) return closed;
  if (serviceId === undefined || name === undefined) return { ok: false, id, reasons: reading.reasons };

  const { lastChecked, updatedAt } = datesOf(reading, options.importedAt);
  const { email, url } = contactsOf(reading);
  const phone = firstPhone(reading);
  const { minAge, maxAge } = agesOf(reading);

  const salIds = new Set((record.service_at_locations ?? []).map((sal) => sal.id).filter(Boolean));
  const ownSchedules: (readonly [OrukSchedule, string])[] = [
    ...(record.schedules ?? []).map((schedule, i) => [schedule, `schedules[${i}]`] as const),
    ...(record.regular_schedules ?? []).map((schedule, i) => [schedule, `regular_schedules[${i}]`] as const),
  ].filter(
    ([schedule]) =>
      schedule.service_at_location_id === undefined || !salIds.has(schedule.service_at_location_id),
  );
  const schedules: Schedule[] = toSchedules(ownSchedules, reading.reader, reading.warnings);

  const context = { record, serviceId, reader: reading.reader, warnings: reading.warnings };
  const places = (record.service_at_locations ?? []).map((sal, i) => toPlace(sal, i, context));
  const locations = places.filter((place): place is ServiceLocation => typeof place === 'object');

  const description = record.description === undefined ? undefined : reading.reader.read(record.description);
  for (const href of description?.droppedLinks ?? []) {
    reading.warn('description', href, 'links somewhere a description may not send people; shown as text');
  }
  const eligibility = reading.text(record.eligibility_description);
  const audience = audienceOf(record, reading.reader);

  const attributes = record.attributes ?? [];
  const facts = readSignpostFacts(attributes);
  const taxonomy = termsOf(reading);
  const classified = facts.present
    ? { themes: facts.themes, whoFor: facts.whoFor }
    : classify(
        [...taxonomy, ...codesOf(record), ...audience.terms.map((term) => ({ id: term, name: term }))],
        {
          name: [name, reading.line(record.alternate_name)].filter(Boolean).join(' | '),
          description: [description?.text, eligibility].filter(Boolean).join('\n'),
        },
      );

  const stated = deliveryStated(record, taxonomy);
  let delivery: Delivery[];
  if (facts.present) delivery = facts.delivery;
  else {
    const inferred = new Set<Delivery>();
    if (locations.length > 0) inferred.add('in-person');
    if (phone !== undefined) inferred.add('phone');
    if (url !== undefined || places.includes('virtual')) inferred.add('online');
    delivery = stated.length > 0 ? stated : DELIVERY.filter((way) => inferred.has(way));
  }

  const areas = serviceAreas(reading);
  const districts = sortDistricts([
    ...areas.districts,
    ...locations.flatMap((location) => (location.district ? [location.district] : [])),
  ]);
  const placeless = locations.length === 0 && districts.length === 0;
  const aboutText = [description?.text, eligibility].filter(Boolean).join(' | ');
  const national = areas.national || (placeless && !areas.wholeCounty && saysNational(aboutText));
  const onlineOnly =
    locations.length === 0 &&
    !delivery.includes('in-person') &&
    (places.includes('virtual') ||
      statedRemoteOnly([...list(record.delivery), record.deliverable_type, record.attending_type]));
  // A service for the whole country, or one with no place to go and no area, is there for all of Essex.
  const countyWide =
    areas.wholeCounty || national || (placeless && (onlineOnly || meansWholeCounty(aboutText)));

  const feesDescription = reading.line(record.fees_description);
  const fees = reading.line(record.fees);
  const costOptions = (record.cost_options ?? []).filter((option, i) => {
    if (option.amount === undefined || option.amount >= 0) return true;
    reading.warn(`cost_options[${i}].amount`, option.amount, 'is less than nothing; left out');
    return false;
  });
  const { free, cost } = costOf(costOptions, { feesDescription, fees });

  const languages = [
    ...new Set(
      (record.languages ?? []).map(languageCode).filter((code): code is string => code !== undefined),
    ),
  ];

  const service: Service = compact({
    id: serviceId,
    name,
    organization: reading.line(record.organization?.name) ?? '',
    organizationId: present(record.organization?.id) ?? present(record.organization_id),
    description: description?.text ?? '',
    descriptionBlocks: description?.blocks,
    summary: facts.summary,
    easyRead: facts.easyRead,
    alert: reading.text(record.alert),
    applicationProcess: reading.text(record.application_process),
    eligibility,
    audience: audience.labels.length > 0 ? audience.labels : undefined,
    themes: classified.themes,
    whoFor: classified.whoFor,
    minAge,
    maxAge,
    free,
    cost,
    delivery,
    districts,
    countyWide,
    national: national || undefined,
    onlineOnly: onlineOnly || undefined,
    locations,
    schedules,
    phone,
    email,
    url,
    languages,
    taxonomy,
    lastChecked,
    updatedAt,
    sample: facts.sample ? true : undefined,
  });
  return {
    ok: true,
    service,
    warnings: reading.warnings,
    sourceDescription:
      record.description !== undefined && record.description !== service.description
        ? record.description
        : undefined,
  };
}
