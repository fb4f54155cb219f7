/**
 * Writes Signpost's FICTIONAL sample directory of Essex support as an ORUK 3.0 paged envelope: one page
 * (`page_number` 1, `total_pages` 1) with every service in `contents`, each a full ORUK 3.0 service object
 * with its organization, service_at_locations, schedules, phones, cost_options, languages, service_areas
 * and attributes. `npm run import -- <file>` reads it back.
 *
 *   npx tsx scripts/generate-directory.ts                      the curated sample → data/sample-directory.json
 *   npx tsx scripts/generate-directory.ts --services 50000     a large directory → data/directory-50000.json
 *
 * Options: --services N (default 360), --out FILE (`-` for stdout), --seed S, --today YYYY-MM-DD (the day
 * "last checked" dates and course terms are counted from). The same options always give the same file.
 * Up to 1,000 services are pretty-printed for reading; larger runs are streamed compactly.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { fromService, orukPage } from '../src/domain/oruk/from-service.ts';
import {
  SAMPLE_SEED,
  SAMPLE_SIZE,
  SAMPLE_TODAY,
  sampleDirectory,
  sampleService,
} from './lib/sample-directory.ts';

const PRETTY_UP_TO = 1000;

function fail(message: string): never {
  console.error(`generate-directory: ${message}`);
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    services: { type: 'string' },
    out: { type: 'string' },
    seed: { type: 'string' },
    today: { type: 'string' },
  },
});

const count = values.services === undefined ? SAMPLE_SIZE : Number(values.services);
if (!Number.isInteger(count) || count < 1) fail(`--services must be a whole number of 1 or more`);
const seed = values.seed ?? SAMPLE_SEED;
const today = values.today ?? SAMPLE_TODAY;
if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) fail('--today must be a date like 2026-11-16');
const curated = count === SAMPLE_SIZE && seed === SAMPLE_SEED && today === SAMPLE_TODAY;
const out = values.out ?? (curated ? 'data/sample-directory.json' : `data/directory-${count}.json`);

const started = performance.now();
const fd = out === '-' ? 1 : (mkdirSync(dirname(out), { recursive: true }), openSync(out, 'w'));
if (count <= PRETTY_UP_TO) {
  writeSync(fd, `${JSON.stringify(sampleDirectory(count, { seed, today }), null, 2)}\n`);
} else {
  const { contents: _all, ...envelope } = orukPage(new Array<null>(count), {
    page: 1,
    perPage: count,
    total: count,
  });
  writeSync(fd, `${JSON.stringify(envelope).slice(0, -1)},"contents":[\n`);
  const batch: string[] = [];
  for (let index = 0; index < count; index++) {
    batch.push(JSON.stringify(fromService(sampleService(index, { seed, today }))));
    if (batch.length === 500 || index === count - 1) {
      writeSync(fd, batch.join(',\n') + (index === count - 1 ? '\n' : ',\n'));
      batch.length = 0;
    }
  }
  writeSync(fd, ']}\n');
}
if (fd !== 1) closeSync(fd);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.error(`generate-directory: ${count} sample services → ${out} in ${seconds} s`);
