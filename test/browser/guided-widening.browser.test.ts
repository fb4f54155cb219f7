import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import arGuided from '../../locales/ar/guided.json';
import { findAccessibilityViolations } from '../support/axe.ts';
import { openBrowser, type BrowserSession } from '../support/browser.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { emulateStandalone, setGuidedAnswers, waitForDirectory } from './installed-helpers.ts';

/**
 * The audit's case on the real sample directory: in Uttlesford, nothing helps with coming home from
 * hospital. The shortlist reaches only to districts next door, and says where each one is and how far,
 * in English and in Arabic, on a 320 px phone opened from the home screen.
 */

let server: RunningServer;
let session: BrowserSession;

beforeAll(async () => {
  server = await startServer();
  session = await openBrowser({ viewport: { width: 320, height: 640 } });
  await emulateStandalone(session.context);
});

afterAll(async () => {
  await session?.browser.close();
  await server?.dispose();
});

const UTTLESFORD_HOSPITAL = {
  choices: { who: ['me'], where: ['district'], hard: ['hospital'] },
  district: 'uttlesford',
};
// Uttlesford's neighbours: Braintree, Chelmsford and Epping Forest.
const NEXT_DOOR = ['Braintree', 'Chelmsford', 'Epping Forest'];

async function openShortlist(lng: string) {
  const { page } = session;
  await page.goto(`${server.url}/help-me-find?lng=${lng}`);
  await setGuidedAnswers(page, UTTLESFORD_HOSPITAL);
  await page.goto(`${server.url}/help-me-find/shortlist`);
  await waitForDirectory(page);
  await page.locator('.guided-service').first().waitFor({ timeout: 60_000 });
  return page;
}

describe('the guided shortlist, widened', () => {
  it('offers only services next door to Uttlesford, each saying where and how far', async () => {
    const page = await openShortlist('en');
    const group = page.locator('.guided-group').first();
    expect(await group.locator('.guided-inset').textContent()).toBe(
      'Nothing for this is based in Uttlesford, so these include services in places next to it. Each one says where it is.',
    );
    const why = await group.locator('.guided-service__why').allTextContents();
    expect(why.length).toBeGreaterThan(0);
    for (const line of why) {
      // "Why it is here: In Braintree, 14 miles away · free"
      const where = /In (.+?), (\d+) miles away/.exec(line);
      expect(where, line).not.toBeNull();
      expect(NEXT_DOOR, line).toContain(where?.[1]);
    }
    const names = await group.locator('.guided-service__name').allTextContents();
    for (const far of ['Brentwood', 'Castle Point', 'Colchester', 'Harlow']) {
      expect(names.join('|')).not.toContain(`Home from Hospital Service, ${far}`);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(await findAccessibilityViolations(page)).toEqual([]);
  });

  it('says the same in Arabic, with the directory’s English marked as English', async () => {
    const page = await openShortlist('ar');
    const group = page.locator('.guided-group').first();
    expect(await group.locator('.guided-inset').textContent()).toBe(
      arGuided.shortlist.widenedNearby.replace('{{place}}', arGuided.districts.uttlesford),
    );
    const nextDoor = ['braintree', 'chelmsford', 'epping-forest'] as const;
    for (const line of await group.locator('.guided-service__why').allTextContents()) {
      expect(
        nextDoor.some((district) => line.includes(arGuided.districts[district])),
        line,
      ).toBe(true);
    }
    // WCAG 3.1.2: each name, summary and organisation from the directory is in English, and says so.
    const unmarked = await page.evaluate(() =>
      [...document.querySelectorAll('.guided-service')].flatMap((card) =>
        [
          card.querySelector('.guided-service__name a'),
          card.querySelector('.guided-service__summary'),
          card.querySelector('.guided-service__by bdi'),
        ]
          .filter((element) => element?.closest('[lang]')?.getAttribute('lang') !== 'en-GB')
          .map((element) => element?.outerHTML.slice(0, 80) ?? 'missing'),
      ),
    );
    expect(unmarked).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(await findAccessibilityViolations(page)).toEqual([]);
    await page.evaluate(() => localStorage.removeItem('signpost.language'));
  });

  it('keeps focus on the page when the closing answer is sent (WCAG 2.4.3)', async () => {
    const page = await openShortlist('en');
    await page.getByRole('radio', { name: 'Yes', exact: true }).check();
    await page.getByRole('button', { name: 'Send answer' }).click();
    const thanks = page.getByText('Thank you for your answer.');
    await expect.poll(() => thanks.evaluate((element) => element === document.activeElement)).toBe(true);
  });
});
