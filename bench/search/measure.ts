import {
  createServiceIndex,
  loadIndex,
  searchServices,
  serializeIndex,
} from '../../src/domain/search/index.ts';
import type { Service } from '../../src/domain/service.ts';
import { percentile } from '../stats.ts';
import { ALL_QUERIES, FIXED_QUERIES, QUERY_REPEATS } from './queries.ts';

/** One directory size's search figures, the same whether measured in Node or in a phone's browser. */
export interface SearchFigures {
  services: number;
  /** Building the index from the directory, as on first start or after a full refresh. */
  buildMs: number;
  /** Loading the saved index (JSON text) instead of rebuilding, as on every later start. */
  warmStartMs: number;
  savedIndexChars: number;
  queries: number;
  /** Over every run of every query. */
  queryMedianMs: number;
  /**
   * 95% of the fixed queries take no longer than this, each query's time being the median of its runs:
   * steady under a busy machine's pauses, which `allRunsP95Ms` also shows.
   */
  queryP95Ms: number;
  allRunsP95Ms: number;
  queryMaxMs: number;
  /** How many services the fixed queries found, so a change of ranking or matching shows up here. */
  matches: Record<string, number>;
  /** The three slowest queries by their median time: where to look when p95 is over budget. */
  slowest: Array<{ query: string; medianMs: number }>;
}

/** Runs in Node and, bundled, in Chromium: no DOM and no Node APIs, only `performance.now()`. */
export function measureSearch(services: Service[]): SearchFigures {
  let started = performance.now();
  const built = createServiceIndex(services);
  const buildMs = performance.now() - started;

  const saved = serializeIndex(built);
  started = performance.now();
  const index = loadIndex(saved);
  const warmStartMs = performance.now() - started;
  if (!index) throw new Error('The saved search index did not load');

  const matches: Record<string, number> = {};
  for (const query of FIXED_QUERIES) matches[query] = searchServices(index, query)?.length ?? 0;
  const samples: number[] = [];
  const byQuery = new Map<string, number[]>(ALL_QUERIES.map((query) => [query, []]));
  for (let round = 0; round < QUERY_REPEATS; round++) {
    for (const query of ALL_QUERIES) {
      started = performance.now();
      searchServices(index, query);
      const took = performance.now() - started;
      samples.push(took);
      byQuery.get(query)!.push(took);
    }
  }
  const perQuery = [...byQuery]
    .map(([query, times]) => ({ query, medianMs: percentile(times, 50) }))
    .sort((a, b) => b.medianMs - a.medianMs);
  return {
    services: services.length,
    buildMs,
    warmStartMs,
    savedIndexChars: saved.length,
    queries: samples.length,
    queryMedianMs: percentile(samples, 50),
    queryP95Ms: percentile(
      perQuery.map((q) => q.medianMs),
      95,
    ),
    allRunsP95Ms: percentile(samples, 95),
    queryMaxMs: Math.max(...samples),
    matches,
    slowest: perQuery.slice(0, 3),
  };
}
