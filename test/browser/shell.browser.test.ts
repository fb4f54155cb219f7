import { expect, test } from '../support/fixtures.ts';

test.describe('the app shell', () => {
  test('opens on the home page with the four themes as links', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('h1')).toHaveText('Find support in Essex');
    const themes = page.locator('.theme-grid .theme-card');
    await expect(themes).toHaveText([
      /Staying well/,
      /Support for carers/,
      /Housing/,
      /Work, learning and things to do/,
    ]);
    await expect(themes.first()).toHaveAttribute('href', '/search?theme=staying-well');
    await expect(page).toHaveTitle('Find support in Essex – Signpost');
  });

  test('moves focus to the new page heading after a navigation, without reloading the page', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page.locator('h1')).toHaveText('Find support in Essex');
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    await page.getByRole('link', { name: 'Accessibility statement' }).click();
    await expect(page.locator('h1')).toBeFocused();
    await expect(page.locator('h1')).toHaveText('Accessibility statement for Signpost');
    await expect(page).toHaveURL(/\/accessibility$/);
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
    await page.goBack();
    await expect(page.locator('h1')).toHaveText('Find support in Essex');
  });

  test('shows a page-not-found page for an unknown address', async ({ page }) => {
    await page.goto('/no-such-page');
    await expect(page.locator('h1')).toHaveText('Page not found');
    await page.getByRole('link', { name: 'Go to the Signpost home page' }).click();
    await expect(page.locator('h1')).toHaveText('Find support in Essex');
  });

  test('switches to Arabic, right to left, and remembers the choice on this device', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: /Language/ }).click();
    await page.getByRole('link', { name: 'العربية' }).click();
    await expect(page.locator('h1')).toHaveText('ابحث عن دعم في إسكس');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await page.reload();
    await expect(page.locator('h1')).toHaveText('ابحث عن دعم في إسكس');
    // The layout mirrors: the header's language button sits on the left in right-to-left.
    const box = await page.locator('.language-switch__toggle').boundingBox();
    expect(box && box.x < 390 / 2).toBe(true);
  });

  test('opens in the language a link asks for with ?lng=, then forgets the parameter but not the choice', async ({
    page,
  }) => {
    await page.goto('/privacy?lng=ar');
    await expect(page.locator('h1')).toHaveText('إشعار الخصوصية');
    await expect(page).toHaveURL((url) => url.search === '');
    await page.goto('/?lng=en');
    await expect(page.locator('h1')).toHaveText('Find support in Essex');
  });

  test.describe('in a browser set to Arabic', () => {
    test.use({ locale: 'ar-EG' });

    test('guesses the language from the browser when no choice has been made', async ({ page }) => {
      await page.goto('/');
      await expect(page.locator('h1')).toHaveText('ابحث عن دعم في إسكس');
    });
  });

  test('runs under the strict Content Security Policy with no errors in the console', async ({
    page,
    pageErrors,
  }) => {
    const response = await page.goto('/');
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await expect(page.locator('h1')).toHaveText('Find support in Essex');
    await page.getByRole('link', { name: 'Privacy notice' }).click();
    await expect(page.locator('h1')).toHaveText('Privacy notice');
    expect(pageErrors).toEqual([]);
  });

  test.describe('on a 320 px screen', () => {
    test.use({ viewport: { width: 320, height: 640 } });

    test('fits a 320 px wide screen without scrolling sideways', async ({ page }) => {
      for (const path of ['/', '/accessibility', '/privacy']) {
        await page.goto(path);
        await expect(page.locator('h1')).toHaveText(/\S/);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, path).toBe(0);
      }
    });
  });
});
