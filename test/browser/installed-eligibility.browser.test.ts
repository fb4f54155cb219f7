import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import arDirectory from '../../locales/ar/directory.json' with { type: 'json' };
import enDirectory from '../../locales/en/directory.json' with { type: 'json' };
import { findAccessibilityViolations } from '../support/axe.ts';
import { fromService } from '../../src/domain/oruk/from-service.ts';
import type { OrukAttribute } from '../../src/domain/oruk/schema.ts';
import { isSignpostAttribute } from '../../src/domain/oruk/signpost-vocabulary.ts';
import { importDirectory } from '../../src/server/directory/import.ts';
import { expect, test, useServerData } from '../support/fixtures.ts';
import { emulateStandalone, standaloneStyles } from '../support/installed.ts';
import { sidewaysScroll } from '../support/layout.ts';
import { makeService } from '../support/make-services.ts';
import { visit } from '../support/visit.ts';

/**
 * Who a service is for, as the council's feed says it: the eligibility words shown on the service page
 * in the feed's own English, marked as English, and the groups its eligibility records name used by the
 * "Who it is for" filter. In English and Arabic, on a 320 px phone with the app opened from the home screen.
 */

const WORDS = { en: enDirectory, ar: arDirectory } as const;

const ELIGIBILITY = 'Adults who live in Colchester and have a sight impairment. No referral is needed.';

// Nothing in its name or description says who it is for: only the feed's eligibility fields do.
const FRIENDS = makeService({
  name: 'Friends Together, Colchester',
  towns: ['colchester'],
  description: 'A weekly friendship group with talks and outings.',
  eligibility: ELIGIBILITY,
  audience: ['Older people'],
});
const OTHER = makeService({
  name: 'Colchester Walking Group',
  towns: ['colchester'],
  description: 'Gentle walks around the town.',
});

// As a council's own feed has them: ORUK's fields and none of Signpost's codes, so the importer works out
// who each service is for from what the feed says.
useServerData(async (db, dataDir) => {
  const feed = [FRIENDS, OTHER].map(fromService).map((record) => ({
    ...record,
    attributes: record.attributes?.filter((attribute) => !isSignpostAttribute(attribute as OrukAttribute)),
  }));
  const file = join(dataDir, 'council-feed.json');
  writeFileSync(file, JSON.stringify(feed));
  const summary = await importDirectory(db, file);
  expect(summary.quarantine, 'both services are imported').toEqual([]);
});

test.use({ viewport: { width: 320, height: 640 } });

test.beforeEach(async ({ context, page }) => {
  await emulateStandalone(context);
  await standaloneStyles(page);
});

for (const lng of ['en', 'ar'] as const) {
  const w = WORDS[lng];

  test(`in ${lng}, shows who a service is for in the feed's words, and filters by the groups it names`, async ({
    page,
  }) => {
    await visit(page, `/services/${FRIENDS.id}`, lng);
    const who = page.locator('section[aria-labelledby="service-who"]');
    await expect(who.getByRole('heading', { name: w.service.whoFor })).toBeVisible();
    // The groups the eligibility words and record name, in the page's language.
    await expect(who.getByRole('listitem')).toHaveCount(2);
    expect((await who.getByRole('listitem').allTextContents()).sort()).toEqual(
      [w.whoFor['physical-sensory'], w.whoFor['older-people']].sort(),
    );
    await expect(who.getByText(w.service.eligibilitySaid)).toBeVisible();
    const words = who.locator('.service-detail__eligibility');
    await expect(words).toHaveText(ELIGIBILITY);
    // WCAG 3.1.2: the feed's English is marked as English, on an Arabic page too.
    await expect(words).toHaveAttribute('lang', 'en-GB');
    expect(await sidewaysScroll(page)).toBe(0);
    expect(await findAccessibilityViolations(page)).toEqual([]);

    for (const group of ['older-people', 'physical-sensory']) {
      await visit(page, `/search?for=${group}`, lng);
      await expect(page.locator('.result-card__name a'), group).toHaveText([FRIENDS.name]);
    }
  });
}
