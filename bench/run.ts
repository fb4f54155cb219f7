// `npm run bench`: builds, serves and measures Signpost, prints every figure with PASS/FAIL against its
// budget, and writes bench/results.json. Numbers vary by machine, so it reports ratios beside figures
// and never fails on time alone. Every server it starts listens on 127.0.0.1 only.
//
//   npm run bench                        every section (about fourteen minutes on two cores)
//   npm run bench -- --only bytes,search just those sections; results.json keeps the others' last figures
//   SIGNPOST_BENCH_ANSWERS=20000 npm run bench -- --only insight
//                                        the scorecard over fewer stored answers than 1,000,000, to try it
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { findChromium } from '../test/support/chromium.ts';
import { startServer, type RunningServer } from '../test/support/server.ts';
import { ensureBuilt } from './build.ts';
import { measureBytes } from './bytes.ts';
import { measureImport } from './import.ts';
import { measureServerLoad } from './load/section.ts';
import { describeMachine, machineLine } from './machine.ts';
import { measurePageLoad } from './page-load.ts';
import { findPostgresServer } from './postgres.ts';
import { budgetLine, notMeasured, passes, renderSection, type Section } from './report.ts';
import { measureSearchSection } from './search/section.ts';
import { measureGuided } from './guided.ts';
import { measureScorecard } from './scorecard.ts';
import { measureGapTable } from './evidence.ts';

const SECTIONS = ['bytes', 'page-load', 'search', 'guided', 'import', 'load', 'insight', 'evidence'] as const;
type SectionKey = (typeof SECTIONS)[number];

const { values } = parseArgs({ options: { only: { type: 'string' } } });
const wanted = new Set<SectionKey>(
  values.only ? (values.only.split(',').map((s) => s.trim()) as SectionKey[]) : SECTIONS,
);
for (const key of wanted) {
  if (!SECTIONS.includes(key))
    throw new Error(`Unknown section "${key}": choose from ${SECTIONS.join(', ')}`);
}

const started = performance.now();
ensureBuilt();
process.env.CHROME_PATH ??= findChromium();
const machine = describeMachine();
const postgres =
  wanted.has('import') || wanted.has('load') || wanted.has('insight') || wanted.has('evidence')
    ? findPostgresServer()
    : {};

/** One section, timed; a section that fails says why and the others still run. */
async function attempt(name: string, measure: () => Promise<Section>): Promise<Section> {
  const sectionStarted = performance.now();
  console.error(`… ${name}`);
  try {
    const section = await measure();
    const seconds = Math.round((performance.now() - sectionStarted) / 1000);
    return { ...section, figures: { ...section.figures, seconds } };
  } catch (error) {
    return notMeasured(name, (error as Error).message.split('\n')[0]!);
  }
}

const measured = new Map<SectionKey, Section>();
let server: RunningServer | undefined;
// Only these sections talk to a shared running server; the others start their own or need none.
const needsServer = wanted.has('bytes') || wanted.has('page-load') || wanted.has('import');
try {
  if (needsServer) server = await startServer();
  const url = server?.url ?? '';
  if (wanted.has('bytes')) measured.set('bytes', await attempt('bytes', () => measureBytes(url)));
  if (wanted.has('page-load')) {
    measured.set('page-load', await attempt('page load', () => measurePageLoad(url)));
  }
  if (wanted.has('import')) {
    measured.set(
      'import',
      await attempt('directory import and size', () =>
        measureImport({ serverUrl: url, postgresUrl: postgres.url, postgresReason: postgres.reason }),
      ),
    );
  }
} finally {
  await server?.dispose();
}
if (wanted.has('search')) measured.set('search', await attempt('search', measureSearchSection));
if (wanted.has('guided')) measured.set('guided', await attempt('guided help', measureGuided));
if (wanted.has('load')) {
  measured.set(
    'load',
    await attempt('server under load', () =>
      measureServerLoad({ postgresUrl: postgres.url, postgresReason: postgres.reason }),
    ),
  );
}
// Last: seeding a million answers twice is the longest section, and it needs no web server.
if (wanted.has('insight')) {
  measured.set(
    'insight',
    await attempt('full scorecard over stored answers', () =>
      measureScorecard({ postgresUrl: postgres.url, postgresReason: postgres.reason }),
    ),
  );
}

if (wanted.has('evidence')) {
  measured.set(
    'evidence',
    await attempt('unmet-need gap table over stored answers', () =>
      measureGapTable({ postgresUrl: postgres.url, postgresReason: postgres.reason }),
    ),
  );
}

type StoredSection = Section & { key: SectionKey; measuredAt: string; machine: string };

// A partial run keeps the other sections' last figures, so results.json always holds a whole picture.
const resultsFile = new URL('./results.json', import.meta.url);
const previous = existsSync(resultsFile)
  ? ((JSON.parse(readFileSync(resultsFile, 'utf8')) as { sections?: Partial<StoredSection>[] }).sections ??
    [])
  : [];
const now = new Date().toISOString();
const sections: StoredSection[] = SECTIONS.flatMap((key) => {
  const fresh = measured.get(key);
  if (fresh) return [{ key, measuredAt: now, machine: machineLine(machine), ...fresh }];
  const kept = previous.find((s) => s.key === key);
  return kept ? [kept as StoredSection] : [];
});

console.log(`\nSignpost benchmark — ${new Date().toISOString()}`);
console.log(`${machineLine(machine)}\n`);
for (const section of sections) {
  const stale = !measured.has(section.key);
  const name = stale ? `${section.name} (kept from the run of ${section.measuredAt})` : section.name;
  console.log(renderSection({ ...section, name }).join('\n'));
  console.log('');
}
const budgets = sections.flatMap((s) => s.budgets);
console.log('## budgets');
for (const budget of budgets) console.log(`  ${budgetLine(budget)}`);
const failing = budgets.filter((b) => !passes(b)).length;
console.log(
  `\n${budgets.length - failing} of ${budgets.length} budgets met; ${((performance.now() - started) / 60_000).toFixed(1)} minutes.`,
);
writeFileSync(resultsFile, JSON.stringify({ date: now, machine, sections }, null, 2) + '\n');
