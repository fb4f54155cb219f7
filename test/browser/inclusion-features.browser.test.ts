import type { Page } from '@playwright/test';
import { EASY_READ, LANGUAGES } from '../../src/domain/languages.ts';
import { expect, test } from '../support/fixtures.ts';
import { addVoice, fakeSpeech, finishSpeaking, spoken } from '../support/speech.ts';
import {
  chooseLanguage,
  controlledByServiceWorker,
  languageButton,
  languageLink,
  settle,
  visit,
} from '../support/visit.ts';

/** Languages, Easy Read, display settings and read-aloud, as a person meets them in a real browser. */

const HOME_TITLES: Record<string, string> = {
  en: 'Find support in Essex',
  [EASY_READ]: 'Find help in Essex',
  ar: 'ابحث عن دعم في إسكس',
  bn: 'এসেক্সে সহায়তা খুঁজুন',
  lt: 'Raskite pagalbą Esekse',
  pl: 'Znajdź wsparcie w Essex',
  pt: 'Encontre apoio em Essex',
  ro: 'Găsește sprijin în Essex',
  tr: "Essex'te destek bulun",
  ur: 'ایسیکس میں مدد تلاش کریں',
};

/** The page's language and direction, as a screen reader and the browser's layout read them. */
async function expectDocumentLanguage(page: Page, htmlLang: string, dir: string): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('lang', htmlLang);
  await expect(page.locator('html')).toHaveAttribute('dir', dir);
}

test.describe('the language switch', () => {
  test('names every language in itself, marked with its language, English and Easy Read first', async ({
    page,
  }) => {
    await visit(page, '/', 'en');
    await languageButton(page).click();
    const names = page.locator('#language-list a > span[lang]');
    await expect(names).toHaveText(LANGUAGES.map((l) => l.nativeName));
    const marked = await names.evaluateAll((spans) =>
      spans.map((span) => [span.getAttribute('lang'), span.getAttribute('dir')]),
    );
    expect(marked).toEqual(LANGUAGES.map((l) => [l.htmlLang, l.dir]));
    // A helper who reads only English can still find "Polish" for the person they are with.
    await expect(page.locator('#language-list')).toContainText('Polish');
  });

  for (const language of LANGUAGES) {
    test(`switches the whole shell to ${language.code}`, async ({ page }) => {
      await visit(page, '/', 'en');
      await chooseLanguage(page, language.code);
      await expect(page.locator('h1')).toHaveText(HOME_TITLES[language.code] as string);
      await expectDocumentLanguage(page, language.htmlLang, language.dir);
      await expect(page).toHaveTitle(`${HOME_TITLES[language.code]} – Signpost`);
      await page.reload();
      await expect(page.locator('h1')).toHaveText(HOME_TITLES[language.code] as string);
    });
  }

  for (const [locale, code] of [
    ['pl-PL', 'pl'],
    ['ro-RO', 'ro'],
    ['pt-BR', 'pt'],
    ['ur-PK', 'ur'],
  ] as const) {
    test.describe(`with a browser set to ${locale}`, () => {
      test.use({ locale });
      test(`guesses ${code} on a first visit`, async ({ page }) => {
        await page.goto('/');
        await expect(page.locator('h1')).toHaveText(HOME_TITLES[code] as string);
      });
    });
  }

  for (const { code } of LANGUAGES) {
    test(`never shows the translators’ notes in ${code}`, async ({ page }) => {
      await visit(page, '/accessibility', code);
      await expect(page.locator('body')).not.toContainText(/awaiting|translatedFrom|_meta/);
    });
  }

  for (const [code, date] of [
    ['en', '24 November 2026'],
    [EASY_READ, '24 November 2026'],
    ['pl', '24 listopada 2026'],
    ['lt', '2026 m. lapkričio 24 d.'],
    ['bn', '২৪ নভেম্বর, ২০২৬'],
    ['pt', '24 de novembro de 2026'],
  ] as const) {
    test(`writes dates the way ${code} does`, async ({ page }) => {
      await visit(page, '/accessibility', code);
      await expect(page.locator('main')).toContainText(date);
    });
  }
});

test.describe('Easy Read', () => {
  test('is English for the page, with one idea a line and a picture beside each', async ({ page }) => {
    await visit(page, '/', EASY_READ);
    await expectDocumentLanguage(page, 'en-GB', 'ltr');
    const lines = page.locator('.easy-lines .easy-line');
    await expect(lines).toHaveCount(4);
    // The pictures are their own small file, drawn as soon as it arrives.
    await expect(lines.locator('svg.pictogram path')).toHaveCount(4);
    for (const line of await lines.all()) {
      const picture = line.locator('svg.pictogram');
      await expect(picture).toHaveAttribute('aria-hidden', 'true');
      await expect(picture.locator('path')).toHaveCount(1);
      expect((await line.textContent())?.split(/[.!?]\s/).length).toBe(1);
    }
  });

  test('turns the accessibility statement into short pictured lines', async ({ page }) => {
    await visit(page, '/accessibility', EASY_READ);
    await expect(page.locator('h1')).toHaveText('How easy Signpost is to use');
    const pictured = await page.locator('main .easy-line').count();
    expect(pictured).toBeGreaterThan(40);
    await expect(page.locator('main .easy-line svg.pictogram path')).toHaveCount(pictured);
  });

  test('comes back as it was chosen, and leaves again for plain English', async ({ page }) => {
    await visit(page, '/', EASY_READ);
    await page.reload();
    await settle(page);
    await expect(page.locator('h1')).toHaveText('Find help in Essex');
    await chooseLanguage(page, 'en');
    await expect(page.locator('h1')).toHaveText('Find support in Essex');
    await expect(page.locator('main .easy-line')).toHaveCount(0);
    await expect(page.locator('html')).not.toHaveClass(/(^|\s)easy-read(\s|$)/);
  });
});

test.describe('offline, every language is there', () => {
  test('switches to languages never opened before with no connection', async ({ page, context }) => {
    await visit(page, '/accessibility', 'en');
    await controlledByServiceWorker(page);
    await context.setOffline(true);
    for (const code of ['ur', EASY_READ, 'bn']) {
      await chooseLanguage(page, code);
      await expect(page.locator('html')).toHaveAttribute(
        'lang',
        LANGUAGES.find((l) => l.code === code)?.htmlLang as string,
      );
      await settle(page);
      // The whole statement, not only its heading: six sections or more.
      await expect(page.locator('main section').nth(5)).toBeAttached();
    }
    await expect(page.locator('.easy-line'), 'Bengali shows no Easy Read lines').toHaveCount(0);
  });
});

test.describe('display settings', () => {
  const root = (page: Page) => page.locator('html');

  test('offer three text sizes and four colour choices, applied at once and remembered', async ({ page }) => {
    await visit(page, '/', 'en');
    await page.getByRole('button', { name: 'Display settings' }).click();
    await expect(page.getByRole('group', { name: 'Text size' }).getByRole('radio')).toHaveCount(3);
    await expect(page.getByRole('group', { name: 'Colours' }).getByRole('radio')).toHaveCount(4);
    await page.getByRole('radio', { name: 'Larger' }).check();
    await expect(root(page)).toHaveCSS('font-size', '24px');
    await page.getByRole('radio', { name: 'Large', exact: true }).check();
    await expect(root(page)).toHaveCSS('font-size', '20px');
    await page.getByRole('radio', { name: 'Dark', exact: true }).check();
    await expect(root(page)).toHaveCSS('background-color', 'rgb(20, 24, 28)');
    await visit(page, '/privacy');
    await expect(root(page)).toHaveCSS('font-size', '20px');
    await expect(root(page)).toHaveCSS('background-color', 'rgb(20, 24, 28)');
  });

  test('appear whole, so nothing moves under someone tabbing through them', async ({ page, context }) => {
    // The follow-up setting's words are held back, as on a slow connection.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await context.route(/\/assets\/evidence-[^/]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await visit(page, '/', 'en');
    await page.getByRole('button', { name: 'Display settings' }).click();
    const panel = page.locator('#display-settings');
    await expect(panel.getByText('Loading…')).toBeVisible();
    await expect(panel.getByRole('group'), 'no part of the panel before the rest').toHaveCount(0);
    release();
    await expect(panel.getByRole('group')).toHaveCount(3);
    await expect(panel.getByRole('group', { name: /Ask me later/ })).toBeVisible();
  });

  test.describe('on a device set to dark', () => {
    test.use({ colorScheme: 'dark' });
    test('follow the device, unless the person chose light', async ({ page }) => {
      await visit(page, '/', 'en');
      await expect(root(page)).toHaveCSS('background-color', 'rgb(20, 24, 28)');
      await page.getByRole('button', { name: 'Display settings' }).click();
      await page.getByRole('radio', { name: 'Light', exact: true }).check();
      await expect(root(page)).toHaveCSS('background-color', 'rgb(255, 255, 255)');
      await page.emulateMedia({ colorScheme: 'light' });
      await page.getByRole('radio', { name: /same as my device/ }).check();
      await page.emulateMedia({ colorScheme: 'dark' });
      await expect(root(page)).toHaveCSS('background-color', 'rgb(20, 24, 28)');
    });
  });

  test.describe('on a device that forces its own colours', () => {
    test.use({ forcedColors: 'active' });
    test('keep a visible focus ring', async ({ page }) => {
      await visit(page, '/', 'en');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      const focused = page.locator(':focus');
      await expect(focused).toHaveCSS('outline-style', 'solid');
      const width = await focused.evaluate((el) => parseFloat(getComputedStyle(el).outlineWidth));
      expect(width).toBeGreaterThanOrEqual(2);
    });
  });
});

test.describe('Listen', () => {
  test.beforeEach(async ({ context }) => {
    await context.addInitScript(fakeSpeech);
  });

  const listen = (page: Page) => page.getByRole('button', { name: 'Listen to this page' });
  const stop = (page: Page) => page.getByRole('button', { name: 'Stop reading' });

  test('stays hidden until the device has a voice for the page, then reads the page in its language', async ({
    page,
  }) => {
    await visit(page, '/', 'en');
    await expect(listen(page)).toHaveCount(0);
    await addVoice(page, 'en-GB');
    await listen(page).click();
    await expect(stop(page)).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Reading aloud' })).toBeVisible();
    const said = await spoken(page);
    expect(said[0]).toEqual({ text: 'Find support in Essex', lang: 'en-GB', voice: 'en-GB voice' });
    expect(said.map((s) => s.text)).toContain('Staying well');
    expect(said.map((s) => s.text).join(' ')).not.toContain('Listen to this page');
  });

  test('stops with Escape, and with its own button', async ({ page }) => {
    await visit(page, '/privacy', 'en');
    await addVoice(page, 'en-GB');
    await listen(page).click();
    await expect(stop(page)).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(listen(page)).toBeVisible();
    await expect(page.locator('.listen__status')).toHaveText('');
    await listen(page).click();
    await stop(page).click();
    await expect(listen(page)).toBeVisible();
    // Escape works the moment the button offers Stop, before the next frame is painted.
    const offeredThenStopped = await page.evaluate(async () => {
      const button = document.querySelector<HTMLButtonElement>('.listen__button')!;
      button.click();
      await Promise.resolve();
      const offered = button.textContent;
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
      await Promise.resolve();
      return [offered, button.textContent];
    });
    expect(offeredThenStopped).toEqual(['Stop reading', 'Listen to this page']);
    await listen(page).click();
    await expect(stop(page)).toBeVisible();
    await finishSpeaking(page);
    await expect(listen(page)).toBeVisible();
  });

  test('speaks Polish with a Polish voice', async ({ page }) => {
    await visit(page, '/', 'pl');
    await addVoice(page, 'en-GB');
    await addVoice(page, 'pl-PL');
    await page.locator('.listen__button').click();
    await expect
      .poll(async () => (await spoken(page))[0])
      .toEqual({
        text: 'Znajdź wsparcie w Essex',
        lang: 'pl',
        voice: 'pl-PL voice',
      });
  });

  test('is not offered in Urdu where the device has no Urdu voice', async ({ page }) => {
    await visit(page, '/', 'ur');
    await addVoice(page, 'en-GB');
    await expect(page.locator('.listen__button')).toHaveCount(0);
    // The same page in English, with the same voices, offers it: the check above could fail.
    await chooseLanguage(page, 'en');
    await expect(listen(page)).toBeVisible();
  });

  test('reads Easy Read without reading out the pictures', async ({ page }) => {
    await visit(page, '/', EASY_READ);
    await addVoice(page, 'en-GB');
    // Easy Read words its button its own way: the button is the one that reads the page.
    await page.locator('.listen__button').click();
    await expect
      .poll(async () => (await spoken(page)).map((s) => s.text).slice(0, 3))
      .toEqual([
        'Find help in Essex',
        'Signpost helps you find help near you.',
        'It is for adults and for carers.',
      ]);
  });

  test('hides itself offline when the only voice needs the network', async ({ page, context }) => {
    await visit(page, '/', 'en');
    await controlledByServiceWorker(page);
    await addVoice(page, 'en-GB', false);
    await expect(listen(page)).toBeVisible();
    await context.setOffline(true);
    await expect(listen(page)).toHaveCount(0);
    await context.setOffline(false);
    await expect(listen(page)).toBeVisible();
  });
});

// The menu's own links are followed by script; each also works as a plain link.
test('offers each language as a link that keeps the page', async ({ page }) => {
  await visit(page, '/accessibility', 'en');
  await languageButton(page).click();
  await expect(languageLink(page, 'ur')).toHaveAttribute('href', '/accessibility?lng=ur');
});
