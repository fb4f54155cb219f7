import { findServices } from '../../src/domain/search/find.ts';
import { createServiceIndex } from '../../src/domain/search/index.ts';
import type { Service } from '../../src/domain/service.ts';
import { percentile } from '../stats.ts';

/** One judged query: what was typed, and the services (by the first 8 characters of their id) that answer it. */
export interface JudgedQuery {
  query: string;
  kind: string;
  language: string;
  note: string;
  relevant: string[];
  partly: string[];
}

export interface JudgedSet {
  grades: { relevant: number; partly: number };
  queries: JudgedQuery[];
}

/** How well search answers the judged queries on the sample directory. */
export interface RelevanceFigures {
  queries: number;
  /** Mean nDCG over the first ten results, graded gains 2^grade − 1 (relevant 3, partly 1). */
  ndcgAt10: number;
  /** Mean share of the first five results that were judged relevant or partly (of at most the number judged). */
  precisionAt5: number;
  /** Share of queries that found nothing at all. */
  noResultShare: number;
  /** Each query's median time over its runs, then the 95th percentile over queries. */
  queryP95Ms: number;
  /** The queries furthest from the budget, so a reader can see what search gets wrong. */
  worst: Array<{ query: string; ndcgAt10: number; precisionAt5: number; found: number }>;
  byKind: Record<string, { queries: number; ndcgAt10: number; precisionAt5: number }>;
}

const RUNS = 5;

function dcg(gains: readonly number[]): number {
  return gains.reduce((sum, gain, i) => sum + gain / Math.log2(i + 2), 0);
}

/** nDCG@k and P@k of one ranked list of ids against one judged query. */
export function scoreRanking(
  ranked: readonly string[],
  judged: JudgedQuery,
  grades: JudgedSet['grades'],
): { ndcgAt10: number; precisionAt5: number } {
  const gradeOf = new Map<string, number>();
  for (const id of judged.partly) gradeOf.set(id, grades.partly);
  for (const id of judged.relevant) gradeOf.set(id, grades.relevant);
  const gain = (grade: number) => 2 ** grade - 1;
  const top = ranked.slice(0, 10).map((id) => gain(gradeOf.get(id.slice(0, 8)) ?? 0));
  const ideal = [...gradeOf.values()]
    .map(gain)
    .sort((a, b) => b - a)
    .slice(0, 10);
  const hits = ranked.slice(0, 5).filter((id) => gradeOf.has(id.slice(0, 8))).length;
  return {
    ndcgAt10: ideal.length === 0 ? 0 : dcg(top) / dcg(ideal),
    precisionAt5: hits / Math.min(5, gradeOf.size),
  };
}

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

/**
 * Runs every judged query as a person would type it into the search box of the find-support page (no
 * filters) over the sample directory. Runs in Node and, bundled, in Chromium.
 */
export function measureRelevance(services: Service[], judged: JudgedSet): RelevanceFigures {
  const index = createServiceIndex(services);
  const rows = judged.queries.map((query) => {
    const times: number[] = [];
    let ranked: string[] = [];
    for (let run = 0; run <= RUNS; run++) {
      const started = performance.now();
      ranked = findServices(services, { q: query.query }, { index }).map((item) => item.service.id);
      // The first run warms up; the rest are timed.
      if (run > 0) times.push(performance.now() - started);
    }
    return {
      query,
      found: ranked.length,
      medianMs: percentile(times, 50),
      ...scoreRanking(ranked, query, judged.grades),
    };
  });
  const byKind: RelevanceFigures['byKind'] = {};
  for (const kind of new Set(rows.map((row) => row.query.kind))) {
    const ofKind = rows.filter((row) => row.query.kind === kind);
    byKind[kind] = {
      queries: ofKind.length,
      ndcgAt10: mean(ofKind.map((row) => row.ndcgAt10)),
      precisionAt5: mean(ofKind.map((row) => row.precisionAt5)),
    };
  }
  return {
    queries: rows.length,
    ndcgAt10: mean(rows.map((row) => row.ndcgAt10)),
    precisionAt5: mean(rows.map((row) => row.precisionAt5)),
    noResultShare: rows.filter((row) => row.found === 0).length / rows.length,
    queryP95Ms: percentile(
      rows.map((row) => row.medianMs),
      95,
    ),
    worst: [...rows]
      .sort((a, b) => a.ndcgAt10 + a.precisionAt5 - (b.ndcgAt10 + b.precisionAt5))
      .slice(0, 12)
      .map((row) => ({
        query: row.query.query,
        ndcgAt10: row.ndcgAt10,
        precisionAt5: row.precisionAt5,
        found: row.found,
      })),
    byKind,
  };
}
