import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import type { StaffRole } from '../../src/domain/staff.ts';
import type { Database } from '../../src/server/db/database.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { openPglite } from '../../src/server/db/pglite.ts';
import { root, startServer, type RunningServer } from './server.ts';

/**
 * The server a browser test talks to: the built server on 127.0.0.1 at a free port, with a PGlite folder
 * of its own and one member of staff for each role; and the one helper tests call its API with.
 */

export interface StaffLogin {
  email: string;
  password: string;
}

export interface StoredCounts {
  responses: number;
  problems: number;
  stories: number;
  flagged: number;
}

/**
 * Writes what a worker's server needs into its database before its first start. Staff accounts are made
 * after, unless it made its own (data that names who published it needs them first) and returns their logins.
 */
export type PrepareData = (db: Database, dataDir: string) => Promise<Record<StaffRole, StaffLogin> | void>;

export interface TestServer {
  readonly url: string;
  readonly dataDir: string;
  /** One member of staff for each role, with a password of their own (no change asked for). */
  readonly staff: Record<StaffRole, StaffLogin>;
  /** Stops the server, reads its database, and starts it again on the same data and address (unless told not to). */
  inspect<T>(read: (db: Database) => Promise<T>, options?: { thenRestart?: boolean }): Promise<T>;
  /** What the server has stored: the server stops for the count and starts again (unless told not to). */
  stored(options?: { thenRestart?: boolean }): Promise<StoredCounts>;
  /** Starts the server again on the same data and address, with these settings (`STATIC_DIR`, …). */
  restart(env?: Record<string, string>): Promise<void>;
}

export interface ServerOptions {
  prepareData?: PrepareData;
  /** Settings for the server process, such as `STATIC_DIR` for another build. */
  env?: Record<string, string>;
}

export interface ApiAnswer<T = Record<string, unknown>> {
  status: number;
  body: T | null;
}

/** One way to call the API in a test: as the app does, JSON both ways, with the page's Origin. */
export interface Api {
  get<T = Record<string, unknown>>(path: string): Promise<ApiAnswer<T>>;
  post<T = Record<string, unknown>>(path: string, body?: unknown): Promise<ApiAnswer<T>>;
  patch<T = Record<string, unknown>>(path: string, body?: unknown): Promise<ApiAnswer<T>>;
  delete<T = Record<string, unknown>>(path: string): Promise<ApiAnswer<T>>;
}

export function requestHelper(request: APIRequestContext, origin: string): Api {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<ApiAnswer<T>> => {
    const response = await request.fetch(origin + path, {
      method,
      headers: method === 'GET' ? {} : { origin },
      ...(body === undefined ? {} : { data: body }),
    });
    const text = await response.text();
    return { status: response.status(), body: text ? (JSON.parse(text) as T) : null };
  };
  return {
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body),
    patch: (path, body) => call('PATCH', path, body),
    delete: (path) => call('DELETE', path),
  };
}

async function countStored(db: Database): Promise<StoredCounts> {
  const count = async (sql: string) => (await db.query<{ n: number }>(sql))[0]?.n ?? 0;
  return {
    responses: await count('select count(*)::int as n from feedback_responses'),
    problems: await count('select count(*)::int as n from listing_problems'),
    stories: await count('select count(*)::int as n from feedback_stories'),
    flagged: await count('select count(*)::int as n from feedback_responses where safety_concern'),
  };
}

/** Passwords each member of staff chooses: long, uncommon, and not containing their email. */
const PASSWORDS: Record<StaffRole, string> = {
  admin: 'a heron over the Blackwater at low tide',
  analyst: 'lantern orchard velvet compass',
  field: 'a quiet morning on the Colne estuary',
};

/**
 * One member of staff for each role, made as a council would: the first admin's one-time password from
 * the server's first start, then the others invited by that admin; each has chosen their own password.
 */
async function signUpStaff(server: RunningServer): Promise<Record<StaffRole, StaffLogin>> {
  // The first start leaves the first admin's login in a file only its user can read, as for a council.
  const file = join(server.dataDir, 'first-admin.txt');
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const email = /Email address:\s+(\S+)/.exec(text)?.[1];
  const password = /One-time password:\s+(\S+)/.exec(text)?.[1];
  if (!email || !password) throw new Error(`The server made no first admin:\n${server.output()}`);
  const staff = {} as Record<StaffRole, StaffLogin>;
  const request = await playwrightRequest.newContext();
  try {
    const api = requestHelper(request, server.url);
    const choosePassword = async (login: StaffLogin, role: StaffRole) => {
      const chosen = { email: login.email, password: PASSWORDS[role] };
      expect((await api.post('/api/v1/session', login)).status).toBe(200);
      const changed = await api.post('/api/v1/session/password', {
        currentPassword: login.password,
        newPassword: chosen.password,
      });
      expect(changed.status, `${role} chooses a password: ${JSON.stringify(changed.body)}`).toBe(204);
      staff[role] = chosen;
    };
    await choosePassword({ email, password }, 'admin');
    const invited: Array<[StaffRole, StaffLogin]> = [];
    for (const role of ['field', 'analyst'] as const) {
      const email = `${role}.tests@signpost.example`;
      const made = await api.post<{ oneTimePassword: string }>('/api/v1/staff/users', { email, role });
      expect(made.status, `the admin invites ${email}`).toBe(201);
      invited.push([role, { email, password: made.body?.oneTimePassword as string }]);
    }
    for (const [role, login] of invited) await choosePassword(login, role);
    await api.delete('/api/v1/session');
  } finally {
    await request.dispose();
  }
  return staff;
}

/** Where the run's first server left its data and staff, for every other default server to copy. */
const template = join(root, '.tmp/playwright/template');

/**
 * The data every default server starts from, made once per run: migrated, the sample directory loaded,
 * and the staff signed up. Copying it spares each worker the first start's work.
 */
export async function makeTemplate(): Promise<void> {
  rmSync(template, { recursive: true, force: true });
  mkdirSync(template, { recursive: true });
  const first = await startServer({ dataDir: join(template, 'data') });
  try {
    const staff = await signUpStaff(first);
    writeFileSync(join(template, 'staff.json'), JSON.stringify(staff));
  } finally {
    await first.stop();
  }
}

/** Starts a server on data prepared as the file asks (or the run's template), with one member of staff per role. */
export async function startTestServer({ prepareData, env: firstEnv = {} }: ServerOptions) {
  const dataDir = mkdtempSync(join(tmpdir(), 'signpost-browser-'));
  let staff: Record<StaffRole, StaffLogin> | undefined;
  if (prepareData) {
    const db = await openPglite(join(dataDir, 'pgdata'));
    try {
      await migrate(db);
      staff = (await prepareData(db, dataDir)) ?? undefined;
    } finally {
      await db.close();
    }
  } else {
    cpSync(join(template, 'data'), dataDir, { recursive: true });
    staff = JSON.parse(readFileSync(join(template, 'staff.json'), 'utf8')) as Record<StaffRole, StaffLogin>;
  }
  let env = firstEnv;
  let running: RunningServer = await startServer({ dataDir, env });
  staff ??= await signUpStaff(running);
  const restart = async (newEnv: Record<string, string> = env) => {
    env = newEnv;
    await running.stop();
    running = await startServer({ dataDir, port: running.port, env });
  };
  const inspect = async <T>(
    read: (db: Database) => Promise<T>,
    { thenRestart = true }: { thenRestart?: boolean } = {},
  ): Promise<T> => {
    await running.stop();
    try {
      const stopped = await openPglite(join(dataDir, 'pgdata'));
      try {
        return await read(stopped);
      } finally {
        await stopped.close();
      }
    } finally {
      if (thenRestart) running = await startServer({ dataDir, port: running.port, env });
    }
  };
  const server: TestServer = {
    get url() {
      return running.url;
    },
    dataDir,
    staff,
    inspect,
    stored: (options) => inspect(countStored, options),
    restart,
  };
  return { server, dispose: () => running.dispose() };
}

/** Starts servers for one test, and stops each (deleting its data) when the test ends. */
export async function serversForOneTest(
  use: (start: (options?: ServerOptions) => Promise<TestServer>) => Promise<void>,
) {
  const started: Array<() => Promise<void>> = [];
  try {
    await use(async (options = {}) => {
      const { server, dispose } = await startTestServer(options);
      started.push(dispose);
      return server;
    });
  } finally {
    await Promise.all(started.map((dispose) => dispose()));
  }
}
