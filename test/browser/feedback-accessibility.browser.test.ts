import type { Page } from '@playwright/test';
import { findAccessibilityViolations } from '../support/axe.ts';
import { expect, test } from '../support/fixtures.ts';
import {
  answerUpToCheck,
  onStep,
  sendFromCheck,
  startQuestionnaire,
  stepOf,
} from '../support/questionnaire.ts';
import { sampleServiceId } from '../support/visit.ts';

// The narrowest phone the service supports: nothing may scroll sideways at 320 CSS pixels.
test.use({ viewport: { width: 320, height: 640 } });

/** Steps that refuse to go on without an answer, so their error state is checked too. */
const REQUIRED = new Set(['who', 'control', 'safe', 'how-answered', 'consent', 'contact']);

async function expectAccessible(page: Page, what: string): Promise<void> {
  await expect(page.locator('.loading')).toHaveCount(0);
  expect(await findAccessibilityViolations(page), what).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${what} scrolls sideways`).toBeLessThanOrEqual(0);
}

async function showErrors(page: Page): Promise<void> {
  await page.locator('form button[type="submit"]').click();
  await expect(page.locator('.error-summary')).toBeVisible();
}

for (const lng of ['en', 'ar']) {
  test.describe(`axe finds nothing, and nothing scrolls sideways, in ${lng}`, () => {
    test('on every step of the questionnaire, with and without errors, and on the confirmation', async ({
      page,
    }) => {
      await page.goto(`/feedback?lng=${lng}`);
      await expect(page.locator('h1')).toHaveText(/\S/);
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

    test('on the page to report a problem with a listing, with and without errors, and its confirmation', async ({
      page,
      api,
    }) => {
      const id = await sampleServiceId(api);
      await page.goto(`/services/${id}/report?lng=${lng}`);
      await expect(page.locator('#problem')).toBeVisible();
      await expectAccessible(page, 'report');
      await page.locator('#send-report').click();
      await expect(page.locator('.error-summary')).toBeVisible();
      await expectAccessible(page, 'report with errors');
      await page.locator('input[name="problem"][value="other"]').check();
      await page.locator('#send-report').click();
      await expect(page.locator('#details-error')).toHaveCount(1);
      await expectAccessible(page, 'report of "something else" without details');
      await page.locator('#details').fill('The café moved to the library.');
      await page.locator('#send-report').click();
      await expect(page).toHaveURL(/\/report\/sent\//);
      await expect(page.locator('.fb-panel__reference')).toHaveText(/\S/);
      await expectAccessible(page, 'report confirmation');
    });
  });
}

test.describe('the Arabic questionnaire', () => {
  test('reads right to left, in Arabic', async ({ page }) => {
    await page.goto('/feedback?lng=ar');
    await page.locator('main button.button').first().click();
    await onStep(page, 'who');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.locator('h1')).toHaveText('أيّ مما يلي يصفك؟');
  });
});
