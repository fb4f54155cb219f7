import { neighboursOf } from '../place/neighbouring-districts.ts';
import type { LatLng } from '../place/postcodes.ts';
import { districtCentroid, haversineMiles, normalisePostcode } from '../place/postcodes.ts';
import {
  matchesAttributes,
  nearestLocationMiles,
  placeMatch,
  resolvePlace,
  servesDistrict,
  type AgeRange,
  type Filters,
  type ResolvedPlace,
} from '../search/filters.ts';
import type { Service } from '../service.ts';
import { DELIVERY, DISTRICTS, type Delivery, type District } from '../service-terms.ts';
import { isCarerOnly, keywordScores, scoreMatch, targetsCarers, wordIndexOf } from './match.ts';
import {
  chosenAnswers,
  questionsWithRole,
  type Answer,
  type AnswerFilter,
  type AnswerMatch,
  type GuidedAnswers,
  type GuidedRules,
} from './rules.ts';

/** How a service that nobody has to travel to is reached: by phone, online, or either. */
export type RemoteWay = 'phone' | 'online' | 'phone-online';

/**
 * Structured reasons a service is on the shortlist, for the UI to word ("for carers · Chelmsford · free ·
 * open now"). In display order: who, where, cost, when, how, what kind. Where says how the service can
 * serve the person: in their district, near them, for all of Essex ("by phone anywhere in Essex"), by
 * phone or online with no area of its own, or in a district next to theirs ("in Braintree, 12 miles away").
 */
export type Reason =
  | { code: 'for-carers' }
  | { code: 'district'; district: District }
  | { code: 'near'; miles: number }
  | { code: 'county-wide'; via?: RemoteWay }
  | { code: 'remote'; via: RemoteWay }
  | { code: 'neighbouring'; district: District; miles: number }
  | { code: 'free' }
  | { code: 'open-now' }
  | { code: 'delivery'; delivery: Delivery }
  | { code: 'kind'; kind: string };

export interface ShortlistItem {
  service: Service;
  score: number;
  distanceMiles?: number;
  /** Here because it covers all of Essex rather than the place asked for (or county-wide, with no place). */
  countyWide: boolean;
  reasons: Reason[];
}

export interface ShortlistGroup {
  /** 'carer' for the carer's own group, the need's answer id, or 'all' when no need was chosen. */
  id: string;
  type: 'need' | 'carer' | 'all';
  /** i18n key for the group's heading. */
  key: string;
  icon?: string;
  /** The need may be urgent (staying safe): the UI puts help-now contacts first. */
  helpNow: boolean;
  /** Nothing matched in the place asked for, so the group reaches further. */
  widened: boolean;
  /**
   * How far it reached: to services anyone in Essex can use (county-wide, or by phone or online with no
   * area of their own), or also to services in the districts next to the place asked for. Never further.
   */
  widenedTo?: 'reach' | 'nearby';
  /** How many services matched in all, before the shortlist was cut to its limit. */
  total: number;
  items: ShortlistItem[];
}

export interface Shortlist {
  groups: ShortlistGroup[];
  /** Needs for which nothing matched anywhere (with the age, cost and delivery chosen). */
  unmatched: string[];
  /** Needs met only by services for other parts of Essex, too far from the place asked for to offer. */
  outOfReach: string[];
  /** Some chosen need may be urgent. */
  helpNow: boolean;
}

export interface ShortlistContext {
  rules: GuidedRules;
  /** "Open now", computed by the caller (see `domain/schedule`). */
  isOpen?: (service: Service) => boolean;
  /** A device location; overrides the postcode. */
  origin?: LatLng;
  /** Items per group; default 5. */
  limit?: number;
}

export const CARER_GROUP_KEY = 'guided.group.carer';
export const ALL_GROUP_KEY = 'guided.group.all';
export const DEFAULT_SHORTLIST_LIMIT = 5;

/** The answers, read against the rules. */
export interface ResolvedAnswers {
  carerGroup: boolean;
  district?: District;
  postcode?: string;
  needs: Answer[];
  kinds: Answer[];
  filter: { free?: true; delivery?: Delivery[]; age?: AgeRange };
  helpNow: boolean;
}

function mergeFilters(filters: AnswerFilter[]): ResolvedAnswers['filter'] {
  const merged: ResolvedAnswers['filter'] = {};
  if (filters.some((filter) => filter.free)) merged.free = true;
  const delivery = DELIVERY.filter((via) => filters.some((filter) => filter.delivery?.includes(via)));
  if (delivery.length > 0) merged.delivery = delivery;
  const ages = filters.flatMap((filter) => (filter.age ? [filter.age] : []));
  if (ages.length > 0) {
    merged.age = { from: Math.min(...ages.map((a) => a.from)), to: Math.max(...ages.map((a) => a.to)) };
  }
  return merged;
}

export function resolveAnswers(rules: GuidedRules, answers: GuidedAnswers): ResolvedAnswers {
  const chosen = (role: 'who' | 'where' | 'need' | 'kind' | 'filter'): Answer[] =>
    questionsWithRole(rules, role).flatMap((question) => chosenAnswers(question, answers));
  const where = chosen('where')[0];
  const needs = chosen('need');
  const resolved: ResolvedAnswers = {
    carerGroup: chosen('who').some((answer) => answer.carerGroup === true),
    needs,
    kinds: chosen('kind'),
    filter: mergeFilters(chosen('filter').flatMap((answer) => (answer.filter ? [answer.filter] : []))),
    helpNow: needs.some((answer) => answer.helpNow === true),
  };
  if (where?.input === 'district' && answers.district) resolved.district = answers.district;
  if (where?.input === 'postcode' && answers.postcode) {
    const postcode = normalisePostcode(answers.postcode);
    if (postcode) resolved.postcode = postcode;
  }
  return resolved;
}

/**
 * The find-support filters for the same answers, so "see everything that matches" opens the same
 * results: the place, age, cost and delivery, and the needs. For one group, `group` narrows it: 'carer'
 * gives services for carers, a need id gives that need.
 */
export function toFilters(answers: GuidedAnswers, rules: GuidedRules, group?: string): Filters {
  const resolved = resolveAnswers(rules, answers);
  const filters: Filters = {};
  if (resolved.district) filters.district = resolved.district;
  if (resolved.postcode) filters.postcode = resolved.postcode;
  if (resolved.filter.age) filters.age = resolved.filter.age;
  if (resolved.filter.free) filters.free = true;
  if (resolved.filter.delivery) filters.delivery = resolved.filter.delivery;
  if (group === 'carer') {
    filters.whoFor = ['carer-self'];
  } else if (group && group !== 'all') {
    if (resolved.needs.some((need) => need.id === group)) filters.needs = [group];
  } else if (!group && resolved.needs.length > 0) {
    filters.needs = resolved.needs.map((need) => need.id);
  }
  return filters;
}

/**
 * For `applyFilters`' (find.ts) `matchesNeeds`: whether a service meets any of the given needs, by the rules. Wire
 * it as `{ matchesNeeds: needMatcher(rules) }`.
 */
export function needMatcher(rules: GuidedRules): (service: Service, needs: readonly string[]) => boolean {
  const byId = new Map(questionsWithRole(rules, 'need').flatMap((q) => q.answers.map((a) => [a.id, a])));
  return (service, needs) =>
    needs.some((id) => {
      const match = byId.get(id)?.match;
      return match !== undefined && scoreMatch(service, match).candidate;
    });
}

/**
 * Where a service stands for a person who said where they are: local to them; for all of Essex; by phone
 * or online with no area of its own (so anyone may use it); in a district next to theirs; or only for
 * somewhere further away, which the shortlist never offers.
 */
type Tier = 'local' | 'county-wide' | 'remote' | 'neighbouring' | 'elsewhere';

interface ServiceFacts {
  tier: Tier;
  distanceMiles?: number;
  open: boolean;
  kindBoost: number;
  kinds: string[];
  homeDistrict?: District;
  /** For a service in a neighbouring district: which, and how far, in whole miles. */
  neighbour?: { district: District; miles: number };
}

interface Candidate {
  service: Service;
  score: number;
}

const TIER_ORDER: Record<Tier, number> = {
  local: 0,
  'county-wide': 1,
  remote: 1,
  neighbouring: 2,
  elsewhere: 3,
};
/** Without a district of its own (a Southend-on-Sea or Thurrock postcode), the districts this close are next door. */
const NEARBY_CENTRE_MILES = 12;

/** Phone or online and never in person: how it is reached, or undefined when someone has to go there. */
export function remoteWay(service: Pick<Service, 'delivery'>): RemoteWay | undefined {
  if (service.delivery.includes('in-person')) return undefined;
  const phone = service.delivery.includes('phone');
  const online = service.delivery.includes('online');
  return phone && online ? 'phone-online' : phone ? 'phone' : online ? 'online' : undefined;
}

/** Reached by phone or online, and limited to no district: anyone can use it from where they are. */
function servesAnywhere(service: Service): boolean {
  return (
    remoteWay(service) !== undefined &&
    service.districts.length === 0 &&
    !service.locations.some((location) => location.district)
  );
}

/** The districts next to where the person is: by boundary, or by distance for a place outside the twelve. */
function districtsNextTo(home: District | undefined, origin: LatLng | undefined): readonly District[] {
  if (home) return neighboursOf(home);
  if (!origin) return [];
  return DISTRICTS.filter(
    (district) => haversineMiles(origin, districtCentroid(district)) <= NEARBY_CENTRE_MILES,
  );
}
const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });

function homeDistrictOf(service: Service): District | undefined {
  return service.locations.find((location) => location.district)?.district ?? service.districts[0];
}

/** The first `count` items in order, without sorting them all: a shortlist shows a handful of thousands. */
function firstInOrder<T>(items: readonly T[], count: number, compare: (a: T, b: T) => number): T[] {
  const top: T[] = [];
  for (const item of items) {
    if (top.length === count && compare(item, top[count - 1] as T) >= 0) continue;
    let at = top.length;
    while (at > 0 && compare(item, top[at - 1] as T) < 0) at--;
    top.splice(at, 0, item);
    if (top.length > count) top.pop();
  }
  return top;
}

/**
 * A shortlist from a person's guided-help answers: one group per need chosen (or one group when none
 * was), each ranked local first, then county-wide. Someone who looks after another person also gets a
 * group of services for them as a carer, and carer-only services stay out of the person's groups. Where
 * nothing is local, a group widens only to services that can serve the person: for all of Essex, by
 * phone or online with no area of their own, or in a district next to theirs, each saying which, and the
 * group says it widened. A service only for somewhere further away is never offered.
 * Pure: the same answers and directory give the same shortlist.
 */
export function shortlist(
  services: readonly Service[],
  answers: GuidedAnswers,
  ctx: ShortlistContext,
): Shortlist {
  const resolved = resolveAnswers(ctx.rules, answers);
  const limit = ctx.limit ?? DEFAULT_SHORTLIST_LIMIT;
  const constraints: Filters = {};
  if (resolved.filter.age) constraints.age = resolved.filter.age;
  if (resolved.filter.free) constraints.free = true;
  if (resolved.filter.delivery) constraints.delivery = resolved.filter.delivery;
  const placeFilters: Filters = {};
  if (resolved.district) placeFilters.district = resolved.district;
  if (resolved.postcode) placeFilters.postcode = resolved.postcode;
  const place: ResolvedPlace = resolvePlace(placeFilters, ctx);
  const placeAsked = resolved.district !== undefined || place.origin !== undefined;
  const home = resolved.district ?? place.originDistrict;
  const nextDoor = districtsNextTo(home, place.origin);
  // Distances to a neighbouring district's services are measured from the person, or their district's centre.
  const from = place.origin ?? (resolved.district ? districtCentroid(resolved.district) : undefined);

  // Each answer's keyword scores, found through the directory's word index and kept for the next call.
  const pointsByMatch = new Map<AnswerMatch, Map<Service, number>>();
  const pointsFor = (match: AnswerMatch): Map<Service, number> => {
    let points = pointsByMatch.get(match);
    if (!points) pointsByMatch.set(match, (points = keywordScores(services, match)));
    return points;
  };
  const keywordPoints = (service: Service, match: AnswerMatch): number => pointsFor(match).get(service) ?? 0;

  const eligible = services.filter((service) => matchesAttributes(service, constraints));
  // Worked out only for the services a group considers: opening times and distances are not free.
  const facts = new Map<Service, ServiceFacts>();
  const factsOf = (service: Service): ServiceFacts => {
    const known = facts.get(service);
    if (known) return known;
    const { match, distanceMiles } = placeMatch(service, placeFilters, place);
    const kinds = resolved.kinds.filter(
      (kind) => kind.match && scoreMatch(service, kind.match, keywordPoints(service, kind.match)).candidate,
    );
    const fact: ServiceFacts = {
      tier: match === 'local' ? 'local' : match === 'county-wide' ? 'county-wide' : 'elsewhere',
      open: ctx.isOpen?.(service) ?? false,
      kindBoost: 2 * kinds.length,
      kinds: kinds.map((kind) => kind.id),
    };
    if (distanceMiles !== undefined) fact.distanceMiles = distanceMiles;
    if (fact.tier === 'elsewhere' && servesAnywhere(service)) fact.tier = 'remote';
    const neighbour =
      fact.tier === 'elsewhere' ? nextDoor.find((d) => servesDistrict(service, d)) : undefined;
    if (neighbour && from) {
      const miles = nearestLocationMiles(service, from) ?? haversineMiles(from, districtCentroid(neighbour));
      fact.tier = 'neighbouring';
      fact.neighbour = { district: neighbour, miles: Math.max(1, Math.round(miles)) };
    }
    const home = homeDistrictOf(service);
    if (home) fact.homeDistrict = home;
    facts.set(service, fact);
    return fact;
  };

  const reasonsFor = (service: Service, fact: ServiceFacts): Reason[] => {
    const reasons: Reason[] = [];
    if (service.whoFor.includes('carer-self')) reasons.push({ code: 'for-carers' });
    const countyWide = placeAsked ? fact.tier === 'county-wide' : service.countyWide;
    const via = remoteWay(service);
    if (countyWide) {
      reasons.push(via ? { code: 'county-wide', via } : { code: 'county-wide' });
    } else if (fact.neighbour) {
      reasons.push({ code: 'neighbouring', ...fact.neighbour });
    } else if (via && (placeAsked ? fact.tier === 'remote' : servesAnywhere(service))) {
      reasons.push({ code: 'remote', via });
    } else if (fact.tier === 'local' && resolved.district && !place.origin) {
      reasons.push({ code: 'district', district: resolved.district });
    } else if (fact.distanceMiles !== undefined && place.origin) {
      reasons.push({ code: 'near', miles: Math.round(fact.distanceMiles * 10) / 10 });
    } else if (fact.homeDistrict) {
      reasons.push({ code: 'district', district: fact.homeDistrict });
    }
    if (service.free) reasons.push({ code: 'free' });
    if (fact.open) reasons.push({ code: 'open-now' });
    const asked = resolved.filter.delivery?.find((delivery) => service.delivery.includes(delivery));
    // "by phone" once: a service reached only by phone says so with where it serves.
    if (asked && !(via && reasons.some((reason) => 'via' in reason))) {
      reasons.push({ code: 'delivery', delivery: asked });
    }
    for (const kind of fact.kinds) reasons.push({ code: 'kind', kind });
    return reasons;
  };

  type Ranked = Candidate & { fact: ServiceFacts };
  const compare = (a: Ranked, b: Ranked): number => {
    const da = a.fact.distanceMiles ?? Number.POSITIVE_INFINITY;
    const db = b.fact.distanceMiles ?? Number.POSITIVE_INFINITY;
    return (
      (placeAsked ? TIER_ORDER[a.fact.tier] - TIER_ORDER[b.fact.tier] : 0) ||
      b.score - a.score ||
      (da === db ? 0 : da < db ? -1 : 1) ||
      collator.compare(a.service.name, b.service.name) ||
      (a.service.id < b.service.id ? -1 : 1)
    );
  };

  /** A group, and whether it is empty only because what matched is too far away. */
  const build = (
    base: Omit<ShortlistGroup, 'widened' | 'total' | 'items' | 'widenedTo'>,
    candidates: Candidate[],
  ): { group: ShortlistGroup; outOfReach: boolean } => {
    const boosted = candidates.map(({ service, score }): Ranked => {
      const fact = factsOf(service);
      return { service, fact, score: score + fact.kindBoost + (fact.open ? 1 : 0) };
    });
    let chosen = boosted;
    let widenedTo: ShortlistGroup['widenedTo'];
    if (placeAsked) {
      // Local services, and those anyone in Essex can use; a district next door only when nothing is local.
      chosen = boosted.filter((c) => TIER_ORDER[c.fact.tier] <= TIER_ORDER.remote);
      if (!chosen.some((c) => c.fact.tier === 'local')) {
        const nearby = boosted.filter((c) => c.fact.tier === 'neighbouring');
        chosen = [...chosen, ...nearby];
        if (chosen.length > 0) widenedTo = nearby.length > 0 ? 'nearby' : 'reach';
      }
    }
    const items = firstInOrder(chosen, limit, compare).map(({ service, score, fact }): ShortlistItem => {
      const item: ShortlistItem = {
        service,
        score,
        countyWide: placeAsked ? fact.tier === 'county-wide' : service.countyWide,
        reasons: reasonsFor(service, fact),
      };
      if (fact.distanceMiles !== undefined) item.distanceMiles = fact.distanceMiles;
      return item;
    });
    const group: ShortlistGroup = { ...base, widened: widenedTo !== undefined, total: chosen.length, items };
    if (widenedTo) group.widenedTo = widenedTo;
    return { group, outOfReach: items.length === 0 && boosted.length > 0 };
  };

  const groups: ShortlistGroup[] = [];
  const unmatched: string[] = [];
  const outOfReach: string[] = [];
  const keep = (built: { group: ShortlistGroup; outOfReach: boolean }, needIds: string[]) => {
    if (built.group.items.length > 0) groups.push(built.group);
    else (built.outOfReach ? outOfReach : unmatched).push(...needIds);
  };
  const personNeeds = resolved.carerGroup
    ? resolved.needs.filter((need) => !targetsCarers(need.match))
    : resolved.needs;
  const carerNeeds = resolved.needs.filter((need) => targetsCarers(need.match));

  for (const need of personNeeds) {
    const match = need.match;
    if (!match) continue;
    const all: Candidate[] = [];
    for (const service of eligible) {
      const { score, candidate } = scoreMatch(service, match, keywordPoints(service, match));
      if (candidate) all.push({ service, score });
    }
    let candidates = targetsCarers(match) ? all : all.filter((c) => !isCarerOnly(c.service));
    // Carer-only services are better than nothing when they are all there is and no carer group shows them.
    if (candidates.length === 0 && !resolved.carerGroup) candidates = all;
    keep(
      build(
        { id: need.id, type: 'need', key: need.key, icon: need.icon, helpNow: need.helpNow === true },
        candidates,
      ),
      [need.id],
    );
  }

  if (resolved.needs.length === 0) {
    const forPerson = eligible.filter((service) => !isCarerOnly(service));
    const ofKind = forPerson.filter((service) => factsOf(service).kinds.length > 0);
    const pool = ofKind.length > 0 ? ofKind : forPerson;
    const { group } = build(
      { id: 'all', type: 'all', key: ALL_GROUP_KEY, helpNow: false },
      pool.map((service) => ({ service, score: 0 })),
    );
    if (group.items.length > 0) groups.push(group);
  }

  if (resolved.carerGroup) {
    const personMatches = personNeeds.flatMap((need) => (need.match ? [need.match] : []));
    const carerMatches = carerNeeds.flatMap((need) => (need.match ? [need.match] : []));
    const candidates = eligible
      .filter((service) => service.whoFor.includes('carer-self'))
      .map((service) => ({
        service,
        score:
          2 +
          carerMatches.reduce((sum, match) => sum + keywordPoints(service, match), 0) +
          // A carers' service that also speaks to the person's needs (dementia, hospital...) comes first.
          personMatches.reduce((sum, match) => sum + keywordPoints(service, match), 0) / 2,
      }));
    keep(
      build({ id: 'carer', type: 'carer', key: CARER_GROUP_KEY, helpNow: false }, candidates),
      carerNeeds.map((need) => need.id),
    );
  }

  return { groups, unmatched, outOfReach, helpNow: resolved.helpNow };
}

/**
 * Works out ahead of time what the shortlist for these answers needs, the directory's word index and
 * each chosen answer's keyword scores, so that it comes at once when asked for. Both are kept per
 * directory, so a call with nothing new costs nothing.
 */
export function prepareShortlist(
  services: readonly Service[],
  answers: GuidedAnswers,
  rules: GuidedRules,
): void {
  const resolved = resolveAnswers(rules, answers);
  wordIndexOf(services);
  for (const answer of [...resolved.needs, ...resolved.kinds]) {
    if (answer.match) keywordScores(services, answer.match);
  }
}

/**
 * A check for the journey against a directory: every need and kind of help, the carer split and every
 * filter answer should find at least one service. `unmatched` lists what does not, as "question.answer".
 * Run it against the sample directory, and whenever the rules or the taxonomy change.
 */
export function everyAnswerMatchesSomething(
  rules: GuidedRules,
  services: readonly Service[],
): { ok: boolean; unmatched: string[] } {
  const unmatched: string[] = [];
  for (const role of ['who', 'need', 'kind', 'filter'] as const) {
    for (const question of questionsWithRole(rules, role)) {
      for (const answer of question.answers) {
        let found = true;
        if (answer.match) found = services.some((service) => scoreMatch(service, answer.match!).candidate);
        if (found && answer.filter) {
          const filters: Filters = {};
          if (answer.filter.age) filters.age = answer.filter.age;
          if (answer.filter.free) filters.free = true;
          if (answer.filter.delivery) filters.delivery = answer.filter.delivery;
          found = services.some((service) => matchesAttributes(service, filters));
        }
        if (found && answer.carerGroup) found = services.some((s) => s.whoFor.includes('carer-self'));
        if (!found) unmatched.push(`${question.id}.${answer.id}`);
      }
    }
  }
  return { ok: unmatched.length === 0, unmatched };
}
