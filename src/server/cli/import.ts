// `npm run import -- <file-or-url> [--changes-since <ISO timestamp>] [--timeout <seconds>]`
import { parseArgs } from 'node:util';
import { describeWarning } from '../../domain/oruk/problems.ts';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/open.ts';
import { migrate } from '../db/migrate.ts';
import { importDirectory } from '../directory/import.ts';
import { progressReporter } from './progress.ts';

const { values, positionals } = parseArgs({
  args: process.argv.slice(2),
  allowPositionals: true,
  options: {
    'changes-since': { type: 'string' },
    timeout: { type: 'string', default: '30' },
    'per-page': { type: 'string', default: '100' },
  },
});
const source = positionals[0];
if (!source) {
  console.error(
    'Usage: npm run import -- <file-or-url> [--changes-since 2026-01-31T00:00:00Z] [--timeout 30]',
  );
  process.exit(2);
}

const config = loadConfig();
const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: `${config.dataDir}/pgdata` });
await migrate(db);
const progress = progressReporter();
const summary = await importDirectory(db, source, {
  modifiedAfter: values['changes-since'],
  timeoutMs: Number(values.timeout) * 1000,
  perPage: Number(values['per-page']),
  onProgress: ({ read, page, totalPages }) => progress.update(read, page, totalPages),
});
progress.done();
await db.close();

console.log(
  `Read ${summary.read}: ${summary.imported} imported, ${summary.updated} updated, ${summary.unchanged} unchanged, ` +
    `${summary.warned} warned, ${summary.quarantined} quarantined, ${summary.deactivated} marked inactive.`,
);
if (summary.noTheme > 0) {
  console.log(`${summary.noTheme} services reach none of the four themes: see the data-quality page.`);
}
for (const bad of summary.quarantine.slice(0, 50)) {
  console.log(`  quarantined ${bad.id ?? '(no id)'}: ${bad.reasons.join('; ')}`);
}
if (summary.quarantine.length > 50) {
  console.log(`  …and ${summary.quarantine.length - 50} more (see import_quarantine).`);
}
for (const warned of summary.warnings.slice(0, 20)) {
  console.log(`  imported ${warned.id} with a warning: ${warned.warnings.map(describeWarning).join('; ')}`);
}
if (summary.warnings.length > 20) {
  console.log(
    `  …and ${summary.warnings.length - 20} more services with warnings (see the data-quality page).`,
  );
}
if (summary.error) {
  console.error(`The feed could not be read to the end: ${summary.error}`);
  process.exit(1);
}
