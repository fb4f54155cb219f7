/**
 * Writes the FICTIONAL messy council feed the import tests, the browser tests and the benchmark read:
 * `test/fixtures/messy/messy-feed.json`, an ORUK 3.0 page written the way real council feeds are
 * (see `scripts/lib/messy-feed.ts`). The same options always give the same file.
 *
 *   npx tsx scripts/generate-messy-feed.ts                  → test/fixtures/messy/messy-feed.json
 *   npx tsx scripts/generate-messy-feed.ts --services 5000 --out /tmp/messy.json
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { MESSY_SEED, MESSY_SIZE, messyFeed } from './lib/messy-feed.ts';

export const MESSY_FEED_FILE = new URL('../test/fixtures/messy/messy-feed.json', import.meta.url).pathname;

const { values } = parseArgs({
  options: {
    services: { type: 'string', default: String(MESSY_SIZE) },
    out: { type: 'string', default: MESSY_FEED_FILE },
    seed: { type: 'string', default: MESSY_SEED },
  },
});
const size = Number(values.services);
if (!Number.isInteger(size) || size < 1) {
  console.error('generate-messy-feed: --services must be a whole number of 1 or more');
  process.exit(2);
}
mkdirSync(dirname(values.out), { recursive: true });
writeFileSync(
  values.out,
  `${JSON.stringify(messyFeed(size, values.seed), null, size <= 1000 ? 2 : undefined)}\n`,
);
console.log(`Wrote ${size} fictional services, with a few unusable records among them, to ${values.out}`);
