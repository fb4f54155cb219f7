import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type BrowserSession } from '../support/browser.ts';
import type { RunningServer } from '../support/server.ts';
import { answerUpToCheck, sendFromCheck, startQuestionnaire } from './feedback-helpers.ts';
import { doubleTextSize, sidewaysScroll, startServerWithStaff, visit } from './inclusion-helpers.ts';

/**
 * What a manual WCAG 2.2 audit found on a 320 px phone with the app installed (standalone display):
 * at the app's own "Larger" text and at 200% the page must not scroll sideways when the guided district
 * list or the search filters open, the search box must show a useful number of characters and the
 * language menu must stay on screen (1.4.4, 1.4.10); guided pictures must stand out in the dark and
 * high-contrast themes (1.4.11); and links that stand alone must be 44 px targets.
 */

let server: RunningServer;
let session: BrowserSession;

beforeAll(async () => {
  server = await startServerWithStaff();
  session = await openBrowser({ viewport: { width: 320, height: 640 } });
  // Installed to the home screen: the app reads `display-mode` to know it has no browser chrome.
  const cdp = await session.context.newCDPSession(session.page);
  await cdp.send('Emulation.setEmulatedMedia', { features: [{ name: 'display-mode', value: 'standalone' }] });
});

afterAll(async () => {
  await session?.browser.close();
  await server?.dispose();
});

type TextSize = 'larger' | '200%';

/** Opens a page with the app's own display settings chosen, as a person would have saved them. */
async function open(page: Page, path: string, lng: string, display: { textSize?: string; colours?: string }) {
  await page.goto(server.url + '/');
  await page.evaluate((settings) => {
    localStorage.setItem(
      'signpost.display',
      JSON.stringify({ textSize: 'standard', colours: 'light', ...settings }),
    );
  }, display);
  await visit(page, server, path, lng);
}

async function atTextSize(page: Page, path: string, lng: string, size: TextSize) {
  await open(page, path, lng, { textSize: 'larger' });
  if (size === '200%') await doubleTextSize(page);
}

function boxOf(page: Page, selector: string) {
  return page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const box = el.getBoundingClientRect();
      return { left: box.left, right: box.right, width: box.width, height: box.height };
    });
}

/** How many characters of the input's own font fit in its box, less its padding. */
function charactersShown(page: Page, selector: string) {
  return page.locator(selector).evaluate((input) => {
    const style = getComputedStyle(input);
    const context = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
    context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return Math.floor(room / context.measureText('0').width);
  });
}

describe.each(['en', 'ar'])('at 320 px in %s, installed to the home screen', (lng) => {
  describe.each<[TextSize]>([['larger'], ['200%']])('with text at %s', (size) => {
    it('the guided district list opens without pushing the page sideways', async () => {
      const { page } = session;
      await atTextSize(page, '/help-me-find/where', lng, size);
      await page.locator('#where-district').check();
      await page.locator('#where-district-name').waitFor();
      expect(await sidewaysScroll(page)).toBe(0);
      const select = await boxOf(page, '#where-district-name');
      expect(select.left).toBeGreaterThanOrEqual(0);
      expect(select.right).toBeLessThanOrEqual(320);
    });

    it('the search filters open without pushing the page sideways, and the search box shows ten characters', async () => {
      const { page } = session;
      await atTextSize(page, '/search?q=carers', lng, size);
      expect(await charactersShown(page, '#directory-q')).toBeGreaterThanOrEqual(10);
      await page.locator('.directory-filters__toggle').click();
      await page.locator('.directory-filters.is-open').waitFor();
      expect(await sidewaysScroll(page)).toBe(0);
    });

    it('the home search box shows ten characters', async () => {
      const { page } = session;
      await atTextSize(page, '/', lng, size);
      expect(await charactersShown(page, '#home-search')).toBeGreaterThanOrEqual(10);
      expect(await sidewaysScroll(page)).toBe(0);
    });

    it('the language menu stays on screen', async () => {
      const { page } = session;
      await atTextSize(page, '/', lng, size);
      await page.locator('.language-switch__toggle').click();
      await page.locator('#language-list').waitFor();
      const offScreen = await page.locator('#language-list a').evaluateAll((links) =>
        links
          .map((a) => ({ text: a.textContent ?? '', box: a.getBoundingClientRect() }))
          .filter(({ box }) => box.left < 0 || box.right > document.documentElement.clientWidth)
          .map(({ text, box }) => `${text}: ${Math.round(box.left)}..${Math.round(box.right)}`),
      );
      expect(offScreen).toEqual([]);
      expect(await sidewaysScroll(page)).toBe(0);
    });
  });

  describe.each([['dark'], ['contrast']])('in the %s theme', (colours) => {
    it('guided pictures stand out from the page at 3:1', async () => {
      const { page } = session;
      await open(page, '/help-me-find/who', lng, { colours });
      const ratios = await page.locator('.guided-icon').evaluateAll((icons) => {
        const luminance = (colour: string) => {
          const [r, g, b] = (colour.match(/[\d.]+/g) ?? []).slice(0, 3).map((c) => {
            const s = Number(c) / 255;
            return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
          }) as [number, number, number];
          return 0.2126 * r + 0.7152 * g + 0.0722 * b;
        };
        const page = luminance(
          getComputedStyle(document.body).backgroundColor === 'rgba(0, 0, 0, 0)'
            ? getComputedStyle(document.documentElement).backgroundColor
            : getComputedStyle(document.body).backgroundColor,
        );
        return icons.map((icon) => {
          const ink = luminance(getComputedStyle(icon).color);
          return (Math.max(ink, page) + 0.05) / (Math.min(ink, page) + 0.05);
        });
      });
      expect(ratios.length).toBeGreaterThan(0);
      for (const ratio of ratios) expect(ratio).toBeGreaterThanOrEqual(3);
    });
  });

  it('"Change your answers" on the guided shortlist is a 44 px target, as is each service’s name', async () => {
    const page = await session.context.newPage();
    try {
      await page.goto(`${server.url}/help-me-find?lng=${lng}`);
      await page.locator('a.guided-start').click({ timeout: 60_000 });
      const next = () => page.locator('.guided-actions button[type="submit"]').click();
      await page.locator('#who-someone-i-look-after').check();
      await next();
      await page.locator('#where-district').check();
      await page.locator('#where-district-name').selectOption('maldon');
      await next();
      await page.locator('#hard-hospital').check();
      await next();
      await page.locator('#kind-equipment').check();
      await next();
      await page.locator('#age-65-and-over').check();
      await next();
      await page.locator('.guided-summary').waitFor();
      await page.locator('.guided-actions a.button').first().click();
      await page.locator('.guided-service').first().waitFor();
      const change = await boxOf(page, 'main a[href="/help-me-find/check"]:not(.back-link)');
      expect(change.height).toBeGreaterThanOrEqual(44);
      const name = await boxOf(page, '.guided-service__name a');
      expect(name.height).toBeGreaterThanOrEqual(44);
    } finally {
      await page.close();
    }
  });

  it('"Go to the Signpost home page" after sending feedback is a 44 px target', async () => {
    const { page } = session;
    await open(page, '/feedback', lng, {});
    await startQuestionnaire(page);
    await answerUpToCheck(page, {
      respondent: 'resident',
      answers: { control: 'enough' },
    });
    await sendFromCheck(page);
    const home = await boxOf(page, 'main a[href="/"]');
    expect(home.height).toBeGreaterThanOrEqual(44);
  });
});
