import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EASY_READ, LANGUAGES } from '../../src/domain/languages.ts';
import { openBrowser, waitForServiceWorker, type BrowserSession } from '../support/browser.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { settle, visit } from './inclusion-helpers.ts';

/** Languages, Easy Read, display settings and read-aloud, as a person meets them in a real browser. */

let server: RunningServer;
let session: BrowserSession;

beforeAll(async () => {
  server = await startServer();
  session = await openBrowser();
});

afterAll(async () => {
  await session?.browser.close();
  await server?.dispose();
});

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

const documentLanguage = (page: Page) =>
  page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]);

describe('the language switch', () => {
  it('names every language in itself, marked with its language, English and Easy Read first', async () => {
    const { page } = session;
    await visit(page, server, '/', 'en');
    await page.locator('.language-switch__toggle').click();
    const offered = await page
      .locator('#language-list a > span[lang]')
      .evaluateAll((names) =>
        names.map((name) => [name.textContent, name.getAttribute('lang'), name.getAttribute('dir')]),
      );
    expect(offered).toEqual(LANGUAGES.map((l) => [l.nativeName, l.htmlLang, l.dir]));
    // A helper who reads only English can still find "Polish" for the person they are with.
    expect(await page.locator('#language-list').textContent()).toContain('Polish');
  });

  it.each(LANGUAGES.map((l) => [l.code, l] as const))(
    'switches the whole shell to %s',
    async (code, language) => {
      const { page } = session;
      await visit(page, server, '/', 'en');
      await page.locator('.language-switch__toggle').click();
      await page.locator(`#language-list a[href$="lng=${code}"]`).click();
      await expect.poll(() => page.locator('h1').textContent()).toBe(HOME_TITLES[code]);
      expect(await documentLanguage(page)).toEqual([language.htmlLang, language.dir]);
      await expect.poll(() => page.title()).toBe(`${HOME_TITLES[code]} – Signpost`);
      await page.reload();
      await expect.poll(() => page.locator('h1').textContent()).toBe(HOME_TITLES[code]);
    },
  );

  it.each([
    ['pl-PL', 'pl'],
    ['ro-RO', 'ro'],
    ['pt-BR', 'pt'],
    ['ur-PK', 'ur'],
  ])('guesses %s from the browser on a first visit', async (locale, code) => {
    const fresh = await openBrowser({ locale });
    try {
      await fresh.page.goto(server.url + '/');
      await expect.poll(() => fresh.page.locator('h1').textContent()).toBe(HOME_TITLES[code]);
    } finally {
      await fresh.browser.close();
    }
  });

  it.each(LANGUAGES.map((l) => [l.code]))('never shows the translators’ notes in %s', async (code) => {
    const { page } = session;
    await visit(page, server, '/accessibility', code);
    const text = await page.locator('body').innerText();
    expect(text).not.toMatch(/awaiting|translatedFrom|_meta/);
  });

  it.each([
    ['en', '24 November 2026'],
    [EASY_READ, '24 November 2026'],
    ['pl', '24 listopada 2026'],
    ['lt', '2026 m. lapkričio 24 d.'],
    ['bn', '২৪ নভেম্বর, ২০২৬'],
    ['pt', '24 de novembro de 2026'],
  ])('writes dates the way %s does', async (code, date) => {
    const { page } = session;
    await visit(page, server, '/accessibility', code);
    expect(await page.locator('.meta').textContent()).toContain(date);
  });
});

describe('Easy Read', () => {
  it('is English for the page, with one idea a line and a picture beside each', async () => {
    const { page } = session;
    await visit(page, server, '/', EASY_READ);
    expect(await documentLanguage(page)).toEqual(['en-GB', 'ltr']);
    const lines = page.locator('.easy-lines .easy-line');
    expect(await lines.count()).toBe(4);
    // The pictures are their own small file, drawn as soon as it arrives.
    await expect.poll(() => page.locator('.easy-lines svg.pictogram path').count()).toBe(4);
    for (const line of await lines.all()) {
      const picture = line.locator('svg.pictogram');
      expect(await picture.getAttribute('aria-hidden')).toBe('true');
      expect(await picture.locator('path').count()).toBe(1);
      expect((await line.textContent())?.split(/[.!?]\s/).length).toBe(1);
    }
  });

  it('turns the accessibility statement into short pictured lines', async () => {
    const { page } = session;
    await visit(page, server, '/accessibility', EASY_READ);
    expect(await page.locator('h1').textContent()).toBe('How easy Signpost is to use');
    const pictured = await page.locator('main .easy-line').count();
    expect(pictured).toBeGreaterThan(40);
    await expect.poll(() => page.locator('main .easy-line svg.pictogram path').count()).toBe(pictured);
  });

  it('comes back as it was chosen, and leaves again for plain English', async () => {
    const { page } = session;
    await visit(page, server, '/', EASY_READ);
    await page.reload();
    await settle(page);
    expect(await page.locator('h1').textContent()).toBe('Find help in Essex');
    await page.locator('.language-switch__toggle').click();
    await page.locator('#language-list a[href$="lng=en"]').click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Find support in Essex');
    expect(await page.locator('main .easy-line').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.classList.contains('easy-read'))).toBe(false);
  });
});

describe('offline, every language is there', () => {
  it('switches to languages never opened before with no connection', async () => {
    const fresh = await openBrowser();
    try {
      await visit(fresh.page, server, '/accessibility', 'en');
      await waitForServiceWorker(fresh.page);
      await fresh.context.setOffline(true);
      for (const code of ['ur', EASY_READ, 'bn']) {
        await fresh.page.locator('.language-switch__toggle').click();
        await fresh.page.locator(`#language-list a[href$="lng=${code}"]`).click();
        await settle(fresh.page);
        await expect
          .poll(() => fresh.page.evaluate(() => document.documentElement.lang))
          .toBe(LANGUAGES.find((l) => l.code === code)?.htmlLang);
        expect(await fresh.page.locator('main section').count()).toBeGreaterThan(5);
      }
      if (await fresh.page.locator('.easy-line').count()) throw new Error('Bengali shows Easy Read lines');
    } finally {
      await fresh.browser.close();
    }
  });
});

describe('display settings', () => {
  const look = (page: Page) =>
    page.evaluate(() => ({
      classes: document.documentElement.className,
      size: getComputedStyle(document.documentElement).fontSize,
      paper: getComputedStyle(document.documentElement).backgroundColor,
    }));

  it('offer three text sizes and four colour choices, applied at once and remembered', async () => {
    const fresh = await openBrowser();
    try {
      const { page } = fresh;
      await visit(page, server, '/', 'en');
      await page.getByRole('button', { name: 'Display settings' }).click();
      await page.getByRole('group', { name: 'Text size' }).waitFor();
      expect(await page.getByRole('group', { name: 'Text size' }).getByRole('radio').count()).toBe(3);
      expect(await page.getByRole('group', { name: 'Colours' }).getByRole('radio').count()).toBe(4);
      await page.getByRole('radio', { name: 'Larger' }).check();
      expect((await look(page)).size).toBe('24px');
      await page.getByRole('radio', { name: 'Large', exact: true }).check();
      expect((await look(page)).size).toBe('20px');
      await page.getByRole('radio', { name: 'Dark', exact: true }).check();
      expect((await look(page)).paper).toBe('rgb(20, 24, 28)');
      await page.goto(server.url + '/privacy');
      await settle(page);
      expect(await look(page)).toEqual(expect.objectContaining({ size: '20px', paper: 'rgb(20, 24, 28)' }));
    } finally {
      await fresh.browser.close();
    }
  });

  it('follow a device set to dark, unless the person chose light', async () => {
    const browser = await openBrowser();
    const dark = await browser.browser.newContext({
      colorScheme: 'dark',
      viewport: { width: 390, height: 844 },
    });
    try {
      const page = await dark.newPage();
      await visit(page, server, '/', 'en');
      expect(await look(page)).toEqual(expect.objectContaining({ paper: 'rgb(20, 24, 28)' }));
      await page.getByRole('button', { name: 'Display settings' }).click();
      await page.getByRole('radio', { name: 'Light', exact: true }).check();
      expect((await look(page)).paper).toBe('rgb(255, 255, 255)');
      await page.emulateMedia({ colorScheme: 'light' });
      await page.getByRole('radio', { name: /same as my device/ }).check();
      await page.emulateMedia({ colorScheme: 'dark' });
      await expect.poll(async () => (await look(page)).paper).toBe('rgb(20, 24, 28)');
    } finally {
      await dark.close();
      await browser.browser.close();
    }
  });

  it('keep a visible focus ring when the device forces its own colours', async () => {
    const { page } = session;
    await visit(page, server, '/', 'en');
    await page.emulateMedia({ forcedColors: 'active' });
    try {
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      const outline = await page.evaluate(() => {
        const style = getComputedStyle(document.activeElement as Element);
        return [style.outlineStyle, parseFloat(style.outlineWidth)];
      });
      expect(outline[0]).toBe('solid');
      expect(outline[1]).toBeGreaterThanOrEqual(2);
    } finally {
      await page.emulateMedia({ forcedColors: 'none' });
    }
  });
});

/**
 * The device's speech, stood in for: headless Chromium has no voices. The stand-in records what it is
 * asked to say and lets the test add voices (as `voiceschanged` does) and finish speaking.
 */
function fakeSpeech() {
  const voices: Array<{ name: string; lang: string; localService: boolean; default: boolean }> = [];
  const queue: Array<{
    text: string;
    lang: string;
    voice: { name: string };
    onend?: () => void;
    onerror?: (e: unknown) => void;
  }> = [];
  const synth = new EventTarget() as EventTarget & Record<string, unknown>;
  const record = { spoken: [] as Array<{ text: string; lang: string; voice: string }>, cancelled: 0 };
  Object.assign(synth, {
    getVoices: () => voices,
    speak(utterance: (typeof queue)[number]) {
      queue.push(utterance);
      record.spoken.push({ text: utterance.text, lang: utterance.lang, voice: utterance.voice?.name });
    },
    cancel() {
      record.cancelled++;
      for (const utterance of queue.splice(0)) utterance.onerror?.({ error: 'canceled' });
    },
  });
  class Utterance {
    text: string;
    lang = '';
    voice: unknown = null;
    constructor(text: string) {
      this.text = text;
    }
  }
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
  Object.assign(window, {
    __speech: record,
    __addVoice(lang: string, localService: boolean) {
      voices.push({ name: `${lang} voice`, lang, localService, default: false });
      synth.dispatchEvent(new Event('voiceschanged'));
    },
    __finishSpeaking() {
      for (const utterance of queue.splice(0)) utterance.onend?.();
    },
  });
}

describe('Listen', () => {
  let listening: BrowserSession;
  beforeAll(async () => {
    listening = await openBrowser();
    await listening.context.addInitScript(fakeSpeech);
  });
  afterAll(async () => {
    await listening?.browser.close();
  });

  const listen = (page: Page) => page.locator('.listen__button');
  const spoken = (page: Page) =>
    page.evaluate(
      () =>
        (window as unknown as { __speech: { spoken: Array<{ text: string; lang: string }> } }).__speech
          .spoken,
    );

  it('stays hidden until the device has a voice for the page, then reads the page in its language', async () => {
    const { page } = listening;
    await visit(page, server, '/', 'en');
    expect(await listen(page).count()).toBe(0);
    await page.evaluate(() =>
      (window as unknown as { __addVoice: (l: string, local: boolean) => void }).__addVoice('en-GB', true),
    );
    await listen(page).waitFor();
    expect(await listen(page).textContent()).toBe('Listen to this page');
    await listen(page).click();
    const said = await spoken(page);
    expect(said[0]).toEqual({ text: 'Find support in Essex', lang: 'en-GB', voice: 'en-GB voice' });
    expect(said.map((s) => s.text)).toContain('Staying well');
    expect(said.map((s) => s.text).join(' ')).not.toContain('Listen to this page');
    expect(await listen(page).textContent()).toBe('Stop reading');
    expect(await page.locator('.listen__status').textContent()).toContain('Reading aloud');
  });

  it('stops with Escape, and with its own button', async () => {
    const { page } = listening;
    await visit(page, server, '/privacy', 'en');
    await page.evaluate(() =>
      (window as unknown as { __addVoice: (l: string, local: boolean) => void }).__addVoice('en-GB', true),
    );
    await listen(page).click();
    await expect.poll(() => listen(page).textContent()).toBe('Stop reading');
    await page.keyboard.press('Escape');
    await expect.poll(() => listen(page).textContent()).toBe('Listen to this page');
    expect(await page.locator('.listen__status').textContent()).toBe('');
    await listen(page).click();
    await expect.poll(() => listen(page).textContent()).toBe('Stop reading');
    await listen(page).click();
    await expect.poll(() => listen(page).textContent()).toBe('Listen to this page');
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
    await page.evaluate(() => (window as unknown as { __finishSpeaking: () => void }).__finishSpeaking());
    await expect.poll(() => listen(page).textContent()).toBe('Listen to this page');
  });

  it('speaks Polish with a Polish voice, and is not offered in Urdu where the device has none', async () => {
    const { page } = listening;
    await visit(page, server, '/', 'pl');
    await page.evaluate(() => {
      const add = (window as unknown as { __addVoice: (l: string, local: boolean) => void }).__addVoice;
      add('en-GB', true);
      add('pl-PL', true);
    });
    await listen(page).click();
    expect((await spoken(page))[0]).toEqual({
      text: 'Znajdź wsparcie w Essex',
      lang: 'pl',
      voice: 'pl-PL voice',
    });
    await visit(page, server, '/', 'ur');
    await page.evaluate(() =>
      (window as unknown as { __addVoice: (l: string, local: boolean) => void }).__addVoice('en-GB', true),
    );
    expect(await listen(page).count()).toBe(0);
  });

  it('reads Easy Read without reading out the pictures', async () => {
    const { page } = listening;
    await visit(page, server, '/', EASY_READ);
    await page.evaluate(() =>
      (window as unknown as { __addVoice: (l: string, local: boolean) => void }).__addVoice('en-GB', true),
    );
    await listen(page).click();
    const texts = (await spoken(page)).map((s) => s.text);
    expect(texts.slice(0, 3)).toEqual([
      'Find help in Essex',
      'Signpost helps you find help near you.',
      'It is for adults and for carers.',
    ]);
  });

  it('hides itself offline when the only voice needs the network', async () => {
    const { page, context } = listening;
    await visit(page, server, '/', 'en');
    await waitForServiceWorker(page);
    await page.evaluate(() =>
      (window as unknown as { __addVoice: (l: string, local: boolean) => void }).__addVoice('en-GB', false),
    );
    await listen(page).waitFor();
    await context.setOffline(true);
    try {
      await expect.poll(() => listen(page).count()).toBe(0);
    } finally {
      await context.setOffline(false);
    }
    await listen(page).waitFor();
  });
});
