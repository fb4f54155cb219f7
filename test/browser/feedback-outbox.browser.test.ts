import type { Page } from '@playwright/test';
import enFeedback from '../../locales/en/feedback.json' with { type: 'json' };
import { referenceFor } from '../../src/domain/feedback/reference.ts';
import type { OutboxItem } from '../../src/store/feedback-sending.ts';
import { experience, listingProblem } from '../fixtures/insight/feedback.ts';
import { expect, test } from '../support/fixtures.ts';
import { buildNextVersion } from '../support/next-build.ts';
import { readOutbox } from '../support/outbox.ts';
import { sendOneResponse } from '../support/questionnaire.ts';
import { comeBackToApp, connectionBack, controlledByServiceWorker, servedVersion } from '../support/visit.ts';

const states = async (page: Page) => (await readOutbox(page)).map((item) => item.state).sort();
const stateOf = async (page: Page, id: string) => (await readOutbox(page)).find((i) => i.id === id)?.state;
const waiting = async (page: Page) => (await readOutbox(page)).filter((item) => item.state !== 'sent').length;

/**
 * Puts an answer in the outbox as the app's feedback pages would have, and says so as the outbox does,
 * on whatever page is open: the home page loads the outbox only once something waits in it.
 */
async function leaveWaiting(page: Page): Promise<string> {
  const submission = experience({ createdAt: new Date().toISOString() });
  const item: OutboxItem = {
    id: submission.id,
    kind: submission.kind,
    reference: referenceFor(submission.id),
    queuedAt: Date.now(),
    state: 'waiting',
    submission,
    attempts: 0,
    nextAttemptAt: 0,
  };
  await page.evaluate(async (item) => {
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open('signpost-outbox', 2);
      request.onupgradeneeded = () => {
        request.result.createObjectStore('items', { keyPath: 'id' }).createIndex('queuedAt', 'queuedAt');
        request.result.createObjectStore('meta');
      };
      request.onerror = () => reject(request.error);
      request.onsuccess = () => {
        const db = request.result;
        const tx = db.transaction('items', 'readwrite');
        tx.objectStore('items').put(item);
        tx.oncomplete = () => {
          db.close();
          resolve();
        };
      };
    });
  }, item);
  return item.id;
}

test('sends what waits as the app opens on the home page, and when the connection comes back there', async ({
  page,
  context,
}) => {
  const sentByPage = () =>
    page.waitForRequest((r) => r.url().endsWith('/api/v1/feedback') && r.method() === 'POST');
  // Left by an earlier visit, on a page of the same site that runs none of the app.
  await page.goto('/api/health');
  const first = await leaveWaiting(page);
  const posted = sentByPage();
  await page.goto('/');
  await posted;
  await expect.poll(() => stateOf(page, first)).toBe('sent');

  await controlledByServiceWorker(page);
  await context.setOffline(true);
  const second = await leaveWaiting(page);
  await page.reload();
  const oneWaits = enFeedback.outbox.waiting_one.replace('{{n}}', '1');
  await expect(page.getByRole('status').filter({ hasText: oneWaits })).toBeVisible();
  await context.setOffline(false);
  await connectionBack(page);
  await expect.poll(() => stateOf(page, second)).toBe('sent');
  await expect(page.getByRole('status').filter({ hasText: enFeedback.outbox.allSent })).toBeVisible();
});

// Each test counts what reached the database, so each has a server of its own.
test.describe('the outbox', () => {
  test('sends three responses made offline, exactly once each, when the connection returns', async ({
    page,
    context,
    ownServer,
  }) => {
    const server = await ownServer();
    await page.goto(server.url + '/feedback');
    await controlledByServiceWorker(page);
    await context.setOffline(true);
    for (let i = 0; i < 3; i++) await sendOneResponse(page);
    expect(await states(page)).toEqual(['waiting', 'waiting', 'waiting']);
    await context.setOffline(false);
    await expect.poll(() => states(page)).toEqual(['sent', 'sent', 'sent']);
    expect((await server.stored({ thenRestart: false })).responses).toBe(3);
  });

  test('keeps every item through server errors, dropped connections and time-outs, then delivers it once', async ({
    page,
    context,
    ownServer,
  }) => {
    const server = await ownServer();
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
    for (;;) {
      await expect.poll(() => attempts).toBeGreaterThan(0);
      await expect.poll(() => stateOf(page, id)).toBe('waiting');
      const item = (await readOutbox(page)).find((i) => i.id === id);
      expect(item?.attempts).toBeGreaterThan(0);
      failure = failures.shift();
      if (!failure) break;
      attempts = 0;
      await connectionBack(page);
    }
    await context.unroute('**/api/v1/feedback');
    await connectionBack(page);
    await expect.poll(() => stateOf(page, id)).toBe('sent');
    expect((await server.stored({ thenRestart: false })).responses).toBe(1);
  });

  test('never lets two tabs send the same item at once', async ({ page: first, context, ownServer }) => {
    const server = await ownServer();
    await first.goto(server.url + '/feedback');
    await controlledByServiceWorker(first);
    const second = await context.newPage();
    await second.goto(server.url + '/feedback');
    await expect(second.locator('h1')).toHaveText(/\S/);
    const posted: string[] = [];
    let online = false;
    // The page a person is using is the one in front (Chromium slows the timers of a page behind).
    await first.bringToFront();
    await context.setOffline(true);
    const ids = [await sendOneResponse(first), await sendOneResponse(first)];
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
    await expect.poll(() => waiting(first)).toBe(0);
    for (const id of ids) expect(posted.filter((p) => p === id)).toHaveLength(1);
    expect((await server.stored({ thenRestart: false })).responses).toBe(2);
  });

  test('loses nothing that waits when a new version of the app is installed', async ({
    page,
    context,
    ownServer,
  }) => {
    // Building the next version takes a minute or more on a busy machine.
    test.slow();
    const nextBuild = buildNextVersion('feedback-next');
    const server = await ownServer();
    await page.goto(server.url + '/feedback');
    await controlledByServiceWorker(page);
    await context.setOffline(true);
    const ids = [await sendOneResponse(page), await sendOneResponse(page)];
    // Back online, but the feedback API unreachable (for the service worker too), so both wait.
    await context.route('**/api/v1/feedback', (route) => route.abort('connectionrefused'));
    await context.setOffline(false);
    await server.restart({ STATIC_DIR: nextBuild });

    await comeBackToApp(page);
    const reload = page.getByRole('button', { name: 'Reload now' });
    await expect(reload).toBeVisible({ timeout: 30_000 });
    await Promise.all([page.waitForEvent('framenavigated'), reload.click()]);
    await expect(page.locator('h1')).toHaveText(/\S/);
    expect(await servedVersion(page)).toBe('feedback-next');
    const kept = await readOutbox(page);
    for (const id of ids) expect(kept.find((item) => item.id === id)?.state).toBe('waiting');

    await context.unroute('**/api/v1/feedback');
    await connectionBack(page);
    await expect.poll(() => waiting(page)).toBe(0);
    expect((await server.stored({ thenRestart: false })).responses).toBe(2);
  });

  test('takes over and sends what an earlier version of the app left queued', async ({ page, ownServer }) => {
    const server = await ownServer();
    // A page of the same site that runs none of the app, to lay out the old database first.
    await page.goto(server.url + '/api/health');
    const queued = listingProblem({
      createdAt: '2025-03-14T10:00:00.000Z',
      serviceId: 'essex-carers-support-line',
      details: 'Queued by the first version of the app.',
    });
    await page.evaluate(async (submission) => {
      await new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('signpost-outbox', 1);
        request.onupgradeneeded = () => request.result.createObjectStore('queue', { keyPath: 'id' });
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const tx = db.transaction('queue', 'readwrite');
          tx.objectStore('queue').put({ id: submission.id, queuedAt: submission.createdAt, submission });
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
        };
      });
    }, queued);
    await page.goto(server.url + '/feedback');
    await expect(page.locator('h1')).toHaveText(/\S/);
    await expect
      .poll(async () => (await readOutbox(page)).map((i) => [i.id, i.state]))
      .toEqual([[queued.id, 'sent']]);
    const shape = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const request = indexedDB.open('signpost-outbox');
        request.onsuccess = () => resolve(request.result);
      });
      const found = { version: db.version, stores: [...db.objectStoreNames] };
      db.close();
      return found;
    });
    expect(shape).toEqual({ version: 2, stores: ['items', 'meta'] });
    expect((await server.stored({ thenRestart: false })).problems).toBe(1);
  });
});
