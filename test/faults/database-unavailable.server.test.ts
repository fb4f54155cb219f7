import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../src/domain/service.ts';
import { DatabaseUnavailableError, type Database } from '../../src/server/db/database.ts';
import { openPostgres } from '../../src/server/db/postgres.ts';
import { createApp } from '../../src/server/http/app.ts';
import { makeDirectory } from '../support/make-services.ts';
import { databaseKind, openTestDatabase } from '../support/database.ts';
import { DatabaseLine, type Outage } from './database-line.ts';
import { storeServicesDirectly } from './directory-rows.ts';

const services = makeDirectory().slice(0, 3);
const someone = services[0]!;

/** Every API route that reads the database, as a phone or another council system would call it. */
const ROUTES = [
  '/api/health',
  '/api/v1/directory',
  '/api/v1/directory?since=2026-01-01T00:00:00Z',
  '/api/oruk/services',
  `/api/oruk/services/${someone.id}`,
];

const pressedSend = new Date().toISOString();

/** A submission as a phone's outbox sends it, and sends again, unchanged, until it is stored. */
function feedbackRequest(id: string): RequestInit {
  const submission = {
    kind: 'experience',
    id,
    createdAt: pressedSend,
    formVersion: 1,
    answers: { control: 'enough' },
    consent: { storeWords: false, quote: false, contact: false },
    respondent: 'resident',
    howAnswered: 'own',
    channel: 'self-online',
  };
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(submission),
  };
}

/** The one error shape, with the advice to come back later rather than a 500 that says nothing. */
async function expectUnavailable(response: Response, route: string): Promise<void> {
  expect(response.status, route).toBe(503);
  expect(response.headers.get('content-type'), route).toContain('application/json');
  expect(response.headers.get('retry-after'), route).toMatch(/^\d+$/);
  expect(response.headers.get('cache-control'), route).toBe('no-store');
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body.error.code, route).toBe('database_unavailable');
  expect(body.error.message, route).toMatch(/try again/i);
}

async function expectServedAgain(app: ReturnType<typeof createApp>): Promise<void> {
  for (const route of ROUTES) {
    const response = await app.request(route);
    expect(response.status, route).toBe(200);
  }
  const directory = (await (await app.request('/api/v1/directory')).json()) as { services: Service[] };
  expect(directory.services.map((s) => s.id)).toEqual(services.map((s) => s.id).sort());
}

/** Gives up on a request that has not been answered in `ms`, so a hang fails the test instead of stalling it. */
async function answerWithin(app: ReturnType<typeof createApp>, route: string, ms: number): Promise<Response> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${route} was not answered within ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([app.request(route), late]);
  } finally {
    clearTimeout(timer);
  }
}

let base: Database;
let drop: () => Promise<void>;
let baseUrl: string | undefined;

beforeAll(async () => {
  ({ db: base, drop, url: baseUrl } = await openTestDatabase());
  await storeServicesDirectly(base, services);
});
afterAll(async () => {
  await drop();
});

describe(`when the database layer reports it is unavailable (${databaseKind})`, () => {
  let down = false;
  const refused = () => new DatabaseUnavailableError(new Error('connect ECONNREFUSED'));
  const failing: Database = {
    get kind() {
      return base.kind;
    },
    query: <Row>(sql: string, params?: readonly unknown[]) =>
      down ? Promise.reject(refused()) : base.query<Row>(sql, params),
    transaction: (work) => (down ? Promise.reject(refused()) : base.transaction(work)),
    close: async () => {},
  };
  const app = createApp({ db: failing, version: 'test' });

  it('answers 503 in the JSON error shape on every route, then serves again by itself', async () => {
    // Served once first, so the directory snapshot is cached: an outage must not serve it stale or broken.
    expect((await app.request('/api/v1/directory')).status).toBe(200);
    down = true;
    for (const route of ROUTES) await expectUnavailable(await app.request(route), route);
    down = false;
    await expectServedAgain(app);
  });

  it('answers a feedback submission 503 while it is down, and stores it once when it is sent again', async () => {
    const id = randomUUID();
    down = true;
    await expectUnavailable(await app.request('/api/v1/feedback', feedbackRequest(id)), 'feedback');
    down = false;
    expect((await app.request('/api/v1/feedback', feedbackRequest(id))).status).toBe(201);
    expect((await app.request('/api/v1/feedback', feedbackRequest(id))).status).toBe(200);
    const rows = await base.query('select 1 from feedback_responses where id = $1', [id]);
    expect(rows).toHaveLength(1);
  });
});

// The PostgreSQL pass runs these: a real server, reached through a proxy the test can cut.
if (process.env.DATABASE_URL) {
  describe('when PostgreSQL goes away and comes back', () => {
    let line: DatabaseLine;
    let db: Database;
    let app: ReturnType<typeof createApp>;

    beforeAll(async () => {
      const target = new URL(baseUrl!);
      line = new DatabaseLine({ host: target.hostname, port: Number(target.port || 5432) });
      const port = await line.start();
      const throughLine = new URL(baseUrl!);
      throughLine.hostname = '127.0.0.1';
      throughLine.port = String(port);
      db = await openPostgres(throughLine.toString());
      app = createApp({ db, version: 'test' });
    });
    // A failed case must not leave the next one without a database.
    afterEach(() => line.restore());
    afterAll(async () => {
      await db.close();
      await line.close();
    });

    const OUTAGES: Array<[Outage, string]> = [
      ['stopped', 'PostgreSQL stops'],
      ['dropping', 'every connection is closed as soon as it opens'],
      ['silent', 'the network stops carrying anything'],
    ];
    it.each(OUTAGES)(
      'answers 503 within 15 s when %s (%s), and serves again by itself when it returns',
      async (outage) => {
        await expectServedAgain(app);
        await line.cut(outage);
        // Twice: the first request finds its old connection gone; the second needs a new one.
        for (const route of ['/api/health', '/api/v1/directory'])
          await expectUnavailable(await answerWithin(app, route, 15_000), route);
        await line.restore();
        await expect
          .poll(async () => (await app.request('/api/health')).status, { timeout: 10_000 })
          .toBe(200);
        await expectServedAgain(app);
      },
      45_000,
    );
  });
}
