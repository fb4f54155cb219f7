import { readFileSync } from 'node:fs';
import type { Database } from '../../src/server/db/database.ts';
import { importDirectory } from '../../src/server/directory/import.ts';
import { findAccessibilityViolations } from '../support/axe.ts';
import { expect, test } from '../support/fixtures.ts';
import { settle, visit } from '../support/visit.ts';

// A fictional council feed written the way real ones are (scripts/lib/messy-feed.ts): HTML from a
// rich-text editor, entities, bad links, no taxonomy, a few unusable records.
const MESSY_FEED = new URL('../fixtures/messy/messy-feed.json', import.meta.url).pathname;
const records = (JSON.parse(readFileSync(MESSY_FEED, 'utf8')) as { contents: unknown[] }).contents.filter(
  (r): r is { id: string; name: string; description: string } =>
    typeof r === 'object' && r !== null && typeof (r as { description?: unknown }).description === 'string',
);
const first = (test: (description: string) => boolean) => {
  const found = records.find((r) => typeof r.id === 'string' && test(r.description));
  if (!found) throw new Error('The messy fixture no longer has such a service');
  return found;
};
/** A list, a phone link and a `javascript:` link. */
const withScriptLink = first((d) => d.includes('href="javascript:') && d.includes('<li>'));
/** A list and a web link. */
const withWebLink = first((d) => d.includes('<ul>') && d.includes('href="https://'));

// Markup or an entity shown as words: "<p>", "</li>", "&amp;", "&#39;", "&nbsp;".
const TAG_OR_ENTITY = /<\/?[a-z][a-z0-9]*[\s>/]|&(?:[a-z]+|#\d+|#x[0-9a-f]+);/i;

/** A service someone said, when asked whether it helped, they could not reach. */
const unreached = records.find(
  (r) => typeof r.id === 'string' && typeof r.name === 'string' && /^[A-Za-z][A-Za-z0-9 ,'-]+$/.test(r.name),
)!;

/** The messy feed is the server's whole directory: no sample services beside it. */
async function importMessyFeed(db: Database): Promise<void> {
  const summary = await importDirectory(db, MESSY_FEED);
  if (summary.imported < 200) throw new Error(`Only ${summary.imported} messy services were imported`);
  await db.query(
    `insert into follow_up_answers (id, content_hash, received_at, period, service_id, answer)
     values (gen_random_uuid(), 'fixture', now(), current_date, $1, 'could-not-reach')`,
    [unreached.id],
  );
}

test.use({
  // A function given to test.use is read as a fixture, so the fixture gives the function.
  // eslint-disable-next-line no-empty-pattern
  prepareData: [async ({}, use) => use(importMessyFeed), { scope: 'worker' }],
});

test.describe('a council’s own messy feed, as residents see it', () => {
  test('shows a rich-text description as paragraphs, lists and safe links, never as markup', async ({
    page,
  }) => {
    await visit(page, `/services/${encodeURIComponent(withScriptLink.id)}`);
    const main = page.getByRole('main');
    await expect(main).not.toContainText(TAG_OR_ENTITY);
    const offers = page.getByRole('region', { name: 'What it offers' });
    await expect(offers.getByRole('listitem').first()).toBeVisible();
    // A phone link in the text stays a link; a script "link" is only its words.
    await expect(offers.getByRole('link', { name: /^0\d/ }).first()).toHaveAttribute('href', /^tel:/);
    await expect(offers).toContainText('click here to book');
    await expect(offers.getByRole('link', { name: /click here/ })).toHaveCount(0);
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    expect(await findAccessibilityViolations(page)).toEqual([]);

    await visit(page, `/services/${encodeURIComponent(withWebLink.id)}`);
    const other = page.getByRole('region', { name: 'What it offers' });
    await expect(page.getByRole('main')).not.toContainText(TAG_OR_ENTITY);
    await expect(other.getByRole('list').first().getByRole('listitem').first()).toBeVisible();
    await expect(other.getByRole('link').first()).toHaveAttribute('href', /^https:\/\//);
    expect(await findAccessibilityViolations(page)).toEqual([]);
  });

  test('says what the feed left out instead of guessing, in the person’s language', async ({ page }) => {
    await visit(page, '/services/9404b586-b1df-8f3f-94e2-e9cd66fd752d');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Strength & Balance Classes');
    await expect(page.getByRole('main')).not.toContainText(TAG_OR_ENTITY);
    await visit(page, '/services/9404b586-b1df-8f3f-94e2-e9cd66fd752d', 'ar');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Strength & Balance Classes');
    expect(await findAccessibilityViolations(page)).toEqual([]);
  });

  test('shows result cards in plain words, with no tags or entities', async ({ page }) => {
    await visit(page, '/search?q=club');
    const results = page
      .getByRole('main')
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading') });
    await expect(results.first()).toBeVisible();
    expect(await results.count()).toBeGreaterThan(3);
    await expect(page.getByRole('main')).not.toContainText(TAG_OR_ENTITY);
    await expect(page.getByRole('main')).toContainText('Cost not given');
    expect(await findAccessibilityViolations(page)).toEqual([]);
  });
});

test.describe('the directory’s data-quality page', () => {
  for (const role of ['admin', 'analyst'] as const) {
    test(`lists what needs attention for ${role === 'admin' ? 'an admin' : 'an analyst'}, each row linking to its service`, async ({
      page,
      signIn,
    }) => {
      await signIn(role);
      await visit(page, '/staff/directory-quality');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Directory data quality');
      const filters = page.getByRole('navigation', { name: 'Show' });
      await filters.getByRole('link', { name: /^Services in no theme \(\d+\)$/ }).click();
      await settle(page);
      await expect(page).toHaveURL(/kind=no-theme/);
      await expect(page.getByRole('heading', { level: 2, name: 'Services in no theme' })).toBeVisible();
      const table = page.getByRole('table');
      const link = table.getByRole('rowheader').first().getByRole('link');
      const name = (await link.textContent()) ?? '';
      await link.click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    });
  }

  test('lists a service people said they could not reach', async ({ page, signIn }) => {
    await signIn('analyst');
    await visit(page, '/staff/directory-quality');
    await page
      .getByRole('navigation', { name: 'Show' })
      .getByRole('link', { name: /^Services people said they could not reach \(\d+\)$/ })
      .click();
    await settle(page);
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: unreached.name }) });
    await expect(row).toContainText('People who said they could not reach them: 1');
  });

  test('gives the CSV of what it shows', async ({ page, signIn }) => {
    await signIn('analyst');
    await visit(page, '/staff/directory-quality?kind=quarantined');
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download these as a spreadsheet (CSV)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('signpost-directory-quality-quarantined.csv');
    const text = readFileSync((await file.path())!, 'utf8');
    expect(text.split('\r\n')[0]).toBe('kind,service_id,name,detail,code,date,service_page,answers');
    expect(text).toContain('name: missing');
  });

  test('is refused to field staff', async ({ page, signIn }) => {
    await signIn('field');
    await visit(page, '/staff/directory-quality');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('You do not have access');
    await expect(page.getByRole('table')).toHaveCount(0);
  });

  for (const lng of ['en', 'ar'] as const) {
    test(`has nothing for axe to find, in ${lng === 'en' ? 'English' : 'Arabic'}`, async ({
      page,
      signIn,
    }) => {
      await signIn('admin');
      await visit(page, '/staff/directory-quality', lng);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(
        lng === 'en' ? 'Directory data quality' : 'جودة بيانات الدليل',
      );
      await expect(page.getByRole('table')).toBeVisible();
      expect(await findAccessibilityViolations(page)).toEqual([]);
    });
  }
});
