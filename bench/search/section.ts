import type { Service } from '../../src/domain/service.ts';
import { generateServices } from '../directories.ts';
import type { Budget, Section, Table } from '../report.ts';
import { count, kib, ms, round } from '../stats.ts';
import { CPU_SLOWDOWN, measureSearchInChromium } from './in-chromium.ts';
import { measureSearch, type SearchFigures } from './measure.ts';
import { ALL_QUERIES, DIRECTORY_SIZES, QUERY_REPEATS } from './queries.ts';

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

  const node: SearchFigures[] = [];
  for (const services of directories.values()) node.push(measureSearch(services));
  let chromium: SearchFigures[] | undefined;
  let chromiumError: string | undefined;
  try {
    chromium = await measureSearchInChromium(directories);
  } catch (error) {
    chromiumError = (error as Error).message;
  }

  const at10k = node.find((f) => f.services === 10_000)!;
  const budgets: Budget[] = [
    {
      name: 'Search p95 at 10,000 services (Node, unthrottled)',
      value: at10k.queryP95Ms,
      limit: 16,
      unit: 'ms',
    },
  ];
  const tables = [tableOf('Node', node)];
  if (chromium) tables.push(tableOf(`Chromium, CPU ÷${CPU_SLOWDOWN}`, chromium));
  const notes = [
    `${ALL_QUERIES.length} fixed queries (words, phrases, typos, prefixes) × ${QUERY_REPEATS} runs after a warm-up round; ` +
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
      queries: ALL_QUERIES,
      node: node.map(rounded),
      chromium: chromium?.map(rounded) ?? { measured: false, reason: chromiumError },
      chromiumCpuSlowdown: CPU_SLOWDOWN,
    },
    budgets,
    tables,
    notes,
  };
}
