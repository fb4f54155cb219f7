/**
 * Searches the directory off the main thread, so typing never stutters. Filters alone are answered from
 * the local copy at once; the MiniSearch index for words is loaded from where it was saved (or built and
 * then saved) straight after, kept up to date with each change, and answers the words typed.
 */
// First, before the search's own modules: the page's locale data is loaded here, off its thread.
import '../../../store/warm-intl.ts';
import rulesFile from '../../../../data/guided-help.json';
import { parseRules } from '../../../domain/guided/rules.ts';
import { needMatcher } from '../../../domain/guided/shortlist.ts';
import type { ResultItem } from '../../../domain/search/filters.ts';
import { findServices } from '../../../domain/search/find.ts';
import {
  createServiceIndex,
  loadIndex,
  serializeIndex,
  understandQuery,
  updateServiceIndex,
  type ServiceIndex,
} from '../../../domain/search/index.ts';
import { serviceOpeningState } from '../../../domain/schedule/index.ts';
import type { Service } from '../../../domain/service.ts';
import {
  readAllServices,
  readMeta,
  readSavedIndex,
  readServicesByIds,
  writeSavedIndex,
  type DirectoryMeta,
  type SavedSearchIndex,
} from '../../../store/directory-db.ts';
import type { SearchRequest, SearchResponse, Understood } from './search-protocol.ts';
import type { Theme } from '../../../domain/service-terms.ts';

/** Fewer results than this, and the page offers what is near: related themes and county-wide services. */
const FEW = 3;
const COUNTY_WIDE_OFFERED = 3;

/** What the words meant, and what is near when they found little. */
function understand(directory: Loaded, q: string, items: ResultItem[]): Understood {
  const plan = understandQuery(indexOf(directory), q);
  const themes: Theme[] = plan.themes.length > 0 ? [...plan.themes] : [];
  if (themes.length === 0) {
    for (const item of items.slice(0, 5))
      for (const theme of item.service.themes) if (!themes.includes(theme)) themes.push(theme);
  }
  const understood: Understood = {
    safety: plan.safety,
    corrections: plan.corrections,
    themes,
    countyWide: [],
  };
  if (plan.translatedFrom) understood.translatedFrom = plan.translatedFrom;
  if (items.length < FEW && themes.length > 0) {
    const shown = new Set(items.map((item) => item.service.id));
    // The first theme is the nearest to the words: its services come first.
    const rank = (service: Service) =>
      Math.min(...service.themes.map((theme) => (themes.includes(theme) ? themes.indexOf(theme) : Infinity)));
    understood.countyWide = directory.list
      .filter((service) => service.countyWide && !shown.has(service.id) && rank(service) < themes.length)
      .sort((a, b) => rank(a) - rank(b))
      .slice(0, COUNTY_WIDE_OFFERED)
      .map((service) => ({ service, countyWide: true }));
  }
  return understood;
}

interface Loaded {
  meta: DirectoryMeta;
  services: Map<string, Service>;
  list: Service[];
  /** Loaded or built when first needed: filters alone answer without it, so the first results come sooner. */
  index?: ServiceIndex;
  /** The index saved beside the directory, kept until the index is needed. */
  saved?: SavedSearchIndex;
}

const scope = self as unknown as {
  postMessage(message: SearchResponse): void;
  onmessage: ((event: MessageEvent<SearchRequest>) => void) | null;
};

let loaded: Loaded | undefined;
let lastResults: { key: string; items: ResultItem[]; understood?: Understood } | undefined;
let queue: Promise<unknown> = Promise.resolve();

function saveIndexLater(directory: Loaded): void {
  // After the answer is sent: a warm start then loads this instead of rebuilding.
  setTimeout(() => {
    if (loaded === directory && directory.index) {
      void writeSavedIndex({ revision: directory.meta.revision, json: serializeIndex(directory.index) });
    }
  }, 0);
}

/** A saved index for this revision, or for the one before it brought up to date; null if neither. */
function savedIndexFor(meta: DirectoryMeta, saved: SavedSearchIndex | undefined, list: Service[]) {
  if (!saved) return null;
  if (saved.revision === meta.revision) return { index: loadIndex(saved.json), caughtUp: false };
  const change = meta.lastChange;
  if (change?.from !== saved.revision) return null;
  const index = loadIndex(saved.json);
  if (!index) return null;
  const upserted = new Set(change.upserted);
  updateServiceIndex(index, { upserted: list.filter((s) => upserted.has(s.id)), removed: change.removed });
  return { index, caughtUp: true };
}

function indexOf(directory: Loaded): ServiceIndex {
  if (!directory.index) {
    const fromSaved = savedIndexFor(directory.meta, directory.saved, directory.list);
    directory.index = fromSaved?.index ?? createServiceIndex(directory.list);
    directory.saved = undefined;
    if (!fromSaved?.index || fromSaved.caughtUp) saveIndexLater(directory);
  }
  return directory.index;
}

async function loadAll(meta: DirectoryMeta): Promise<Loaded> {
  const [list, saved] = await Promise.all([readAllServices(), readSavedIndex()]);
  const directory: Loaded = { meta, services: new Map(list.map((service) => [service.id, service])), list };
  if (saved) directory.saved = saved;
  return directory;
}

async function catchUp(current: Loaded, meta: DirectoryMeta): Promise<Loaded> {
  const change = meta.lastChange!;
  const upserted = await readServicesByIds(change.upserted);
  for (const id of change.removed) current.services.delete(id);
  for (const service of upserted) current.services.set(service.id, service);
  const next: Loaded = { ...current, meta, list: [...current.services.values()] };
  if (next.index) {
    updateServiceIndex(next.index, { upserted, removed: change.removed });
    saveIndexLater(next);
  }
  return next;
}

/** The directory as it is on the device now, or undefined before the first download. */
async function current(): Promise<Loaded | undefined> {
  const meta = await readMeta();
  if (!meta || meta.count === 0) return undefined;
  if (loaded?.meta.revision === meta.revision) return loaded;
  loaded =
    loaded && meta.lastChange?.from === loaded.meta.revision
      ? await catchUp(loaded, meta)
      : await loadAll(meta);
  return loaded;
}

function openNowTest(now: number): (service: Service) => boolean {
  const at = new Date(now);
  // Only "is it open at this moment" matters here: a day's look-ahead keeps this fast over thousands.
  return (service) => serviceOpeningState(service, at, { lookAheadDays: 1 }).kind === 'open';
}

// Guided help's "see everything that matches" asks for needs (`need=`), read by the same rules.
const matchesNeeds = needMatcher(parseRules(rulesFile));

async function answer(request: SearchRequest): Promise<SearchResponse> {
  const directory = await current();
  if (!directory) return { type: 'results', requestId: request.requestId, total: 0, items: [] };
  const { filters } = request;
  // "Open now" changes with the minute; everything else only with the filters and the directory.
  const minute = filters.openNow ? Math.floor(request.now / 60_000) : 0;
  const key = JSON.stringify([directory.meta.revision, minute, filters]);
  if (lastResults?.key !== key) {
    const q = filters.q?.trim();
    const items = findServices(directory.list, filters, {
      ...(q ? { index: indexOf(directory) } : {}),
      isOpen: openNowTest(request.now),
      matchesNeeds,
    });
    lastResults = q ? { key, items, understood: understand(directory, q, items) } : { key, items };
  }
  // With the answer on its way, the index is made ready for the first words typed.
  if (!directory.index) setTimeout(() => loaded === directory && indexOf(directory), 0);
  const { items, understood } = lastResults;
  return {
    type: 'results',
    requestId: request.requestId,
    total: items.length,
    items: items.slice(0, request.limit),
    revision: directory.meta.revision,
    ...(understood ? { understood } : {}),
  };
}

scope.onmessage = (event) => {
  const request = event.data;
  if (request?.type !== 'search') return;
  // One at a time, in order: a rebuild is never started twice.
  queue = queue.then(async () => {
    try {
      scope.postMessage(await answer(request));
    } catch {
      scope.postMessage({ type: 'failed', requestId: request.requestId });
    }
  });
};
