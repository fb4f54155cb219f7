import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAccessibilityViolations } from '../support/axe.ts';
import { openBrowser, type BrowserSession } from '../support/browser.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { answerUpToCheck, onStep, sendFromCheck, startQuestionnaire, stepOf } from './feedback-helpers.ts';

let server: RunningServer;
let session: BrowserSession;

beforeAll(async () => {
  server = await startServer();
  // The narrowest phone the service supports: nothing may scroll sideways at 320 CSS pixels.
  session = await openBrowser({ viewport: { width: 320, height: 640 } });
});

afterAll(async () => {
  await session?.browser.close();
  await server?.dispose();
});

/** Steps that refuse to go on without an answer, so their error state is checked too. */
const REQUIRED = new Set(['who', 'control', 'safe', 'how-answered', 'consent', 'contact']);

async function expectAccessible(page: Page, what: string): Promise<void> {
  await expect.poll(() => page.locator('.loading').count()).toBe(0);
  const violations = await findAccessibilityViolations(page);
  expect(violations, what).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${what} scrolls sideways`).toBeLessThanOrEqual(0);
}

async function showErrors(page: Page): Promise<void> {
  await page.locator('form button[type="submit"]').click();
  await page.locator('.error-summary').waitFor();
}

describe.each([['en'], ['ar']])('axe finds nothing, and nothing scrolls sideways, in %s', (lng) => {
  it('on every step of the questionnaire, with and without errors, and on the confirmation', async () => {
    const { page } = session;
    await page.goto(`${server.url}/feedback?lng=${lng}`);
    await page.locator('h1').waitFor();
    await expectAccessible(page, 'start page');
    await startQuestionnaire(page);
    const seen: string[] = [];
    await answerUpToCheck(page, {
      respondent: 'both',
      answers: { control: 'enough', safe: 'less-safe', 'carer-support': 'some' },
      words: 'Sample words for the accessibility check.',
      storeWords: true,
      quote: true,
      contact: { phone: '01632 960 001' },
      onStep: async (step) => {
        seen.push(step);
        await expectAccessible(page, step);
        if (REQUIRED.has(step)) {
          await showErrors(page);
          await expectAccessible(page, `${step} with errors`);
        }
        if (step === 'contact') {
          await page.locator('input[name="contactMethod"][value="phone"]').check();
          await page.locator('#phone').fill('not a number');
          await showErrors(page);
          await expectAccessible(page, 'contact with a wrong phone number');
        }
      },
    });
    expect(seen).toContain('help-now');
    expect(seen).toContain('carer-support');
    await expectAccessible(page, 'check answers');
    await sendFromCheck(page);
    await expectAccessible(page, 'confirmation');
    expect(stepOf(page)).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('on the page to report a problem with a listing, with and without errors, and its confirmation', async () => {
    const { page } = session;
    const directory = (await (await fetch(`${server.url}/api/v1/directory`)).json()) as {
      services: { id: string }[];
    };
    const id = directory.services[0]?.id ?? 'sample-service';
    await page.goto(`${server.url}/services/${id}/report?lng=${lng}`);
    await page.locator('#problem').waitFor();
    await expectAccessible(page, 'report');
    await page.locator('#send-report').click();
    await page.locator('.error-summary').waitFor();
    await expectAccessible(page, 'report with errors');
    await page.locator('input[name="problem"][value="other"]').check();
    await page.locator('#send-report').click();
    await expect.poll(() => page.locator('#details-error').count()).toBe(1);
    await expectAccessible(page, 'report of "something else" without details');
    await page.locator('#details').fill('The café moved to the library.');
    await page.locator('#send-report').click();
    await page.waitForURL(/\/report\/sent\//);
    await page.locator('.fb-panel__reference').waitFor();
    await expectAccessible(page, 'report confirmation');
  });
});

describe('the Arabic questionnaire', () => {
  it('reads right to left, in Arabic', async () => {
    const { page } = session;
    await page.goto(`${server.url}/feedback?lng=ar`);
    await page.locator('main button.button').first().click();
    await onStep(page, 'who');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await page.locator('h1').textContent()).toBe('أيّ مما يلي يصفك؟');
    await page.evaluate(() => localStorage.removeItem('signpost.language'));
  });
});
