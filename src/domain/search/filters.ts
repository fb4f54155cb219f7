import { z } from 'zod/mini';
import { haversineMiles, lookupPostcode, nearestDistrict, normalisePostcode } from '../place/postcodes.ts';
import type { LatLng } from '../place/postcodes.ts';
import { DELIVERY, Delivery, District, THEMES, Theme, WHO_FOR, WhoFor } from '../service-terms.ts';
import type { Service } from '../service.ts';
// Only the type: the index and its word lists stay out of pages that merely read filters from an address.
import type { ServiceIndex } from './index.ts';

export const SORTS = ['relevance', 'distance', 'name'] as const;
export const Sort = z.enum(SORTS);
export type Sort = z.infer<typeof Sort>;

/** The oldest age the filters accept; an age range "65-" runs to here. */
export const MAX_AGE = 120;
/** How far "near" reaches when a place is given without a radius. */
export const DEFAULT_RADIUS_MILES = 10;
export const MAX_RADIUS_MILES = 100;
export const MAX_QUERY_LENGTH = 200;

const Age = z.int().check(z.gte(0), z.lte(MAX_AGE));
/** An age, or a band of ages ("18-64", "65 and over"); a single age has from === to. */
export const AgeRange = z.object({ from: Age, to: Age });
export type AgeRange = z.infer<typeof AgeRange>;

export const LatLngSchema = z.object({
  lat: z.number().check(z.gte(-90), z.lte(90)),
  lng: z.number().check(z.gte(-180), z.lte(180)),
});

/** A guided-help need id, e.g. "hospital" (see `domain/guided`). */
export const NeedId = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,39}$/));

/**
 * What the find-support page is showing. Every part is optional; lists match any of their values.
 * `age` is a person's age (from === to) or a band; a service matches when its age range overlaps it.
 */
export const Filters = z.object({
  q: z.optional(z.string().check(z.maxLength(MAX_QUERY_LENGTH))),
  themes: z.optional(z.array(Theme)),
  district: z.optional(District),
  /** Canonical postcode or outward code ("CM1 1QH", "CM1"); gives the origin when `near` is absent. */
  postcode: z.optional(z.string()),
  near: z.optional(LatLngSchema),
  radius: z.optional(z.number().check(z.positive(), z.lte(MAX_RADIUS_MILES))),
  whoFor: z.optional(z.array(WhoFor)),
  age: z.optional(AgeRange),
  free: z.optional(z.boolean()),
  delivery: z.optional(z.array(Delivery)),
  openNow: z.optional(z.boolean()),
  /** Guided-help needs; matched by the caller's `matchesNeeds` predicate. */
  needs: z.optional(z.array(NeedId)),
  sort: z.optional(Sort),
});
export type Filters = z.infer<typeof Filters>;

/**
 * URL parameter names. Short and stable: saved and shared links depend on them.
 * q, theme, district, postcode, near=lat,lng, radius (miles), for, age (70 | 18-64 | 65-), free=1,
 * via, open=1, need, sort. List parameters may repeat or hold a comma list.
 */
export const PARAM = {
  q: 'q',
  themes: 'theme',
  district: 'district',
  postcode: 'postcode',
  near: 'near',
  radius: 'radius',
  whoFor: 'for',
  age: 'age',
  free: 'free',
  delivery: 'via',
  openNow: 'open',
  needs: 'need',
  sort: 'sort',
} as const satisfies Record<keyof Filters, string>;

function listParam(params: URLSearchParams, name: string): string[] {
  return params
    .getAll(name)
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter((value) => value.length > 0);
}

/** Known values only, once each, in the canonical order of `allowed`. */
function enumList<T extends string>(values: string[], allowed: readonly T[]): T[] | undefined {
  const picked = allowed.filter((value) => values.includes(value));
  return picked.length > 0 ? picked : undefined;
}

function isTrue(value: string | null): boolean {
  return value === '1' || value === 'true';
}

function round(value: number, places: number): number {
  const factor = 10 ** places;
  return Math.round(value * factor) / factor;
}

export function parseAge(value: string | null | undefined): AgeRange | undefined {
  if (!value) return undefined;
  const match = /^\s*(\d{1,3})\s*(?:(-|\+)\s*(\d{1,3})?)?\s*$/.exec(value);
  if (!match) return undefined;
  const from = Number(match[1]);
  const to = match[2] === undefined ? from : match[3] === undefined ? MAX_AGE : Number(match[3]);
  if (match[2] === '+' && match[3] !== undefined) return undefined;
  const parsed = AgeRange.safeParse({ from, to });
  return parsed.success && from <= to ? parsed.data : undefined;
}

export function formatAge(age: AgeRange): string {
  if (age.from === age.to) return String(age.from);
  if (age.to >= MAX_AGE) return `${age.from}-`;
  return `${age.from}-${age.to}`;
}

function parseNear(value: string | null): LatLng | undefined {
  if (!value) return undefined;
  const parts = value.split(',');
  if (parts.length !== 2) return undefined;
  const [lat, lng] = parts.map((part) => (part.trim() === '' ? NaN : Number(part)));
  const parsed = LatLngSchema.safeParse({ lat, lng });
  return parsed.success ? { lat: round(parsed.data.lat, 3), lng: round(parsed.data.lng, 3) } : undefined;
}

/**
 * Reads filters from a page's URL. Anything unknown or malformed is dropped; this never throws. A
 * device location is kept to three decimal places (about 100 m), which is all a shared link needs.
 */
export function filtersFromSearchParams(params: URLSearchParams): Filters {
  const filters: Filters = {};
  const q = (params.get(PARAM.q) ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_LENGTH);
  if (q) filters.q = q;
  const themes = enumList(listParam(params, PARAM.themes), THEMES);
  if (themes) filters.themes = themes;
  const district = District.safeParse(params.get(PARAM.district));
  if (district.success) filters.district = district.data;
  const postcode = normalisePostcode(params.get(PARAM.postcode) ?? '');
  if (postcode) filters.postcode = postcode;
  const near = parseNear(params.get(PARAM.near));
  if (near) filters.near = near;
  const radiusText = params.get(PARAM.radius);
  const radius = Filters.shape.radius.safeParse(radiusText ? Number(radiusText) : undefined);
  if (radius.success && radius.data !== undefined) filters.radius = radius.data;
  const whoFor = enumList(listParam(params, PARAM.whoFor), WHO_FOR);
  if (whoFor) filters.whoFor = whoFor;
  const age = parseAge(params.get(PARAM.age));
  if (age) filters.age = age;
  if (isTrue(params.get(PARAM.free))) filters.free = true;
  const delivery = enumList(listParam(params, PARAM.delivery), DELIVERY);
  if (delivery) filters.delivery = delivery;
  if (isTrue(params.get(PARAM.openNow))) filters.openNow = true;
  const needs = [...new Set(listParam(params, PARAM.needs))].filter((id) => NeedId.safeParse(id).success);
  if (needs.length > 0) filters.needs = needs;
  const sort = Sort.safeParse(params.get(PARAM.sort));
  if (sort.success) filters.sort = sort.data;
  return filters;
}

/** Writes filters as URL parameters in a fixed order, lists in canonical order, so equal filters give equal URLs. */
export function filtersToSearchParams(filters: Filters): URLSearchParams {
  const params = new URLSearchParams();
  const q = filters.q?.replace(/\s+/g, ' ').trim();
  if (q) params.set(PARAM.q, q);
  const themes = enumList(filters.themes ?? [], THEMES);
  if (themes) params.set(PARAM.themes, themes.join(','));
  if (filters.district && District.safeParse(filters.district).success) {
    params.set(PARAM.district, filters.district);
  }
  const postcode = filters.postcode ? normalisePostcode(filters.postcode) : null;
  if (postcode) params.set(PARAM.postcode, postcode);
  if (filters.near && LatLngSchema.safeParse(filters.near).success) {
    params.set(PARAM.near, `${round(filters.near.lat, 3)},${round(filters.near.lng, 3)}`);
  }
  if (filters.radius !== undefined && Filters.shape.radius.safeParse(filters.radius).success) {
    params.set(PARAM.radius, String(filters.radius));
  }
  const whoFor = enumList(filters.whoFor ?? [], WHO_FOR);
  if (whoFor) params.set(PARAM.whoFor, whoFor.join(','));
  if (filters.age && AgeRange.safeParse(filters.age).success && filters.age.from <= filters.age.to) {
    params.set(PARAM.age, formatAge(filters.age));
  }
  if (filters.free) params.set(PARAM.free, '1');
  const delivery = enumList(filters.delivery ?? [], DELIVERY);
  if (delivery) params.set(PARAM.delivery, delivery.join(','));
  if (filters.openNow) params.set(PARAM.openNow, '1');
  const needs = [...new Set(filters.needs ?? [])].filter((id) => NeedId.safeParse(id).success);
  if (needs.length > 0) params.set(PARAM.needs, needs.join(','));
  if (filters.sort && Sort.safeParse(filters.sort).success) params.set(PARAM.sort, filters.sort);
  return params;
}

export interface FilterContext {
  /** "Open now" as the caller computes it (see `domain/schedule`); without it, `openNow` is not applied. */
  isOpen?: (service: Service) => boolean;
  /** Where distances are measured from; overrides `near` and `postcode` in the filters. */
  origin?: LatLng;
  /** The search index, for `q`. Without it a throwaway index is built from `services` (slow: tests only). */
  index?: ServiceIndex;
  /** Whether a service meets any of the guided-help needs; without it, `needs` is not applied. */
  matchesNeeds?: (service: Service, needs: readonly string[]) => boolean;
}

export interface ResultItem {
  service: Service;
  /** Miles from the origin to the service's nearest location, when there is an origin and a location. */
  distanceMiles?: number;
  /**
   * True when the service is here because it covers the whole county, not because it is in the place
   * asked for (or, with no place asked for, when it is county-wide). The UI labels these.
   */
  countyWide: boolean;
  /** Text relevance, when there is a query: higher is better. */
  score?: number;
}

export interface ResolvedPlace {
  origin?: LatLng;
  /** The district the origin is in, when known. */
  originDistrict?: District;
  radius: number;
}

/** Where distances are measured from: the caller's origin, else `near`, else the postcode's centre. */
export function resolvePlace(filters: Filters, ctx: Pick<FilterContext, 'origin'> = {}): ResolvedPlace {
  const radius = filters.radius ?? DEFAULT_RADIUS_MILES;
  const looked = filters.postcode ? lookupPostcode(filters.postcode) : undefined;
  const fromPostcode = looked && !('error' in looked) ? looked : undefined;
  const origin =
    ctx.origin ?? filters.near ?? (fromPostcode && { lat: fromPostcode.lat, lng: fromPostcode.lng });
  if (!origin) return { radius };
  const originDistrict =
    !ctx.origin && !filters.near && fromPostcode ? fromPostcode.district : nearestDistrict(origin);
  return originDistrict ? { origin, originDistrict, radius } : { origin, radius };
}

/** Miles from a point to the nearest of the service's located places; undefined when none is located. */
export function nearestLocationMiles(service: Service, origin: LatLng): number | undefined {
  let nearest: number | undefined;
  for (const location of service.locations) {
    if (location.lat === undefined || location.lng === undefined) continue;
    const miles = haversineMiles(origin, { lat: location.lat, lng: location.lng });
    if (nearest === undefined || miles < nearest) nearest = miles;
  }
  return nearest;
}

/** True when the service has a place in the district or says it serves it. */
export function servesDistrict(service: Service, district: District): boolean {
  return (
    service.districts.includes(district) ||
    service.locations.some((location) => location.district === district)
  );
}

/** True when the service's age range overlaps the asked age or band. */
export function agesOverlap(service: Service, age: AgeRange): boolean {
  const min = service.minAge ?? 0;
  const max = service.maxAge ?? Number.POSITIVE_INFINITY;
  return min <= age.to && max >= age.from;
}

function intersects<T>(have: readonly T[], want: readonly T[] | undefined): boolean {
  return !want || want.length === 0 || want.some((value) => have.includes(value));
}

/** The filters that do not depend on place or text: theme, who for, age, cost, delivery, open now, needs. */
export function matchesAttributes(service: Service, filters: Filters, ctx: FilterContext = {}): boolean {
  if (!intersects(service.themes, filters.themes)) return false;
  if (!intersects(service.whoFor, filters.whoFor)) return false;
  if (filters.age && !agesOverlap(service, filters.age)) return false;
  if (filters.free && !service.free) return false;
  if (!intersects(service.delivery, filters.delivery)) return false;
  if (filters.openNow && ctx.isOpen && !ctx.isOpen(service)) return false;
  if (filters.needs && filters.needs.length > 0 && ctx.matchesNeeds) {
    if (!ctx.matchesNeeds(service, filters.needs)) return false;
  }
  return true;
}

/**
 * Where a service stands relative to a place: 'local' (in the district, within the radius, or serving
 * the origin's district), 'county-wide' (not local but covers all of Essex) or null (elsewhere).
 */
export function placeMatch(
  service: Service,
  filters: Pick<Filters, 'district'>,
  place: ResolvedPlace,
): { match: 'local' | 'county-wide' | null; distanceMiles?: number } {
  let local = true;
  if (filters.district && !servesDistrict(service, filters.district)) local = false;
  let distanceMiles: number | undefined;
  if (place.origin) {
    distanceMiles = nearestLocationMiles(service, place.origin);
    const near = distanceMiles !== undefined && distanceMiles <= place.radius;
    const sameArea = place.originDistrict !== undefined && servesDistrict(service, place.originDistrict);
    if (!near && !sameArea) local = false;
  }
  const match = local ? 'local' : service.countyWide ? 'county-wide' : null;
  return distanceMiles === undefined ? { match } : { match, distanceMiles };
}
