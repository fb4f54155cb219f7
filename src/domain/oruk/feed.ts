import { shown } from './checks.ts';

/**
 * Raw service records from any feed JSON: a service, a list, a paged envelope, an organization, a
 * service_at_location or an HSDS data package. Junk is handed on, not dropped, so `toService` reports it.
 */

export interface FeedPaging {
  totalItems?: number;
  totalPages?: number;
  pageNumber?: number;
}

export type FeedExtract =
  | {
      ok: true;
      records: unknown[];
      paging: FeedPaging;
      /** Taxonomy terms the payload carried on their own (a taxonomy_term list), for the themes mapping. */
      terms: { id: string; name: string }[];
    }
  | { ok: false; error: string };

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function whole(value: unknown): number | undefined {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) && number >= 0 ? number : undefined;
}

const SERVICE_FIELDS = [
  'status',
  'service_at_locations',
  'organization',
  'organization_id',
  'schedules',
  'url',
];

function isTaxonomyTerm(item: Json): boolean {
  const termish =
    'taxonomy' in item || 'taxonomy_detail' in item || 'term_uri' in item || 'parent_id' in item;
  return termish && !SERVICE_FIELDS.some((field) => field in item);
}

function isOrganization(item: Json): boolean {
  return Array.isArray(item.services) && !('service_at_locations' in item);
}

function isServiceAtLocation(item: Json): boolean {
  return isObject(item.service) && !('name' in item);
}

function withOrganization(service: unknown, organization: Json): unknown {
  if (!isObject(service) || isObject(service.organization)) return service;
  const { services: _services, ...rest } = organization;
  return { ...service, organization: rest };
}

function fromServiceAtLocation(item: Json): unknown {
  const { service, ...sal } = item;
  if (!isObject(service) || Array.isArray(service.service_at_locations)) return service;
  return { ...service, service_at_locations: [sal] };
}

/** An item of a list or page → the service records it holds. */
function recordsIn(item: unknown): unknown[] {
  if (!isObject(item)) return [item];
  if (isOrganization(item)) return list(item.services).map((service) => withOrganization(service, item));
  if (isServiceAtLocation(item)) return [fromServiceAtLocation(item)];
  return [item];
}

function termOf(item: unknown): { id: string; name: string }[] {
  if (!isObject(item) || typeof item.id !== 'string' || typeof item.name !== 'string') return [];
  return [{ id: item.id, name: item.name }];
}

function byKey(items: unknown[], key: string): Map<string, Json[]> {
  const index = new Map<string, Json[]>();
  for (const item of items) {
    if (!isObject(item) || typeof item[key] !== 'string') continue;
    const found = index.get(item[key]);
    if (found) found.push(item);
    else index.set(item[key], [item]);
  }
  return index;
}

/** HSDS 3.0 tabular form: flat lists (services, organizations, locations...) linked by id → nested services. */
function linkPackage(root: Json): unknown[] {
  const organizations = byKey(list(root.organizations), 'id');
  const locations = byKey(list(root.locations), 'id');
  const addresses = byKey(list(root.addresses), 'location_id');
  const accessibility = byKey(list(root.accessibility), 'location_id');
  const sals = byKey(list(root.service_at_locations), 'service_id');
  const phones = byKey(list(root.phones), 'service_id');
  const schedules = byKey(list(root.schedules), 'service_id');
  const areas = byKey(list(root.service_areas), 'service_id');
  const costs = byKey(list(root.cost_options), 'service_id');
  const languages = byKey(list(root.languages), 'service_id');
  const attributes = byKey(list(root.attributes), 'link_id');
  const terms = byKey(list(root.taxonomy_terms), 'id');
  const fill = (service: Json, field: string, found: unknown) =>
    field in service || found === undefined ? {} : { [field]: found };

  return list(root.services).map((service) => {
    if (!isObject(service)) return service;
    const id = typeof service.id === 'string' ? service.id : '';
    const organization =
      typeof service.organization_id === 'string'
        ? organizations.get(service.organization_id)?.[0]
        : undefined;
    const placed = sals.get(id)?.map((sal) => {
      const location = typeof sal.location_id === 'string' ? locations.get(sal.location_id)?.[0] : undefined;
      if (!location || 'location' in sal) return sal;
      const locationId = String(location.id);
      return {
        ...sal,
        location: {
          ...location,
          ...fill(location, 'addresses', addresses.get(locationId)),
          ...fill(location, 'accessibility', accessibility.get(locationId)),
        },
      };
    });
    const linkedAttributes = attributes.get(id)?.map((attribute) => {
      const term =
        typeof attribute.taxonomy_term_id === 'string' ? terms.get(attribute.taxonomy_term_id) : undefined;
      return term && !('taxonomy_term' in attribute) ? { ...attribute, taxonomy_term: term[0] } : attribute;
    });
    return {
      ...service,
      ...fill(service, 'organization', organization),
      ...fill(service, 'service_at_locations', placed),
      ...fill(service, 'phones', phones.get(id)),
      ...fill(service, 'schedules', schedules.get(id)),
      ...fill(service, 'service_areas', areas.get(id)),
      ...fill(service, 'cost_options', costs.get(id)),
      ...fill(service, 'languages', languages.get(id)),
      ...fill(service, 'attributes', linkedAttributes),
    };
  });
}

/** Any parsed JSON → the raw service records in it and the paging it declares. Never throws. */
export function extractServices(json: unknown): FeedExtract {
  if (Array.isArray(json)) {
    const terms = json.filter((item) => isObject(item) && isTaxonomyTerm(item));
    if (json.length > 0 && terms.length === json.length) {
      return { ok: true, records: [], paging: {}, terms: terms.flatMap(termOf) };
    }
    return { ok: true, records: json.flatMap(recordsIn), paging: {}, terms: [] };
  }
  if (!isObject(json)) {
    return { ok: false, error: `expected a JSON object or list of services, got ${shown(json)}` };
  }
  if (Array.isArray(json.contents)) {
    const paging: FeedPaging = {
      totalItems: whole(json.total_items),
      totalPages: whole(json.total_pages),
      pageNumber: whole(json.page_number),
    };
    const items = json.contents;
    const terms = items.filter((item) => isObject(item) && isTaxonomyTerm(item));
    if (items.length > 0 && terms.length === items.length) {
      return { ok: true, records: [], paging, terms: terms.flatMap(termOf) };
    }
    return { ok: true, records: items.flatMap(recordsIn), paging, terms: [] };
  }
  if (Array.isArray(json.services) && !('name' in json)) {
    return {
      ok: true,
      records: linkPackage(json),
      paging: {},
      terms: list(json.taxonomy_terms).flatMap(termOf),
    };
  }
  if (isTaxonomyTerm(json)) return { ok: true, records: [], paging: {}, terms: termOf(json) };
  return { ok: true, records: recordsIn(json), paging: {}, terms: [] };
}
