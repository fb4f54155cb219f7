/**
 * What the find-support filters mean to a person: how many are on, each one by itself (so it can be
 * removed), and whether a postcode or age they typed can be used.
 */
import { formatAge, MAX_AGE, parseAge, type AgeRange, type Filters } from '../../../domain/search/filters.ts';
import { lookupPostcode, normalisePostcode } from '../../../domain/place/postcodes.ts';
import type { Delivery, District, Theme, WhoFor } from '../../../domain/service-terms.ts';

export type ActiveFilter =
  | { kind: 'theme'; value: Theme }
  | { kind: 'district'; value: District }
  | { kind: 'postcode'; value: string; radius: number }
  | { kind: 'near'; radius: number }
  | { kind: 'whoFor'; value: WhoFor }
  | { kind: 'age'; value: AgeRange }
  | { kind: 'free' }
  | { kind: 'delivery'; value: Delivery }
  | { kind: 'openNow' };

/** Every filter that is on, one entry per value; the text query and sort order are not filters. */
export function activeFilters(filters: Filters, defaultRadius: number): ActiveFilter[] {
  const radius = filters.radius ?? defaultRadius;
  const active: ActiveFilter[] = [];
  for (const value of filters.themes ?? []) active.push({ kind: 'theme', value });
  if (filters.district) active.push({ kind: 'district', value: filters.district });
  if (filters.near) active.push({ kind: 'near', radius });
  else if (filters.postcode) active.push({ kind: 'postcode', value: filters.postcode, radius });
  for (const value of filters.whoFor ?? []) active.push({ kind: 'whoFor', value });
  if (filters.age) active.push({ kind: 'age', value: filters.age });
  if (filters.free) active.push({ kind: 'free' });
  for (const value of filters.delivery ?? []) active.push({ kind: 'delivery', value });
  if (filters.openNow) active.push({ kind: 'openNow' });
  return active;
}

function without<T>(list: readonly T[] | undefined, value: T): T[] | undefined {
  const rest = (list ?? []).filter((item) => item !== value);
  return rest.length > 0 ? rest : undefined;
}

/** The filters with one of them taken off. */
export function removeFilter(filters: Filters, filter: ActiveFilter): Filters {
  const next: Filters = { ...filters };
  switch (filter.kind) {
    case 'theme':
      next.themes = without(filters.themes, filter.value);
      break;
    case 'district':
      delete next.district;
      break;
    case 'postcode':
    case 'near':
      delete next.postcode;
      delete next.near;
      delete next.radius;
      break;
    case 'whoFor':
      next.whoFor = without(filters.whoFor, filter.value);
      break;
    case 'age':
      delete next.age;
      break;
    case 'free':
      delete next.free;
      break;
    case 'delivery':
      next.delivery = without(filters.delivery, filter.value);
      break;
    case 'openNow':
      delete next.openNow;
      break;
  }
  return next;
}

/** Only the text query survives "clear all filters". */
export function clearFilters(filters: Filters): Filters {
  return filters.q ? { q: filters.q } : {};
}

export type PostcodeCheck =
  { postcode: string } | { postcode?: undefined; error: 'invalid' | 'not-essex' | 'unknown' };

/** A postcode typed by a person: its canonical form if it is in Essex, or why it cannot be used. */
export function checkPostcode(input: string): PostcodeCheck {
  const postcode = normalisePostcode(input);
  if (!postcode) return { error: 'invalid' };
  const found = lookupPostcode(postcode);
  if ('error' in found) return { error: found.error };
  return { postcode };
}

export type AgeCheck = { age: AgeRange } | { age?: undefined; error: 'invalid' | 'range' };

/** An age typed by a person: a whole number from 0 to 120 (a band from a shared link, "18-64", is kept). */
export function checkAge(input: string): AgeCheck {
  const text = input.trim();
  if (!/^\d+$/.test(text)) {
    const band = parseAge(text);
    return band ? { age: band } : { error: 'invalid' };
  }
  const age = parseAge(text);
  if (!age || Number(text) > MAX_AGE) return { error: 'range' };
  return { age };
}

/** An age as the person would type it back: "70", or a band as the link had it ("18-64", "65-"). */
export function ageText(age: AgeRange | undefined): string {
  return age ? formatAge(age) : '';
}
