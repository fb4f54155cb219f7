import type { Page } from '@playwright/test';
import type { Service } from '../../src/domain/service.ts';
import { importServices, withDirectory } from '../support/directory-data.ts';
import { expect, test, useServerData } from '../support/fixtures.ts';
import { makeDirectory, makeService } from '../support/make-services.ts';
import { connectionBack, controlledByServiceWorker } from '../support/visit.ts';

/** The test directory: the fictional services of `makeDirectory`, one of them monthly. */
function testDirectory(): Service[] {
  return makeDirectory().map((service) =>
    service.id === 'memory-lane-dementia-cafe'
      ? {
          ...service,
          locations: service.locations.map((location) => ({
            ...location,
            schedules: [{ freq: 'MONTHLY' as const, byday: '2TU', opensAt: '10:00', closesAt: '12:00' }],
          })),
        }
      : service.id === 'home-from-hospital-service'
        ? {
            ...service,
            alert: 'New referrals are paused over the Christmas week.',
            applicationProcess:
              'Ask the ward to refer you before you go home.\n\nOr call us within two weeks.',
          }
        : service,
  );
}

useServerData(withDirectory(testDirectory()));

const resultNames = (page: Page) => page.locator('.result-card__name a');
const resultCount = (page: Page) => page.locator('.directory-results__count');

/** The first visit, online: the app installs itself and saves the directory on the device. */
async function installed(page: Page): Promise<void> {
  await page.goto('/search');
  await controlledByServiceWorker(page);
  await expect(page.getByText('Directory updated just now.')).toBeVisible();
  await expect(resultCount(page)).toHaveText(/found/);
}

/** The revision of the directory on the device and of the search index saved beside it. */
async function savedRevisions(page: Page): Promise<{ directory?: string; index?: string }> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const request = indexedDB.open('signpost-directory');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const tx = db.transaction(['meta', 'searchIndex']);
          const meta = tx.objectStore('meta').get('directory');
          const index = tx.objectStore('searchIndex').get('services');
          tx.oncomplete = () => {
            db.close();
            resolve({ directory: meta.result?.revision, index: index.result?.revision });
          };
        };
      }),
  );
}

/** Until the search index saved on the device is the one for the directory saved beside it. */
async function indexCaughtUp(page: Page): Promise<void> {
  const saved = await savedRevisions(page);
  expect(saved.directory).toBeTruthy();
  await expect
    .poll(() => savedRevisions(page))
    .toEqual({ directory: saved.directory, index: saved.directory });
}

async function openFilters(page: Page): Promise<void> {
  const toggle = page.locator('.directory-filters__toggle');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
}

test.describe('finding support with no connection', () => {
  test.beforeEach(async ({ page, context }) => {
    await installed(page);
    await context.setOffline(true);
  });

  test('finds a service by a misspelt word, offline, and shows how fresh the directory is', async ({
    page,
  }) => {
    await page.goto('/search?q=demntia');
    await expect(resultNames(page)).toHaveText(['Memory Lane Dementia Café']);
    await expect(resultCount(page)).toHaveText('1 service found');
    await expect(page.getByText('Directory updated just now.')).toBeVisible();
    await expect(page.getByText(/You are offline/)).toBeVisible();
    await expect(page.getByText(/Sample data/)).toBeVisible();
  });

  test('updates the results as the person types, and says how many there are', async ({ page }) => {
    await page.goto('/search');
    await expect(resultCount(page)).toHaveText(/found/);
    const all = await resultCount(page).textContent();
    await page
      .getByRole('searchbox', { name: 'Search the directory' })
      .pressSequentially('carer', { delay: 30 });
    await expect(resultCount(page)).not.toHaveText(all as string);
    await expect(page).toHaveURL(/q=carer/);
    await expect(resultNames(page).filter({ hasText: "Chelmsford Carers' Café" })).toHaveCount(1);
    await expect(resultNames(page).filter({ hasText: 'Essex Carers Support Line' })).toHaveCount(1);
  });

  test('narrows the results with filters kept in the address, so a reload keeps them', async ({ page }) => {
    await page.goto('/search');
    await expect(resultCount(page)).toHaveText(/found/);
    const everything = (await resultCount(page).textContent()) as string;
    await openFilters(page);
    await page.getByLabel('Free only', { exact: true }).check();
    await expect(page).toHaveURL(/free=1/);
    await expect(resultCount(page)).not.toHaveText(everything);
    const free = (await resultCount(page).textContent()) as string;
    await page.getByLabel('Support for carers', { exact: true }).check();
    await expect(page).toHaveURL(/theme=carers/);
    await expect(resultCount(page)).not.toHaveText(free);
    await expect(resultNames(page).filter({ hasText: "Chelmsford Carers' Café" })).toHaveCount(1);
    await expect(resultNames(page).filter({ hasText: 'Careline Personal Alarms' })).toHaveCount(0);
    const names = await resultNames(page).allTextContents();

    await page.reload();
    await expect(resultNames(page)).toHaveText(names);
    await openFilters(page);
    await expect(page.getByLabel('Free only', { exact: true })).toBeChecked();
    await expect(page.getByRole('button', { name: /Filters \(2\)/ })).toBeVisible();
  });

  test('keeps county-wide services in results near a postcode, labelled, after the local ones', async ({
    page,
  }) => {
    await page.goto('/search?theme=carers');
    await expect(resultCount(page)).toHaveText(/found/);
    await openFilters(page);
    await page.getByLabel('Or near a postcode').fill('cm1 1qh');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/postcode=CM1\+1QH/);
    await expect(resultNames(page).filter({ hasText: 'Essex Carers Support Line' })).toHaveCount(1);
    await expect(resultNames(page).first()).toHaveText("Chelmsford Carers' Café");
    const line = page.locator('.result-card', { hasText: 'Essex Carers Support Line' });
    await expect(line.getByText('Covers all of Essex')).toBeVisible();
    await expect(resultNames(page).filter({ hasText: 'Epping Forest Carers Group' })).toHaveCount(0);
  });
});

test.describe('searching the directory', () => {
  test('explains a postcode it cannot use, with the error summary taking focus', async ({ page }) => {
    await page.goto('/search');
    await expect(resultCount(page)).toHaveText(/found/);
    await openFilters(page);
    await page.getByLabel('Or near a postcode').fill('SW1A 1AA');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    const summary = page.locator('.error-summary');
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('Enter a postcode in Essex');
    await summary.getByRole('link').click();
    await expect(page.getByLabel('Or near a postcode')).toBeFocused();
    expect(page.url()).not.toContain('postcode=');
  });

  test('suggests removing a filter when nothing matches', async ({ page }) => {
    await page.goto('/search?q=lunch&theme=housing');
    await expect(resultCount(page)).toHaveText('No services found');
    await page.locator('.directory-empty').getByRole('button', { name: 'Remove filter: Housing' }).click();
    await expect(resultNames(page)).toHaveText(['Saffron Walden Lunch Club']);
    expect(page.url()).not.toContain('theme=');
  });

  test('shows more results on request rather than all at once, and moves focus to the first new one', async ({
    page,
  }) => {
    await page.goto('/search');
    await expect(resultCount(page)).toHaveText(/found/);
    await expect(page.locator('.result-card')).toHaveCount(20);
    await page.getByRole('button', { name: 'Show 2 more' }).click();
    await expect(page.locator('.result-card')).toHaveCount(22);
    await expect(resultNames(page).nth(20)).toBeFocused();
  });

  test('can be found and opened with the keyboard alone', async ({ page }) => {
    await page.goto('/search');
    await expect(resultCount(page)).toHaveText(/found/);
    const tabTo = async (matches: () => Promise<boolean>) => {
      for (let presses = 0; presses < 40 && !(await matches()); presses++) await page.keyboard.press('Tab');
      expect(await matches()).toBe(true);
    };
    await tabTo(() => page.evaluate(() => document.activeElement?.id === 'directory-q'));
    await page.keyboard.type('befriending');
    await expect(resultNames(page)).toHaveText(['Colchester Befriending Scheme']);
    await tabTo(() =>
      page.evaluate(() => document.activeElement?.textContent === 'Colchester Befriending Scheme'),
    );
    await page.keyboard.press('Enter');
    await expect(page.locator('h1')).toHaveText('Colchester Befriending Scheme');
    await expect(page.locator('h1')).toBeFocused();
  });
});

test.describe('a service page', () => {
  const cafe = '/services/memory-lane-dementia-cafe';

  test('says open now during a session, worked out on the device in London time', async ({
    page,
    context,
  }) => {
    await installed(page);
    // Tuesday 9 June 2026, the second Tuesday of the month, 11am in London (10am UTC).
    await page.clock.setFixedTime(new Date('2026-06-09T10:00:00Z'));
    await context.setOffline(true);
    await page.goto(cafe);
    await expect(page.locator('h1')).toHaveText('Memory Lane Dementia Café');
    await expect(page.locator('.opening-state')).toHaveText('Open now, until 12pm');
    await expect(page.getByText('Second Tuesday of the month, 10am to 12pm')).toBeVisible();
  });

  test('says closed, and when it opens next, outside its sessions', async ({ page }) => {
    await page.clock.setFixedTime(new Date('2026-06-09T12:30:00Z'));
    await page.goto(cafe);
    await expect(page.locator('.opening-state')).toHaveText('Closed. Opens Tuesday 14 July at 10am');
  });

  test('shows how to get in touch and get there, when it was last checked, and how to report a problem', async ({
    page,
  }) => {
    await page.clock.setFixedTime(new Date('2026-06-09T12:30:00Z'));
    await page.goto('/services/home-from-hospital-service');
    await expect(page.locator('h1')).toHaveText('Home from Hospital Service');
    await expect(page.getByRole('link', { name: /Directions/ }).first()).toHaveAttribute(
      'href',
      /^https:\/\/www\.openstreetmap\.org\/directions\?route=/,
    );
    // The service's own notice, and how to start, under a heading of its own.
    await expect(
      page.getByText('Important: New referrals are paused over the Christmas week.'),
    ).toBeVisible();
    await expect(page.getByRole('region', { name: 'How to start' }).locator('p')).toHaveText([
      'Ask the ward to refer you before you go home.',
      'Or call us within two weeks.',
    ]);
    await expect(page.getByText('Last checked: 6 January 2025')).toBeVisible();
    await expect(page.getByText(/not been checked for more than 6 months/)).toBeVisible();
    await expect(page.getByRole('link', { name: 'Report a problem with this listing' })).toHaveAttribute(
      'href',
      '/services/home-from-hospital-service/report',
    );
    await expect(page.getByRole('button', { name: /Save/ })).toBeVisible();
  });

  test('says in Arabic that service details come in English', async ({ page }) => {
    await page.goto(`${cafe}?lng=ar`);
    await expect(page.getByText('تفاصيل الخدمات باللغة الإنجليزية')).toBeVisible();
    await expect(page.locator('.opening-state')).toHaveText(/^مغلق/);
    await expect(page.locator('[lang="en-GB"]', { hasText: 'Music, reminiscence' })).toHaveCount(1);
  });
});

test.describe('keeping the directory current', () => {
  test('saves the search index beside the directory, so the next start loads it instead of rebuilding', async ({
    page,
  }) => {
    await page.goto('/search?q=walks');
    await expect(resultNames(page).first()).toHaveText('Brentwood Health Walks');
    await indexCaughtUp(page);
  });

  test('says how long ago it was updated, in the page language', async ({ page, context }) => {
    const now = Date.now();
    await page.clock.setFixedTime(new Date(now));
    await installed(page);
    const when = page.locator('.directory-freshness__when');
    await expect(when).toHaveText('Directory updated just now.');
    await page.clock.setFixedTime(new Date(now + 2 * 24 * 60 * 60 * 1000 + 60_000));
    await context.setOffline(true);
    await page.reload();
    await expect(when).toHaveText('Directory updated 2 days ago.');
    await page.goto('/search?lng=ar');
    // As the browser's own Intl says it, so the test does not depend on Node's copy of the locale data.
    const twoDaysAgo = await page.evaluate(() =>
      new Intl.RelativeTimeFormat('ar', { numeric: 'auto' }).format(-2, 'day'),
    );
    await expect(when).toHaveText(`تم تحديث الدليل ${twoDaysAgo}.`);
  });

  test('applies changes made on the server when the connection returns', async ({
    page,
    context,
    ownServer,
  }) => {
    const server = await ownServer({ prepareData: withDirectory(testDirectory()) });
    await page.goto(`${server.url}/search?q=volunteer`);
    await controlledByServiceWorker(page);
    await expect(resultNames(page).filter({ hasText: 'Maldon Volunteer Centre' })).toHaveCount(1);

    const changed = testDirectory()
      .filter((service) => service.id !== 'young-carers-groups')
      .map((service) =>
        service.id === 'maldon-volunteer-centre'
          ? { ...service, name: 'Maldon Volunteering Hub', updatedAt: new Date().toISOString() }
          : service,
      );
    changed.push(
      makeService({
        name: 'Harlow Digital Skills Café',
        description: 'Help to get online.',
        towns: ['harlow'],
      }),
    );
    await context.setOffline(true);
    await server.inspect((db) => importServices(db, server.dataDir, changed, 'second'));
    await context.setOffline(false);
    await connectionBack(page);

    await expect(resultNames(page).filter({ hasText: 'Maldon Volunteering Hub' })).toHaveCount(1);
    await expect(resultNames(page).filter({ hasText: 'Maldon Volunteer Centre' })).toHaveCount(0);
    await page.goto(`${server.url}/search?q=digital`);
    await expect(resultNames(page)).toHaveText(['Harlow Digital Skills Café']);
    await page.goto(`${server.url}/search?q=young carers`);
    await expect(resultCount(page)).toHaveText(/found/);
    await expect(resultNames(page).filter({ hasText: 'Young Carers Groups' })).toHaveCount(0);
    // The saved search index caught up with the change instead of being thrown away.
    await indexCaughtUp(page);
  });
});
