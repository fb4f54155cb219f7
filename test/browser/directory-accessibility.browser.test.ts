import type { Page } from '@playwright/test';
import { findAccessibilityViolations } from '../support/axe.ts';
import { expect, test } from '../support/fixtures.ts';
import type { Api } from '../support/test-server.ts';
import { inLanguage, withDisplay } from '../support/visit.ts';

/** axe on the directory's pages, in English and Arabic, in every state a search can be in. */

interface Directory {
  services: Array<{
    id: string;
    locations: unknown[];
    phone?: string;
    applicationProcess?: string;
    alert?: string;
  }>;
}

/** Services of the worker's directory with every part of a service page, and with a notice. */
let services: { full: string; notice: string } | undefined;

async function sampleServices(api: Api) {
  const directory = (await api.get<Directory>('/api/v1/directory')).body?.services ?? [];
  const full = directory.find((s) => s.locations.length > 0 && s.phone && s.applicationProcess);
  const notice = directory.find((s) => s.alert);
  if (!full || !notice)
    throw new Error('The sample directory has no service with every part, or none with a notice');
  return { full: full.id, notice: notice.id };
}

test.beforeEach(async ({ api }) => {
  services ??= await sampleServices(api);
});

/** Opens a page in a language and waits for its heading and for nothing to be loading. */
async function open(page: Page, path: string, lng = 'en'): Promise<void> {
  await page.goto(inLanguage(path, lng));
  await expect(page.locator('h1')).toHaveText(/\S/);
  await expect(page.locator('.loading')).toHaveCount(0);
}

/** Until the results on screen are the answer to what the page asks, not a step on the way. */
async function resultsShown(page: Page): Promise<void> {
  await expect(page.locator('.directory-results__count')).toHaveText(/\S/);
  await expect(page.locator('.directory-results')).not.toHaveAttribute('aria-busy');
  await expect(page.locator('.loading')).toHaveCount(0);
}

async function expectNoViolations(page: Page): Promise<void> {
  expect(await findAccessibilityViolations(page)).toEqual([]);
}

for (const lng of ['en', 'ar']) {
  test.describe(`axe finds nothing on the directory pages in ${lng}`, () => {
    for (const [name, path] of [
      ['many results', '/search'],
      ['some results', '/search?q=carers&theme=carers'],
      ['no results', '/search?q=zzqqxxvv'],
    ] as const) {
      test(`with ${name}`, async ({ page }) => {
        await open(page, path, lng);
        await resultsShown(page);
        await expectNoViolations(page);
      });
    }

    test('with the filters open, and an error in them', async ({ page }) => {
      await open(page, '/search?free=1&for=carer-self', lng);
      await resultsShown(page);
      await page.locator('.directory-filters__toggle').click();
      await expect(page.locator('#filter-postcode')).toBeVisible();
      await expectNoViolations(page);
      await page.locator('#filter-postcode').fill('not a postcode');
      await page.locator('#filter-age').fill('200');
      await page.locator('.directory-filters__actions .button').first().click();
      await expect(page.locator('.error-summary')).toBeVisible();
      await expectNoViolations(page);
    });

    test('on a service page', async ({ page }) => {
      await open(page, `/services/${services?.full}`, lng);
      await expect(page.locator('#service-start')).toHaveCount(1);
      await expectNoViolations(page);
    });

    test('on a service page with a notice from the service', async ({ page }) => {
      await open(page, `/services/${services?.notice}`, lng);
      await expect(page.locator('.service-detail__warning').first()).toBeVisible();
      await expectNoViolations(page);
    });

    test('on the page for a service that is not in the directory', async ({ page }) => {
      await open(page, '/services/no-such-service', lng);
      await expectNoViolations(page);
    });
  });
}

test.describe('when the directory cannot be downloaded', () => {
  test('says so in the person’s language, with what to do, and recovers on "Try again"', async ({
    page,
    context,
  }) => {
    // On the context, so the service worker's own fetches meet the failure too.
    await context.route('**/api/v1/directory*', (route) => route.fulfill({ status: 503, body: '{}' }));
    await page.goto('/search?q=carers');
    const problem = page.getByRole('alert');
    await expect(
      problem.getByText('We could not download the directory just now. Try again in a few minutes.'),
    ).toBeVisible();
    await expectNoViolations(page);
    await context.unroute('**/api/v1/directory*');
    await problem.getByRole('button', { name: 'Try again' }).click();
    await expect(page.locator('.directory-results__count')).toHaveText(/services found/);
  });
});

for (const colours of ['dark', 'contrast']) {
  test(`axe finds nothing with the ${colours} colours on the results with the filters open and an error in them`, async ({
    page,
  }) => {
    await withDisplay(page, { colours });
    await open(page, '/search?q=carers&free=1');
    await resultsShown(page);
    await page.locator('.directory-filters__toggle').click();
    await page.locator('#filter-age').fill('200');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page.locator('.error-summary')).toBeVisible();
    await expectNoViolations(page);
  });
}

test.describe('on a narrow phone', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test('fits the results with the filters open in 320 CSS pixels, with no sideways scrolling', async ({
    page,
  }) => {
    await open(page, '/search?q=carers');
    await resultsShown(page);
    await page.locator('.directory-filters__toggle').click();
    await expect(page.locator('#filter-postcode')).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });

  test('shows every filter when opened as soon as the results show, and again after closing', async ({
    page,
  }) => {
    await open(page, '/search?q=carers');
    const toggle = page.locator('.directory-filters__toggle');
    // Opened as soon as the results show, perhaps before the closed panel's groups are all drawn.
    await toggle.click();
    const panel = page.locator('#directory-filters');
    const everyGroup = async () => {
      await expect(panel.locator('fieldset, .filter-group')).not.toHaveCount(0);
      await expect(panel.getByRole('button', { name: 'Apply filters' })).toBeVisible();
      await expect(panel.locator('#filter-age')).toBeVisible();
      await expect(panel.locator('#filter-postcode')).toBeVisible();
    };
    await everyGroup();
    const groups = await panel.locator('fieldset, .filter-group').count();
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await toggle.click();
    await everyGroup();
    expect(await panel.locator('fieldset, .filter-group').count()).toBe(groups);
  });

  test('fits a service page in 320 CSS pixels, with no sideways scrolling', async ({ page }) => {
    await open(page, `/services/${services?.full}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });
});

test.describe('on a wide screen', () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test('shows the filters beside the results, with no button to open them', async ({ page }) => {
    await open(page, '/search?q=carers');
    await resultsShown(page);
    await expect(page.locator('.directory-filters__toggle')).toBeHidden();
    const filters = await page.locator('#directory-filters').boundingBox();
    const results = await page.locator('.directory-results').boundingBox();
    expect(filters && results && filters.x + filters.width <= results.x).toBe(true);
    await expectNoViolations(page);
  });
});
