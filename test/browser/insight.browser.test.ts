import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { insightServerData } from '../fixtures/insight/server-data.ts';
import { findAccessibilityViolations } from '../support/axe.ts';
import { expect, test, useServerData } from '../support/fixtures.ts';
import { controlledByServiceWorker, inLanguage, settle } from '../support/visit.ts';

// Published months, small districts and consented stories: the insight pages have something to show.
useServerData(insightServerData);

const expectedAnalystCsv = readFileSync(
  new URL('../fixtures/insight/scorecard-2025-03-analyst.csv', import.meta.url),
  'utf8',
);

const WITHHELD = 'Withheld, so nobody can be identified';
const wide = { viewport: { width: 1280, height: 900 } };

/** The figure beside each bar of every bar chart on the page: a percentage, or why there is none. */
const chartValues = (page: Page) => page.locator('.share-chart__value');

/** Opens every "Show as a table", as a person who wants the figures as tables would. */
async function openEveryTable(page: Page): Promise<void> {
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
}

/** The header and data cells of a table row, as read across it. */
const cellsOf = (row: Locator) => row.locator('th, td');

/** Nothing axe can find, and nothing wider than the 390-pixel screen. */
async function expectNoProblemsOnScreen(page: Page, path: string): Promise<void> {
  expect.soft(await findAccessibilityViolations(page), path).toEqual([]);
  expect
    .soft(await page.evaluate(() => document.documentElement.scrollWidth), `${path} fits 390 pixels`)
    .toBeLessThanOrEqual(390);
}

test.describe('the public insight page, for a resident who is not signed in', () => {
  test('shows the latest month as published, dated, with small groups only as withheld', async ({ page }) => {
    await page.goto('/insight');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('What people tell us');
    await expect(page.getByRole('heading', { name: 'Results for March 2025' })).toBeVisible();
    await expect(page.getByText(/^Figures as of \d{1,2} \w+ \d{4} at \d{2}:\d{2}\.$/)).toHaveCount(1);
    await expect(page.getByText(/^Published on \d{1,2} \w+ \d{4}\.$/)).toHaveCount(1);
    await expect(chartValues(page)).toHaveCount(11);
    // 24 of 36, published as 22 of 32 (docs/measures.md): the share comes from the published counts.
    await expect(chartValues(page).first()).toHaveText('69%');
    await expect(chartValues(page).getByText('No answers', { exact: true })).toHaveCount(9);

    // Harlow is a small district in the fixture: 4 answers to one question, 12 to another.
    await page.getByLabel('Show figures for').selectOption({ label: 'Harlow' });
    await page.getByRole('button', { name: 'Show figures' }).click();
    await expect(page.getByText('Showing figures for: Harlow.')).toBeVisible();
    await expect(chartValues(page)).toHaveText([
      WITHHELD,
      ...Array<string>(6).fill('No answers'),
      WITHHELD,
      ...Array<string>(3).fill('No answers'),
    ]);
    expect(new URL(page.url()).search).toBe('?for=district:harlow');
    // No bar is drawn for a withheld figure, so its length gives nothing away either.
    await expect(page.locator('.share-bar__fill')).toHaveCount(0);
  });

  test('shows what people could not find in the month, beside coverage, with a small cell withheld', async ({
    page,
  }) => {
    await page.goto('/insight');
    await expect(
      page.getByRole('heading', { name: 'What people could not find in March 2025' }),
    ).toBeVisible();
    const table = page.getByRole('table', {
      name: 'People who did not find what they needed, by need and district, March 2025',
    });
    // 12 in Tendring (cell key 12) are published as 10; Harlow's 2 are withheld, and ranked last.
    await expect(table.locator('tbody tr')).toHaveCount(2);
    await expect(cellsOf(table.locator('tbody tr').first())).toHaveText([
      'Caring for someone',
      'Tendring',
      '10',
      /^\d+$/,
    ]);
    await expect(cellsOf(table.locator('tbody tr').last())).toHaveText([
      'Money and benefits',
      'Harlow',
      WITHHELD,
      /^\d+$/,
    ]);
    await expect(
      page.getByRole('link', { name: 'Download this table for March 2025 (CSV)' }),
    ).toHaveAttribute('href', '/api/v1/measures/unmet-need.csv?period=2025-03');
    await expect(page.getByText('No one told us whether a service helped in March 2025.')).toBeVisible();
  });

  test('shows a district with a handful of answers a month as suppressed all year', async ({ page }) => {
    await page.goto('/insight?for=district:uttlesford');
    await expect(page.getByText('Showing figures for: Uttlesford.')).toBeVisible();
    await expect(chartValues(page)).toHaveText(Array<string>(11).fill('No answers'));
    // The trend tables too: no month shows a share, and no base but zero.
    await openEveryTable(page);
    const trendTables = page
      .getByRole('table')
      .filter({ has: page.getByRole('columnheader', { name: 'Month', exact: true }) });
    await expect(trendTables.first()).toBeVisible();
    const trendCells = await trendTables.getByRole('cell').allTextContents();
    expect(trendCells.length).toBeGreaterThan(0);
    expect(trendCells.some((text) => /%/.test(text))).toBe(false);
    expect(trendCells.filter((text) => /^\d+$/.test(text)).every((text) => text === '0')).toBe(true);
  });

  test('opens each chart’s table with the keyboard', async ({ page }) => {
    await page.goto('/insight');
    await expect(chartValues(page)).toHaveCount(11);
    await settle(page);
    const summaries: string[] = [];
    for (let i = 0; i < 80 && summaries.length < 12; i++) {
      await page.keyboard.press('Tab');
      const text = await page.evaluate(() =>
        document.activeElement?.tagName === 'SUMMARY' ? document.activeElement.textContent : null,
      );
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

    const headline = page.getByRole('table', {
      name: 'Positive answers in March 2025, All of Essex, with the likely range of each',
    });
    await expect(headline).toBeVisible();
    await expect(cellsOf(headline.getByRole('row').nth(1))).toHaveText([
      'Control over daily life',
      '69%',
      '51% to 82%',
      '32',
      '0 points',
    ]);
    const safeTrend = page.getByRole('table', { name: 'Feeling safe', exact: true });
    await expect(safeTrend).toBeVisible();
    await expect(cellsOf(safeTrend.getByRole('row').last())).toHaveText([
      'March 2025',
      '53%',
      '40% to 66%',
      '53',
    ]);
  });

  test('keeps the last figures it fetched for offline use, dated', async ({ page, context }) => {
    await page.goto('/insight');
    await controlledByServiceWorker(page);
    await expect(chartValues(page)).toHaveCount(11);
    await context.setOffline(true);
    await page.reload();
    await expect(
      page.getByText('You are offline. These are the figures saved on this device.'),
    ).toBeVisible();
    await expect(page.getByText(/^Figures as of /)).toHaveCount(1);
    await expect(chartValues(page).first()).toHaveText('69%');
  });

  for (const [lng, path] of [
    ['en', '/insight'],
    ['ar', '/insight'],
    ['en-easy', '/insight'],
    ['en', '/insight/you-said-we-did'],
    ['ar', '/listing-problems/lookup'],
  ] as const) {
    test(`has no accessibility problems axe can find (${lng}, ${path}), with every table open`, async ({
      page,
    }) => {
      await page.goto(inLanguage(path, lng));
      await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
      await settle(page);
      // The public page's unmet-need table, with its withheld cell, is checked too.
      if (path === '/insight') await expect(page.locator('#insight-unmet-caption')).toBeVisible();
      await openEveryTable(page);
      await expectNoProblemsOnScreen(page, path);
    });
  }

  test('tells someone who reported a listing problem what became of it, with an error summary for a bad reference', async ({
    page,
  }) => {
    await page.goto('/listing-problems/lookup');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check a problem you reported');
    await page.getByLabel('Your reference').fill('not a reference');
    await page.getByRole('button', { name: 'Check' }).click();
    await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
    // The summary takes focus, so a screen reader reads it out and the keyboard starts from it.
    await expect(page.locator(':focus')).toContainText('There is a problem');
    await page.getByRole('link', { name: 'Enter a reference like SP-7K3QM-9XA2P' }).click();
    await expect(page.getByLabel('Your reference')).toBeFocused();
  });
});

test.describe('the analysts’ dashboard', () => {
  test.describe('on a wide screen', () => {
    test.use(wide);

    test('lets an analyst see the figures unrounded, filter them and download the scorecard', async ({
      page,
      signIn,
    }) => {
      await signIn('analyst');
      await page.goto('/staff/dashboard');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Insight dashboard');
      await expect(page.getByRole('heading', { name: 'Results for March 2025' })).toBeVisible();
      await expect(chartValues(page).first()).toHaveText('67%');

      // Unrounded counts: Harlow's 4 answers, which the public never sees.
      await page
        .locator('summary')
        .filter({ hasText: /^Control over daily life$/ })
        .click();
      const byDistrict = page.getByRole('figure', { name: /^Control over daily life by / });
      await byDistrict.getByText('Show as a table').click();
      await expect(byDistrict.getByRole('row', { name: /^Harlow\b/ }).getByRole('cell')).toHaveText([
        '50%',
        '15% to 85%',
        '4',
        '2',
        'No comparison',
        'Fewer than 10 responses',
      ]);

      await page.getByLabel('District', { exact: true }).selectOption({ label: 'Chelmsford' });
      await page.getByRole('button', { name: 'Show figures' }).click();
      await expect(page.getByText('Showing figures for: Chelmsford.')).toBeVisible();
      await expect(page).toHaveURL((url) => url.searchParams.get('district') === 'chelmsford');
      await expect(chartValues(page).first()).toHaveText('65%');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: "Analysts' scorecard for March 2025, unrounded (CSV)" }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('signpost-scorecard-2025-03-analyst.csv');
      expect(readFileSync(await download.path(), 'utf8')).toBe(expectedAnalystCsv);
    });

    test('lets an analyst read consented stories, filter them, and approve a quote scrubbed of personal details', async ({
      page,
      signIn,
    }) => {
      await signIn('analyst');
      await page.goto('/staff/dashboard/stories');
      const stories = page.getByRole('article', { name: /^Story SP-/ });
      await expect(stories.first()).toBeVisible();
      const quoteFields = page.getByRole('textbox', { name: 'Quote, with personal details taken out' });
      await expect(quoteFields.first()).toBeVisible();
      const quotes = await quoteFields.evaluateAll((areas) =>
        areas.map((area) => (area as HTMLTextAreaElement).value),
      );
      expect(quotes.length).toBeGreaterThan(0);
      for (const quote of quotes) expect(quote).not.toMatch(/07700|@example\.org|Sarah|Tom\b/);

      const title = await stories
        .filter({ has: quoteFields })
        .first()
        .getByRole('heading')
        .first()
        .textContent();
      expect(title).toMatch(/^Story SP-/);
      const story = page.getByRole('article', { name: title ?? '', exact: true });
      await story.getByRole('button', { name: 'Approve quote' }).click();
      await expect(story.getByText('Quote approved.')).toBeVisible();
      await expect(story.getByText(/^Quote approved on /)).toBeVisible();

      await page.getByLabel('District', { exact: true }).selectOption({ label: 'Tendring' });
      await page.getByRole('button', { name: 'Search' }).click();
      await expect(page).toHaveURL((url) => url.searchParams.get('district') === 'tendring');
      // Each story's second fact is its district: every story listed is from Tendring.
      await expect(stories.first().getByRole('definition').nth(1)).toHaveText('Tendring');
      await settle(page);
      await expect(stories.first()).toBeVisible();
      const tendring = page.getByRole('definition').getByText('Tendring', { exact: true });
      await expect(stories.filter({ hasNot: tendring })).toHaveCount(0);
    });

    test('shows a field worker that they do not have access, and the API refuses them too', async ({
      page,
      signIn,
      api,
    }) => {
      await signIn('field');
      await page.goto('/staff/dashboard');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('You do not have access');
      expect((await api.get('/api/v1/analyst/dashboard')).status).toBe(403);
      expect(await findAccessibilityViolations(page)).toEqual([]);
    });
  });

  for (const lng of ['en', 'ar']) {
    test(`has no accessibility problems axe can find, every table open (${lng})`, async ({
      page,
      signIn,
    }) => {
      await signIn('analyst');
      for (const path of [
        '/staff/dashboard',
        '/staff/dashboard/stories',
        '/staff/dashboard/you-said-we-did',
      ]) {
        await test.step(path, async () => {
          await page.goto(inLanguage(path, lng));
          // The staff navigation, marking this page, shows once the page knows who is signed in.
          await expect(page.locator(`a[aria-current="page"][href="${path}"]`)).toBeVisible();
          await settle(page);
          await openEveryTable(page);
          await expectNoProblemsOnScreen(page, path);
        });
      }
    });
  }

  test('asks someone who is not signed in to sign in, and comes back here after', async ({ page }) => {
    await page.goto('/staff/dashboard');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in to continue');
    await expect(page.getByRole('link', { name: 'Sign in', exact: true })).toHaveAttribute(
      'href',
      '/staff/sign-in?next=%2Fstaff%2Fdashboard',
    );
  });
});

test.describe('the admins’ pages', () => {
  for (const lng of ['en', 'ar']) {
    test(`lists listing problems and staff accounts with nothing axe can find (${lng})`, async ({
      page,
      signIn,
      server,
    }) => {
      await signIn('admin');
      await test.step('/staff/users', async () => {
        await page.goto(inLanguage('/staff/users', lng));
        for (const role of ['admin', 'analyst', 'field'] as const) {
          await expect(page.getByRole('heading', { name: server.staff[role].email })).toBeVisible();
        }
        await settle(page);
        expect.soft(await findAccessibilityViolations(page)).toEqual([]);
      });
      await test.step('/staff/problems', async () => {
        await page.goto(inLanguage('/staff/problems', lng));
        await expect(page.locator('a[aria-current="page"][href="/staff/problems"]')).toBeVisible();
        await settle(page);
        expect.soft(await findAccessibilityViolations(page)).toEqual([]);
      });
    });
  }

  test.describe('on a wide screen', () => {
    test.use(wide);

    test('invites a member of staff and shows their one-time password once', async ({ page, signIn }) => {
      const email = `sam.analyst.${Date.now().toString(36)}@signpost.example`;
      await signIn('admin');
      await page.goto('/staff/users');
      await page.getByLabel('Email address').fill(email);
      await page.getByLabel('Role', { exact: true }).selectOption('analyst');
      await page.getByRole('button', { name: 'Create account' }).click();
      const notice = page.getByRole('status').filter({ hasText: email });
      const password = notice.getByText(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$/);
      await expect(password).toBeVisible();
      // Focus moves to the notice that holds the password, so a screen reader reads it out first.
      await expect(notice).toBeFocused();
      const shown = (await password.textContent()) ?? '';
      const account = page.getByRole('article', { name: email });
      await expect(account).toBeVisible();

      await page.reload();
      await expect(account).toBeVisible();
      await expect(page.getByText(shown)).toHaveCount(0);
    });
  });
});
