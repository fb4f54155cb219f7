import type { Browser, BrowserContext, Page } from 'playwright-core';
import { encode } from 'uqr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QR_OPTIONS } from '../../src/app/features/my-list/qr-path.ts';
import { openBrowser } from '../support/browser.ts';
import { startServer, type RunningServer } from '../support/server.ts';

interface Listing {
  id: string;
  name: string;
}

let server: RunningServer;
let browser: Browser;
let directory: Listing[];
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  // First start loads the fictional sample directory.
  server = await startServer();
  const body = (await (await fetch(`${server.url}/api/v1/directory`)).json()) as { services: Listing[] };
  directory = body.services.map(({ id, name }) => ({ id, name }));
  ({ browser } = await openBrowser());
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

/** A new browser profile: nothing saved, nothing cached, as on someone else's phone. */
async function freshProfile(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    locale: 'en-GB',
    viewport: { width: 390, height: 844 },
    serviceWorkers: 'allow',
  });
  contexts.push(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors };
}

function pick(count: number, from = 0): Listing[] {
  return directory.slice(from, from + count);
}

function sharedLink(listings: Listing[]): string {
  return `${server.url}/my-list/shared?ids=${listings.map((l) => l.id).join(',')}`;
}

async function savedNames(page: Page): Promise<string[]> {
  return page.locator('.saved-service__name').allTextContents();
}

/** Saves services the way a person would: from a list shared with them. */
async function saveFromSharedLink(page: Page, listings: Listing[]): Promise<void> {
  await page.goto(sharedLink(listings));
  await page.getByRole('button', { name: 'Save these to My list' }).click();
  await page.locator('.notice').waitFor();
}

/**
 * Waits until the service worker controls the page. (The shared `waitForServiceWorker` hands
 * `waitForFunction` an async predicate, whose promise is truthy at once, so it does not wait.)
 */
async function waitForOfflineReady(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 60_000 })
    .toBe(true);
}

async function openMyList(page: Page): Promise<void> {
  await page.goto(`${server.url}/my-list`);
  await page.getByRole('heading', { level: 1, name: 'My list' }).waitFor();
}

/** Presses Tab until the focused element has this accessible name (its label or its text). */
async function tabTo(page: Page, name: string): Promise<void> {
  for (let presses = 0; presses < 80; presses++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      return element?.getAttribute('aria-label') ?? element?.textContent?.trim() ?? '';
    });
    if (focused === name) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}

async function focusedText(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
}

describe('My list', () => {
  it('starts empty and points to search', async () => {
    const { page, errors } = await freshProfile();
    await openMyList(page);
    await page.getByText('You have not saved any services yet.').waitFor();
    expect(await page.getByRole('link', { name: 'Search for support' }).getAttribute('href')).toBe('/search');
    expect(errors).toEqual([]);
  });

  it('keeps what was saved through a reload, and with no connection at all', async () => {
    const { context, page, errors } = await freshProfile();
    const three = pick(3);
    await saveFromSharedLink(page, three);
    await openMyList(page);
    await expect.poll(() => savedNames(page)).toEqual(three.map((l) => l.name));
    await page.getByText('You have saved 3 services on this device.').waitFor();
    await waitForOfflineReady(page);

    await page.reload();
    await expect.poll(() => savedNames(page)).toEqual(three.map((l) => l.name));

    await context.setOffline(true);
    try {
      await page.reload();
      await expect.poll(() => savedNames(page)).toEqual(three.map((l) => l.name));
      // Opening times are worked out on the device, so they are there offline too.
      expect(await page.locator('.saved-service__times').count()).toBeGreaterThan(0);

      const first = three[0] as Listing;
      await page.getByRole('button', { name: `Remove ${first.name} from My list` }).click();
      await expect.poll(() => focusedText(page)).toBe(`${first.name} was removed from My list.`);
      await page.reload();
      await expect.poll(() => savedNames(page)).toEqual(three.slice(1).map((l) => l.name));
    } finally {
      await context.setOffline(false);
    }
    expect(errors.filter((e) => !/Failed to (load|fetch)|ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
  });

  it('asks the browser to keep its storage when the first service is saved, and only then', async () => {
    const { context, page } = await freshProfile();
    await context.addInitScript(() => {
      const asked = { count: 0 };
      Object.assign(window, { storageAsked: asked });
      const { storage } = navigator;
      const persisted = storage.persisted.bind(storage);
      const persist = storage.persist.bind(storage);
      storage.persisted = () => (asked.count++, persisted());
      storage.persist = () => (asked.count++, persist());
    });
    const asked = () =>
      page.evaluate(() => (window as unknown as { storageAsked: { count: number } }).storageAsked.count);
    const [first, second] = pick(2, 5) as [Listing, Listing];
    await page.goto(sharedLink([first, second]));
    const save = (listing: Listing) => page.getByRole('button', { name: `Save to My list: ${listing.name}` });
    await save(first).waitFor();
    expect(await asked()).toBe(0);
    await save(first).click();
    await expect.poll(asked).toBeGreaterThan(0);
    const afterFirst = await asked();
    await save(second).click();
    await page.getByRole('button', { name: `Remove from My list: ${second.name}` }).waitFor();
    expect(await asked()).toBe(afterFirst);
  });

  it('updates in another open tab as soon as something is saved', async () => {
    const { context, page } = await freshProfile();
    await openMyList(page);
    await page.getByText('You have not saved any services yet.').waitFor();
    const other = await context.newPage();
    await saveFromSharedLink(other, pick(2, 10));
    await expect.poll(() => savedNames(page)).toEqual(pick(2, 10).map((l) => l.name));
  });

  it('clears the whole list only after asking', async () => {
    const { page } = await freshProfile();
    await saveFromSharedLink(page, pick(2, 20));
    await openMyList(page);
    await page.getByRole('button', { name: 'Clear my list' }).click();
    await expect.poll(() => focusedText(page)).toBe('Are you sure you want to clear your list?');
    await page.getByRole('button', { name: 'No, keep my list' }).click();
    await expect.poll(() => focusedText(page)).toBe('Clear my list');
    expect(await savedNames(page)).toHaveLength(2);

    await page.getByRole('button', { name: 'Clear my list' }).click();
    await page.getByRole('button', { name: 'Yes, clear my list' }).click();
    await expect.poll(() => focusedText(page)).toBe('Your list has been cleared.');
    await page.getByText('You have not saved any services yet.').waitFor();
    await page.reload();
    await page.getByText('You have not saved any services yet.').waitFor();
  });
});

describe('sharing a list', () => {
  it('gives a link that shows the same list on another device, as a list shared with them', async () => {
    const mine = await freshProfile();
    const listings = pick(4, 30);
    await saveFromSharedLink(mine.page, listings);
    await openMyList(mine.page);
    const shown = mine.page.locator('.share-panel__link');
    const link = (await shown.textContent()) ?? '';
    expect(link).toBe(sharedLink(listings));
    expect(await shown.getAttribute('href')).toBe(link);

    // Someone else's phone: a fresh profile that has never opened Signpost.
    const theirs = await freshProfile();
    await theirs.page.goto(link);
    await theirs.page.getByRole('heading', { level: 1, name: 'A list shared with you' }).waitFor();
    await expect.poll(() => savedNames(theirs.page)).toEqual(listings.map((l) => l.name));
    await theirs.page
      .getByText('Someone shared this list of 4 services with you.', { exact: false })
      .waitFor();

    // Nothing is saved on their device until they choose to.
    await openMyList(theirs.page);
    await theirs.page.getByText('You have not saved any services yet.').waitFor();
    await theirs.page.goBack();
    await theirs.page.getByRole('button', { name: 'Save these to My list' }).click();
    await expect.poll(() => focusedText(theirs.page)).toBe('4 services were saved to My list. Go to My list');
    await theirs.page.getByRole('link', { name: 'Go to My list' }).click();
    await expect.poll(() => savedNames(theirs.page)).toEqual(listings.map((l) => l.name));
    expect([...mine.errors, ...theirs.errors]).toEqual([]);
  });

  it('says so when a link holds nothing it can show', async () => {
    const { page } = await freshProfile();
    await page.goto(`${server.url}/my-list/shared?ids=<script>,,../../etc`);
    await page.getByText('This link does not have any services in it.', { exact: false }).waitFor();

    const gone = '00000000-0000-4000-8000-000000000000';
    await page.goto(`${server.url}/my-list/shared?ids=${pick(1)[0]?.id},${gone}`);
    await page.getByText('1 service in this link is no longer in the directory.').waitFor();
    expect(await savedNames(page)).toEqual([pick(1)[0]?.name]);
  });

  it('draws a QR code of exactly that link, with a text alternative and the link beside it', async () => {
    const { page } = await freshProfile();
    const listings = pick(8, 40);
    await saveFromSharedLink(page, listings);
    await openMyList(page);
    const qr = page.getByRole('img', { name: 'QR code that opens the link to this list' });
    await qr.waitFor();
    const link = await page.locator('.share-panel__link').textContent();
    expect(link).toBe(sharedLink(listings));

    // Read the drawing back into modules and compare with the QR code of the link shown.
    const drawing = await qr.evaluate((svg) => ({
      viewBox: svg.getAttribute('viewBox') ?? '',
      path: svg.querySelector('path')?.getAttribute('d') ?? '',
    }));
    const size = Number(drawing.viewBox.split(' ')[2]);
    const modules = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
    for (const [, x, y, width] of drawing.path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
      for (let i = 0; i < Number(width); i++) (modules[Number(y)] as boolean[])[Number(x) + i] = true;
    }
    expect(modules).toEqual(encode(link as string, QR_OPTIONS).data);
    const box = await qr.boundingBox();
    expect(box?.width).toBeGreaterThanOrEqual(150);
  });

  it('copies the link, and says it did', async () => {
    const { context, page } = await freshProfile();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    const listings = pick(2, 50);
    await saveFromSharedLink(page, listings);
    await openMyList(page);
    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.getByText('Link copied.', { exact: false }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(sharedLink(listings));
  });
});

/** The number of pages in a PDF: one `/Type /Page` object each (`/Pages` is the tree that holds them). */
function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g)?.length ?? 0;
}

describe('printing', () => {
  it('fits a list of eight services on one A4 page, with no buttons or navigation', async () => {
    const { page } = await freshProfile();
    await saveFromSharedLink(page, pick(8, 60));
    await openMyList(page);
    await expect.poll(() => savedNames(page)).toHaveLength(8);

    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['.site-header', '.site-footer', '.share-panel']) {
      expect(await page.locator(hidden).isHidden(), hidden).toBe(true);
    }
    const visibleButtons = await page.evaluate(
      () => [...document.querySelectorAll('button')].filter((b) => b.checkVisibility()).length,
    );
    expect(visibleButtons).toBe(0);
    const header = page.locator('.print-header');
    expect(await header.isVisible()).toBe(true);
    const today = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/London' }).format(
      new Date(),
    );
    expect(await header.textContent()).toContain(`From Signpost`);
    expect(await header.textContent()).toContain(`Printed on ${today}`);
    // Phone numbers, addresses and opening times are all on the paper.
    const first = page.locator('.saved-service').first();
    expect(await first.locator('.saved-service__details').isVisible()).toBe(true);

    expect(pdfPageCount(await page.pdf({ format: 'A4' }))).toBe(1);
  });

  it('spreads over more pages when the list is long (the page count is real)', async () => {
    const { page } = await freshProfile();
    await page.goto(sharedLink(pick(30, 100)));
    await expect.poll(() => savedNames(page)).toHaveLength(30);
    expect(pdfPageCount(await page.pdf({ format: 'A4' }))).toBeGreaterThan(1);
  });

  it('has a button that opens the browser’s print dialog', async () => {
    const { page } = await freshProfile();
    await saveFromSharedLink(page, pick(1, 70));
    await openMyList(page);
    await page.evaluate(() => {
      window.print = () => document.body.setAttribute('data-printed', 'yes');
    });
    await page.getByRole('button', { name: 'Print this list' }).click();
    expect(await page.locator('body').getAttribute('data-printed')).toBe('yes');
  });
});

describe('by keyboard alone', () => {
  it('saves a service from its page and opens My list', async () => {
    const { page, errors } = await freshProfile();
    const listing = pick(1, 90)[0] as Listing;
    await page.goto(`${server.url}/services/${listing.id}`);
    await page.getByRole('button', { name: `Save to My list: ${listing.name}` }).waitFor();

    await tabTo(page, `Save to My list: ${listing.name}`);
    await page.keyboard.press('Enter');
    const toggle = page.getByRole('button', { name: `Remove from My list: ${listing.name}` });
    await toggle.waitFor();
    expect(await toggle.getAttribute('aria-pressed')).toBeNull();
    await page.getByRole('status').filter({ hasText: 'Saved to My list.' }).waitFor();

    await tabTo(page, 'View My list');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'My list' }).waitFor();
    await expect.poll(() => savedNames(page)).toEqual([listing.name]);
    expect(errors).toEqual([]);
  });

  it('saves services from a shared list, then removes and clears them', async () => {
    const { page } = await freshProfile();
    const [first, second] = pick(2, 80) as [Listing, Listing];
    await page.goto(sharedLink([first, second]));
    await page.getByRole('button', { name: `Save to My list: ${second.name}` }).waitFor();

    await tabTo(page, `Save to My list: ${second.name}`);
    await page.keyboard.press('Enter');
    const toggle = page.getByRole('button', { name: `Remove from My list: ${second.name}` });
    await toggle.waitFor();
    expect(await toggle.getAttribute('aria-pressed')).toBeNull();

    await tabTo(page, 'View My list');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'My list' }).waitFor();
    await expect.poll(() => savedNames(page)).toEqual([second.name]);

    // And takes it off again, then clears what is left, still by keyboard.
    await page.goBack();
    await page.getByRole('button', { name: `Remove from My list: ${second.name}` }).waitFor();
    await page.keyboard.press('Tab');
    await tabTo(page, `Save to My list: ${first.name}`);
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: `Remove from My list: ${first.name}` }).waitFor();
    await openMyList(page);
    await expect.poll(() => savedNames(page)).toEqual([second.name, first.name]);
    await tabTo(page, 'Clear my list');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedText(page)).toBe('Are you sure you want to clear your list?');
    await tabTo(page, 'Yes, clear my list');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedText(page)).toBe('Your list has been cleared.');
  });
});
