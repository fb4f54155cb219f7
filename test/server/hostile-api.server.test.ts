import { serve, type ServerType } from '@hono/node-server';
import fc from 'fast-check';
import { request } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Service } from '../../src/domain/service.ts';
import type { StaffRole } from '../../src/domain/staff.ts';
import { createStaffUser } from '../../src/server/auth/index.ts';
import { startSession, SESSION_COOKIE } from '../../src/server/auth/sessions.ts';
import { setStaffPassword } from '../../src/server/auth/users.ts';
import type { Database } from '../../src/server/db/database.ts';
import { createApp } from '../../src/server/http/app.ts';
import { storeServicesDirectly } from '../faults/directory-rows.ts';
import {
  deeplyNested,
  hostileBody,
  hostileContentType,
  hostileQuery,
  queryPart,
} from '../faults/hostile-values.ts';
import { databaseKind, openTestDatabase } from '../support/database.ts';
import { makeDirectory } from '../support/make-services.ts';

/** Every query parameter any route reads, so hostile values reach the validation and the SQL behind it. */
const QUERY_NAMES = [
  'since',
  'page',
  'per_page',
  'search',
  'modified_after',
  'taxonomy_term_id',
  'period',
  'by',
  'from',
  'to',
  'reference',
  'district',
  'state',
  'limit',
];
/** Encoded values that each broke a route once: NUL, lone surrogates, years PostgreSQL has not got, SQL. */
const BREAKING_VALUES = [
  'a%00b',
  '%ED%A0%80',
  '%FF',
  '0000-01-01T00%3A00%3A00Z',
  '0001-01-01T00%3A00%3A00Z',
  '99999999999999999999',
  "'%20or%201%3D1--",
  '%25',
];
const ROLES: Array<StaffRole | undefined> = [undefined, 'field', 'analyst', 'admin'];
const RUNS = 60;

const services = makeDirectory();
let db: Database;
let drop: () => Promise<void>;
let server: ServerType;
let origin: string;
const staff = new Map<StaffRole, string>();
let routes: Array<{ method: string; path: string }>;

beforeAll(async () => {
  ({ db, drop } = await openTestDatabase());
  await storeServicesDirectly(db, services);
  for (const role of ['field', 'analyst', 'admin'] as const) {
    const { user } = await createStaffUser(db, { email: `${role}@signpost.example`, role });
    await setStaffPassword(db, user.id, `a long and hostile passphrase for ${role}`);
    staff.set(role, user.id);
  }
  const app = createApp({ db, version: 'test' });
  routes = [
    ...new Map(
      app.routes
        .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api'))
        .map((r) => [`${r.method} ${r.path}`, { method: r.method, path: r.path }]),
    ).values(),
  ];
  // Real HTTP, so Node's parser and the adapter between it and the app are attacked too.
  server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await drop();
});

async function sessionCookie(role: StaffRole | undefined): Promise<Record<string, string>> {
  if (!role) return {};
  const { token } = await startSession(db, staff.get(role)!);
  return { cookie: `${SESSION_COOKIE}=${token}` };
}

/** A route's path with each `:param` and `*` filled with an encoded hostile value. */
function fill(path: string, values: string[]): string {
  let i = 0;
  return path.replace(/:\w+(\{[^}]*\})?|\*/g, () => values[i++ % values.length] ?? 'x');
}

interface Answer {
  status: number;
  contentType: string;
  text: string;
}

/**
 * One request over node:http rather than fetch: a server may answer before it has read a body it
 * refuses and then close the connection, and the answer is what a client gets, so keep it.
 */
function send(
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string | Uint8Array } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const headers = { ...init.headers };
    // node:http sends a DELETE body with neither length nor chunking unless told its length.
    if (init.body !== undefined) headers['content-length'] = String(Buffer.byteLength(init.body));
    // A body gets a connection of its own: one a refused body left closing must not be reused.
    const agent = init.body === undefined ? undefined : false;
    const req = request(origin + path, { method: init.method ?? 'GET', headers, agent }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          contentType: String(res.headers['content-type'] ?? ''),
          text: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      res.on('error', reject);
    });
    // Writing the rest of a refused body fails once the server has closed: the answer is already here.
    req.on('error', (error) => (answered ? undefined : reject(error)));
    req.end(init.body);
  });
}

/** Never a 5xx; every 4xx in the one JSON error shape, so a client needs one error handler. */
function expectHandled(answer: Answer, label: string): void {
  const said = `${label.slice(0, 300)} → ${answer.status} ${answer.text.slice(0, 200)}`;
  expect(answer.status, said).toBeLessThan(500);
  if (answer.status < 400) return;
  expect(answer.contentType, said).toContain('application/json');
  const body = JSON.parse(answer.text) as { error?: { code?: unknown; message?: unknown } };
  expect(Object.keys(body), said).toEqual(['error']);
  expect(typeof body.error?.code, said).toBe('string');
  expect(typeof body.error?.message, said).toBe('string');
}

describe(`hostile input at every API route, over HTTP (${databaseKind})`, () => {
  it('finds the routes to attack in the app itself, so a new route is attacked too', () => {
    const names = routes.map((r) => `${r.method} ${r.path}`);
    expect(names).toEqual(
      expect.arrayContaining([
        'GET /api/health',
        'GET /api/v1/directory',
        'GET /api/oruk/services',
        'GET /api/oruk/services/:id',
      ]),
    );
  });

  it('answers hostile query strings and path values on every GET route without a 5xx', async () => {
    const gets = routes.filter((r) => r.method === 'GET');
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...gets),
        fc.array(queryPart, { minLength: 1, maxLength: 3 }),
        hostileQuery(QUERY_NAMES),
        fc.constantFrom(...ROLES),
        async (route, values, query, role) => {
          const path = `${fill(route.path, values)}?${query}`;
          expectHandled(await send(path, { headers: await sessionCookie(role) }), `GET ${path} as ${role}`);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('answers each path value and query parameter on every GET route, given values that break things, without a 5xx', async () => {
    const failures: string[] = [];
    const check = async (path: string) => {
      const answer = await send(path);
      if (answer.status >= 500) failures.push(`GET ${path} → ${answer.status}`);
    };
    for (const route of routes.filter((r) => r.method === 'GET')) {
      for (const value of BREAKING_VALUES) {
        if (route.path.includes(':')) await check(fill(route.path, [value]));
        for (const name of QUERY_NAMES) await check(`${fill(route.path, ['x'])}?${name}=${value}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('answers hostile bodies and content types on every route that changes state without a 5xx', async () => {
    const changes = routes.filter((r) => r.method !== 'GET');
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...changes),
        fc.array(queryPart, { minLength: 1, maxLength: 3 }),
        hostileBody,
        hostileContentType,
        fc.constantFrom(...ROLES),
        async (route, values, body, contentType, role) => {
          const path = fill(route.path, values);
          const headers: Record<string, string> = { ...(await sessionCookie(role)), origin };
          if (contentType) headers['content-type'] = contentType;
          const label = `${route.method} ${path} (${contentType}) as ${role}: ${String(body).slice(0, 80)}`;
          expectHandled(await send(path, { method: route.method, headers, body }), label);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('refuses a body over the limit with 413 in the JSON error shape on every route that reads one', async () => {
    const big = JSON.stringify({ words: 'x'.repeat(300 * 1024) });
    for (const route of routes.filter((r) => r.method === 'POST')) {
      const answer = await send(fill(route.path, ['x']), {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin, ...(await sessionCookie('admin')) },
        body: big,
      });
      expect(answer.status, route.path).toBe(413);
      expectHandled(answer, route.path);
    }
  });

  it('answers JSON nested 40,000 deep on every route that reads a body without a 5xx', async () => {
    for (const kind of ['list', 'object'] as const) {
      for (const route of routes.filter((r) => r.method === 'POST')) {
        // Signed in, so each route gets as far as reading the body.
        const answer = await send(fill(route.path, ['x']), {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin, ...(await sessionCookie('admin')) },
          body: deeplyNested(40_000, kind),
        });
        expectHandled(answer, `${route.path} ${kind}`);
      }
    }
  });

  it('answers bytes that are not UTF-8, in the path, the query and the body, without a 5xx', async () => {
    // Written without closing our side, so Node's parser has a socket to answer a bad request on.
    const raw = (head: Buffer, body = Buffer.alloc(0)) =>
      new Promise<string>((resolve, reject) => {
        const socket = connect(Number(new URL(origin).port), '127.0.0.1');
        let reply = '';
        socket.on('data', (chunk) => (reply += chunk.toString('latin1')));
        socket.on('close', () => resolve(reply));
        socket.on('error', reject);
        socket.write(Buffer.concat([head, body]));
      });
    const bad = Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80]);
    const request = (target: Buffer, extra = '', body = Buffer.alloc(0)) =>
      Buffer.concat([
        Buffer.from(`${body.length ? 'POST' : 'GET'} `),
        target,
        Buffer.from(
          ` HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n${extra}Content-Length: ${body.length}\r\n\r\n`,
        ),
        body,
      ]);
    const replies = [
      await raw(request(Buffer.concat([Buffer.from('/api/oruk/services/'), bad]))),
      await raw(request(Buffer.concat([Buffer.from('/api/oruk/services?search='), bad]))),
      await raw(
        request(
          Buffer.from('/api/v1/feedback'),
          'Content-Type: application/json\r\n',
          Buffer.concat([Buffer.from('{"kind":"experience","words":"'), bad, Buffer.from('"}')]),
        ),
      ),
    ];
    for (const reply of replies) {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(reply)?.[1]);
      expect(status, reply.slice(0, 300)).toBeGreaterThanOrEqual(200);
      expect(status, reply.slice(0, 300)).toBeLessThan(500);
    }
  });

  it('keeps __proto__ and constructor keys from reaching any object’s prototype', async () => {
    for (const route of routes) {
      const path = `${fill(route.path, ['__proto__'])}?__proto__[polluted]=1&constructor[prototype][polluted]=1`;
      const init =
        route.method === 'GET'
          ? {}
          : {
              method: route.method,
              headers: { 'content-type': 'application/json', origin },
              body: '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}',
            };
      expectHandled(await send(path, init), `${route.method} ${path}`);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('treats SQL-looking search text as text: wildcards match literally and the directory is intact', async () => {
    const total = async (search: string) => {
      const answer = await send(`/api/oruk/services?search=${encodeURIComponent(search)}`);
      expect(answer.status, search).toBe(200);
      return (JSON.parse(answer.text) as { total_items: number }).total_items;
    };
    expect(await total('%')).toBe(0);
    expect(await total('_')).toBe(0);
    expect(await total("' or 1=1 --")).toBe(0);
    expect(await total("'); drop table services; --")).toBe(0);
    expect(await total('carers')).toBeGreaterThan(0);
    const [row] = await db.query<{ n: number }>('select count(*)::int as n from services');
    expect(row?.n).toBe(services.length);
  });

  it('sends ids with markup or direction overrides back only as JSON, never as a page', async () => {
    for (const id of ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '\u202egnp.exe']) {
      const response = await fetch(`${origin}/api/oruk/services/${encodeURIComponent(id)}`);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/json');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(((await response.json()) as { error: { message: string } }).error.message).toContain(id);
    }
  });

  it('answers an address longer than the server reads before the app sees it with a 4xx, not a 5xx', async () => {
    const answer = await send(`/api/oruk/services?search=${'a'.repeat(20_000)}`);
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
  });

  it('leaves nothing behind that breaks the schema: every service still parses, no junk feedback stored', async () => {
    const rows = await db.query<{ id: string; record: unknown }>('select id, record from services');
    expect(rows.filter((r) => !Service.safeParse(r.record).success).map((r) => r.id)).toEqual([]);
    const [feedback] = await db.query<{ n: number }>('select count(*)::int as n from feedback_responses');
    expect(feedback?.n).toBe(0);
  });
});
