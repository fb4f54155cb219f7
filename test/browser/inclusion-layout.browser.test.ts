import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { LANGUAGES } from '../../src/domain/languages.ts';
import { expect, test } from '../support/fixtures.ts';
import {
  applyTextSpacing,
  clippedText,
  doubleTextSize,
  sidewaysScroll,
  smallTargets,
} from '../support/layout.ts';
import { PAGES } from '../support/pages.ts';
import type { Api } from '../support/test-server.ts';
import { sampleServiceId, visit, visitPage } from '../support/visit.ts';

/**
 * The layout holds for everyone: targets big enough for a finger or a shaking hand, no sideways
 * scrolling on a 320 px screen even with text at twice its size, nothing cut off when a person widens
 * the spacing of text, and right-to-left pages that mirror. Every page in English, Arabic and Easy Read;
 * the app's own pages and each distinct layout in every other language (the reason is in
 * inclusion-axe.browser.test.ts).
 */

test.use({ viewport: { width: 320, height: 640 } });

let serviceId: string | undefined;
let sentFeedback = false;

/**
 * The analysts' pages hold their widest tables once people have answered: a response that says the
 * person does not feel safe, with their words, and needs nobody could meet. Sent once to each worker's
 * server, so the pages are checked full whatever other tests ran there first.
 */
async function sendFeedbackThatFillsTheTables(api: Api): Promise<void> {
  const createdAt = new Date().toISOString();
  const notFound = (needs: string[], district: string) => ({
    kind: 'found',
    id: randomUUID(),
    createdAt,
    source: 'search',
    answer: 'no',
    needs,
    district,
  });
  const sent = await api.post('/api/v1/feedback', [
    {
      kind: 'experience',
      id: randomUUID(),
      createdAt,
      formVersion: 1,
      answers: { control: 'none', safe: 'not-safe' },
      words: 'Nobody came back to me about the handrails, and I am frightened on the stairs at night.',
      consent: { storeWords: true, quote: false, contact: false },
      respondent: 'resident',
      howAnswered: 'own',
      channel: 'self-online',
      district: 'tendring',
    },
    notFound(['money', 'caring'], 'tendring'),
    notFound(['caring'], 'uttlesford'),
  ]);
  expect(sent.status, 'the feedback that fills the analysts’ tables is taken').toBe(200);
}

test.beforeEach(async ({ api }) => {
  serviceId ??= await sampleServiceId(api);
  if (!sentFeedback) await sendFeedbackThatFillsTheTables(api);
  sentFeedback = true;
});

const FULL_PASS = ['en', 'ar', 'en-easy'];

for (const { code: lng } of LANGUAGES) {
  const pages = PAGES.filter((p) => FULL_PASS.includes(lng) || p.shell || p.layout);
  test(`the layout in ${lng} holds on each of its ${pages.length} pages`, async ({ page, signIn }) => {
    // A guard for a busy machine, by the number of pages: each is opened and measured three ways.
    test.setTimeout(20_000 * pages.length);
    for (const appPage of pages) {
      await test.step(appPage.name, async () => {
        const on = (what: string) => `${appPage.name}: ${what}`;
        await visitPage(page, appPage, { serviceId: serviceId as string, lng, signIn });
        expect.soft(await smallTargets(page), on('targets under 44 × 44 px')).toEqual([]);
        expect.soft(await sidewaysScroll(page), on('sideways scroll at 320 px')).toBe(0);
        expect.soft(await clippedText(page), on('cut off at 320 px')).toEqual([]);

        const restoreTextSize = await doubleTextSize(page);
        expect.soft(await sidewaysScroll(page), on('sideways scroll at 320 px with text at 200%')).toBe(0);
        expect.soft(await clippedText(page), on('cut off with text at 200%')).toEqual([]);

        await restoreTextSize();
        await applyTextSpacing(page);
        expect.soft(await sidewaysScroll(page), on('sideways scroll with wider text spacing')).toBe(0);
        expect.soft(await clippedText(page), on('cut off with wider text spacing (WCAG 1.4.12)')).toEqual([]);
      });
    }
  });
}

test('the layout checks find a small button, a page wider than the screen and clipped words', async ({
  page,
}) => {
  await visit(page, '/', 'en');
  await page.evaluate(() => {
    const button = document.createElement('button');
    button.textContent = 'x';
    button.style.padding = '0';
    const wide = document.createElement('p');
    wide.textContent = 'A line of words that will not wrap however narrow the screen becomes';
    wide.style.whiteSpace = 'nowrap';
    wide.style.overflow = 'hidden';
    wide.style.width = '100px';
    const tooWide = document.createElement('div');
    tooWide.style.width = '600px';
    tooWide.textContent = 'wide';
    document.querySelector('main')?.append(button, wide, tooWide);
  });
  expect(await smallTargets(page)).toEqual([expect.stringContaining('button "x"')]);
  expect(await clippedText(page)).toEqual(
    expect.arrayContaining([expect.stringContaining('cut off sideways: p "A line of words')]),
  );
  expect(await sidewaysScroll(page)).toBeGreaterThan(0);
});

test('the layout checks let a wide table scroll in its own keyboard-reachable box, and only there', async ({
  page,
}) => {
  await visit(page, '/', 'en');
  await page.evaluate(() => {
    const wideTable = (words: string) => {
      const table = document.createElement('table');
      const cell = table.insertRow().insertCell();
      cell.textContent = `${words} ${'and more words '.repeat(12)}`;
      cell.style.whiteSpace = 'nowrap';
      return table;
    };
    const region = document.createElement('div');
    region.style.overflowX = 'auto';
    region.tabIndex = 0;
    region.append(wideTable('Scrolls in a region'));
    const hidden = document.createElement('div');
    hidden.style.overflowX = 'auto';
    hidden.append(wideTable('Scrolls where no keyboard can reach'));
    document.querySelector('main')?.append(region, hidden, wideTable('Reaches past the screen'));
  });
  const found = await clippedText(page);
  expect(found.join('\n')).not.toContain('Scrolls in a region');
  expect(found).toEqual(
    expect.arrayContaining([
      expect.stringContaining('past the edge of the screen: td "Scrolls where no keyboard can reach'),
      expect.stringContaining('past the edge of the screen: td "Reaches past the screen'),
    ]),
  );
});

test.describe('right to left', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  for (const lng of ['ar', 'ur']) {
    test(`mirrors the layout in ${lng}`, async ({ page }) => {
      await visit(page, '/', lng);
      const layout = await page.evaluate(() => {
        const box = (selector: string) => document.querySelector(selector)!.getBoundingClientRect();
        return {
          width: document.documentElement.clientWidth,
          name: box('.site-header__name'),
          myList: box('.my-list-link'),
          toggle: box('button[aria-controls="language-list"]'),
          cardIcon: box('.theme-card__icon'),
          cardTitle: box('.theme-card__title'),
          cardStripe: getComputedStyle(document.querySelector('.theme-card')!).borderRightWidth,
        };
      });
      // The service's name starts from the right, and My list sits across from it on the left; the
      // language button comes after them, further left on the same row or from the right on the next.
      expect(layout.name.right).toBeGreaterThan(layout.width - 40);
      expect(layout.myList.right).toBeLessThan(layout.name.left);
      expect(layout.myList.left).toBeLessThan(layout.width / 2);
      if (layout.toggle.top >= layout.name.bottom) {
        expect(layout.toggle.right).toBeGreaterThan(layout.width - 40);
      } else {
        expect(layout.toggle.right).toBeLessThan(layout.myList.left);
      }
      // Icons and the coloured stripe lead each card from the right.
      expect(layout.cardIcon.left).toBeGreaterThan(layout.cardTitle.right);
      expect(layout.cardStripe).toBe('8px');

      await visit(page, '/accessibility', lng);
      const bullets = await page.evaluate(() => {
        const list = getComputedStyle(document.querySelector('.bullets')!);
        return { start: parseFloat(list.paddingRight), end: parseFloat(list.paddingLeft) };
      });
      expect(bullets.start, 'list markers on the right').toBeGreaterThan(bullets.end);
    });
  }
});

/** Font families installed on this machine, to check the page picks a font that has the script. */
function installedFonts(): string {
  try {
    return execFileSync('fc-list', [':', 'family'], { encoding: 'utf8' });
  } catch {
    return '';
  }
}

for (const [lng, family, lineHeight] of [
  ['ar', 'Noto Naskh Arabic', 1.7],
  ['ur', 'Noto Nastaliq Urdu', 2.1],
  ['bn', 'Noto Sans Bengali', 1.7],
] as const) {
  test(`in ${lng}, asks for ${family} first and gives its lines room`, async ({ page }) => {
    await visit(page, '/', lng);
    const style = await page.evaluate(() => {
      const paragraph = getComputedStyle(document.querySelector('.lead')!);
      return {
        family: paragraph.fontFamily,
        ratio: parseFloat(paragraph.lineHeight) / parseFloat(paragraph.fontSize),
      };
    });
    expect(style.family.split(',')[0]?.replace(/["']/g, '').trim()).toBe(family);
    expect(style.ratio).toBeGreaterThanOrEqual(lineHeight);
    if (!installedFonts().includes(family)) return;
    // Where the device has the font, the text is really drawn with it (not boxes, not a fallback).
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument');
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '.lead' });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    await cdp.detach();
    expect(fonts.map((font) => font.familyName)).toContain(family);
  });
}
