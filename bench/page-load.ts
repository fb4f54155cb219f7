import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { findChromium } from '../test/support/chromium.ts';
import type { Budget, Section, Table } from './report.ts';
import { median, ms, round } from './stats.ts';

/** The flags the brief's phone emulation runs under: a headless Chromium with nothing of its own online. */
const LIGHTHOUSE_CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Lighthouse's own advice is the median of several runs: five, so one slow run on a busy machine cannot set it. */
const RUNS_PER_PAGE = 5;

interface PageMetrics {
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
}

async function startChromium(): Promise<{ port: number; stop: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'signpost-bench-lighthouse-'));
  const child: ChildProcess = spawn(
    findChromium(),
    [...LIGHTHOUSE_CHROMIUM_FLAGS, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start:\n${output}`)), 30_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.on('exit', (code) => reject(new Error(`Chromium exited with ${code}:\n${output}`)));
  });
  return {
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => {
          // Chromium's helper processes can still be writing to the profile for a while after it exits:
          // a folder left in the system's temporary folder must not cost the run its figures.
          try {
            rmSync(profile, { recursive: true, force: true, maxRetries: 20, retryDelay: 250 });
          } catch (error) {
            console.warn(`Left Chromium's profile at ${profile}: ${(error as Error).message}`);
          }
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

async function measurePage(url: string, port: number): Promise<PageMetrics & { throttling: unknown }> {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance'],
  });
  const lhr = result?.lhr;
  if (!lhr) throw new Error(`Lighthouse returned nothing for ${url}`);
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
  const value = (audit: string) => {
    const found = lhr.audits[audit]?.numericValue;
    if (found === undefined) throw new Error(`Lighthouse did not measure ${audit} on ${url}`);
    return found;
  };
  return {
    fcpMs: value('first-contentful-paint'),
    lcpMs: value('largest-contentful-paint'),
    tbtMs: value('total-blocking-time'),
    cls: value('cumulative-layout-shift'),
    throttling: lhr.configSettings.throttling,
  };
}

/**
 * First load of three pages on an emulated mid-range phone (Lighthouse's default mobile profile: 4× CPU
 * slowdown and slow 4G, simulated), each the median of several cold runs.
 */
export async function measurePageLoad(serverUrl: string): Promise<Section> {
  const directory = (await (await fetch(`${serverUrl}/api/v1/directory`)).json()) as {
    services: Array<{ id: string }>;
  };
  const serviceId = directory.services[0]?.id;
  const pages: Record<string, string> = {
    home: '/',
    results: '/search?q=carers',
    ...(serviceId ? { service: `/services/${serviceId}` } : {}),
  };
  const chromium = await startChromium();
  const figures: Record<string, PageMetrics & { runs: number; path: string; tbtRunsMs: number[] }> = {};
  const failures: string[] = [];
  let throttling: unknown;
  try {
    for (const [name, path] of Object.entries(pages)) {
      const runs: PageMetrics[] = [];
      for (let run = 0; run < RUNS_PER_PAGE; run++) {
        try {
          // Lighthouse now and then loses a trace on a busy machine (NO_NAVSTART): one more try.
          const measured = await measurePage(serverUrl + path, chromium.port).catch(() =>
            measurePage(serverUrl + path, chromium.port),
          );
          throttling = measured.throttling;
          runs.push(measured);
        } catch (error) {
          failures.push(`${name}: ${(error as Error).message.split('\n')[0]}`);
        }
      }
      if (runs.length === 0) continue;
      const pick = (key: keyof PageMetrics) => round(median(runs.map((r) => r[key])), key === 'cls' ? 4 : 0);
      figures[name] = {
        path,
        runs: runs.length,
        tbtRunsMs: runs.map((r) => round(r.tbtMs, 0)),
        fcpMs: pick('fcpMs'),
        lcpMs: pick('lcpMs'),
        tbtMs: pick('tbtMs'),
        cls: pick('cls'),
      };
    }
  } finally {
    await chromium.stop();
  }

  const table: Table = {
    columns: ['page', 'FCP', 'LCP', 'TBT', 'CLS'],
    rows: Object.entries(figures).map(([name, f]) => [
      `${name} (${f.path.length > 24 ? `${f.path.slice(0, 22)}…` : f.path})`,
      ms(f.fcpMs),
      ms(f.lcpMs),
      ms(f.tbtMs),
      f.cls.toFixed(3),
    ]),
  };
  const budgets: Budget[] = Object.entries(figures).flatMap(([name, f]) => [
    { name: `LCP, emulated phone, ${name}`, value: f.lcpMs, limit: 2500, unit: 'ms' },
    { name: `TBT, emulated phone, ${name}`, value: f.tbtMs, limit: 200, unit: 'ms' },
  ]);
  return {
    name: 'page load (Lighthouse, emulated phone)',
    figures: { ...figures, throttling, failures },
    budgets,
    tables: [table],
    notes: [
      `Median of ${RUNS_PER_PAGE} cold loads per page; Lighthouse mobile profile, simulated slow 4G and 4× CPU slowdown.`,
      ...Object.entries(figures).map(
        ([name, f]) => `${name}: TBT of each run ${f.tbtRunsMs.map((value) => ms(value)).join(', ')}`,
      ),
      ...(serviceId ? [] : ['service page not measured: the directory was empty']),
      ...failures.map((failure) => `a run failed twice, ${failure}`),
    ],
  };
}
