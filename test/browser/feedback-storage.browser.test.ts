import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type BrowserSession } from '../support/browser.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import {
  answerUpToCheck,
  onStep,
  sendFromCheck,
  startQuestionnaire,
  waitUntilOfflineReady,
} from './feedback-helpers.ts';

let server: RunningServer;
let session: BrowserSession;

beforeAll(async () => {
  server = await startServer();
  session = await openBrowser();
});

afterAll(async () => {
  await session?.browser.close();
  await server?.dispose();
});

describe('a device that runs out of storage', () => {
  it('tells the person, keeps what was already queued, and sends once there is room again', async () => {
    const { page, context } = session;
    // Chromium's own quota override (DevTools Storage.overrideQuotaForOrigin) has no effect headless, so
    // the page's IndexedDB refuses writes here exactly as a full device does: with a QuotaExceededError.
    await page.addInitScript(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
        if (localStorage.getItem('test.deviceFull') === 'yes')
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.apply(this, args);
      };
    });
    const deviceFull = (full: boolean) =>
      page.evaluate((full) => localStorage.setItem('test.deviceFull', full ? 'yes' : 'no'), full);
    await page.goto(server.url + '/feedback');
    await waitUntilOfflineReady(page);
    await context.setOffline(true);
    try {
      await startQuestionnaire(page);
      await answerUpToCheck(page, { respondent: 'resident' });
      const queued = await sendFromCheck(page);

      await page.goto(server.url + '/feedback');
      await startQuestionnaire(page);
      await onStep(page, 'who');
      await deviceFull(true);
      await page.locator('input[value="carer"]').check();
      const warning = page.locator('.fb-warning-panel[role="alert"]');
      await warning.waitFor();
      expect(await warning.textContent()).toContain('This device is out of storage space');
      await answerUpToCheck(page, { respondent: 'carer', answers: { control: 'enough' } });
      await page.locator('#send').click();
      const summary = page.locator('.error-summary');
      await summary.waitFor();
      expect(await summary.textContent()).toContain(
        'This device is out of storage space, so your feedback could not be saved to send. Nothing already waiting has been lost.',
      );
      expect(page.url()).toMatch(/\/feedback\/check$/);

      await deviceFull(false);
      const second = await sendFromCheck(page);
      expect(second).not.toBe(queued);
      const states = await page.evaluate(
        () =>
          new Promise<string[]>((resolve) => {
            const request = indexedDB.open('signpost-outbox');
            request.onsuccess = () => {
              const all = request.result.transaction('items').objectStore('items').getAll();
              all.onsuccess = () =>
                resolve((all.result as Array<{ reference: string }>).map((i) => i.reference).sort());
            };
          }),
      );
      expect(states).toEqual([queued, second].sort());
    } finally {
      await deviceFull(false);
      await context.setOffline(false);
    }
  });
});
