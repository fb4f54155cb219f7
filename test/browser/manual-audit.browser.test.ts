import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, waitForServiceWorker, type BrowserSession } from '../support/browser.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { sampleServiceId } from './inclusion-helpers.ts';
import { emulateStandalone, waitForDirectory } from './installed-helpers.ts';

/**
 * The findings of a manual WCAG 2.2 audit, each checked as the person who met it would: by keyboard, with
 * a screen reader's view of names and roles, on a 320 px phone.
 */

let server: RunningServer;
let session: BrowserSession;
let serviceId: string;

beforeAll(async () => {
  server = await startServer();
  session = await openBrowser({ viewport: { width: 320, height: 640 } });
  serviceId = await sampleServiceId(server);
});

afterAll(async () => {
  await session?.browser.close();
  await server?.dispose();
});

const focusedIs = (selector: string) =>
  session.page.evaluate((selector) => document.activeElement?.matches(selector) ?? false, selector);

describe('the manual audit', () => {
  it('keeps the text-size radio on screen when the arrow keys change the size', async () => {
    const { page } = session;
    await page.goto(`${server.url}/accessibility`);
    await page.getByRole('button', { name: 'Display settings' }).click();
    const standard = page.getByRole('radio', { name: 'Standard', exact: true });
    await standard.focus();
    for (const size of ['Large', 'Larger']) {
      await page.keyboard.press('ArrowDown');
      const radio = page.getByRole('radio', { name: size, exact: true });
      await expect.poll(() => radio.isChecked()).toBe(true);
      const box = await radio.evaluate((element) => {
        const { top, bottom } = element.getBoundingClientRect();
        return { top, bottom, height: innerHeight };
      });
      expect(box.top, `${size}: the focused radio is not above the screen`).toBeGreaterThanOrEqual(0);
      expect(box.bottom, `${size}: the focused radio is not below the screen`).toBeLessThanOrEqual(
        box.height,
      );
    }
    await page.getByRole('button', { name: 'Go back to the standard display' }).click();
  });

  it('gives each answer of the questionnaire its own hint, with no id used twice', async () => {
    const { page } = session;
    await page.goto(`${server.url}/feedback/who`);
    await page.locator('h1').waitFor();
    const duplicates = await page.evaluate(() => {
      const ids = [...document.querySelectorAll('[id]')].map((element) => element.id);
      return ids.filter((id, index) => ids.indexOf(id) !== index);
    });
    expect(duplicates).toEqual([]);
    const carer = page.getByRole('radio', { name: 'I look after someone (an unpaid carer)' });
    const hintId = await carer.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${hintId}"]`).textContent()).toBe(
      'You help a family member, partner or friend who could not manage without you, and are not paid to do it.',
    );
    // The question is the page's heading, and names the group: no hidden legend says it again.
    expect(await page.locator('legend').count()).toBe(0);
    const title = 'Which of these describes you?';
    expect(
      await page
        .getByRole('radiogroup', { name: title })
        .or(page.getByRole('group', { name: title }))
        .count(),
    ).toBe(1);
  });

  it('reads "Question 1 of 5" after the heading that takes focus, and names the group by that heading', async () => {
    const { page } = session;
    await page.goto(`${server.url}/help-me-find`);
    await page.getByRole('link', { name: 'Start now' }).click();
    const heading = page.locator('h1');
    await page.getByText('Question 1 of 5').waitFor();
    await expect.poll(() => focusedIs('h1')).toBe(true);
    const order = await page.evaluate(() => {
      const h1 = document.querySelector('h1')!;
      const caption = [...document.querySelectorAll('p')].find((p) => p.textContent === 'Question 1 of 5')!;
      return h1.compareDocumentPosition(caption) & Node.DOCUMENT_POSITION_FOLLOWING ? 'after' : 'before';
    });
    expect(order).toBe('after');
    expect(await page.locator('legend').count()).toBe(0);
    const title = (await heading.textContent()) ?? '';
    expect(await page.getByRole('group', { name: title }).count()).toBe(1);
  });

  it('keeps the search and its filters when the language is changed on the results page', async () => {
    const { page } = session;
    await page.goto(`${server.url}/search?q=carers&free=1`);
    await waitForDirectory(page);
    await page.getByRole('button', { name: /Language/ }).click();
    await page.getByRole('link', { name: /العربية/ }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('ar');
    const url = new URL(page.url());
    expect(url.pathname).toBe('/search');
    expect(url.searchParams.get('q')).toBe('carers');
    expect(url.searchParams.get('free')).toBe('1');
    await expect.poll(() => page.locator('#directory-q').inputValue()).toBe('carers');
    await page.evaluate(() => localStorage.removeItem('signpost.language'));
  });

  it('says "Save to My list" or "Remove from My list", and is not also a pressed toggle', async () => {
    const { page } = session;
    await page.goto(`${server.url}/services/${encodeURIComponent(serviceId)}`);
    await waitForDirectory(page);
    const save = page.getByRole('button', { name: /^Save to My list/ });
    expect(await save.getAttribute('aria-pressed')).toBeNull();
    await save.click();
    const remove = page.getByRole('button', { name: /^Remove from My list/ });
    await remove.waitFor();
    expect(await remove.getAttribute('aria-pressed')).toBeNull();
    await remove.click();
    await page.getByRole('button', { name: /^Save to My list/ }).waitFor();
  });

  it('says "removed" on My list in a status region, and keeps focus on the page', async () => {
    const { page } = session;
    await page.goto(`${server.url}/services/${encodeURIComponent(serviceId)}`);
    await waitForDirectory(page);
    await page.getByRole('button', { name: /^Save to My list/ }).click();
    await page.getByRole('link', { name: 'View My list' }).first().click();
    await page.getByRole('button', { name: /^Remove .* from My list$/ }).click();
    const status = page.getByRole('status').filter({ hasText: 'was removed from My list.' });
    await status.waitFor();
    await expect.poll(() => focusedIs('.notice')).toBe(true);
  });

  it('moves focus to the page when the offline notice’s OK is pressed (WCAG 2.4.3)', async () => {
    const fresh = await openBrowser({ viewport: { width: 320, height: 640 } });
    try {
      await emulateStandalone(fresh.context);
      await fresh.page.goto(`${server.url}/`);
      await waitForServiceWorker(fresh.page);
      const ok = fresh.page.getByRole('button', { name: 'OK' });
      await ok.waitFor();
      await ok.focus();
      await fresh.page.keyboard.press('Enter');
      await ok.waitFor({ state: 'detached' });
      expect(await fresh.page.evaluate(() => document.activeElement?.id)).toBe('main');
    } finally {
      await fresh.browser.close();
    }
  });
});
