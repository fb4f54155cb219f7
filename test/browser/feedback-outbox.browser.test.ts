import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type BrowserSession } from '../support/browser.ts';
import { distDir, startServer, type RunningServer } from '../support/server.ts';
import {
  answerUpToCheck,
  countThenRestart,
  sendFromCheck,
  startQuestionnaire,
  waitUntilOfflineReady,
} from './feedback-helpers.ts';

const root = new URL('../..', import.meta.url).pathname;
const nextBuild = `${distDir}/client-next-feedback`;

let server: RunningServer;
let session: BrowserSession;
/** Responses the server should hold by now: every test adds what it sent. */
let expected = 0;

beforeAll(async () => {
  server = await startServer();
  session = await openBrowser();
});

afterAll(async () => {
  await session?.browser.close();
  await server?.dispose();
  rmSync(nextBuild, { recursive: true, force: true });
});

interface ItemView {
  id: string;
  state: string;
  attempts: number;
  waitingFor?: string;
}

/** The outbox as IndexedDB holds it, read without opening (or creating) it where it does not exist. */
function outbox(page: Page): Promise<ItemView[]> {
  return page.evaluate(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name);
    if (!names.includes('signpost-outbox')) return [];
    return new Promise<ItemView[]>((resolve, reject) => {
      const request = indexedDB.open('signpost-outbox');
      request.onerror = () => reject(request.error);
      request.onsuccess = () => {
        const db = request.result;
        const all = db.transaction('items').objectStore('items').getAll();
        all.onsuccess = () => {
          db.close();
          resolve(
            (all.result as ItemView[]).map(({ id, state, attempts, waitingFor }) => ({
              id,
              state,
              attempts,
              waitingFor,
            })),
          );
        };
      };
    });
  });
}

const states = async (page: Page) => (await outbox(page)).map((item) => item.state).sort();
const waiting = async (page: Page) => (await outbox(page)).filter((item) => item.state !== 'sent').length;

/** A short response: who, no answers, how it was given, no consent asked for. */
async function sendOneResponse(page: Page): Promise<string> {
  await page.goto(server.url + '/feedback');
  await startQuestionnaire(page);
  await answerUpToCheck(page, { respondent: 'resident', answers: { control: 'enough' } });
  await sendFromCheck(page);
  return new URL(page.url()).pathname.split('/').at(-1) as string;
}

/** As the browser does when the connection comes back: the app sends what waits. */
const connectionBack = (page: Page) => page.evaluate(() => window.dispatchEvent(new Event('online')));

async function expectStoredOnServer(): Promise<void> {
  const restarted = await countThenRestart(server);
  server = restarted.server;
  expect(restarted.counts.responses).toBe(expected);
}

describe('the outbox', () => {
  it('sends three responses made offline, exactly once each, when the connection returns', async () => {
    const { page, context } = session;
    await page.goto(server.url + '/feedback');
    await waitUntilOfflineReady(page);
    await context.setOffline(true);
    try {
      for (let i = 0; i < 3; i++) await sendOneResponse(page);
      expect(await states(page)).toEqual(['waiting', 'waiting', 'waiting']);
    } finally {
      await context.setOffline(false);
    }
    await expect.poll(() => states(page), { timeout: 20_000 }).toEqual(['sent', 'sent', 'sent']);
    expected += 3;
    await expectStoredOnServer();
  });

  it('keeps every item through server errors, dropped connections and time-outs, then delivers it once', async () => {
    const { page, context } = session;
    await page.goto(server.url + '/feedback');
    const failures: Array<'500' | 'connectionreset' | 'timedout' | 'lost-answer'> = [
      '500',
      'connectionreset',
      'timedout',
      'lost-answer',
    ];
    let failure = failures.shift();
    let attempts = 0;
    // On the context, so the service worker's Background Sync meets the same failures as the page.
    await context.route('**/api/v1/feedback', async (route) => {
      attempts += 1;
      if (failure === '500')
        return route.fulfill({ status: 500, json: { error: { code: 'internal_error', message: 'Down' } } });
      if (failure === 'lost-answer') {
        // The server stores the batch but its answer never arrives: the device must send it again.
        await route.fetch();
        return route.abort('connectionreset');
      }
      return route.abort(failure);
    });
    const id = await sendOneResponse(page);
    expected += 1;
    for (;;) {
      await expect.poll(() => attempts, { timeout: 20_000 }).toBeGreaterThan(0);
      await expect.poll(async () => (await outbox(page)).find((i) => i.id === id)?.state).toBe('waiting');
      const item = (await outbox(page)).find((i) => i.id === id);
      expect(item?.attempts).toBeGreaterThan(0);
      failure = failures.shift();
      if (!failure) break;
      attempts = 0;
      await connectionBack(page);
    }
    await context.unroute('**/api/v1/feedback');
    await connectionBack(page);
    await expect
      .poll(async () => (await outbox(page)).find((i) => i.id === id)?.state, { timeout: 20_000 })
      .toBe('sent');
    await expectStoredOnServer();
  });

  it('never lets two tabs send the same item at once', async () => {
    const { context } = session;
    const first = session.page;
    await first.goto(server.url + '/feedback');
    await waitUntilOfflineReady(first);
    const second = await context.newPage();
    await second.goto(server.url + '/feedback');
    await second.locator('h1').waitFor();
    const posted: string[] = [];
    let online = false;
    try {
      // The page a person is using is the one in front (Chromium slows the timers of a page behind).
      await first.bringToFront();
      await context.setOffline(true);
      const ids = [await sendOneResponse(first), await sendOneResponse(first)];
      expected += 2;
      // Routing runs before the browser's offline switch, so until the connection is back it refuses too.
      await context.route('**/api/v1/feedback', async (route) => {
        if (!online) return route.abort('internetdisconnected');
        const body = route.request().postDataJSON() as Array<{ id: string }>;
        posted.push(...body.map((submission) => submission.id));
        await route.continue();
      });
      online = true;
      await context.setOffline(false);
      await Promise.all([connectionBack(first), connectionBack(second)]);
      await expect.poll(() => waiting(first), { timeout: 20_000 }).toBe(0);
      for (const id of ids) expect(posted.filter((p) => p === id)).toHaveLength(1);
    } finally {
      await context.setOffline(false);
      await context.unroute('**/api/v1/feedback');
      await second.close();
    }
    await expectStoredOnServer();
  });

  it('loses nothing that waits when a new version of the app is installed', async () => {
    const { page, context } = session;
    await page.goto(server.url + '/feedback');
    await waitUntilOfflineReady(page);
    await context.setOffline(true);
    const ids: string[] = [];
    try {
      ids.push(await sendOneResponse(page), await sendOneResponse(page));
      expected += 2;
    } finally {
      // Back online, but the feedback API unreachable (for the service worker too), so both wait.
      await context.route('**/api/v1/feedback', (route) => route.abort('connectionrefused'));
      await context.setOffline(false);
    }
    const build = spawnSync(
      process.execPath,
      [`${root}node_modules/vite/bin/vite.js`, 'build', '--outDir', nextBuild, '--logLevel', 'error'],
      { cwd: root, env: { ...process.env, NODE_ENV: 'production', SIGNPOST_BUILD_ID: 'feedback-next' } },
    );
    expect(build.status, build.stderr?.toString()).toBe(0);
    await server.stop();
    server = await startServer({
      dataDir: server.dataDir,
      port: server.port,
      env: { STATIC_DIR: nextBuild },
    });

    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await page.getByRole('button', { name: 'Reload now' }).waitFor({ timeout: 30_000 });
    await Promise.all([
      page.waitForEvent('framenavigated'),
      page.getByRole('button', { name: 'Reload now' }).click(),
    ]);
    await page.locator('h1').waitFor();
    expect(await page.evaluate(async () => (await (await fetch('/version.json')).json()).version)).toBe(
      'feedback-next',
    );
    const kept = await outbox(page);
    for (const id of ids) expect(kept.find((item) => item.id === id)?.state).toBe('waiting');

    await context.unroute('**/api/v1/feedback');
    await connectionBack(page);
    await expect.poll(() => waiting(page), { timeout: 20_000 }).toBe(0);
    await expectStoredOnServer();
  }, 240_000);

  it('takes over and sends what an earlier version of the app left queued', async () => {
    const fresh = await openBrowser();
    try {
      const { page } = fresh;
      // A page of the same site that runs none of the app, to lay out the old database first.
      await page.goto(server.url + '/api/health');
      const id = '6f1c2a6e-8b4d-4c2a-9e1f-5a6b7c8d9e01';
      await page.evaluate(async (id) => {
        await new Promise<void>((resolve, reject) => {
          const request = indexedDB.open('signpost-outbox', 1);
          request.onupgradeneeded = () => request.result.createObjectStore('queue', { keyPath: 'id' });
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const db = request.result;
            const tx = db.transaction('queue', 'readwrite');
            tx.objectStore('queue').put({
              id,
              queuedAt: '2025-03-14T10:00:00.000Z',
              submission: {
                kind: 'listing-problem',
                id,
                createdAt: '2025-03-14T10:00:00.000Z',
                serviceId: 'essex-carers-support-line',
                problem: 'wrong-phone',
                details: 'Queued by the first version of the app.',
              },
            });
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
          };
        });
      }, id);
      await page.goto(server.url + '/feedback');
      await page.locator('h1').waitFor();
      await expect
        .poll(async () => (await outbox(page)).map((i) => [i.id, i.state]), { timeout: 20_000 })
        .toEqual([[id, 'sent']]);
      const version = await page.evaluate(async () => {
        const db = await new Promise<IDBDatabase>((resolve) => {
          const request = indexedDB.open('signpost-outbox');
          request.onsuccess = () => resolve(request.result);
        });
        const shape = { version: db.version, stores: [...db.objectStoreNames] };
        db.close();
        return shape;
      });
      expect(version).toEqual({ version: 2, stores: ['items', 'meta'] });
    } finally {
      await fresh.browser.close();
    }
    const restarted = await countThenRestart(server);
    server = restarted.server;
    expect(restarted.counts.problems).toBe(1);
  });
});
