import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from '../support/fixtures.ts';
import { readOutbox } from '../support/outbox.ts';
import { sendOneResponse } from '../support/questionnaire.ts';
import { connectionBack, controlledByServiceWorker } from '../support/visit.ts';

/*
 * One bad item in the outbox never holds back the others: the server refuses it on its own, or fails
 * the whole batch, and the device still delivers every other answer.
 */

/** The items of a request to the feedback API, which takes one item or a batch. */
function itemsOf(body: unknown): Array<Record<string, unknown>> {
  return (Array.isArray(body) ? body : [body]) as Array<Record<string, unknown>>;
}

const stateOf = async (page: Page, id: string) => (await readOutbox(page)).find((i) => i.id === id)?.state;

/** Three responses made offline, their ids oldest first. */
async function threeOffline(page: Page, context: BrowserContext, url: string): Promise<string[]> {
  await page.goto(url + '/feedback');
  await controlledByServiceWorker(page);
  await context.setOffline(true);
  const ids: string[] = [];
  for (let i = 0; i < 3; i++) ids.push(await sendOneResponse(page));
  return ids;
}

test.describe('an outbox with one bad item', () => {
  test('marks the item the server refuses as failed and delivers the rest', async ({
    page,
    context,
    ownServer,
  }) => {
    const server = await ownServer();
    const [first, bad, last] = (await threeOffline(page, context, server.url)) as [string, string, string];
    // The middle one carries a lone surrogate, which no database can keep: as a damaged device might send.
    await context.route('**/api/v1/feedback', async (route) => {
      const damaged = itemsOf(route.request().postDataJSON()).map((item) =>
        item.id === bad
          ? { ...item, consent: { storeWords: true, quote: false, contact: false }, words: 'Broken \ud800' }
          : item,
      );
      await route.continue({ postData: JSON.stringify(damaged) });
    });
    await context.setOffline(false);
    await connectionBack(page);
    await expect.poll(() => stateOf(page, first)).toBe('sent');
    await expect.poll(() => stateOf(page, last)).toBe('sent');
    await expect.poll(() => stateOf(page, bad)).toBe('failed');
    expect((await server.stored({ thenRestart: false })).responses).toBe(2);
  });

  test('delivers the others when the server fails every batch that holds it', async ({
    page,
    context,
    ownServer,
  }) => {
    const server = await ownServer();
    const [first, bad, last] = (await threeOffline(page, context, server.url)) as [string, string, string];
    await context.route('**/api/v1/feedback', async (route) => {
      if (itemsOf(route.request().postDataJSON()).some((item) => item.id === bad))
        return route.fulfill({ status: 500, json: { error: { code: 'internal_error', message: 'Down' } } });
      return route.continue();
    });
    await context.setOffline(false);
    await connectionBack(page);
    await expect.poll(() => stateOf(page, first)).toBe('sent');
    await expect.poll(() => stateOf(page, last)).toBe('sent');
    // It is kept to try again later, not dropped.
    expect(await stateOf(page, bad)).toBe('waiting');
    expect((await server.stored({ thenRestart: false })).responses).toBe(2);
  });
});
