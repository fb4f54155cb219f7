import { expect, test } from '../support/fixtures.ts';
import { readOutbox } from '../support/outbox.ts';
import { answerUpToCheck, onStep, sendFromCheck, startQuestionnaire } from '../support/questionnaire.ts';
import { controlledByServiceWorker } from '../support/visit.ts';

test.describe('a device that runs out of storage', () => {
  test('tells the person, keeps what was already queued, and sends once there is room again', async ({
    page,
    context,
  }) => {
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
    await page.goto('/feedback');
    await controlledByServiceWorker(page);
    await context.setOffline(true);
    await startQuestionnaire(page);
    await answerUpToCheck(page, { respondent: 'resident' });
    const queued = await sendFromCheck(page);

    await page.goto('/feedback');
    await startQuestionnaire(page);
    await onStep(page, 'who');
    await deviceFull(true);
    await page.locator('input[value="carer"]').check();
    const warning = page.locator('.fb-warning-panel[role="alert"]');
    await expect(warning).toContainText('This device is out of storage space');
    await answerUpToCheck(page, { respondent: 'carer', answers: { control: 'enough' } });
    await page.locator('#send').click();
    await expect(page.locator('.error-summary')).toContainText(
      'This device is out of storage space, so your feedback could not be saved to send. Nothing already waiting has been lost.',
    );
    await expect(page).toHaveURL(/\/feedback\/check$/);

    await deviceFull(false);
    const second = await sendFromCheck(page);
    expect(second).not.toBe(queued);
    const references = (await readOutbox(page)).map((item) => item.reference).sort();
    expect(references).toEqual([queued, second].sort());
  });
});
