import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '../../src/server/db/database.ts';
import { openPglite } from '../../src/server/db/pglite.ts';
import { openPostgres } from '../../src/server/db/postgres.ts';
import { startServer, type RunningServer } from '../../test/support/server.ts';
import { throwawayDatabase } from '../postgres.ts';
import type { Budget, Section, Table } from '../report.ts';
import { count, ms, ratio, round } from '../stats.ts';
import {
  SOAK,
  drainThroughApi,
  feedbackEndpointExists,
  soakFeedback,
  verifyStoredOnce,
  type DrainFigures,
  type SoakOutcome,
} from './feedback.ts';
import { drainInChromium } from './outbox-drain.ts';
import { runLoad, type LoadSummary, type LoadTarget } from './plan.ts';
import { prepareFieldWorker, signIn, type StaffAccount } from './staff.ts';

/** Enough concurrent clients to keep two cores busy; short runs, so the whole benchmark stays bounded. */
const CONNECTIONS = 16;
const SECONDS = 4;
const WARMUP_SECONDS = 1;

const BASELINE = 'no-op: GET /api/health';

interface EndpointFigures extends LoadSummary {
  name: string;
  /** Submissions (or responses) per second: a batch request carries 100. */
  itemsPerSecond: number;
  /** Items per second as a share of the no-op route's requests per second on the same server. */
  ofNoop: number;
}

/** A batch of 100 keeps a server busy far longer than one request: fewer clients, a longer run. */
const BATCH_RUN = { connections: 4, seconds: 8 };

interface StoredOnce {
  accepted: number;
  stored: number;
  missing: number;
  duplicated: number;
}

interface BackendFigures {
  measured: true;
  endpoints: EndpointFigures[];
  feedback:
    | 'not there yet'
    | { soak: SoakOutcome['summary']; stored: StoredOnce; drain: DrainFigures; drainNote?: string };
}

type BackendOutcome = BackendFigures | { measured: false; reason: string };

async function targetsFor(server: RunningServer): Promise<Array<[string, LoadTarget]>> {
  const response = await fetch(`${server.url}/api/v1/directory`);
  const etag = response.headers.get('etag') ?? '';
  const directory = (await response.json()) as { services: Array<{ id: string }> };
  const id = directory.services[0]?.id;
  const targets: Array<[string, LoadTarget]> = [
    [BASELINE, { kind: 'get', path: '/api/health' }],
    [
      'GET /api/v1/directory (brotli)',
      { kind: 'get', path: '/api/v1/directory', headers: { 'accept-encoding': 'br, gzip' } },
    ],
    [
      'GET /api/v1/directory, If-None-Match → 304',
      {
        kind: 'get',
        path: '/api/v1/directory',
        headers: { 'accept-encoding': 'br, gzip', 'if-none-match': etag },
      },
    ],
  ];
  if (id) targets.push(['GET /api/oruk/services/{id}', { kind: 'get', path: `/api/oruk/services/${id}` }]);
  return targets;
}

/** The outbox drain in Chromium with the app's own outbox; through the API when that cannot run. */
async function drain(server: RunningServer, account: StaffAccount): Promise<[DrainFigures, string?]> {
  try {
    return [await drainInChromium(server.url, account)];
  } catch (error) {
    const why = (error as Error).message.split('\n')[0]!;
    return [
      await drainThroughApi(server.url, await signIn(server.url, account)),
      `Chromium drain failed: ${why}`,
    ];
  }
}

async function measureBackend(
  prepare: () => Promise<Database>,
  start: () => Promise<RunningServer>,
  openDb: (server: RunningServer) => Promise<Database>,
): Promise<BackendOutcome> {
  let server: RunningServer | undefined;
  try {
    const before = await prepare();
    const account = await prepareFieldWorker(before).finally(() => before.close());
    server = await start();
    const targets = await targetsFor(server);
    const feedback = await feedbackEndpointExists(server.url);
    if (feedback) {
      targets.push(['POST /api/v1/feedback, one submission', { kind: 'feedback', batchSize: 1 }]);
      targets.push(['POST /api/v1/feedback, batch of 100', { kind: 'feedback', batchSize: 100 }]);
    }
    const endpoints: EndpointFigures[] = [];
    for (const [name, target] of targets) {
      const batch = target.kind === 'feedback' && target.batchSize > 1;
      const summary = await runLoad({
        url: server.url,
        target,
        connections: batch ? BATCH_RUN.connections : CONNECTIONS,
        durationSeconds: batch ? BATCH_RUN.seconds : SECONDS,
        warmupSeconds: WARMUP_SECONDS,
      });
      const items = target.kind === 'feedback' ? target.batchSize : 1;
      const noop = endpoints[0]?.requestsPerSecond ?? summary.requestsPerSecond;
      const itemsPerSecond = summary.requestsPerSecond * items;
      endpoints.push({ name, ...summary, itemsPerSecond, ofNoop: round(itemsPerSecond / noop, 3) });
    }
    if (!feedback) return { measured: true, endpoints, feedback: 'not there yet' };

    const soak = await soakFeedback(server.url);
    const [drained, drainNote] = await drain(server, account);
    const db = await openDb(server);
    try {
      const stored = await verifyStoredOnce(db, soak.acceptedIds);
      return {
        measured: true,
        endpoints,
        feedback: { soak: soak.summary, stored, drain: drained, ...(drainNote ? { drainNote } : {}) },
      };
    } finally {
      await db.close();
    }
  } catch (error) {
    return { measured: false, reason: (error as Error).message.split('\n')[0]! };
  } finally {
    await server?.dispose();
  }
}

function tableOf(backend: string, outcome: BackendFigures): Table {
  return {
    columns: [backend, 'req/s', 'items/s', 'of no-op', 'p50', 'p90', 'p99', 'statuses'],
    rows: outcome.endpoints.map((e) => [
      e.name,
      count(e.requestsPerSecond),
      count(e.itemsPerSecond),
      ratio(e.ofNoop),
      ms(e.latencyMs.p50),
      ms(e.latencyMs.p90),
      ms(e.latencyMs.p99),
      Object.entries(e.statusCounts)
        .map(([status, n]) => `${status}×${n}`)
        .join(' ') + (e.errors ? ` errors×${e.errors}` : ''),
    ]),
  };
}

export async function measureServerLoad(options: {
  postgresUrl?: string;
  postgresReason?: string;
}): Promise<Section> {
  const dataDir = mkdtempSync(join(tmpdir(), 'signpost-bench-load-'));
  const pglite = await measureBackend(
    () => openPglite(join(dataDir, 'pgdata')),
    () => startServer({ dataDir, env: { TRUST_PROXY: '1' } }),
    async (server) => {
      // PGlite is one process's database: read it once the server has let go of it.
      await server.stop();
      return openPglite(join(server.dataDir, 'pgdata'));
    },
  );
  let postgresql: BackendOutcome = {
    measured: false,
    reason: options.postgresReason ?? 'no PostgreSQL server',
  };
  if (options.postgresUrl) {
    const database = await throwawayDatabase(options.postgresUrl);
    try {
      postgresql = await measureBackend(
        () => openPostgres(database.url),
        () => startServer({ env: { DATABASE_URL: database.url, TRUST_PROXY: '1' } }),
        () => openPostgres(database.url),
      );
    } finally {
      await database.drop();
    }
  }

  const tables: Table[] = [];
  const budgets: Budget[] = [];
  const notes = [
    `autocannon in a child process, ${CONNECTIONS} connections, ${SECONDS} s per route after ${WARMUP_SECONDS} s warm-up (batches: ${BATCH_RUN.connections} connections, ${BATCH_RUN.seconds} s), against a server started on 127.0.0.1 with the sample directory.`,
    'The no-op baseline is GET /api/health: the whole HTTP stack plus one `select 1`, the least any API request does; "of no-op" is items/s over its req/s on the same server.',
    'Feedback is sent as many phones send it: each request from another address (X-Forwarded-For, the server trusting its proxy), so the per-address limit is exercised but not hit.',
  ];
  for (const [backend, outcome] of [
    ['PGlite', pglite],
    ['PostgreSQL', postgresql],
  ] as const) {
    if (!outcome.measured) {
      notes.push(`${backend} not measured: ${outcome.reason}`);
      continue;
    }
    tables.push(tableOf(backend, outcome));
    if (outcome.feedback === 'not there yet') {
      notes.push(
        `${backend}: POST /api/v1/feedback is not there yet, so ingest, the ${SOAK.connections}-client soak and the outbox drain were not measured.`,
      );
      continue;
    }
    const single = outcome.endpoints.find((e) => e.name.includes('one submission'));
    if (single) {
      budgets.push({
        name: `Feedback ingest on ${backend}, as a share of the no-op rate`,
        value: single.ofNoop,
        limit: 0.3,
        unit: 'ratio',
        atLeast: true,
      });
    }
    const { soak, stored, drain: drained, drainNote } = outcome.feedback;
    tables.push({
      columns: [`${backend}: feedback`, 'figure'],
      rows: [
        [
          `soak: ${SOAK.connections} clients × ${SOAK.durationSeconds} s`,
          `${count(soak.requestsPerSecond)} req/s, p50 ${ms(soak.latencyMs.p50)}, p99 ${ms(soak.latencyMs.p99)}`,
        ],
        [
          'soak: answers',
          Object.entries(soak.statusCounts)
            .map(([k, v]) => `${k}×${v}`)
            .join(' ') + (soak.errors ? ` errors×${soak.errors}` : ''),
        ],
        [
          'soak: accepted, then found in the database',
          `${count(stored.accepted)} accepted, ${count(stored.stored)} stored once, ${stored.missing} missing, ${stored.duplicated} twice`,
        ],
        [
          `drain ${count(drained.items)} queued (${drained.how})`,
          `${ms(drained.totalMs)}, ${count(drained.stored)} stored`,
        ],
      ],
    });
    budgets.push({
      name: `Every accepted submission stored exactly once on ${backend} (missing + duplicated)`,
      value: stored.missing + stored.duplicated,
      limit: 0,
      unit: 'submissions',
    });
    if (drainNote) notes.push(`${backend}: ${drainNote}`);
  }
  return {
    name: 'server under load',
    figures: { connections: CONNECTIONS, secondsPerRoute: SECONDS, pglite, postgresql },
    budgets,
    tables,
    notes,
  };
}
