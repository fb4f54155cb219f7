/**
 * Finding services: the filters applied to the directory, then ranked. Apart from `filters.ts` so that
 * pages which only read and write filters do not load the search index and its word lists, which the
 * search worker alone needs.
 */
import type { Service } from '../service.ts';
import {
  matchesAttributes,
  placeMatch,
  resolvePlace,
  type FilterContext,
  type Filters,
  type ResultItem,
  type Sort,
} from './filters.ts';
import { createServiceIndex, searchServicesScored } from './index.ts';

/**
 * The services that meet the filters, in directory order (use `rankResults` to order them). A district
 * or place keeps the services there plus county-wide ones, which are flagged `countyWide`.
 */
export function applyFilters(
  services: readonly Service[],
  filters: Filters,
  ctx: FilterContext = {},
): ResultItem[] {
  let scores: Map<string, number> | undefined;
  const q = filters.q?.trim();
  if (q) {
    const ranked = searchServicesScored(ctx.index ?? createServiceIndex(services), q);
    if (ranked) scores = new Map(ranked.map((result) => [result.id, result.score]));
  }
  const place = resolvePlace(filters, ctx);
  const placeAsked = filters.district !== undefined || place.origin !== undefined;
  const items: ResultItem[] = [];
  for (const service of services) {
    const score = scores?.get(service.id);
    if (scores && score === undefined) continue;
    if (!matchesAttributes(service, filters, ctx)) continue;
    const { match, distanceMiles } = placeMatch(service, filters, place);
    if (match === null) continue;
    const item: ResultItem = {
      service,
      countyWide: placeAsked ? match === 'county-wide' : service.countyWide,
    };
    if (distanceMiles !== undefined) item.distanceMiles = distanceMiles;
    if (score !== undefined) item.score = score;
    items.push(item);
  }
  return items;
}

/** The order results take: as asked, else by distance when there is a place, by relevance for a query, else by name. */
export function effectiveSort(filters: Filters, ctx: Pick<FilterContext, 'origin'> = {}): Sort {
  const hasOrigin = resolvePlace(filters, ctx).origin !== undefined;
  const hasQuery = Boolean(filters.q?.trim());
  if (filters.sort === 'distance' && hasOrigin) return 'distance';
  if (filters.sort === 'relevance' && hasQuery) return 'relevance';
  if (filters.sort === 'name') return 'name';
  if (hasOrigin) return 'distance';
  return hasQuery ? 'relevance' : 'name';
}

const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });

function byName(a: ResultItem, b: ResultItem): number {
  return collator.compare(a.service.name, b.service.name) || (a.service.id < b.service.id ? -1 : 1);
}

function byScore(a: ResultItem, b: ResultItem): number {
  return (b.score ?? 0) - (a.score ?? 0);
}

/**
 * With a place asked for, a county-wide service comes before a local one only when it answers at least
 * twice as well: someone who chose Chelmsford wants Chelmsford's carers' café before the county's line.
 */
const COUNTY_WIDE_RELEVANCE = 0.5;

function byLocalScore(a: ResultItem, b: ResultItem): number {
  const weigh = (item: ResultItem) => (item.score ?? 0) * (item.countyWide ? COUNTY_WIDE_RELEVANCE : 1);
  return weigh(b) - weigh(a);
}

function byDistance(a: ResultItem, b: ResultItem): number {
  const da = a.distanceMiles ?? Number.POSITIVE_INFINITY;
  const db = b.distanceMiles ?? Number.POSITIVE_INFINITY;
  return da === db ? 0 : da < db ? -1 : 1;
}

function localFirst(a: ResultItem, b: ResultItem): number {
  return Number(a.countyWide) - Number(b.countyWide);
}

/**
 * Orders filtered results. By distance: local services nearest first, then the county-wide ones (by
 * relevance or name). By relevance: best text match first. By name: A to Z, local before county-wide
 * when a place was asked for.
 */
export function rankResults(
  items: readonly ResultItem[],
  filters: Filters,
  ctx: Pick<FilterContext, 'origin'> = {},
): ResultItem[] {
  const sort = effectiveSort(filters, ctx);
  const placeAsked = filters.district !== undefined || resolvePlace(filters, ctx).origin !== undefined;
  const compare = (a: ResultItem, b: ResultItem): number => {
    switch (sort) {
      case 'distance':
        return localFirst(a, b) || (a.countyWide ? 0 : byDistance(a, b)) || byScore(a, b) || byName(a, b);
      case 'relevance':
        return (
          (placeAsked ? byLocalScore(a, b) : byScore(a, b)) ||
          localFirst(a, b) ||
          byDistance(a, b) ||
          byName(a, b)
        );
      case 'name':
        return (placeAsked ? localFirst(a, b) : 0) || byName(a, b);
    }
  };
  return [...items].sort(compare);
}

/** `applyFilters` then `rankResults`: what the find-support page shows. */
export function findServices(
  services: readonly Service[],
  filters: Filters,
  ctx: FilterContext = {},
): ResultItem[] {
  return rankResults(applyFilters(services, filters, ctx), filters, ctx);
}
