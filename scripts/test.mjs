// `npm test`: every check and every test suite, then one total line that CI reads:
// lint (ESLint and Stylelint), format, unused files, exports and dependencies (knip), types, unit and
// component tests, server tests on PGlite (and on PostgreSQL when DATABASE_URL is set), and the browser tests in Chromium (@playwright/test).
import { spawn, spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const bin = (name) => join(root, 'node_modules/.bin', name);
const reports = join(root, '.tmp/test-reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const results = [];
/** Each failed test by file and name, listed again beside the totals so the end of a long log says what broke. */
const failures = [];

/** Runs one check with its output held back, printed whole when it ends, so checks can run side by side. */
function check(name, command, args) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env: process.env });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    let finished = false;
    // A command that cannot start reports an error and then closes: take the first.
    const finish = (ok) => {
      if (finished) return;
      finished = true;
      console.log(`\n▶ ${name}`);
      process.stdout.write(Buffer.concat(output));
      if (!ok) failures.push(`${name}: see its output above`);
      resolve({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, seconds: (Date.now() - started) / 1000 });
    };
    child.on('error', (error) => {
      output.push(Buffer.from(`${error.message}\n`));
      finish(false);
    });
    child.on('close', (status) => finish(status === 0));
  });
}

/**
 * The static checks, each a single-threaded process, as many at once as the machine has cores (longest
 * first, so the short ones fill in beside them); their results are listed in the order given.
 */
async function checks(list) {
  const order = [...list.keys()].sort((a, b) => list[b].longest - list[a].longest);
  const done = [];
  const lane = async () => {
    for (let next = order.shift(); next !== undefined; next = order.shift()) {
      const { name, command, args } = list[next];
      done[next] = await check(name, command, args);
    }
  };
  await Promise.all(Array.from({ length: Math.min(availableParallelism(), list.length) }, lane));
  results.push(...done);
}

function suite(name, projects, env = {}) {
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const output = join(reports, `${name.replace(/\W+/g, '-')}.json`);
  const args = ['run', ...projects.flatMap((p) => ['--project', p]), '--reporter=default', '--reporter=json'];
  const run = spawnSync(bin('vitest'), [...args, `--outputFile.json=${output}`], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  let passed = 0;
  let failed = 0;
  if (existsSync(output)) {
    const report = JSON.parse(readFileSync(output, 'utf8'));
    passed = report.numPassedTests;
    failed = report.numFailedTests + (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    // A file that fails to load reports no tests: count it, or a broken suite would look green.
    failed += report.testResults.filter(
      (f) => f.status === 'failed' && f.assertionResults.length === 0,
    ).length;
    for (const file of report.testResults) {
      const where = relative(root, file.name);
      if (file.status === 'failed' && file.assertionResults.length === 0)
        failures.push(`${name}: ${where} (did not load)`);
      for (const test of file.assertionResults)
        if (test.status !== 'passed') failures.push(`${name}: ${where} › ${test.fullName} (${test.status})`);
    }
  }
  if (run.status !== 0 && failed === 0) failed = 1;
  results.push({ name, passed, failed, seconds: (Date.now() - started) / 1000 });
}

// Playwright's own client can lose track of a network object it was just sent (microsoft/playwright#22210):
// the page is fine, the harness is not. Only that error earns a test its one retry; any other flaky test fails.
const HARNESS_RACE = /Object with guid \S+ was not bound in the connection/;

/** Every test in a Playwright JSON report, with its spec's file, line and title. */
function playwrightTests(suites) {
  const tests = (suite) => [
    ...(suite.specs ?? []).flatMap((spec) =>
      spec.tests.map((test) => ({ title: spec.title, where: `${spec.file}:${spec.line}`, ...test })),
    ),
    ...(suite.suites ?? []).flatMap(tests),
  ];
  return suites.flatMap(tests);
}

/** Tests that passed on their retry, every earlier attempt having failed only by Playwright's own race. */
function retriedAfterHarnessRace(suites) {
  return playwrightTests(suites).filter(
    (test) =>
      test.status === 'flaky' &&
      test.results
        .filter((result) => result.status !== 'passed')
        .every((result) => (result.errors ?? []).some((error) => HARNESS_RACE.test(error.message ?? ''))),
  );
}

/** The browser tests, run by Playwright; its JSON report gives the counts. */
function playwrightSuite(name, env = {}) {
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const output = join(reports, `${name.replace(/\W+/g, '-')}.json`);
  const run = spawnSync(bin('playwright'), ['test'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env, SIGNPOST_BROWSER_REPORT: output },
  });
  let passed = 0;
  let failed = 0;
  if (existsSync(output)) {
    const report = JSON.parse(readFileSync(output, 'utf8'));
    const retried = retriedAfterHarnessRace(report.suites);
    for (const test of retried)
      console.log(`(retried after Playwright's own race, then passed: ${test.title})`);
    passed = report.stats.expected + retried.length;
    failed = report.stats.unexpected + report.stats.flaky - retried.length + report.stats.skipped;
    // A file that fails to load runs no tests and is reported as an error of the run: count each one.
    failed += report.errors?.length ?? 0;
    for (const test of playwrightTests(report.suites))
      if (
        (test.status === 'unexpected' || test.status === 'flaky') &&
        !retried.some((r) => r.where === test.where && r.title === test.title)
      )
        failures.push(
          `${name}: ${relative(root, join(report.config.rootDir, test.where))} › ${test.title} (${test.status})`,
        );
    for (const error of report.errors ?? [])
      failures.push(`${name}: ${error.message?.split('\n')[0] ?? 'an error of the run'}`);
  }
  if (run.status !== 0 && failed === 0) failed = 1;
  results.push({ name, passed, failed, seconds: (Date.now() - started) / 1000 });
}

const postgresUrl = process.env.DATABASE_URL;

// `longest`: seconds each took on a 2-core CI machine, to start the longest first.
await checks([
  { name: 'lint', command: bin('eslint'), args: ['--max-warnings', '0', '.'], longest: 51 },
  { name: 'lint (CSS)', command: bin('stylelint'), args: ['--max-warnings', '0', '**/*.css'], longest: 2 },
  { name: 'format', command: bin('prettier'), args: ['--check', '.', '--log-level', 'warn'], longest: 23 },
  { name: 'unused files, exports and dependencies', command: bin('knip'), args: [], longest: 4 },
  ...[
    ['tsconfig.json', 14],
    ['tsconfig.sw.json', 6],
    ['tsconfig.server.json', 8],
    ['tsconfig.test.json', 18],
  ].map(([project, longest]) => ({
    name: `types (${project})`,
    command: bin('tsc'),
    args: ['-p', project, '--noEmit'],
    longest,
  })),
]);
suite('unit and component', ['unit', 'component']);
suite('server on PGlite', ['server'], { DATABASE_URL: '' });
if (postgresUrl) suite('server on PostgreSQL', ['server'], { DATABASE_URL: postgresUrl });
else console.log('\n(DATABASE_URL is not set: the server suite ran on PGlite only.)');
playwrightSuite('browser (Chromium)', { DATABASE_URL: '' });

const total = results.reduce((t, r) => ({ passed: t.passed + r.passed, failed: t.failed + r.failed }), {
  passed: 0,
  failed: 0,
});
console.log('\nSummary');
for (const r of results) {
  console.log(
    `  ${r.failed ? '✗' : '✓'} ${r.name.padEnd(34)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(3)} failed  ${r.seconds.toFixed(0)}s`,
  );
}
if (failures.length) console.log(`\nWhat failed\n${failures.map((f) => `  ✗ ${f}`).join('\n')}`);
console.log(`${total.passed} passed, ${total.failed} failed`);
process.exit(total.failed === 0 ? 0 : 1);
