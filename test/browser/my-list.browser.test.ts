import type { Page } from '@playwright/test';
import { encode } from 'uqr';
import { QR_OPTIONS } from '../../src/app/features/my-list/qr-path.ts';
import { expect, test } from '../support/fixtures.ts';
import { controlledByServiceWorker } from '../support/visit.ts';

interface Listing {
  id: string;
  name: string;
}

/** The worker's directory and address, read once per worker: every test reads the same server. */
let directory: Listing[] = [];
let origin = '';

test.beforeEach(async ({ api, server }) => {
  origin = server.url;
  if (directory.length) return;
  const body = (await api.get<{ services: Listing[] }>('/api/v1/directory')).body;
  directory = (body?.services ?? []).map(({ id, name }) => ({ id, name }));
});

function pick(count: number, from = 0): Listing[] {
  return directory.slice(from, from + count);
}

function sharedLink(listings: Listing[]): string {
  return `${origin}/my-list/shared?ids=${listings.map((l) => l.id).join(',')}`;
}

const savedNames = (page: Page) => page.locator('.saved-service__name');

/** Saves services the way a person would: from a list shared with them. */
async function saveFromSharedLink(page: Page, listings: Listing[]): Promise<void> {
  await page.goto(sharedLink(listings));
  await page.getByRole('button', { name: 'Save these to My list' }).click();
  await page.locator('.notice').waitFor();
}

async function openMyList(page: Page): Promise<void> {
  await page.goto('/my-list');
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

/** What has focus, as a screen reader would announce its text. */
const focused = (page: Page) => page.locator(':focus');

test.describe('My list', () => {
  test('starts empty and points to search', async ({ page, pageErrors: errors }) => {
    await openMyList(page);
    await page.getByText('You have not saved any services yet.').waitFor();
    await expect(page.getByRole('link', { name: 'Search for support' })).toHaveAttribute('href', '/search');
    expect(errors).toEqual([]);
  });

  test('keeps what was saved through a reload, and with no connection at all', async ({
    context,
    page,
    pageErrors: errors,
  }) => {
    const three = pick(3);
    await saveFromSharedLink(page, three);
    await openMyList(page);
    await expect(savedNames(page)).toHaveText(three.map((l) => l.name));
    await page.getByText('You have saved 3 services on this device.').waitFor();
    await controlledByServiceWorker(page);

    await page.reload();
    await expect(savedNames(page)).toHaveText(three.map((l) => l.name));

    await context.setOffline(true);
    try {
      await page.reload();
      await expect(savedNames(page)).toHaveText(three.map((l) => l.name));
      // Opening times are worked out on the device, so they are there offline too.
      expect(await page.locator('.saved-service__times').count()).toBeGreaterThan(0);

      const first = three[0] as Listing;
      await page.getByRole('button', { name: `Remove ${first.name} from My list` }).click();
      await expect(focused(page)).toHaveText(`${first.name} was removed from My list.`);
      await page.reload();
      await expect(savedNames(page)).toHaveText(three.slice(1).map((l) => l.name));
    } finally {
      await context.setOffline(false);
    }
    expect(errors.filter((e) => !/Failed to (load|fetch)|ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
  });

  test('asks the browser to keep its storage when the first service is saved, and only then', async ({
    context,
    page,
  }) => {
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

  test('updates in another open tab as soon as something is saved', async ({ context, page }) => {
    await openMyList(page);
    await page.getByText('You have not saved any services yet.').waitFor();
    const other = await context.newPage();
    await saveFromSharedLink(other, pick(2, 10));
    await expect(savedNames(page)).toHaveText(pick(2, 10).map((l) => l.name));
  });

  test('clears the whole list only after asking', async ({ page }) => {
    await saveFromSharedLink(page, pick(2, 20));
    await openMyList(page);
    await page.getByRole('button', { name: 'Clear my list' }).click();
    await expect(focused(page)).toHaveText('Are you sure you want to clear your list?');
    await page.getByRole('button', { name: 'No, keep my list' }).click();
    await expect(focused(page)).toHaveText('Clear my list');
    await expect(savedNames(page)).toHaveCount(2);

    await page.getByRole('button', { name: 'Clear my list' }).click();
    await page.getByRole('button', { name: 'Yes, clear my list' }).click();
    await expect(focused(page)).toHaveText('Your list has been cleared.');
    await page.getByText('You have not saved any services yet.').waitFor();
    await page.reload();
    await page.getByText('You have not saved any services yet.').waitFor();
  });
});

test.describe('sharing a list', () => {
  test('gives a link that shows the same list on another device, as a list shared with them', async ({
    page,
    pageErrors,
    browser,
  }) => {
    const mine = { page, errors: pageErrors };
    const listings = pick(4, 30);
    await saveFromSharedLink(mine.page, listings);
    await openMyList(mine.page);
    const shown = mine.page.locator('.share-panel__link');
    const link = sharedLink(listings);
    await expect(shown).toHaveText(link);
    await expect(shown).toHaveAttribute('href', link);

    // Someone else's phone: a fresh profile that has never opened Signpost.
    const theirContext = await browser.newContext({ baseURL: origin });
    const theirs = { page: await theirContext.newPage(), errors: [] as string[] };
    theirs.page.on('console', (message) => {
      if (message.type() === 'error') theirs.errors.push(message.text());
    });
    theirs.page.on('pageerror', (error) => theirs.errors.push(error.message));
    await theirs.page.goto(link);
    await theirs.page.getByRole('heading', { level: 1, name: 'A list shared with you' }).waitFor();
    await expect(savedNames(theirs.page)).toHaveText(listings.map((l) => l.name));
    await theirs.page
      .getByText('Someone shared this list of 4 services with you.', { exact: false })
      .waitFor();

    // Nothing is saved on their device until they choose to.
    await openMyList(theirs.page);
    await theirs.page.getByText('You have not saved any services yet.').waitFor();
    await theirs.page.goBack();
    await theirs.page.getByRole('button', { name: 'Save these to My list' }).click();
    await expect(focused(theirs.page)).toHaveText('4 services were saved to My list. Go to My list');
    await theirs.page.getByRole('link', { name: 'Go to My list' }).click();
    await expect(savedNames(theirs.page)).toHaveText(listings.map((l) => l.name));
    expect([...mine.errors, ...theirs.errors]).toEqual([]);
    await theirContext.close();
  });

  test('says so when a link holds nothing it can show', async ({ page }) => {
    await page.goto(`/my-list/shared?ids=<script>,,../../etc`);
    await page.getByText('This link does not have any services in it.', { exact: false }).waitFor();

    const gone = '00000000-0000-4000-8000-000000000000';
    await page.goto(`/my-list/shared?ids=${pick(1)[0]?.id},${gone}`);
    await page.getByText('1 service in this link is no longer in the directory.').waitFor();
    await expect(savedNames(page)).toHaveText([pick(1)[0]?.name ?? '']);
  });

  test('draws a QR code of exactly that link, with a text alternative and the link beside it', async ({
    page,
  }) => {
    const listings = pick(8, 40);
    await saveFromSharedLink(page, listings);
    await openMyList(page);
    const qr = page.getByRole('img', { name: 'QR code that opens the link to this list' });
    await qr.waitFor();
    const link = sharedLink(listings);
    await expect(page.locator('.share-panel__link')).toHaveText(link);

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
    expect(modules).toEqual(encode(link, QR_OPTIONS).data);
    const box = await qr.boundingBox();
    expect(box?.width).toBeGreaterThanOrEqual(150);
  });

  test('copies the link, and says it did', async ({ context, page }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
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

test.describe('printing', () => {
  test('fits a list of eight services on one A4 page, with no buttons or navigation', async ({ page }) => {
    await saveFromSharedLink(page, pick(8, 60));
    await openMyList(page);
    await expect(savedNames(page)).toHaveCount(8);

    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['.site-header', '.site-footer', '.share-panel']) {
      expect(await page.locator(hidden).isHidden(), hidden).toBe(true);
    }
    const visibleButtons = await page.evaluate(
      () => [...document.querySelectorAll('button')].filter((b) => b.checkVisibility()).length,
    );
    expect(visibleButtons).toBe(0);
    const header = page.locator('.print-header');
    await expect(header).toBeVisible();
    const today = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/London' }).format(
      new Date(),
    );
    await expect(header).toContainText(`From Signpost`);
    await expect(header).toContainText(`Printed on ${today}`);
    // Phone numbers, addresses and opening times are all on the paper.
    const first = page.locator('.saved-service').first();
    await expect(first.locator('.saved-service__details')).toBeVisible();

    expect(pdfPageCount(await page.pdf({ format: 'A4' }))).toBe(1);
  });

  test('spreads over more pages when the list is long (the page count is real)', async ({ page }) => {
    await page.goto(sharedLink(pick(30, 100)));
    await expect(savedNames(page)).toHaveCount(30);
    expect(pdfPageCount(await page.pdf({ format: 'A4' }))).toBeGreaterThan(1);
  });

  test('has a button that opens the browser’s print dialog', async ({ page }) => {
    await saveFromSharedLink(page, pick(1, 70));
    await openMyList(page);
    await page.evaluate(() => {
      window.print = () => document.body.setAttribute('data-printed', 'yes');
    });
    await page.getByRole('button', { name: 'Print this list' }).click();
    await expect(page.locator('body')).toHaveAttribute('data-printed', 'yes');
  });
});

test.describe('by keyboard alone', () => {
  test('saves a service from its page and opens My list', async ({ page, pageErrors: errors }) => {
    const listing = pick(1, 90)[0] as Listing;
    await page.goto(`/services/${listing.id}`);
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
    await expect(savedNames(page)).toHaveText([listing.name]);
    expect(errors).toEqual([]);
  });

  test('saves services from a shared list, then removes and clears them', async ({ page }) => {
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
    await expect(savedNames(page)).toHaveText([second.name]);

    // And takes it off again, then clears what is left, still by keyboard.
    await page.goBack();
    await page.getByRole('button', { name: `Remove from My list: ${second.name}` }).waitFor();
    await page.keyboard.press('Tab');
    await tabTo(page, `Save to My list: ${first.name}`);
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: `Remove from My list: ${first.name}` }).waitFor();
    await openMyList(page);
    await expect(savedNames(page)).toHaveText([second.name, first.name]);
    await tabTo(page, 'Clear my list');
    await page.keyboard.press('Enter');
    await expect(focused(page)).toHaveText('Are you sure you want to clear your list?');
    await tabTo(page, 'Yes, clear my list');
    await page.keyboard.press('Enter');
    await expect(focused(page)).toHaveText('Your list has been cleared.');
  });
});
