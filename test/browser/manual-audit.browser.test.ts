import arCommon from '../../locales/ar/common.json' with { type: 'json' };
import arFeedback from '../../locales/ar/feedback.json' with { type: 'json' };
import arGuided from '../../locales/ar/guided.json' with { type: 'json' };
import arInclusion from '../../locales/ar/inclusion.json' with { type: 'json' };
import arMyList from '../../locales/ar/my-list.json' with { type: 'json' };
import enCommon from '../../locales/en/common.json' with { type: 'json' };
import enFeedback from '../../locales/en/feedback.json' with { type: 'json' };
import enGuided from '../../locales/en/guided.json' with { type: 'json' };
import enInclusion from '../../locales/en/inclusion.json' with { type: 'json' };
import enMyList from '../../locales/en/my-list.json' with { type: 'json' };
import { expect, test } from '../support/fixtures.ts';
import { emulateStandalone, expectFocusOnThePage, standaloneStyles } from '../support/installed.ts';
import {
  chooseLanguage,
  controlledByServiceWorker,
  sampleServiceId,
  settle,
  visit,
} from '../support/visit.ts';

/**
 * The findings of a manual WCAG 2.2 audit, each checked as the person who met it would: by keyboard, with
 * a screen reader's view of names and roles, on a 320 px phone with the app opened from the home screen,
 * in English and in Arabic.
 */

const WORDS = {
  en: { common: enCommon, feedback: enFeedback, guided: enGuided, inclusion: enInclusion, myList: enMyList },
  ar: { common: arCommon, feedback: arFeedback, guided: arGuided, inclusion: arInclusion, myList: arMyList },
} as const;
const OTHER = { en: 'ar', ar: 'en' } as const;

/** A pattern for words that begin a name, such as "Save to My list" in "Save to My list: Carers' café". */
const beginning = (words: string) => new RegExp(`^${words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

test.use({ viewport: { width: 320, height: 640 } });

test.beforeEach(async ({ context, page }) => {
  await emulateStandalone(context);
  await standaloneStyles(page);
});

for (const lng of ['en', 'ar'] as const) {
  const w = WORDS[lng];

  test.describe(`installed to the home screen, at 320 px, in ${lng}`, () => {
    test('keeps the text-size radio on screen when the arrow keys change the size', async ({ page }) => {
      await visit(page, '/accessibility', lng);
      expect(await page.evaluate(() => matchMedia('(display-mode: standalone)').matches)).toBe(true);
      await page.getByRole('button', { name: w.common.footer.display }).click();
      const sizes = w.inclusion.display.textSize;
      await page.getByRole('radio', { name: sizes.standard, exact: true }).focus();
      for (const size of [sizes.large, sizes.larger]) {
        await page.keyboard.press('ArrowDown');
        const radio = page.getByRole('radio', { name: size, exact: true });
        await expect(radio).toBeChecked();
        await expect(radio).toBeFocused();
        await expect(radio, `${size}: the focused radio is on screen`).toBeInViewport({ ratio: 1 });
      }
    });

    test('gives each answer of the questionnaire its own hint, with no id used twice', async ({ page }) => {
      await visit(page, '/feedback/who', lng);
      const duplicates = await page.evaluate(() => {
        const ids = [...document.querySelectorAll('[id]')].map((element) => element.id);
        return ids.filter((id, index) => ids.indexOf(id) !== index);
      });
      expect(duplicates).toEqual([]);
      const respondent = w.feedback.about.respondent;
      await expect(
        page.getByRole('radio', { name: respondent.carer, exact: true }),
      ).toHaveAccessibleDescription(respondent['carer-hint']);
      // The question is the page's heading, and names the group: no hidden legend says it again.
      await expect(page.locator('legend')).toHaveCount(0);
      const title = w.feedback.steps.who.title;
      await expect(
        page.getByRole('radiogroup', { name: title }).or(page.getByRole('group', { name: title })),
      ).toHaveCount(1);
    });

    test('reads "Question 1 of 5" after the heading that takes focus, and names the group by that heading', async ({
      page,
    }) => {
      await visit(page, '/help-me-find', lng);
      await page.getByRole('link', { name: w.guided.start.start }).click();
      const number = new Intl.NumberFormat(lng);
      const caption = w.guided.journey.caption
        .replace('{{number, number}}', number.format(1))
        .replace('{{total, number}}', number.format(5));
      const heading = page.locator('h1');
      await expect(page.getByText(caption, { exact: true })).toBeVisible();
      await expect(heading).toBeFocused();
      const order = await page.evaluate((text) => {
        const h1 = document.querySelector('h1')!;
        const line = [...document.querySelectorAll('p')].find((p) => p.textContent === text)!;
        return h1.compareDocumentPosition(line) & Node.DOCUMENT_POSITION_FOLLOWING ? 'after' : 'before';
      }, caption);
      expect(order).toBe('after');
      await expect(page.locator('legend')).toHaveCount(0);
      const title = (await heading.textContent()) ?? '';
      await expect(page.getByRole('group', { name: title })).toHaveCount(1);
    });

    test(`keeps the search and its filters when the results page changes to ${OTHER[lng]}`, async ({
      page,
    }) => {
      await visit(page, '/search?q=carers&free=1', lng);
      await chooseLanguage(page, OTHER[lng]);
      await expect(page.locator('html')).toHaveAttribute('lang', OTHER[lng] === 'ar' ? 'ar' : 'en-GB');
      await expect(page).toHaveURL(
        (url) =>
          url.pathname === '/search' &&
          url.searchParams.get('q') === 'carers' &&
          url.searchParams.get('free') === '1',
      );
      await expect(page.locator('#directory-q')).toHaveValue('carers');
      // The filter is still on, shown as a tag to take it off.
      await expect(page.locator('.filter-tag').first()).toBeVisible();
    });

    test('says "Save to My list" or "Remove from My list", and is not also a pressed toggle', async ({
      page,
      api,
    }) => {
      await visit(page, `/services/${encodeURIComponent(await sampleServiceId(api))}`, lng);
      const save = page.getByRole('button', { name: beginning(w.myList.save.add) });
      await expect(save).not.toHaveAttribute('aria-pressed');
      await save.click();
      const remove = page.getByRole('button', { name: beginning(w.myList.save.remove) });
      await expect(remove).toBeVisible();
      await expect(remove).not.toHaveAttribute('aria-pressed');
      await remove.click();
      await expect(page.getByRole('button', { name: beginning(w.myList.save.add) })).toBeVisible();
    });

    test('says "removed" on My list in a status region, and keeps focus on the page', async ({
      page,
      api,
    }) => {
      await visit(page, `/services/${encodeURIComponent(await sampleServiceId(api))}`, lng);
      const name = ((await page.locator('h1').textContent()) ?? '').trim();
      await page.getByRole('button', { name: beginning(w.myList.save.add) }).click();
      await page.getByRole('link', { name: w.myList.save.viewList }).first().click();
      await settle(page);
      await page
        .getByRole('button', { name: w.myList.list.removeLabel.replace('{{name}}', name), exact: true })
        .click();
      const status = page
        .getByRole('status')
        .filter({ hasText: w.myList.list.removed.replace('{{name}}', name) });
      await expect(status).toBeVisible();
      await expect(page.locator('.notice')).toBeFocused();
    });

    test('moves focus to the page when the offline notice’s OK is pressed (WCAG 2.4.3)', async ({ page }) => {
      await page.goto(`/?lng=${lng}`);
      await controlledByServiceWorker(page);
      const ok = page.getByRole('button', { name: w.common.update.dismiss, exact: true });
      await ok.focus();
      await page.keyboard.press('Enter');
      await expect(ok).toHaveCount(0);
      await expectFocusOnThePage(page);
    });
  });
}
