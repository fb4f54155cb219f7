import { readFileSync } from 'node:fs';
import { extractServices } from '../../src/domain/oruk/feed.ts';
import { toService } from '../../src/domain/oruk/to-service.ts';
import { feedTextReader } from '../../src/server/directory/feed-html.ts';
import type { Service } from '../../src/domain/service.ts';
import { generateServices } from '../directories.ts';
import type { Budget, Section, Table } from '../report.ts';
import { count, kib, ms, round } from '../stats.ts';
import { CPU_SLOWDOWN, measureSearchInChromium } from './in-chromium.ts';
import { measureSearch, type SearchFigures } from './measure.ts';
import { ALL_QUERIES, DIRECTORY_SIZES, judgedSet, QUERY_REPEATS } from './queries.ts';
import { measureRelevance, type RelevanceFigures } from './relevance.ts';

/** The sample directory as the app imports it, the directory the queries were judged against. */
function sampleDirectory(): Service[] {
  const file: unknown = JSON.parse(
    readFileSync(new URL('../../data/sample-directory.json', import.meta.url), 'utf8'),
  );
  const extract = extractServices(file);
  if (!extract.ok) throw new Error(extract.error);
  return extract.records.flatMap((record) => {
    const result = toService(record, { importedAt: '2026-12-01T00:00:00.000Z', text: feedTextReader });
    return result.ok ? [result.service] : [];
  });
}

const share = (value: number) => value.toFixed(3);

function relevanceTable(rows: Array<[string, RelevanceFigures]>): Table {
  return {
    columns: ['judged queries', 'nDCG@10', 'P@5', 'no result', 'query p95'],
    rows: rows.map(([name, f]) => [
      `${name} (${f.queries})`,
      share(f.ndcgAt10),
      share(f.precisionAt5),
      `${(f.noResultShare * 100).toFixed(1)}%`,
      ms(f.queryP95Ms),
    ]),
  };
}

function kindTable(f: RelevanceFigures): Table {
  return {
    columns: ['by kind (Node)', 'nDCG@10', 'P@5'],
    rows: Object.entries(f.byKind).map(([kind, k]) => [
      `${kind} (${k.queries})`,
      share(k.ndcgAt10),
      share(k.precisionAt5),
    ]),
  };
}

function tableOf(title: string, figures: SearchFigures[]): Table {
  return {
    columns: [
      title,
      'index build',
      'warm start',
      'saved index',
      'query median',
      'query p95',
      'all-runs p95',
      'slowest',
    ],
    rows: figures.map((f) => [
      `${count(f.services)} services`,
      ms(f.buildMs),
      ms(f.warmStartMs),
      kib(f.savedIndexChars),
      ms(f.queryMedianMs),
      ms(f.queryP95Ms),
      ms(f.allRunsP95Ms),
      `"${f.slowest[0]?.query ?? ''}"`,
    ]),
  };
}

const rounded = (f: SearchFigures) => ({
  ...f,
  buildMs: round(f.buildMs),
  warmStartMs: round(f.warmStartMs),
  queryMedianMs: round(f.queryMedianMs, 3),
  queryP95Ms: round(f.queryP95Ms, 3),
  allRunsP95Ms: round(f.allRunsP95Ms, 3),
  queryMaxMs: round(f.queryMaxMs, 3),
});

export async function measureSearchSection(): Promise<Section> {
  const directories = new Map<number, Service[]>();
  for (const size of DIRECTORY_SIZES) directories.set(size, generateServices(size));

  const sample = sampleDirectory();
  const relevance = measureRelevance(sample, judgedSet);
  const node: SearchFigures[] = [];
  for (const services of directories.values()) node.push(measureSearch(services));
  let chromium: SearchFigures[] | undefined;
  let chromiumRelevance: RelevanceFigures | undefined;
  let chromiumError: string | undefined;
  try {
    const measured = await measureSearchInChromium(directories, { services: sample, judged: judgedSet });
    chromium = measured.figures;
    chromiumRelevance = measured.relevance;
  } catch (error) {
    chromiumError = (error as Error).message;
  }

  const at10k = node.find((f) => f.services === 10_000)!;
  const budgets: Budget[] = [
    {
      name: 'Search nDCG@10, judged queries (Node)',
      value: round(relevance.ndcgAt10, 3),
      limit: 0.85,
      unit: '',
      atLeast: true,
    },
    {
      name: 'Search precision@5, judged queries (Node)',
      value: round(relevance.precisionAt5, 3),
      limit: 0.9,
      unit: '',
      atLeast: true,
    },
    {
      name: 'Judged queries with no result (Node)',
      value: round(relevance.noResultShare, 3),
      limit: 0,
      unit: 'ratio',
    },
    {
      name: 'Search p95 at 10,000 services (Node, unthrottled)',
      value: at10k.queryP95Ms,
      limit: 16,
      unit: 'ms',
    },
  ];
  // The same budget holds for the largest directory a council might load.
  const at50k = node.find((f) => f.services === 50_000);
  if (at50k) {
    budgets.push({
      name: 'Search p95 at 50,000 services (Node, unthrottled)',
      value: at50k.queryP95Ms,
      limit: 16,
      unit: 'ms',
    });
  }
  const chromium10k = chromium?.find((f) => f.services === 10_000);
  if (chromium10k) {
    budgets.push({
      name: `Search p95 at 10,000 services (Chromium, CPU ÷${CPU_SLOWDOWN})`,
      value: chromium10k.queryP95Ms,
      limit: 16,
      unit: 'ms',
    });
  }
  const relevanceRows: Array<[string, RelevanceFigures]> = [['Node', relevance]];
  if (chromiumRelevance) relevanceRows.push([`Chromium, CPU ÷${CPU_SLOWDOWN}`, chromiumRelevance]);
  const tables = [relevanceTable(relevanceRows), kindTable(relevance), tableOf('Node', node)];
  if (chromium) tables.push(tableOf(`Chromium, CPU ÷${CPU_SLOWDOWN}`, chromium));
  const notes = [
    `Relevance: ${relevance.queries} judged queries (bench/search/judged-queries.json) typed into the search box over the ` +
      `${sample.length}-service sample directory; gains 3 (relevant) and 1 (partly); P@5 counts either, out of at most the number judged. ` +
      `Weakest: ${relevance.worst
        .slice(0, 6)
        .map((w) => `"${w.query}" ${share(w.ndcgAt10)}`)
        .join(', ')}.`,
    `${ALL_QUERIES.length} queries (fixed words, phrases, typos and prefixes, and the judged ones) × ${QUERY_REPEATS} runs after a warm-up round; ` +
      'query p95 = 95% of the queries within it (each query its median run); all-runs p95 counts every run, pauses included; ' +
      'warm start = loading the saved index JSON instead of rebuilding.',
  ];
  if (chromium) {
    const slower = chromium.map(
      (c, i) => `${count(c.services)}: ×${(c.queryP95Ms / node[i]!.queryP95Ms).toFixed(1)}`,
    );
    notes.push(`Chromium p95 ÷ Node p95 (the phone-emulation cost): ${slower.join(', ')}`);
  } else notes.push(`Chromium not measured: ${chromiumError}`);
  return {
    name: 'search',
    figures: {
      queries: ALL_QUERIES.length,
      relevance,
      chromiumRelevance: chromiumRelevance ?? null,
      node: node.map(rounded),
      chromium: chromium?.map(rounded) ?? { measured: false, reason: chromiumError },
      chromiumCpuSlowdown: CPU_SLOWDOWN,
    },
    budgets,
    tables,
    notes,
  };
}
