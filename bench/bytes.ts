import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { launchChromium } from '../test/support/chromium.ts';
import { distDir } from '../test/support/server.ts';
import type { Budget, Section, Table } from './report.ts';
import { kib } from './stats.ts';

const root = new URL('..', import.meta.url).pathname;
const client = join(distDir, 'client');

const gz = (b: Buffer) => gzipSync(b, { level: 9 }).length;
const br = (b: Buffer) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/**
 * What the first page really fetches, read from a real browser, then measured compressed from disk; the
 * scripts of the workers it starts are told apart, since they run off the page's thread.
 */
async function firstPageFiles(url: string): Promise<{ paths: string[]; workers: Set<string> }> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const paths = new Set<string>();
    const workers = new Set<string>();
    page.on('request', (request) => {
      const { pathname, origin } = new URL(request.url());
      if (origin === new URL(url).origin) paths.add(pathname);
    });
    page.on('worker', (worker) => workers.add(new URL(worker.url()).pathname));
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.locator('h1').waitFor();
    return { paths: [...paths], workers };
  } finally {
    await browser.close();
  }
}

export async function measureBytes(serverUrl: string): Promise<Section> {
  const { paths: requested, workers } = await firstPageFiles(serverUrl + '/');
  const onDisk = (path: string) => readFileSync(join(client, path === '/' ? 'index.html' : path));
  const scripts = requested.filter((p) => p.endsWith('.js') && p !== '/sw.js');
  const js = scripts.filter((p) => !workers.has(p)).map(onDisk);
  const workerJs = scripts.filter((p) => workers.has(p)).map(onDisk);
  const css = requested.filter((p) => p.endsWith('.css')).map(onDisk);
  const html = onDisk('/');
  const sum = (files: Buffer[], f: (b: Buffer) => number) => files.reduce((t, b) => t + f(b), 0);

  const precache = readFileSync(join(client, 'sw.js'), 'utf8');
  const precacheUrls = [...precache.matchAll(/"url":"([^"]+)"/g)].map((m) => m[1] as string);
  const precacheBytes = precacheUrls.reduce((t, u) => t + statSync(join(client, u)).size, 0);

  const localesDir = join(root, 'locales');
  const perLanguageGzip = Object.fromEntries(
    readdirSync(localesDir).map((lng) => [
      lng,
      readdirSync(join(localesDir, lng)).reduce((t, f) => t + gz(readFileSync(join(localesDir, lng, f))), 0),
    ]),
  );

  const figures = {
    firstPageJsFiles: js.length,
    firstPageJsGzip: sum(js, gz),
    firstPageJsBrotli: sum(js, br),
    workerJsGzip: sum(workerJs, gz),
    firstPageCssGzip: sum(css, gz),
    firstPageCssBrotli: sum(css, br),
    criticalHtmlCssGzip: gz(html) + sum(css, gz),
    precacheEntries: precacheUrls.length,
    precacheBytes,
    perLanguageGzip,
  };
  const budgets: Budget[] = [
    {
      name: 'First-page JavaScript, gzipped',
      value: figures.firstPageJsGzip,
      limit: 60 * 1024,
      unit: 'bytes',
    },
    {
      name: 'Critical HTML + CSS, compressed',
      value: figures.criticalHtmlCssGzip,
      limit: 14 * 1024,
      unit: 'bytes',
    },
  ];
  const tables: Table[] = [
    {
      columns: ['first page', 'gzip', 'brotli'],
      rows: [
        [`JavaScript (${js.length} files)`, kib(figures.firstPageJsGzip), kib(figures.firstPageJsBrotli)],
        [
          `worker scripts, after first paint (${workerJs.length})`,
          kib(figures.workerJsGzip),
          kib(sum(workerJs, br)),
        ],
        ['CSS', kib(figures.firstPageCssGzip), kib(figures.firstPageCssBrotli)],
        ['HTML + CSS (critical)', kib(figures.criticalHtmlCssGzip), ''],
      ],
    },
    {
      columns: ['offline', 'size'],
      rows: [
        [`precache (${precacheUrls.length} files, uncompressed)`, kib(precacheBytes)],
        ...Object.entries(perLanguageGzip).map(([lng, bytes]) => [`language "${lng}", gzipped`, kib(bytes)]),
      ],
    },
  ];
  const notes = [
    "First-page JavaScript is what the home page itself loads until the network is idle. Worker scripts (the directory download; search on the results page) run off the page's thread after first paint, and are counted apart.",
  ];
  return { name: 'bytes', figures, budgets, tables, notes };
}
