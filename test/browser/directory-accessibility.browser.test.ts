import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAccessibilityViolations } from '../support/axe.ts';
import { openBrowser, type BrowserSession } from '../support/browser.ts';
import { startServer, type RunningServer } from '../support/server.ts';

// The server loads the shipped fictional sample directory on its first start.
let server: RunningServer;
let session: BrowserSession;
let page: Page;
let serviceId: string;
let noticeServiceId: string;

/** Until the results on screen are the answer to what the page asks, not a step on the way. */
async function settled(): Promise<void> {
  await page.waitForFunction(() => {
    const results = document.querySelector('.directory-results');
    const count = document.querySelector('.directory-results__count')?.textContent ?? '';
    return (
      !document.querySelector('.loading') && results && !results.hasAttribute('aria-busy') && count !== ''
    );
  });
}

async function open(path: string, lng: string): Promise<void> {
  await page.goto(`${server.url}${path}${path.includes('?') ? '&' : '?'}lng=${lng}`);
  await page.locator('h1').waitFor();
}

beforeAll(async () => {
  server = await startServer();
  session = await openBrowser();
  page = session.page;
  const directory = (await (await fetch(`${server.url}/api/v1/directory`)).json()) as {
    services: Array<{
      id: string;
      locations: unknown[];
      phone?: string;
      applicationProcess?: string;
      alert?: string;
    }>;
  };
  serviceId = directory.services.find(
    (service) => service.locations.length > 0 && service.phone && service.applicationProcess,
  )!.id;
  noticeServiceId = directory.services.find((service) => service.alert)!.id;
});

afterAll(async () => {
  await session?.browser.close();
  await server?.dispose();
});

describe.each([['en'], ['ar']])('axe finds nothing on the directory pages in %s', (lng) => {
  it.each([
    ['many results', '/search'],
    ['some results', '/search?q=carers&theme=carers'],
    ['no results', '/search?q=zzqqxxvv'],
  ])('with %s', async (_name, path) => {
    await open(path, lng);
    await settled();
    expect(await findAccessibilityViolations(page)).toEqual([]);
  });

  it('with the filters open, and an error in them', async () => {
    await open('/search?free=1&for=carer-self', lng);
    await settled();
    await page.locator('.directory-filters__toggle').click();
    expect(await findAccessibilityViolations(page)).toEqual([]);
    await page.locator('#filter-postcode').fill('not a postcode');
    await page.locator('#filter-age').fill('200');
    await page.locator('.directory-filters__actions .button').first().click();
    await page.locator('.error-summary').waitFor();
    expect(await findAccessibilityViolations(page)).toEqual([]);
  });

  it('on a service page', async () => {
    await open(`/services/${serviceId}`, lng);
    await page.waitForFunction(() => !document.querySelector('.loading'));
    expect(await page.locator('.service-detail__org').count()).toBe(1);
    expect(await page.locator('#service-start').count()).toBe(1);
    expect(await findAccessibilityViolations(page)).toEqual([]);
  });

  it('on a service page with a notice from the service', async () => {
    await open(`/services/${noticeServiceId}`, lng);
    await page.waitForFunction(() => !document.querySelector('.loading'));
    expect(await page.locator('.service-detail__warning').count()).toBeGreaterThan(0);
    expect(await findAccessibilityViolations(page)).toEqual([]);
  });

  it('on the page for a service that is not in the directory', async () => {
    await open('/services/no-such-service', lng);
    await page.waitForFunction(() => !document.querySelector('.loading'));
    expect(await findAccessibilityViolations(page)).toEqual([]);
  });
});

describe('when the directory cannot be downloaded', () => {
  it('says so in the person’s language, with what to do, and recovers on "Try again"', async () => {
    const fresh = await openBrowser();
    try {
      await fresh.page.route('**/api/v1/directory*', (route) => route.fulfill({ status: 503, body: '{}' }));
      await fresh.page.goto(`${server.url}/search?q=carers`);
      const problem = fresh.page.getByRole('alert');
      await problem
        .getByText('We could not download the directory just now. Try again in a few minutes.')
        .waitFor();
      expect(await findAccessibilityViolations(fresh.page)).toEqual([]);
      await fresh.page.unroute('**/api/v1/directory*');
      await problem.getByRole('button', { name: 'Try again' }).click();
      await fresh.page.locator('.directory-results__count', { hasText: /services found/ }).waitFor();
    } finally {
      await fresh.browser.close();
    }
  });
});

describe.each([['dark'], ['contrast']])('axe finds nothing with the %s colours', (colours) => {
  it('on the results with the filters open and an error in them', async () => {
    await page.goto(`${server.url}/`);
    await page.evaluate((chosen) => {
      localStorage.setItem('signpost.display', JSON.stringify({ textSize: 'standard', colours: chosen }));
    }, colours);
    try {
      await open('/search?q=carers&free=1', 'en');
      await settled();
      await page.locator('.directory-filters__toggle').click();
      await page.locator('#filter-age').fill('200');
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.locator('.error-summary').waitFor();
      expect(await findAccessibilityViolations(page)).toEqual([]);
    } finally {
      await page.evaluate(() => localStorage.removeItem('signpost.display'));
    }
  });
});

describe('on a narrow phone', () => {
  it.each([
    ['the results with the filters open', '/search?q=carers'],
    ['a service page', 'service'],
  ])('fits %s in 320 CSS pixels, with no sideways scrolling', async (_name, path) => {
    await page.setViewportSize({ width: 320, height: 640 });
    try {
      await open(path === 'service' ? `/services/${serviceId}` : path, 'en');
      await page.waitForFunction(() => !document.querySelector('.loading'));
      if (path !== 'service') {
        await settled();
        await page.locator('.directory-filters__toggle').click();
      }
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(320);
    } finally {
      await page.setViewportSize({ width: 390, height: 844 });
    }
  });
});

describe('on a wide screen', () => {
  it('shows the filters beside the results, with no button to open them', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    try {
      await open('/search?q=carers', 'en');
      await settled();
      expect(await page.locator('.directory-filters__toggle').isVisible()).toBe(false);
      const filters = await page.locator('#directory-filters').boundingBox();
      const results = await page.locator('.directory-results').boundingBox();
      expect(filters && results && filters.x + filters.width <= results.x).toBe(true);
      expect(await findAccessibilityViolations(page)).toEqual([]);
    } finally {
      await page.setViewportSize({ width: 390, height: 844 });
    }
  });
});
