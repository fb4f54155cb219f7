import { describe, expect, it } from 'vitest';
import {
  activeFilters,
  checkAge,
  checkPostcode,
  clearFilters,
  removeFilter,
} from '../../src/app/features/directory/filter-state.ts';
import {
  DEFAULT_RADIUS_MILES,
  filtersFromSearchParams,
  filtersToSearchParams,
  type Filters,
} from '../../src/domain/search/filters.ts';

const fromUrl = (query: string) => filtersFromSearchParams(new URLSearchParams(query));

describe('the filters that are on', () => {
  it('counts each chosen value, and not the search words', () => {
    const filters = fromUrl('q=carers&theme=carers,housing&for=autism&free=1&open=1&via=phone&age=70');
    expect(activeFilters(filters, DEFAULT_RADIUS_MILES)).toHaveLength(7);
    expect(activeFilters(fromUrl('q=carers'), DEFAULT_RADIUS_MILES)).toEqual([]);
  });

  it('takes one filter off and leaves the rest, so the address still round-trips', () => {
    const filters = fromUrl('q=lunch&theme=carers,housing&district=maldon&free=1');
    const [carers] = activeFilters(filters, DEFAULT_RADIUS_MILES);
    const next = removeFilter(filters, carers!);
    expect(filtersToSearchParams(next).toString()).toBe('q=lunch&theme=housing&district=maldon&free=1');
  });

  it('takes a postcode off with its distance', () => {
    const filters = fromUrl('postcode=cm11qh&radius=5');
    const active = activeFilters(filters, DEFAULT_RADIUS_MILES);
    expect(active).toEqual([{ kind: 'postcode', value: 'CM1 1QH', radius: 5 }]);
    expect(filtersToSearchParams(removeFilter(filters, active[0]!)).toString()).toBe('');
  });

  it('shows a device location as "near you" rather than its coordinates', () => {
    const filters = fromUrl('near=51.736,0.469');
    expect(activeFilters(filters, DEFAULT_RADIUS_MILES)).toEqual([
      { kind: 'near', radius: DEFAULT_RADIUS_MILES },
    ]);
  });

  it('keeps the search words when every filter is cleared', () => {
    const filters: Filters = { q: 'walks', free: true, themes: ['housing'] };
    expect(clearFilters(filters)).toEqual({ q: 'walks' });
    expect(clearFilters({ free: true })).toEqual({});
  });
});

describe('a typed postcode', () => {
  it('is tidied into its usual form when it is in Essex', () => {
    expect(checkPostcode(' cm1 1qh ')).toEqual({ postcode: 'CM1 1QH' });
    expect(checkPostcode('co15')).toEqual({ postcode: 'CO15' });
  });

  it('says why it cannot be used: not a postcode, not in Essex, or not known', () => {
    expect(checkPostcode('hello')).toEqual({ error: 'invalid' });
    expect(checkPostcode('SW1A 1AA')).toEqual({ error: 'not-essex' });
    expect(checkPostcode('CM99 1AA')).toEqual({ error: 'unknown' });
  });
});

describe('a typed age', () => {
  it('is a whole number from 0 to 120', () => {
    expect(checkAge('70')).toEqual({ age: { from: 70, to: 70 } });
    expect(checkAge(' 0 ')).toEqual({ age: { from: 0, to: 0 } });
    expect(checkAge('121')).toEqual({ error: 'range' });
    expect(checkAge('seventy')).toEqual({ error: 'invalid' });
    expect(checkAge('7.5')).toEqual({ error: 'invalid' });
  });

  it('keeps a band from a shared link', () => {
    expect(checkAge('18-64')).toEqual({ age: { from: 18, to: 64 } });
  });
});
