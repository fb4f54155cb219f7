import type { Page } from '@playwright/test';
import { sampleServices, SAMPLE_SIZE } from '../../scripts/lib/sample-directory.ts';
import { NATIONAL_HELPLINES } from '../../src/domain/council-contacts.ts';
import { findAccessibilityViolations } from '../support/axe.ts';
import { expect, test } from '../support/fixtures.ts';
import { controlledByServiceWorker, inLanguage } from '../support/visit.ts';

// The worker's server holds the shipped fictional sample directory; these are its services' categories.
const categoriesByName = new Map(
  sampleServices(SAMPLE_SIZE).map((service) => [service.name, service.taxonomy.map((term) => term.name)]),
);

const results = (page: Page) => page.locator('.directory-results > .result-list .result-card__name a');

/** The first five results, once the count says the search has answered. */
async function firstFive(page: Page): Promise<string[]> {
  await expect(page.locator('.directory-results__count')).toHaveText(/\d/);
  await expect(page.locator('.directory-results')).not.toHaveAttribute('aria-busy', 'true');
  await expect(results(page)).not.toHaveCount(0);
  return (await results(page).allTextContents()).slice(0, 5);
}

function expectAllIn(names: string[], category: string): void {
  expect(names).toHaveLength(5);
  const outside = names.filter((name) => !categoriesByName.get(name)?.includes(category));
  expect(outside, `results outside "${category}"`).toEqual([]);
}

async function expectAccessible(page: Page): Promise<void> {
  expect(await findAccessibilityViolations(page)).toEqual([]);
}

/** A first visit saves the app and the directory on the device; then the connection goes. */
async function offlineWithDirectory(page: Page): Promise<void> {
  await page.goto('/search');
  await controlledByServiceWorker(page);
  await expect(page.locator('.result-card').first()).toBeVisible();
  await page.context().setOffline(true);
}

test.describe('search in a person’s own language, offline', () => {
  test('finds carers’ services for a query typed in Polish, and says they are described in English', async ({
    page,
  }) => {
    await offlineWithDirectory(page);
    await page.goto(inLanguage('/search', 'pl'));
    await page.locator('#directory-q').fill('opiekunowie');
    await page.locator('#directory-q').press('Enter');
    await expect(page).toHaveURL(/q=opiekunowie/);
    expectAllIn(await firstFive(page), 'Carers support');
    await expect(page.getByText('Pokazujemy usługi opisane po angielsku.')).toBeVisible();
    await expectAccessible(page);
  });

  test('finds dementia services for a query typed in Arabic', async ({ page }) => {
    await offlineWithDirectory(page);
    await page.goto(inLanguage(`/search?q=${encodeURIComponent('الخرف')}`, 'ar'));
    expectAllIn(await firstFive(page), 'Dementia support');
    await expect(page.getByText('نعرض خدمات موصوفة باللغة الإنجليزية.')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expectAccessible(page);
  });
});

test.describe('safety first', () => {
  for (const lng of ['en', 'ar']) {
    test(`puts "Need help now?" with the national lines above the results for a safety query, offline (${lng})`, async ({
      page,
    }) => {
      await offlineWithDirectory(page);
      await page.goto(inLanguage('/search?q=suicidal', lng));
      const panel = page.locator('.help-now');
      await expect(panel).toBeVisible();
      await expect(results(page).first()).toBeVisible();
      // Before the results in the page, so it is read and reached by keyboard first.
      const first = await page.evaluate(() => {
        const help = document.querySelector('.help-now');
        const list = document.querySelector('.directory-results');
        return Boolean(help && list && help.compareDocumentPosition(list) & Node.DOCUMENT_POSITION_FOLLOWING);
      });
      expect(first).toBe(true);
      const national = NATIONAL_HELPLINES.map((line) => `tel:${line.dial}`);
      for (const [index, href] of national.entries()) {
        await expect(panel.locator('a[href^="tel:"]').nth(index)).toHaveAttribute('href', href);
      }
      await expectAccessible(page);
    });
  }

  test('shows no panel for an everyday query', async ({ page }) => {
    await page.goto('/search?q=lunch%20club');
    await expect(results(page).first()).toBeVisible();
    await expect(page.locator('.help-now')).toHaveCount(0);
  });
});

test.describe('no dead ends', () => {
  test('corrects a misspelling and says which word it used', async ({ page }) => {
    await page.goto('/search?q=demetia');
    await expect(page.locator('.search-note')).toHaveText('Showing results for dementia');
    expectAllIn(await firstFive(page), 'Dementia support');
  });

  test('offers related topics, guided help and county-wide services when little is found', async ({
    page,
  }) => {
    await page.goto('/search?q=maths');
    const near = page.getByRole('region', { name: 'Not finding what you need?' });
    await expect(
      near.getByRole('link', { name: 'Help me find support: answer five short questions' }),
    ).toBeVisible();
    await expect(near.getByRole('link', { name: /^Browse / }).first()).toBeVisible();
    await expect(near.locator('.search-near__services a').first()).toBeVisible();
    await expectAccessible(page);
  });
});
