// `npm run bench`: builds, serves and measures Signpost, prints every figure with PASS/FAIL against its
// budget, and writes bench/results.json. Numbers vary by machine, so it reports ratios beside figures
// and never fails on time alone.
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { startServer } from '../test/support/server.ts';
import { measureBytes } from './bytes.ts';
import { budgetLine, type Section } from './report.ts';
// @ts-expect-error: a plain .mjs script shared with `npm start`
import { buildIfNeeded } from '../scripts/build-if-needed.mjs';

(buildIfNeeded as () => boolean)();
const machine = {
  cpus: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
};

const sections: Section[] = [];
const server = await startServer();
try {
  sections.push(await measureBytes(server.url));
} finally {
  await server.dispose();
}

console.log(`\nSignpost benchmark — ${new Date().toISOString()}`);
console.log(
  `Machine: ${machine.cpus}, ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.platform}\n`,
);
for (const section of sections) {
  console.log(`## ${section.name}`);
  for (const [key, value] of Object.entries(section.figures))
    console.log(`  ${key}: ${JSON.stringify(value)}`);
  for (const budget of section.budgets) console.log(`  ${budgetLine(budget)}`);
  console.log('');
}
writeFileSync(
  new URL('./results.json', import.meta.url),
  JSON.stringify({ date: new Date().toISOString(), machine, sections }, null, 2) + '\n',
);
