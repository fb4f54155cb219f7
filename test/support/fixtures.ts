import { test as base, expect } from '@playwright/test';
import type { StaffRole } from '../../src/domain/staff.ts';
import {
  requestHelper,
  serversForOneTest,
  startTestServer,
  type Api,
  type PrepareData,
  type ServerOptions,
  type StaffLogin,
  type TestServer,
} from './test-server.ts';

/**
 * The browser tests' fixtures. Import `test` and `expect` from here, not from @playwright/test.
 *
 * - `server` (one per worker): the built server on 127.0.0.1 at a free port, with its own PGlite folder,
 *   the sample directory, and one signed-up member of staff for each role (`server.staff`).
 *   A file that needs other data says so with `test.use({ prepareData })`, and gets workers of its own.
 * - `page` and `context`: new for every test, as a first-time visitor has; `baseURL` is the server.
 * - `api`: the one request helper, sharing the test's browser cookies (so a `signIn` signs the page in).
 * - `signIn(role)`: signs the test's browser in as that role's member of staff.
 * - `newStaffAccount(role)`: a new account with a one-time password, made by an admin through the API.
 * - `pageErrors`: what the page logged as errors, including Content Security Policy refusals.
 */

interface WorkerFixtures {
  prepareData: PrepareData | undefined;
  server: TestServer;
}

interface TestFixtures {
  /** A server of the test's own, for tests that deploy a new version or change the directory. */
  ownServer: (options?: ServerOptions) => Promise<TestServer>;
  api: Api;
  signIn: (role: StaffRole | StaffLogin) => Promise<void>;
  newStaffAccount: (role: StaffRole) => Promise<StaffLogin>;
  pageErrors: string[];
}

let signIns = 0;
let accountsMade = 0;

export const test = base.extend<TestFixtures, WorkerFixtures>({
  prepareData: [undefined, { scope: 'worker', option: true }],

  server: [
    async ({ prepareData }, use) => {
      // Behind one trusted proxy, so sign-ins can come from addresses of their own (see signIn).
      const { server, dispose } = await startTestServer({ prepareData, env: { TRUST_PROXY: '1' } });
      await use(server);
      await dispose();
    },
    { scope: 'worker', timeout: 300_000 },
  ],

  baseURL: async ({ server }, use) => use(server.url),

  // Playwright reads a fixture's dependencies from its first parameter, so it must be a pattern.
  // eslint-disable-next-line no-empty-pattern
  ownServer: async ({}, use) => serversForOneTest(use),

  api: async ({ context, server }, use) => use(requestHelper(context.request, server.url)),

  signIn: async ({ context, server }, use) => {
    await use(async (who) => {
      const login = typeof who === 'string' ? server.staff[who] : who;
      signIns += 1;
      // A worker's server outlives hundreds of sign-ins; each from its own address keeps them under
      // the per-address limit, which is a product rule these tests are not about.
      const answer = await context.request.post(server.url + '/api/v1/session', {
        headers: { origin: server.url, 'x-forwarded-for': `10.77.${(signIns >> 8) & 255}.${signIns & 255}` },
        data: login,
      });
      expect(answer.status(), `signing in as ${login.email}`).toBe(200);
    });
  },

  newStaffAccount: async ({ playwright, server }, use) => {
    const admin = await playwright.request.newContext();
    const adminApi = requestHelper(admin, server.url);
    expect((await adminApi.post('/api/v1/session', server.staff.admin)).status).toBe(200);
    await use(async (role) => {
      accountsMade += 1;
      const email = `${role}.${process.pid}.${accountsMade}@signpost.example`;
      const made = await adminApi.post<{ oneTimePassword: string }>('/api/v1/staff/users', { email, role });
      expect(made.status, `an admin makes ${email}`).toBe(201);
      return { email, password: made.body?.oneTimePassword as string };
    });
    await admin.dispose();
  },

  pageErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await use(errors);
  },
});

export { expect };

/**
 * Gives the calling file's workers a server whose database `prepare` wrote before its first start.
 * (A function given to `test.use` is taken for a fixture, so the data is handed over by one.)
 */
export function useServerData(prepare: PrepareData): void {
  // eslint-disable-next-line no-empty-pattern
  test.use({ prepareData: [async ({}, use) => use(prepare), { scope: 'worker' }] });
}
