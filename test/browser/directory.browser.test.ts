import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromService } from '../../src/domain/oruk/from-service.ts';
import type { Service } from '../../src/domain/service.ts';
import { openBrowser, waitForServiceWorker, type BrowserSession } from '../support/browser.ts';
import { makeDirectory, makeService } from '../support/make-services.ts';
import { distDir, startServer, type RunningServer } from '../support/server.ts';

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

const work = mkdtempSync(join(tmpdir(), 'signpost-directory-'));

/** Loads a feed into a stopped server's database, as the council's administrator would. */
function importFeed(dataDir: string, services: Service[], name: string): void {
  const file = join(work, name);
  writeFileSync(file, JSON.stringify(services.map(fromService)));
  execFileSync(process.execPath, [join(distDir, 'server/server/cli/import.js'), file], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
    stdio: 'pipe',
  });
}

let server: RunningServer;
let session: BrowserSession;
let page: Page;

async function resultNames(): Promise<string[]> {
  return page.locator('.result-card__name a').allTextContents();
}

async function resultCount(): Promise<string> {
  const status = page.locator('.directory-results__count');
  await expect.poll(() => status.textContent()).toMatch(/found/);
  return (await status.textContent()) ?? '';
}

/** The revision of the directory on the device and of the search index saved beside it. */
async function savedRevisions(): Promise<{ directory?: string; index?: string }> {
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

async function openFilters(): Promise<void> {
  const toggle = page.locator('.directory-filters__toggle');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
}

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'signpost-directory-data-'));
  importFeed(dataDir, testDirectory(), 'first.json');
  server = await startServer({ dataDir });
  session = await openBrowser();
  page = session.page;
  // The first visit, online: the app installs itself and saves the directory on the device.
  await page.goto(`${server.url}/search`);
  await waitForServiceWorker(page);
  // waitForServiceWorker's predicate is async, so it resolves at once: wait for control itself.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.getByText('Directory updated just now.').waitFor();
  await page.locator('.directory-results__count', { hasText: 'found' }).waitFor();
});

afterAll(async () => {
  await session?.browser.close();
  await server?.dispose();
  rmSync(work, { recursive: true, force: true });
});

describe('finding support with no connection', () => {
  it('finds a service by a misspelt word, offline, and shows how fresh the directory is', async () => {
    await session.context.setOffline(true);
    try {
      await page.goto(`${server.url}/search?q=demntia`);
      await expect.poll(resultNames).toEqual(['Memory Lane Dementia Café']);
      expect(await resultCount()).toBe('1 service found');
      await expect.poll(() => page.getByText('Directory updated just now.').isVisible()).toBe(true);
      await expect.poll(() => page.getByText(/You are offline/).isVisible()).toBe(true);
      expect(await page.getByText(/Sample data/).isVisible()).toBe(true);
    } finally {
      await session.context.setOffline(false);
    }
  });

  it('updates the results as the person types, and says how many there are', async () => {
    await session.context.setOffline(true);
    try {
      await page.goto(`${server.url}/search`);
      const all = await resultCount();
      await page
        .getByRole('searchbox', { name: 'Search the directory' })
        .pressSequentially('carer', { delay: 30 });
      await expect.poll(() => page.locator('.directory-results__count').textContent()).not.toBe(all);
      await expect.poll(() => page.url()).toContain('q=carer');
      expect(await resultNames()).toEqual(
        expect.arrayContaining(["Chelmsford Carers' Café", 'Essex Carers Support Line']),
      );
    } finally {
      await session.context.setOffline(false);
    }
  });

  it('narrows the results with filters kept in the address, so a reload keeps them', async () => {
    await session.context.setOffline(true);
    try {
      await page.goto(`${server.url}/search`);
      const everything = await resultCount();
      await openFilters();
      await page.getByLabel('Free only', { exact: true }).check();
      await expect.poll(() => page.url()).toContain('free=1');
      await expect.poll(() => page.locator('.directory-results__count').textContent()).not.toBe(everything);
      const free = await resultCount();
      await page.getByLabel('Support for carers', { exact: true }).check();
      await expect.poll(() => page.url()).toContain('theme=carers');
      await expect.poll(() => page.locator('.directory-results__count').textContent()).not.toBe(free);
      const names = await resultNames();
      expect(names).toContain("Chelmsford Carers' Café");
      expect(names).not.toContain('Careline Personal Alarms');

      await page.reload();
      await expect.poll(resultNames).toEqual(names);
      await openFilters();
      expect(await page.getByLabel('Free only', { exact: true }).isChecked()).toBe(true);
      expect(await page.getByRole('button', { name: /Filters \(2\)/ }).isVisible()).toBe(true);
    } finally {
      await session.context.setOffline(false);
    }
  });

  it('keeps county-wide services in results near a postcode, labelled, after the local ones', async () => {
    await session.context.setOffline(true);
    try {
      await page.goto(`${server.url}/search?theme=carers`);
      await resultCount();
      await openFilters();
      await page.getByLabel('Or near a postcode').fill('cm1 1qh');
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await expect.poll(() => page.url()).toContain('postcode=CM1+1QH');
      await expect.poll(resultNames).toContain('Essex Carers Support Line');
      const names = await resultNames();
      expect(names[0]).toBe("Chelmsford Carers' Café");
      const line = page.locator('.result-card', { hasText: 'Essex Carers Support Line' });
      expect(await line.getByText('Covers all of Essex').isVisible()).toBe(true);
      expect(names).not.toContain('Epping Forest Carers Group');
    } finally {
      await session.context.setOffline(false);
    }
  });

  it('explains a postcode it cannot use, with the error summary taking focus', async () => {
    await page.goto(`${server.url}/search`);
    await resultCount();
    await openFilters();
    await page.getByLabel('Or near a postcode').fill('SW1A 1AA');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    const summary = page.locator('.error-summary');
    await expect.poll(() => summary.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await summary.textContent()).toContain('Enter a postcode in Essex');
    await summary.getByRole('link').click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('filter-postcode');
    expect(page.url()).not.toContain('postcode=');
  });

  it('suggests removing a filter when nothing matches', async () => {
    await page.goto(`${server.url}/search?q=lunch&theme=housing`);
    await expect
      .poll(() => page.locator('.directory-results__count').textContent())
      .toBe('No services found');
    await page.locator('.directory-empty').getByRole('button', { name: 'Remove filter: Housing' }).click();
    await expect.poll(resultNames).toEqual(['Saffron Walden Lunch Club']);
    expect(page.url()).not.toContain('theme=');
  });

  it('shows more results on request rather than all at once, and moves focus to the first new one', async () => {
    await page.goto(`${server.url}/search`);
    await resultCount();
    expect(await page.locator('.result-card').count()).toBe(20);
    await page.getByRole('button', { name: 'Show 2 more' }).click();
    await expect.poll(() => page.locator('.result-card').count()).toBe(22);
    const firstNew = await page.locator('.result-card__name a').nth(20).textContent();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(firstNew);
  });
});

describe('a service page', () => {
  const cafe = () => `${server.url}/services/memory-lane-dementia-cafe`;

  it('says open now during a session, worked out on the device in London time', async () => {
    // Tuesday 9 June 2026, the second Tuesday of the month, 11am in London (10am UTC).
    await page.clock.setFixedTime(new Date('2026-06-09T10:00:00Z'));
    await session.context.setOffline(true);
    try {
      await page.goto(cafe());
      await expect.poll(() => page.locator('h1').textContent()).toBe('Memory Lane Dementia Café');
      expect(await page.locator('.opening-state').textContent()).toBe('Open now, until 12pm');
      expect(await page.getByText('Second Tuesday of the month, 10am to 12pm').isVisible()).toBe(true);
    } finally {
      await session.context.setOffline(false);
    }
  });

  it('says closed, and when it opens next, outside its sessions', async () => {
    await page.clock.setFixedTime(new Date('2026-06-09T12:30:00Z'));
    await page.goto(cafe());
    await page.locator('h1').waitFor();
    await expect
      .poll(() => page.locator('.opening-state').textContent())
      .toBe('Closed. Opens Tuesday 14 July at 10am');
  });

  it('shows how to get in touch and get there, when it was last checked, and how to report a problem', async () => {
    await page.clock.setFixedTime(new Date('2026-06-09T12:30:00Z'));
    await page.goto(`${server.url}/services/home-from-hospital-service`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Home from Hospital Service');
    const directions = page.getByRole('link', { name: /Directions/ }).first();
    expect(await directions.getAttribute('href')).toMatch(
      /^https:\/\/www\.openstreetmap\.org\/directions\?route=/,
    );
    // The service's own notice, and how to start, under a heading of its own.
    const notice = page.locator('.service-detail__warning').first();
    expect(await notice.textContent()).toBe('Important: New referrals are paused over the Christmas week.');
    const start = page.getByRole('region', { name: 'How to start' });
    expect(await start.locator('p').allTextContents()).toEqual([
      'Ask the ward to refer you before you go home.',
      'Or call us within two weeks.',
    ]);
    expect(await page.getByText('Last checked: 6 January 2025').isVisible()).toBe(true);
    expect(await page.getByText(/not been checked for more than 6 months/).isVisible()).toBe(true);
    expect(
      await page.getByRole('link', { name: 'Report a problem with this listing' }).getAttribute('href'),
    ).toBe('/services/home-from-hospital-service/report');
    expect(await page.getByRole('button', { name: /Save/ }).isVisible()).toBe(true);
  });

  it('says in Arabic that service details come in English', async () => {
    await page.goto(`${cafe()}?lng=ar`);
    try {
      await page.getByText('تفاصيل الخدمات باللغة الإنجليزية').waitFor();
      expect(await page.locator('.opening-state').textContent()).toMatch(/^مغلق/);
      expect(await page.locator('[lang="en-GB"]', { hasText: 'Music, reminiscence' }).count()).toBe(1);
    } finally {
      await page.evaluate(() => localStorage.removeItem('signpost.language'));
    }
  });

  it('can be found and opened with the keyboard alone', async () => {
    await page.goto(`${server.url}/search`);
    await resultCount();
    const tabTo = async (matches: () => Promise<boolean>) => {
      for (let presses = 0; presses < 40 && !(await matches()); presses++) await page.keyboard.press('Tab');
      expect(await matches()).toBe(true);
    };
    await tabTo(() => page.evaluate(() => document.activeElement?.id === 'directory-q'));
    await page.keyboard.type('befriending');
    await expect.poll(resultNames).toEqual(['Colchester Befriending Scheme']);
    await tabTo(() =>
      page.evaluate(() => document.activeElement?.textContent === 'Colchester Befriending Scheme'),
    );
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Colchester Befriending Scheme');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
  });
});

describe('keeping the directory current', () => {
  it('saves the search index beside the directory, so the next start loads it instead of rebuilding', async () => {
    await page.clock.setFixedTime(new Date());
    await page.goto(`${server.url}/search?q=walks`);
    await expect.poll(async () => (await resultNames())[0]).toBe('Brentwood Health Walks');
    const saved = await savedRevisions();
    expect(saved.directory).toBeTruthy();
    await expect.poll(savedRevisions).toEqual({ directory: saved.directory, index: saved.directory });
  });

  it('says how long ago it was updated, in the page language', async () => {
    const now = Date.now();
    await page.clock.setFixedTime(new Date(now));
    await page.goto(`${server.url}/search`);
    await page.getByRole('button', { name: 'Check for updates' }).click();
    await expect
      .poll(() => page.locator('.directory-freshness__when').textContent())
      .toBe('Directory updated just now.');
    await page.clock.setFixedTime(new Date(now + 2 * 24 * 60 * 60 * 1000 + 60_000));
    await session.context.setOffline(true);
    try {
      await page.reload();
      await expect
        .poll(() => page.locator('.directory-freshness__when').textContent())
        .toBe('Directory updated 2 days ago.');
      await page.goto(`${server.url}/search?lng=ar`);
      // As the browser's own Intl says it, so the test does not depend on Node's copy of the locale data.
      const twoDaysAgo = await page.evaluate(() =>
        new Intl.RelativeTimeFormat('ar', { numeric: 'auto' }).format(-2, 'day'),
      );
      await expect
        .poll(() => page.locator('.directory-freshness__when').textContent())
        .toBe(`تم تحديث الدليل ${twoDaysAgo}.`);
    } finally {
      await session.context.setOffline(false);
      await page.evaluate(() => localStorage.removeItem('signpost.language'));
    }
  });

  it('applies changes made on the server when the connection returns', async () => {
    await page.clock.setFixedTime(new Date());
    await page.goto(`${server.url}/search?q=volunteer`);
    await expect.poll(resultNames).toContain('Maldon Volunteer Centre');

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
    await session.context.setOffline(true);
    await server.stop();
    importFeed(server.dataDir, changed, 'second.json');
    server = await startServer({ dataDir: server.dataDir, port: server.port });
    await session.context.setOffline(false);

    await expect.poll(resultNames, { timeout: 20_000 }).toContain('Maldon Volunteering Hub');
    expect(await resultNames()).not.toContain('Maldon Volunteer Centre');
    await page.goto(`${server.url}/search?q=digital`);
    await expect.poll(resultNames).toEqual(['Harlow Digital Skills Café']);
    await page.goto(`${server.url}/search?q=young carers`);
    await resultCount();
    expect(await resultNames()).not.toContain('Young Carers Groups');
    // The saved search index caught up with the change instead of being thrown away.
    const saved = await savedRevisions();
    await expect.poll(savedRevisions).toEqual({ directory: saved.directory, index: saved.directory });
  });
});
