import { expect, test } from '../support/fixtures.ts';
import { emulateStandalone } from '../support/installed.ts';
import { controlledByServiceWorker, sampleServiceId, settle, visit } from '../support/visit.ts';

/**
 * The findings of a manual WCAG 2.2 audit, each checked as the person who met it would: by keyboard, with
 * a screen reader's view of names and roles, on a 320 px phone.
 */

test.use({ viewport: { width: 320, height: 640 } });

test('keeps the text-size radio on screen when the arrow keys change the size', async ({ page }) => {
  await visit(page, '/accessibility');
  await page.getByRole('button', { name: 'Display settings' }).click();
  await page.getByRole('radio', { name: 'Standard', exact: true }).focus();
  for (const size of ['Large', 'Larger']) {
    await page.keyboard.press('ArrowDown');
    const radio = page.getByRole('radio', { name: size, exact: true });
    await expect(radio).toBeChecked();
    await expect(radio).toBeFocused();
    await expect(radio, `${size}: the focused radio is on screen`).toBeInViewport({ ratio: 1 });
  }
});

test('gives each answer of the questionnaire its own hint, with no id used twice', async ({ page }) => {
  await visit(page, '/feedback/who');
  const duplicates = await page.evaluate(() => {
    const ids = [...document.querySelectorAll('[id]')].map((element) => element.id);
    return ids.filter((id, index) => ids.indexOf(id) !== index);
  });
  expect(duplicates).toEqual([]);
  await expect(
    page.getByRole('radio', { name: 'I look after someone (an unpaid carer)' }),
  ).toHaveAccessibleDescription(
    'You help a family member, partner or friend who could not manage without you, and are not paid to do it.',
  );
  // The question is the page's heading, and names the group: no hidden legend says it again.
  await expect(page.locator('legend')).toHaveCount(0);
  const title = 'Which of these describes you?';
  await expect(
    page.getByRole('radiogroup', { name: title }).or(page.getByRole('group', { name: title })),
  ).toHaveCount(1);
});

test('reads "Question 1 of 5" after the heading that takes focus, and names the group by that heading', async ({
  page,
}) => {
  await visit(page, '/help-me-find');
  await page.getByRole('link', { name: 'Start now' }).click();
  const heading = page.locator('h1');
  await expect(page.getByText('Question 1 of 5')).toBeVisible();
  await expect(heading).toBeFocused();
  const order = await page.evaluate(() => {
    const h1 = document.querySelector('h1')!;
    const caption = [...document.querySelectorAll('p')].find((p) => p.textContent === 'Question 1 of 5')!;
    return h1.compareDocumentPosition(caption) & Node.DOCUMENT_POSITION_FOLLOWING ? 'after' : 'before';
  });
  expect(order).toBe('after');
  await expect(page.locator('legend')).toHaveCount(0);
  const title = (await heading.textContent()) ?? '';
  await expect(page.getByRole('group', { name: title })).toHaveCount(1);
});

test('keeps the search and its filters when the language is changed on the results page', async ({
  page,
}) => {
  await visit(page, '/search?q=carers&free=1');
  await page.getByRole('button', { name: /Language/ }).click();
  await page.getByRole('link', { name: /العربية/ }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page).toHaveURL(
    (url) =>
      url.pathname === '/search' &&
      url.searchParams.get('q') === 'carers' &&
      url.searchParams.get('free') === '1',
  );
  await expect(page.locator('#directory-q')).toHaveValue('carers');
});

test('says "Save to My list" or "Remove from My list", and is not also a pressed toggle', async ({
  page,
  api,
}) => {
  await visit(page, `/services/${encodeURIComponent(await sampleServiceId(api))}`);
  const save = page.getByRole('button', { name: /^Save to My list/ });
  await expect(save).not.toHaveAttribute('aria-pressed');
  await save.click();
  const remove = page.getByRole('button', { name: /^Remove from My list/ });
  await expect(remove).toBeVisible();
  await expect(remove).not.toHaveAttribute('aria-pressed');
  await remove.click();
  await expect(page.getByRole('button', { name: /^Save to My list/ })).toBeVisible();
});

test('says "removed" on My list in a status region, and keeps focus on the page', async ({ page, api }) => {
  await visit(page, `/services/${encodeURIComponent(await sampleServiceId(api))}`);
  await page.getByRole('button', { name: /^Save to My list/ }).click();
  await page.getByRole('link', { name: 'View My list' }).first().click();
  await settle(page);
  await page.getByRole('button', { name: /^Remove .* from My list$/ }).click();
  const status = page.getByRole('status').filter({ hasText: 'was removed from My list.' });
  await expect(status).toBeVisible();
  await expect(page.locator('.notice')).toBeFocused();
});

test.describe('installed to the home screen', () => {
  test.beforeEach(async ({ context }) => {
    await emulateStandalone(context);
  });

  test('moves focus to the page when the offline notice’s OK is pressed (WCAG 2.4.3)', async ({ page }) => {
    await page.goto('/');
    await controlledByServiceWorker(page);
    const ok = page.getByRole('button', { name: 'OK' });
    await ok.focus();
    await page.keyboard.press('Enter');
    await expect(ok).toHaveCount(0);
    await expect(page.locator('main#main')).toBeFocused();
  });
});
