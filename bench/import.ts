import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '../src/server/db/database.ts';
import { migrate } from '../src/server/db/migrate.ts';
import { openPglite } from '../src/server/db/pglite.ts';
import { openPostgres } from '../src/server/db/postgres.ts';
import { importDirectory } from '../src/server/directory/import.ts';
import { messyFeed } from '../scripts/lib/messy-feed.ts';
import { writeOrukFeed } from './directories.ts';
import { wireBytes } from './http-bytes.ts';
import { throwawayDatabase } from './postgres.ts';
import type { Section, Table } from './report.ts';
import { count, kib, round } from './stats.ts';

export const IMPORT_SIZE = 50_000;
/** The messy feed, made the way real council feeds are (HTML descriptions, bad urls, no taxonomy), larger. */
export const MESSY_IMPORT_SIZE = 10_000;

interface ImportFigures {
  measured: true;
  services: number;
  seconds: number;
  perSecond: number;
  quarantined: number;
  warned: number;
  noTheme: number;
}

type Outcome = ImportFigures | { measured: false; reason: string };

/** A first import into an empty directory, as a council's first full load. */
async function timeImport(db: Database, feed: string): Promise<ImportFigures> {
  await migrate(db);
  const started = performance.now();
  const summary = await importDirectory(db, feed);
  const seconds = (performance.now() - started) / 1000;
  if (summary.error) throw new Error(summary.error);
  return {
    measured: true,
    services: summary.read,
    seconds: round(seconds),
    perSecond: Math.round(summary.read / seconds),
    quarantined: summary.quarantined,
    warned: summary.warned,
    noTheme: summary.noTheme,
  };
}

async function onPglite(feed: string): Promise<Outcome> {
  const folder = mkdtempSync(join(tmpdir(), 'signpost-bench-pglite-'));
  const db = await openPglite(folder);
  try {
    return await timeImport(db, feed);
  } catch (error) {
    return { measured: false, reason: (error as Error).message };
  } finally {
    await db.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

async function onPostgres(feed: string, serverUrl: string | undefined, why: string): Promise<Outcome> {
  if (!serverUrl) return { measured: false, reason: why };
  const database = await throwawayDatabase(serverUrl);
  const db = await openPostgres(database.url);
  try {
    return await timeImport(db, feed);
  } catch (error) {
    return { measured: false, reason: (error as Error).message };
  } finally {
    await db.close();
    await database.drop();
  }
}

/** Sizes of `GET /api/v1/directory` for the sample directory, as a phone downloads it on first start. */
async function directorySize(serverUrl: string) {
  const url = `${serverUrl}/api/v1/directory`;
  const [raw, gzip, brotli] = await Promise.all([
    wireBytes(url, { 'accept-encoding': 'identity' }),
    wireBytes(url, { 'accept-encoding': 'gzip' }),
    wireBytes(url, { 'accept-encoding': 'br' }),
  ]);
  const body = (await (await fetch(url)).json()) as { services: unknown[] };
  return {
    services: body.services.length,
    rawBytes: raw.bytes,
    gzipBytes: gzip.bytes,
    brotliBytes: brotli.bytes,
  };
}

export async function measureImport(options: {
  serverUrl: string;
  postgresUrl?: string;
  postgresReason?: string;
}): Promise<Section> {
  const folder = mkdtempSync(join(tmpdir(), 'signpost-bench-feed-'));
  const feed = join(folder, `directory-${IMPORT_SIZE}.json`);
  const messy = join(folder, `messy-${MESSY_IMPORT_SIZE}.json`);
  try {
    const generated = performance.now();
    await writeOrukFeed(IMPORT_SIZE, feed);
    const generateSeconds = round((performance.now() - generated) / 1000);
    writeFileSync(messy, JSON.stringify(messyFeed(MESSY_IMPORT_SIZE)));
    const pglite = await onPglite(feed);
    const postgresql = await onPostgres(feed, options.postgresUrl, options.postgresReason ?? 'no PostgreSQL');
    const messyPglite = await onPglite(messy);
    const messyPostgresql = await onPostgres(
      messy,
      options.postgresUrl,
      options.postgresReason ?? 'no PostgreSQL',
    );
    const size = await directorySize(options.serverUrl);

    const row = (name: string, o: Outcome) =>
      o.measured
        ? [
            name,
            `${o.seconds.toFixed(1)} s`,
            `${count(o.perSecond)}/s`,
            count(o.warned),
            count(o.quarantined),
            count(o.noTheme),
          ]
        : [name, 'not measured', '', '', '', ''];
    const tables: Table[] = [
      {
        columns: [
          'import into an empty directory',
          'time',
          'services/s',
          'warned',
          'quarantined',
          'no theme',
        ],
        rows: [
          row(`clean, ${count(IMPORT_SIZE)}, PGlite (on disk)`, pglite),
          row(`clean, ${count(IMPORT_SIZE)}, PostgreSQL`, postgresql),
          row(`messy, ${count(MESSY_IMPORT_SIZE)}, PGlite (on disk)`, messyPglite),
          row(`messy, ${count(MESSY_IMPORT_SIZE)}, PostgreSQL`, messyPostgresql),
        ],
      },
      {
        columns: [`GET /api/v1/directory (${size.services} sample services)`, 'bytes', 'of raw'],
        rows: [
          ['raw JSON', kib(size.rawBytes), '100%'],
          ['gzip', kib(size.gzipBytes), `${((size.gzipBytes / size.rawBytes) * 100).toFixed(0)}%`],
          ['brotli', kib(size.brotliBytes), `${((size.brotliBytes / size.rawBytes) * 100).toFixed(0)}%`],
        ],
      },
    ];
    const notes = [
      `The clean ${count(IMPORT_SIZE)}-service ORUK feed (${kib(statSync(feed).size)}) was written by scripts/generate-directory.ts in ${generateSeconds} s and imported into an empty directory.`,
      `The messy ${count(MESSY_IMPORT_SIZE)}-service feed (${kib(statSync(messy).size)}, fictional) is the import tests' fixture made larger by scripts/lib/messy-feed.ts: rich-text HTML descriptions converted at import, malformed urls and emails repaired or set aside, no taxonomy on most services, a few unusable records.`,
    ];
    for (const [name, o] of [
      ['PGlite, clean', pglite],
      ['PostgreSQL, clean', postgresql],
      ['PGlite, messy', messyPglite],
      ['PostgreSQL, messy', messyPostgresql],
    ] as const) {
      if (!o.measured) notes.push(`${name} import not measured: ${o.reason}`);
    }
    return {
      name: 'directory import and size',
      figures: {
        feedBytes: statSync(feed).size,
        pglite,
        postgresql,
        messyFeedBytes: statSync(messy).size,
        messyPglite,
        messyPostgresql,
        directory: size,
      },
      budgets: [],
      tables,
      notes,
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
