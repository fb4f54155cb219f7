import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffRole } from '../../src/domain/staff.ts';
import { prepareServerData, type StaffLogin } from '../fixtures/insight/server-data.ts';
import { findAccessibilityViolations } from '../support/axe.ts';
import { openBrowser, waitForServiceWorker, type BrowserSession } from '../support/browser.ts';
import { startServer, type RunningServer } from '../support/server.ts';

let server: RunningServer;
let session: BrowserSession;
let staff: Record<StaffRole, StaffLogin>;

const expectedAnalystCsv = readFileSync(
  new URL('../fixtures/insight/scorecard-2025-03-analyst.csv', import.meta.url),
  'utf8',
);

beforeAll(async () => {
  const prepared = await prepareServerData();
  staff = prepared.staff;
  server = await startServer({ dataDir: prepared.dataDir });
  session = await openBrowser();
});

afterAll(async () => {
  await session?.browser.close();
  await server?.dispose();
});

/** A fresh browser profile signed in as `role`, as the sign-in page does it: the session cookie set by the server. */
async function signedIn(
  role: StaffRole,
  viewport = { width: 1280, height: 900 },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await session.browser.newContext({ locale: 'en-GB', viewport });
  const page = await context.newPage();
  await page.goto(`${server.url}/`);
  const status = await page.evaluate(async (login) => {
    const response = await fetch('/api/v1/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(login),
    });
    return response.status;
  }, staff[role]);
  expect(status).toBe(200);
  return { context, page };
}

const heading = (page: Page) => page.locator('h1').textContent();

/** Waits for what a person would see, allowing a first visit time to fetch the page's script and words. */
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000 });

/** Every percentage the bar chart shows as a figure, and every reason it gives instead. */
async function chartValues(page: Page): Promise<string[]> {
  return page.locator('.share-chart__value').allTextContents();
}

describe('the public insight page, for a resident who is not signed in', () => {
  it('shows the latest month as published, dated, with small groups only as withheld', async () => {
    const { page } = session;
    await page.goto(`${server.url}/insight`);
    await eventually(() => heading(page)).toBe('What people tell us');
    await eventually(() => page.getByRole('heading', { name: 'Results for March 2025' }).count()).toBe(1);
    expect(await page.getByText(/^Figures as of \d{1,2} \w+ \d{4} at \d{2}:\d{2}\.$/).count()).toBe(1);
    expect(await page.getByText(/^Published on \d{1,2} \w+ \d{4}\.$/).count()).toBe(1);
    const values = await chartValues(page);
    expect(values).toHaveLength(11);
    // 24 of 36, published as 22 of 32 (docs/measures.md): the share comes from the published counts.
    expect(values[0]).toBe('69%');
    expect(values.filter((v) => v === 'No answers')).toHaveLength(9);

    // Harlow is a small district in the fixture: 4 answers to one question, 12 to another.
    const withheld = 'Withheld, so nobody can be identified';
    await page.getByLabel('Show figures for').selectOption({ label: 'Harlow' });
    await page.getByRole('button', { name: 'Show figures' }).click();
    await eventually(() => page.getByText('Showing figures for: Harlow.').count()).toBe(1);
    await expect
      .poll(() => chartValues(page))
      .toEqual([
        withheld,
        ...Array<string>(6).fill('No answers'),
        withheld,
        ...Array<string>(3).fill('No answers'),
      ]);
    expect(new URL(page.url()).search).toBe('?for=district:harlow');
    expect(await page.locator('.share-bar__fill').count()).toBe(0);
  });

  it('shows a district with a handful of answers a month as suppressed all year', async () => {
    const { page } = session;
    await page.goto(`${server.url}/insight?for=district:uttlesford`);
    await eventually(() => page.getByText('Showing figures for: Uttlesford.').count()).toBe(1);
    expect(new Set(await chartValues(page))).toEqual(new Set(['No answers']));
    // The trend tables too: no month shows a share, and no base but zero.
    const trendCells = await page.locator('.trend .insight-table tbody td').allTextContents();
    expect(trendCells.some((text) => /%/.test(text))).toBe(false);
    expect(trendCells.filter((text) => /^\d+$/.test(text)).every((text) => text === '0')).toBe(true);
  });

  it('opens each chart’s table with the keyboard', async () => {
    const { page } = session;
    await page.goto(`${server.url}/insight`);
    await eventually(() => chartValues(page)).toHaveLength(11);
    const focusedSummary = () =>
      page.evaluate(() =>
        document.activeElement?.tagName === 'SUMMARY' ? document.activeElement.textContent : null,
      );
    const summaries: string[] = [];
    for (let i = 0; i < 80 && summaries.length < 12; i++) {
      await page.keyboard.press('Tab');
      const text = await focusedSummary();
      if (text?.startsWith('Show as a table')) {
        summaries.push(text);
        await page.keyboard.press('Enter');
      }
    }
    expect(summaries[0]).toBe(
      'Show as a table: Positive answers in March 2025, All of Essex, with the likely range of each',
    );
    expect(summaries).toContain('Show as a table: Feeling safe');
    expect(summaries).toHaveLength(12);
    const headline = page
      .locator('#insight-latest-chart-caption')
      .locator('xpath=..')
      .locator('.insight-table');
    await eventually(() => headline.isVisible()).toBe(true);
    expect(await headline.locator('tbody tr').first().locator('th, td').allTextContents()).toEqual([
      'Control over daily life',
      '69%',
      '51% to 82%',
      '32',
      '0 points',
    ]);
    const safeTrend = page.locator('#insight-trend-safe-title').locator('xpath=..').locator('.insight-table');
    expect(await safeTrend.locator('tbody tr').last().locator('th, td').allTextContents()).toEqual([
      'March 2025',
      '53%',
      '40% to 66%',
      '53',
    ]);
  });

  it('keeps the last figures it fetched for offline use, dated', async () => {
    const { page, context } = session;
    await page.goto(`${server.url}/insight`);
    await waitForServiceWorker(page);
    await eventually(() => chartValues(page)).toHaveLength(11);
    await context.setOffline(true);
    try {
      await page.reload();
      await expect
        .poll(() => page.getByText('You are offline. These are the figures saved on this device.').count())
        .toBe(1);
      expect(await page.getByText(/^Figures as of /).count()).toBe(1);
      expect((await chartValues(page))[0]).toBe('69%');
    } finally {
      await context.setOffline(false);
    }
  });

  it.each([
    ['en', '/insight'],
    ['ar', '/insight'],
    ['en', '/insight/you-said-we-did'],
    ['ar', '/listing-problems/lookup'],
  ])('has no accessibility problems axe can find (%s, %s), with every table open', async (lng, path) => {
    const context = await session.browser.newContext({
      locale: 'en-GB',
      viewport: { width: 390, height: 844 },
    });
    const page = await context.newPage();
    try {
      await page.goto(`${server.url}${path}?lng=${lng}`);
      await eventually(() => page.locator('h1').count()).toBe(1);
      await page.waitForLoadState('networkidle');
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      expect(await findAccessibilityViolations(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    } finally {
      await context.close();
    }
  });

  it('tells someone who reported a listing problem what became of it, with an error summary for a bad reference', async () => {
    const { page } = session;
    await page.goto(`${server.url}/listing-problems/lookup`);
    await eventually(() => heading(page)).toBe('Check a problem you reported');
    await page.getByLabel('Your reference').fill('not a reference');
    await page.getByRole('button', { name: 'Check' }).click();
    await eventually(() => page.getByRole('heading', { name: 'There is a problem' }).count()).toBe(1);
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe('error-summary');
    await page.getByRole('link', { name: 'Enter a reference like SP-7K3QM-9XA2P' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('lookup-reference');
  });
});

describe('the analysts’ dashboard', () => {
  it('lets an analyst see the figures unrounded, filter them and download the scorecard', async () => {
    const { context, page } = await signedIn('analyst');
    try {
      await page.goto(`${server.url}/staff/dashboard`);
      await eventually(() => heading(page)).toBe('Insight dashboard');
      await eventually(() => page.getByRole('heading', { name: 'Results for March 2025' }).count()).toBe(1);
      expect((await chartValues(page))[0]).toBe('67%');

      // Unrounded counts: Harlow's 4 answers, which the public never sees.
      await page
        .locator('details.insight-details > summary', { hasText: /^Control over daily life$/ })
        .click();
      const byDistrict = page.locator('#dashboard-by-control-caption').locator('xpath=..');
      await byDistrict.getByText('Show as a table').click();
      const harlow = byDistrict.locator('tbody tr', { hasText: 'Harlow' });
      expect(await harlow.locator('td').allTextContents()).toEqual([
        '50%',
        '15% to 85%',
        '4',
        '2',
        'No comparison',
        'Fewer than 10 responses',
      ]);

      await page.getByLabel('District', { exact: true }).selectOption({ label: 'Chelmsford' });
      await page.getByRole('button', { name: 'Show figures' }).click();
      await eventually(() => page.getByText('Showing figures for: Chelmsford.').count()).toBe(1);
      expect(new URL(page.url()).searchParams.get('district')).toBe('chelmsford');
      await eventually(async () => (await chartValues(page))[0]).toBe('65%');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: "Analysts' scorecard for March 2025, unrounded (CSV)" }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('signpost-scorecard-2025-03-analyst.csv');
      expect(readFileSync((await download.path()) as string, 'utf8')).toBe(expectedAnalystCsv);
    } finally {
      await context.close();
    }
  });

  it.each(['en', 'ar'])('has no accessibility problems axe can find, every table open (%s)', async (lng) => {
    const { context, page } = await signedIn('analyst', { width: 390, height: 844 });
    try {
      for (const path of [
        '/staff/dashboard',
        '/staff/dashboard/stories',
        '/staff/dashboard/you-said-we-did',
      ]) {
        await page.goto(`${server.url}${path}?lng=${lng}`);
        await eventually(() => page.locator('.staff-nav').count()).toBe(1);
        await page.waitForLoadState('networkidle');
        await eventually(() => page.locator('.loading').count()).toBe(0);
        await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
        expect(await findAccessibilityViolations(page), path).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(
          390,
        );
      }
    } finally {
      await context.close();
    }
  });

  it('lets an analyst read consented stories, filter them, and approve a quote scrubbed of personal details', async () => {
    const { context, page } = await signedIn('analyst');
    try {
      await page.goto(`${server.url}/staff/dashboard/stories`);
      await eventually(() => page.locator('.insight-card').count()).toBeGreaterThan(0);
      const quotes = await page
        .locator('.insight-card textarea')
        .evaluateAll((areas) => areas.map((area) => (area as HTMLTextAreaElement).value));
      expect(quotes.length).toBeGreaterThan(0);
      for (const quote of quotes) expect(quote).not.toMatch(/07700|@example\.org|Sarah|Tom\b/);

      const card = page.locator('.insight-card', { has: page.locator('textarea') }).first();
      const reference = (await card.locator('h2').textContent())?.replace('Story ', '');
      await card.getByRole('button', { name: 'Approve quote' }).click();
      await eventually(() => card.getByText('Quote approved.').count()).toBe(1);
      await eventually(() => card.getByText(/^Quote approved on /).count()).toBe(1);

      await page.getByLabel('District', { exact: true }).selectOption({ label: 'Tendring' });
      await page.getByRole('button', { name: 'Search' }).click();
      await eventually(() => new URL(page.url()).searchParams.get('district')).toBe('tendring');
      await eventually(() => page.locator('.loading').count()).toBe(0);
      const districts = await page
        .locator('.insight-card dl.insight-facts > dd:nth-of-type(2)')
        .allTextContents();
      expect(districts.length).toBeGreaterThan(0);
      expect(districts.every((d) => d === 'Tendring')).toBe(true);
      expect(reference).toMatch(/^SP-/);
    } finally {
      await context.close();
    }
  });

  it('shows a field worker that they do not have access, and the API refuses them too', async () => {
    const { context, page } = await signedIn('field');
    try {
      await page.goto(`${server.url}/staff/dashboard`);
      await eventually(() => heading(page)).toBe('You do not have access');
      const status = await page.evaluate(async () => (await fetch('/api/v1/analyst/dashboard')).status);
      expect(status).toBe(403);
      expect(await findAccessibilityViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('asks someone who is not signed in to sign in, and comes back here after', async () => {
    const { page } = session;
    await page.goto(`${server.url}/staff/dashboard`);
    await eventually(() => heading(page)).toBe('Sign in to continue');
    expect(await page.getByRole('link', { name: 'Sign in', exact: true }).getAttribute('href')).toBe(
      '/staff/sign-in?next=%2Fstaff%2Fdashboard',
    );
  });
});

describe('the admins’ pages', () => {
  it.each(['en', 'ar'])(
    'lists listing problems and staff accounts with nothing axe can find (%s)',
    async (lng) => {
      const { context, page } = await signedIn('admin', { width: 390, height: 844 });
      try {
        await page.goto(`${server.url}/staff/users?lng=${lng}`);
        await eventually(() => page.locator('.insight-card').count()).toBe(3);
        expect(await findAccessibilityViolations(page)).toEqual([]);
        await page.goto(`${server.url}/staff/problems?lng=${lng}`);
        await eventually(() => page.locator('.staff-nav').count()).toBe(1);
        await eventually(() => page.locator('.loading').count()).toBe(0);
        expect(await findAccessibilityViolations(page)).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );

  it('invites a member of staff and shows their one-time password once', async () => {
    const { context, page } = await signedIn('admin');
    try {
      await page.goto(`${server.url}/staff/users`);
      await page.getByLabel('Email address').fill('sam.analyst@signpost.example');
      await page.getByLabel('Role', { exact: true }).selectOption('analyst');
      await page.getByRole('button', { name: 'Create account' }).click();
      await expect
        .poll(() => page.locator('.insight-secret').textContent())
        .toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$/);
      // Focus moves to the notice that holds the password, so a screen reader reads it out first.
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.querySelector('.insight-secret') !== null))
        .toBe(true);
      await eventually(() => page.locator('.insight-card').count()).toBe(4);
      await page.reload();
      await eventually(() => page.locator('.insight-card').count()).toBe(4);
      expect(await page.locator('.insight-secret').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
