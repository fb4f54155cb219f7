import type { Page } from '@playwright/test';
import arEvidence from '../../locales/ar/evidence.json' with { type: 'json' };
import arGuided from '../../locales/ar/guided.json' with { type: 'json' };
import enEvidence from '../../locales/en/evidence.json' with { type: 'json' };
import enGuided from '../../locales/en/guided.json' with { type: 'json' };
import { findAccessibilityViolations } from '../support/axe.ts';
import { expect, test } from '../support/fixtures.ts';
import { emulateStandalone, setGuidedAnswers } from '../support/installed.ts';
import { sidewaysScroll } from '../support/layout.ts';

/**
 * The audit's case on the real sample directory: in Uttlesford, nothing helps with coming home from
 * hospital. The shortlist reaches only to districts next door, and says where each one is and how far,
 * in English and in Arabic, on a 320 px phone opened from the home screen.
 */

const WORDS = {
  en: { evidence: enEvidence, guided: enGuided },
  ar: { evidence: arEvidence, guided: arGuided },
} as const;

test.use({ viewport: { width: 320, height: 640 } });

test.beforeEach(async ({ context }) => {
  await emulateStandalone(context);
});

type District = keyof typeof enGuided.districts;

const UTTLESFORD_HOSPITAL = {
  choices: { who: ['me'], where: ['district'], hard: ['hospital'] },
  district: 'uttlesford',
};
// Nothing for money is based in Epping Forest: the advice lines serve all of Essex, the rest are next door.
const EPPING_FOREST_MONEY = {
  choices: { who: ['me'], where: ['district'], hard: ['money'] },
  district: 'epping-forest',
};
// Uttlesford's neighbours: Braintree, Chelmsford and Epping Forest.
const NEXT_DOOR = ['Braintree', 'Chelmsford', 'Epping Forest'];

async function openShortlist(page: Page, lng: string, answers: unknown = UTTLESFORD_HOSPITAL) {
  await page.goto(`/help-me-find?lng=${lng}`);
  await setGuidedAnswers(page, answers);
  await page.goto('/help-me-find/shortlist');
  // The first visit saves the directory on the device before the shortlist can be made.
  await expect(page.locator('.guided-service').first()).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('.loading, [aria-busy="true"]')).toHaveCount(0);
  return page.locator('.guided-group').first();
}

test('offers only services next door to Uttlesford, each saying where and how far', async ({ page }) => {
  const group = await openShortlist(page, 'en');
  await expect(group.locator('.guided-inset')).toHaveText(
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
  const names = (await group.locator('.guided-service__name').allTextContents()).join('|');
  for (const far of ['Brentwood', 'Castle Point', 'Colchester', 'Harlow']) {
    expect(names).not.toContain(`Home from Hospital Service, ${far}`);
  }
  expect(await sidewaysScroll(page)).toBe(0);
  expect(await findAccessibilityViolations(page)).toEqual([]);
});

test('says the same in Arabic, with the directory’s English marked as English', async ({ page }) => {
  const group = await openShortlist(page, 'ar');
  await expect(group.locator('.guided-inset')).toHaveText(
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
  expect(await sidewaysScroll(page)).toBe(0);
  expect(await findAccessibilityViolations(page)).toEqual([]);
});

for (const lng of ['en', 'ar'] as const) {
  const w = WORDS[lng].guided;

  test(`in ${lng}, widens beyond Epping Forest only to all-Essex lines and districts next door, saying which`, async ({
    page,
  }) => {
    const group = await openShortlist(page, lng, EPPING_FOREST_MONEY);
    await expect(group.locator('.guided-inset')).toHaveText(
      w.shortlist.widenedNearby.replace('{{place}}', w.districts['epping-forest']),
    );
    const anywhereInEssex = Object.values(w.reasons['county-wide-via']);
    // "in Harlow, 5 miles away" begins with the district's name, before the distance.
    const nextDoor = (['brentwood', 'chelmsford', 'harlow', 'uttlesford'] as District[]).map((district) =>
      w.reasons.neighbouring
        .slice(0, w.reasons.neighbouring.indexOf('{{distance}}'))
        .replace('{{district}}', w.districts[district])
        .toLocaleLowerCase(lng),
    );
    const kinds = new Set<string>();
    for (const line of await group.locator('.guided-service__why').allTextContents()) {
      const words = line.toLocaleLowerCase(lng);
      const kind = anywhereInEssex.some((phrase) => words.includes(phrase.toLocaleLowerCase(lng)))
        ? 'all of Essex'
        : nextDoor.some((phrase) => words.includes(phrase))
          ? 'next door'
          : `unlabelled: ${line}`;
      kinds.add(kind);
    }
    expect([...kinds].sort()).toEqual(['all of Essex', 'next door']);
    expect(await sidewaysScroll(page)).toBe(0);
  });

  test(`in ${lng}, keeps focus on the page when the closing answer is sent (WCAG 2.4.3)`, async ({
    page,
  }) => {
    const evidence = WORDS[lng].evidence.found;
    await openShortlist(page, lng);
    await page.getByRole('radio', { name: evidence.yes, exact: true }).check();
    await page.getByRole('button', { name: evidence.send, exact: true }).click();
    await expect(page.getByText(evidence.thanks)).toBeFocused();
  });
}
