// `npm test`: every check and every test suite, then one total line that CI reads:
// lint (ESLint and Stylelint), format, unused files, exports and dependencies (knip), types, unit and
// component tests, server tests on PGlite (and on PostgreSQL when DATABASE_URL is set), and the browser tests in Chromium (@playwright/test).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const bin = (name) => join(root, 'node_modules/.bin', name);
const reports = join(root, '.tmp/test-reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const results = [];

function check(name, command, args, env = {}) {
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const run = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = run.status === 0;
  results.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, seconds: (Date.now() - started) / 1000 });
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
  }
  if (run.status !== 0 && failed === 0) failed = 1;
  results.push({ name, passed, failed, seconds: (Date.now() - started) / 1000 });
}

// Playwright's own client can lose track of a network object it was just sent (microsoft/playwright#22210):
// the page is fine, the harness is not. Only that error earns a test its one retry; any other flaky test fails.
const HARNESS_RACE = /Object with guid \S+ was not bound in the connection/;

/** Tests that passed on their retry, every earlier attempt having failed only by Playwright's own race. */
function retriedAfterHarnessRace(suites) {
  const tests = (suite) => [
    ...(suite.specs ?? []).flatMap((spec) => spec.tests.map((test) => ({ title: spec.title, ...test }))),
    ...(suite.suites ?? []).flatMap(tests),
  ];
  return suites
    .flatMap(tests)
    .filter(
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
  }
  if (run.status !== 0 && failed === 0) failed = 1;
  results.push({ name, passed, failed, seconds: (Date.now() - started) / 1000 });
}

const postgresUrl = process.env.DATABASE_URL;

check('lint', bin('eslint'), ['--max-warnings', '0', '.']);
check('lint (CSS)', bin('stylelint'), ['--max-warnings', '0', '**/*.css']);
check('format', bin('prettier'), ['--check', '.', '--log-level', 'warn']);
check('unused files, exports and dependencies', bin('knip'), []);
for (const project of ['tsconfig.json', 'tsconfig.sw.json', 'tsconfig.server.json', 'tsconfig.test.json']) {
  check(`types (${project})`, bin('tsc'), ['-p', project, '--noEmit']);
}
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
console.log(`${total.passed} passed, ${total.failed} failed`);
process.exit(total.failed === 0 ? 0 : 1);
