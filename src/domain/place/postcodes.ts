import type { District } from '../service-terms.ts';
import {
  DISTRICT_CENTROIDS,
  ESSEX_OUTWARD_CODES,
  ESSEX_POSTCODE_AREAS,
  NEIGHBOURING_OUTWARD_CODES,
} from './postcode-districts.ts';

export interface LatLng {
  lat: number;
  lng: number;
}

export interface ParsedPostcode {
  /** The outward code, e.g. "CM1". */
  outward: string;
  /** The inward code, e.g. "1QH", when a full postcode was given. */
  inward?: string;
  /** Canonical form: "CM1 1QH", or the outward code alone. */
  formatted: string;
}

export type PostcodeLookup =
  | {
      outward: string;
      lat: number;
      lng: number;
      /** The Essex County Council district; absent for Southend-on-Sea and Thurrock. */
      district?: District;
      unitary?: 'southend-on-sea' | 'thurrock';
    }
  | { error: 'invalid' | 'not-essex' | 'unknown' };

const OUTWARD = /^[A-Z]{1,2}[0-9][A-Z0-9]?$/;
const INWARD = /^[0-9][A-Z]{2}$/;

/**
 * Reads a full UK postcode ("cm1 1qh", "CM11QH") or an outward code alone ("cm1"), tolerant of case and
 * spaces. Returns null when it cannot be a postcode.
 */
export function parsePostcode(input: string): ParsedPostcode | null {
  const compact = input.toUpperCase().replace(/\s+/g, '');
  if (compact.length < 2 || compact.length > 7) return null;
  if (compact.length >= 5) {
    const outward = compact.slice(0, -3);
    const inward = compact.slice(-3);
    if (INWARD.test(inward) && OUTWARD.test(outward)) {
      return { outward, inward, formatted: `${outward} ${inward}` };
    }
  }
  if (OUTWARD.test(compact)) return { outward: compact, formatted: compact };
  return null;
}

/** The canonical form of a postcode or outward code ("CM1 1QH", "CM1"), or null if it is not one. */
export function normalisePostcode(input: string): string | null {
  return parsePostcode(input)?.formatted ?? null;
}

/**
 * Where a postcode is, offline, to the accuracy of its outward code (a mile or two). Outside Essex is
 * 'not-essex'; an Essex-looking outward code the table does not hold is 'unknown'.
 */
export function lookupPostcode(input: string): PostcodeLookup {
  const parsed = parsePostcode(input);
  if (!parsed) return { error: 'invalid' };
  const { outward } = parsed;
  const entry = ESSEX_OUTWARD_CODES[outward];
  if (entry) {
    const found: PostcodeLookup = { outward, lat: entry.lat, lng: entry.lng };
    if (entry.district) found.district = entry.district;
    if (entry.unitary) found.unitary = entry.unitary;
    return found;
  }
  const area = /^[A-Z]+/.exec(outward)?.[0] ?? '';
  if (!ESSEX_POSTCODE_AREAS.has(area) || NEIGHBOURING_OUTWARD_CODES.has(outward))
    return { error: 'not-essex' };
  return { error: 'unknown' };
}

const EARTH_RADIUS_MILES = 3958.8;

/** Great-circle distance in miles. */
export function haversineMiles(a: LatLng, b: LatLng): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_MILES * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The approximate centre of a district (its main town). */
export function districtCentroid(district: District): LatLng {
  const { lat, lng } = DISTRICT_CENTROIDS[district];
  return { lat, lng };
}

/**
 * The district whose outward code centre is nearest, or undefined when the point is further than
 * `maxMiles` from every Essex outward code (so outside Essex) or nearest to Southend-on-Sea or Thurrock.
 */
export function nearestDistrict(point: LatLng, maxMiles = 8): District | undefined {
  let best: { miles: number; district?: District } | undefined;
  for (const entry of Object.values(ESSEX_OUTWARD_CODES)) {
    const miles = haversineMiles(point, entry);
    if (!best || miles < best.miles) best = { miles, district: entry.district };
  }
  return best && best.miles <= maxMiles ? best.district : undefined;
}
