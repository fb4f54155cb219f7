import type { Page } from '@playwright/test';
import { filtersFromSearchParams } from '../../src/domain/search/filters.ts';
import { findServices } from '../../src/domain/search/find.ts';
import { Service } from '../../src/domain/service.ts';
import { expect, test } from '../support/fixtures.ts';
import type { Api } from '../support/test-server.ts';
import {
  connectionBack,
  firstDrawing,
  inLanguage,
  layoutShifts,
  settle,
  visit,
  watchFirstDrawing,
  watchLayoutShifts,
} from '../support/visit.ts';

/**
 * The results page draws a new set of results a screenful first, then a card at a time, so no one task
 * blocks a phone for long. Whatever the drawing, a person must end up with every result in its place, the
 * count the page announces, and their place in the list when they come back from a service.
 */

test.use({ viewport: { width: 320, height: 640 } });

const SEARCH = '/search?q=carers';
const PAGE_SIZE = 20;

/** Arabic-Indic digits as 0–9, so a number the page shows in its own script can be read. */
const westernDigits = (text: string) =>
  text.replace(/[\u0660-\u0669]/g, (digit) => String(digit.charCodeAt(0) - 0x660));

/** The numbers in a line of the page, in order. */
async function numbersIn(page: Page, selector: string): Promise<number[]> {
  const text = westernDigits((await page.locator(selector).textContent()) ?? '');
  return [...text.matchAll(/\d+/g)].map((match) => Number(match[0]));
}

/** The services the page should list for its search, in order: the directory searched here, as the page's worker does. */
async function expectedIds(api: Api): Promise<string[]> {
  const body = (await api.get<{ services: unknown[] }>('/api/v1/directory')).body;
  const services = (body?.services ?? []).flatMap((item) => {
    const parsed = Service.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
  const filters = filtersFromSearchParams(new URL(SEARCH, 'http://x').searchParams);
  return findServices(services, filters).map((item) => item.service.id);
}

/** The services the cards link to, in the order drawn. */
function drawnIds(page: Page): Promise<string[]> {
  return page
    .locator('.result-card__name a')
    .evaluateAll((links) =>
      links.map((link) => decodeURIComponent(link.getAttribute('href')!.replace('/services/', ''))),
    );
}

/** Until the page has drawn `count` cards and the last of them is in the document. */
async function drawn(page: Page, count: number): Promise<void> {
  await expect(page.locator('.result-card')).toHaveCount(count);
}

for (const lng of ['en', 'ar']) {
  test.describe(`results drawn a screenful first, then a card at a time, in ${lng}`, () => {
    test('end with every result in order, the right count, and the first screenful drawn first', async ({
      page,
      api,
    }) => {
      const expected = await expectedIds(api);
      expect(expected.length).toBeGreaterThan(2 * PAGE_SIZE);
      // Each change to the list as it is drawn: how many cards there were.
      await page.addInitScript(() => {
        const counts: number[] = [];
        (window as unknown as { cardCounts: number[] }).cardCounts = counts;
        new MutationObserver(() => {
          const count = document.querySelectorAll('.result-card').length;
          if (count !== counts.at(-1)) counts.push(count);
        }).observe(document, { childList: true, subtree: true });
      });
      await visit(page, SEARCH, lng);
      await drawn(page, PAGE_SIZE);
      expect(await drawnIds(page)).toEqual(expected.slice(0, PAGE_SIZE));
      expect(await numbersIn(page, '.directory-results__count')).toEqual([expected.length]);
      expect(await numbersIn(page, '.directory-results__more .meta')).toEqual([PAGE_SIZE, expected.length]);
      const counts = await page.evaluate(() => (window as unknown as { cardCounts: number[] }).cardCounts);
      // The first screenful came on its own, and the rest after it, never a card taken away.
      expect(counts.find((count) => count > 0)).toBeLessThanOrEqual(8);
      expect(counts.filter((count) => count > 0)).toEqual(
        [...counts.filter((count) => count > 0)].sort((a, b) => a - b),
      );

      // "Show more" adds the next results at once, after the others, and focus goes to the first of them.
      await page.locator('.directory-results__more button').click();
      await drawn(page, 2 * PAGE_SIZE);
      expect(await drawnIds(page)).toEqual(expected.slice(0, 2 * PAGE_SIZE));
      await expect(page.locator('.result-card__name a').nth(PAGE_SIZE)).toBeFocused();
      expect(await numbersIn(page, '.directory-results__count')).toEqual([expected.length]);
    });

    test('opened straight from its address, the page is drawn whole the first time', async ({ page }) => {
      await watchFirstDrawing(page);
      await page.goto(inLanguage(SEARCH, lng === 'en' ? undefined : lng));
      await drawn(page, PAGE_SIZE);
      const heading = (await page.locator('h1').textContent()) ?? '';
      expect(heading).not.toBe('');
      // Its search form and words came with its first drawing: never a "Loading" line first.
      expect(await firstDrawing(page)).toEqual({ loading: false, firstHeading: heading });
    });

    test('nothing moves at a phone’s width while the directory is saved, and as a later check starts and ends', async ({
      page,
    }) => {
      // 412 px, the benchmark's phone: wide enough for "Check for updates" to sit beside a short line.
      await page.setViewportSize({ width: 412, height: 823 });
      await watchLayoutShifts(page);
      await page.addInitScript(() => {
        // Each wording the freshness line takes, to know that a check was seen to start.
        const lines: string[] = [];
        (window as unknown as { lines: string[] }).lines = lines;
        new MutationObserver(() => {
          const line = document.querySelector('.directory-freshness [role="status"]')?.textContent?.trim();
          if (line && line !== lines.at(-1)) lines.push(line);
        }).observe(document, { childList: true, subtree: true, characterData: true });
      });
      await page.goto(inLanguage(SEARCH, lng === 'en' ? undefined : lng));
      await drawn(page, PAGE_SIZE);
      const status = page.locator('.directory-freshness [role="status"]');
      const onlyFreshness = () =>
        status.evaluate(
          (line) => line.textContent?.trim() === line.querySelector('span')?.textContent?.trim(),
        );
      await expect.poll(onlyFreshness).toBe(true);
      // The connection comes back: a check starts ("Checking for updates…") and ends.
      const linesSeen = () => page.evaluate(() => (window as unknown as { lines: string[] }).lines.length);
      const before = await linesSeen();
      await connectionBack(page);
      await expect.poll(linesSeen).toBeGreaterThanOrEqual(before + 2);
      await expect.poll(onlyFreshness).toBe(true);
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
      const shifts = await layoutShifts(page);
      const score = shifts.reduce((sum, shift) => sum + shift.score, 0);
      // A fraction of a pixel (a line of right-to-left text a third of a pixel narrower) is not a move anyone sees.
      expect(score, JSON.stringify(shifts, null, 1)).toBeLessThan(0.01);
    });

    test('come back with Back to the same list, scrolled to the card far down it', async ({ page, api }) => {
      const expected = await expectedIds(api);
      await visit(page, SEARCH, lng);
      await page.locator('.directory-results__more button').click();
      await drawn(page, 2 * PAGE_SIZE);
      const card = PAGE_SIZE + 15;
      const link = page.locator('.result-card__name a').nth(card);
      await link.scrollIntoViewIfNeeded();
      const scrolled = await page.evaluate(() => Math.round(window.scrollY));
      expect(scrolled).toBeGreaterThan(3000);
      const href = (await link.getAttribute('href'))!;
      await link.focus();
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL((url) => url.pathname === href);
      await settle(page);

      await page.goBack();
      await drawn(page, 2 * PAGE_SIZE);
      expect(await drawnIds(page)).toEqual(expected.slice(0, 2 * PAGE_SIZE));
      await expect.poll(() => page.evaluate(() => Math.round(window.scrollY))).toBe(scrolled);
      await expect(page.locator(`.result-card__name a[href="${href}"]`)).toBeFocused();
      await expect(page.locator(`.result-card__name a[href="${href}"]`)).toBeInViewport();
      expect(await numbersIn(page, '.directory-results__count')).toEqual([expected.length]);
    });
  });
}
