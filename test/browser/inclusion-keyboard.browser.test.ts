import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures.ts';
import { answerWithKeyboard, tabThrough, tabTo } from '../support/keyboard.ts';
import { PAGES } from '../support/pages.ts';
import { languageButton, sampleServiceId, settle, visit, visitPage } from '../support/visit.ts';

/**
 * Everything works from the keyboard: tabbing through every page, the focused thing is never hidden
 * behind a sticky bar (WCAG 2.4.11) and always shows a focus ring (2.4.7); and each flow that exists
 * completes with the keyboard alone, no mouse or touch.
 */

let serviceId: string | undefined;

test.beforeEach(async ({ api }) => {
  serviceId ??= await sampleServiceId(api);
});

for (const lng of ['en', 'ar']) {
  test.describe(`tabbing through every page in ${lng}`, () => {
    const pages = lng === 'en' ? PAGES : PAGES.filter((p) => p.shell || p.layout);
    for (const appPage of pages) {
      test(`shows where focus is on the ${appPage.name} page`, async ({ page, signIn }) => {
        await visitPage(page, appPage, { serviceId: serviceId as string, lng, signIn });
        const { stops, problems } = await tabThrough(page);
        expect(stops, 'something to tab to').toBeGreaterThan(3);
        expect(problems).toEqual([]);
      });
    }

    test('shows where focus is in the open language menu and display settings', async ({ page }) => {
      await visit(page, '/', lng);
      await languageButton(page).focus();
      await page.keyboard.press('Enter');
      await expect(page.locator('#language-list')).toBeVisible();
      await page.locator('.site-footer__display > button').focus();
      await page.keyboard.press('Enter');
      await expect(page.locator('#display-settings fieldset').first()).toBeVisible();
      const { problems } = await tabThrough(page);
      expect(problems).toEqual([]);
    });
  });
}

test.describe('the focus checks themselves', () => {
  test('notice a focused link hidden behind a sticky bar, and a button with no focus ring', async ({
    page,
  }) => {
    await visit(page, '/', 'en');
    await page.evaluate(() => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(
        '.sticky-test { position: fixed; inset: 0; background: #fff; z-index: 9; }' +
          '.ringless, .ringless:focus-visible { outline: none !important; box-shadow: none !important; }',
      );
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      const bar = document.createElement('div');
      bar.className = 'sticky-test';
      document.body.append(bar);
      document.querySelector('.site-footer__display > button')?.classList.add('ringless');
    });
    const { problems } = await tabThrough(page);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^hidden behind div\.sticky-test: .*a "Skip to main content"/),
        expect.stringMatching(/^no focus ring: .*button "Display settings"/),
      ]),
    );
  });
});

const heading = (page: Page) => page.locator('h1');

test.describe('with the keyboard alone', () => {
  test('skips to the content, and the skip link is the first stop', async ({ page }) => {
    await visit(page, '/', 'en');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('main#main')).toBeFocused();
  });

  test('chooses a language from the menu, closes it with Escape, and keeps focus on the menu button', async ({
    page,
  }) => {
    await visit(page, '/', 'en');
    await tabTo(page, (el) => el.text.startsWith('Language'));
    await page.keyboard.press('Enter');
    await expect(page.locator('#language-list')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.locator('#language-list')).toBeHidden();
    await expect(languageButton(page)).toBeFocused();
    await page.keyboard.press('Enter');
    await tabTo(page, (el) => el.text.startsWith('Polski'));
    await page.keyboard.press('Enter');
    await expect(heading(page)).toHaveText('Znajdź wsparcie w Essex');
    await expect(languageButton(page)).toBeFocused();
    await page.keyboard.press('Enter');
    await tabTo(page, (el) => el.text.startsWith('English'));
    await page.keyboard.press('Enter');
    await expect(heading(page)).toHaveText('Find support in Essex');
  });

  test('makes the text larger and the colours high-contrast from the display settings, and remembers it', async ({
    page,
  }) => {
    const root = page.locator('html');
    await visit(page, '/', 'en');
    await tabTo(page, (el) => el.text === 'Display settings');
    await page.keyboard.press('Enter');
    await expect(page.locator('#display-settings fieldset').first()).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('radio', { name: 'Standard', exact: true })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(root).toHaveCSS('font-size', '24px');
    await expect(root).toHaveCSS('background-color', 'rgb(0, 0, 0)');
    await page.reload();
    await settle(page);
    await expect(root).toHaveCSS('font-size', '24px');
    await expect(root).toHaveCSS('background-color', 'rgb(0, 0, 0)');
    await tabTo(page, (el) => el.text === 'Display settings');
    await page.keyboard.press('Enter');
    await tabTo(page, (el) => el.text === 'Go back to the standard display');
    await page.keyboard.press('Enter');
    await expect(root).toHaveCSS('font-size', '16px');
    await expect(root).toHaveCSS('background-color', 'rgb(255, 255, 255)');
  });

  test('opens the accessibility statement from the footer, with focus on its heading', async ({ page }) => {
    await visit(page, '/', 'en');
    await tabTo(page, (el) => el.text === 'Accessibility statement');
    await page.keyboard.press('Enter');
    await expect(heading(page)).toHaveText('Accessibility statement for Signpost');
    await expect(heading(page)).toBeFocused();
  });

  test('finds a service and saves it to My list', async ({ page }) => {
    await visit(page, '/', 'en');
    await tabTo(page, (el) => el.tag === 'input' && el.type === 'search');
    await page.keyboard.type('carers');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/search\?q=carers/);
    await settle(page);
    await tabTo(page, (el) => el.tag === 'a' && /carer/i.test(el.text));
    const chosen = ((await page.locator(':focus').textContent()) ?? '').trim();
    await page.keyboard.press('Enter');
    await expect(heading(page)).toHaveText(chosen);
    await settle(page);
    await tabTo(page, (el) => el.tag === 'button' && el.text.startsWith('Save to My list'));
    await page.keyboard.press('Enter');
    await expect(page.getByText('Saved to My list.')).toBeVisible();
    await tabTo(page, (el) => el.tag === 'a' && el.text === 'View My list');
    await page.keyboard.press('Enter');
    await expect(heading(page)).toHaveText('My list');
    await settle(page);
    await expect(page.locator('main')).toContainText(chosen);
  });

  test('gives feedback, from the first question to the confirmation', async ({ page }) => {
    await visit(page, '/feedback', 'en');
    await tabTo(page, (el) => el.text === 'Start now');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/feedback\/[a-z-]+$/);
    for (let step = 0; step < 40 && !/\/feedback\/sent\//.test(page.url()); step++) {
      await settle(page);
      const before = page.url();
      if (before.endsWith('/check')) {
        await tabTo(page, (el) => el.tag === 'button' && el.text.startsWith('Send'));
        await page.keyboard.press('Enter');
        break;
      }
      await answerWithKeyboard(page);
      await expect(page).not.toHaveURL(before);
    }
    await expect(page).toHaveURL(/\/feedback\/sent\//);
    await settle(page);
  });

  test('signs a member of staff in, through the one-time password change', async ({
    page,
    newStaffAccount,
  }) => {
    const staff = await newStaffAccount('field');
    await visit(page, '/staff/sign-in', 'en');
    await tabTo(page, (el) => el.tag === 'input' && el.type === 'email');
    await page.keyboard.type(staff.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(staff.password);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/staff\/password$/);
    await settle(page);
    // After a navigation focus is on the new page's heading, and typing starts from there.
    await expect(heading(page)).toBeFocused();
    await tabTo(page, (el) => el.tag === 'input' && el.type === 'password');
    await page.keyboard.type(staff.password);
    await page.keyboard.press('Tab');
    await page.keyboard.type('a quiet morning on the Blackwater estuary');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL((url) => url.pathname === '/staff');
    await expect(page.locator('main')).toContainText(staff.email);
  });
});
