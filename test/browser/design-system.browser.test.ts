import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { EXAMPLE_WORDS, exampleMarkup } from '../fixtures/design-system.ts';
import { findAccessibilityViolations } from '../support/axe.ts';
import { expect, test } from '../support/fixtures.ts';
import { distDir } from '../support/server.ts';

/**
 * The design system's shared components in every state, rendered with only the stylesheet the built
 * index.html links (what every page has before any feature loads), in each theme and language: axe finds
 * nothing, and what axe does not measure (the edges that carry meaning, the disabled look, the size of
 * each target) is measured here.
 */

const THEMES = ['light', 'dark', 'contrast'] as const;
type Theme = (typeof THEMES)[number];

function shellStylesheet(): string {
  const client = join(distDir, 'client');
  const html = readFileSync(join(client, 'index.html'), 'utf8');
  const hrefs = [...html.matchAll(/<link rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1] as string);
  expect(hrefs.length).toBeGreaterThan(0);
  return hrefs.map((href) => readFileSync(join(client, href), 'utf8')).join('\n');
}

test.use({ viewport: { width: 320, height: 800 } });

// Read when the first test needs it: the run builds the app after it has listed the tests.
let css: string | undefined;

async function render(page: Page, theme: Theme, lng: 'en' | 'ar'): Promise<void> {
  const words = EXAMPLE_WORDS[lng];
  const themeClass = theme === 'light' ? '' : `theme-${theme}`;
  await page.setContent(
    `<!doctype html><html lang="${words.lang}" dir="${words.dir}" class="${themeClass}"><head>` +
      `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${words.title}</title>` +
      `<style>${(css ??= shellStylesheet())}</style></head><body><div id="app">${exampleMarkup(words)}</div></body></html>`,
  );
}

/** WCAG contrast of two computed colours (opaque ones, as every token is). */
function contrastIn(page: Page, selector: string, foreground: string, background: string) {
  return page.locator(selector).evaluateAll(
    (elements, [fg, bg]) => {
      const channels = (colour: string) => (colour.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
      const luminance = (colour: string) => {
        const [r, g, b] = channels(colour).map((c) => {
          const s = c / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        }) as [number, number, number];
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const pageBackground = getComputedStyle(document.documentElement).backgroundColor;
      return elements.map((el) => {
        const style = getComputedStyle(el);
        const read = (what: string) =>
          what === 'page' ? pageBackground : style.getPropertyValue(what as string);
        const [a, b] = [luminance(read(fg as string)), luminance(read(bg as string))];
        const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        return { what: el.getAttribute('data-tone') ?? el.className, ratio: Math.round(ratio * 100) / 100 };
      });
    },
    [foreground, background],
  );
}

for (const [theme, lng] of THEMES.flatMap((theme) =>
  (['en', 'ar'] as const).map((lng) => [theme, lng] as const),
)) {
  test.describe(`the shared components, ${theme} theme, in ${lng}`, () => {
    test('pass axe in every state: buttons (disabled, secondary, warning), panels, insets, links, forms', async ({
      page,
    }) => {
      await render(page, theme, lng);
      await expect(page.locator('html')).toHaveAttribute('dir', lng === 'ar' ? 'rtl' : 'ltr');
      expect(await findAccessibilityViolations(page)).toEqual([]);
    });

    test('keep panel text at 4.5:1 on its own background, and panel edges at 3:1 against the page', async ({
      page,
    }) => {
      await render(page, theme, lng);
      for (const { what, ratio } of await contrastIn(page, '.panel', 'color', 'background-color')) {
        expect(ratio, `text of the ${what} panel`).toBeGreaterThanOrEqual(4.5);
      }
      for (const { what, ratio } of await contrastIn(
        page,
        '.panel:not([data-tone="plain"])',
        'border-top-color',
        'page',
      )) {
        expect(ratio, `edge of the ${what} panel`).toBeGreaterThanOrEqual(3);
      }
      for (const { what, ratio } of await contrastIn(page, '.inset', 'color', 'background-color')) {
        expect(ratio, `text of the ${what} inset`).toBeGreaterThanOrEqual(4.5);
      }
    });

    test('dim a disabled button with the shell stylesheet alone, and leave an enabled one as it is', async ({
      page,
    }) => {
      await render(page, theme, lng);
      const look = (selector: string) =>
        page.locator(selector).evaluateAll((buttons) =>
          buttons.map((b) => ({
            opacity: getComputedStyle(b).opacity,
            cursor: getComputedStyle(b).cursor,
          })),
        );
      for (const state of await look('[data-state="disabled"] .button')) {
        expect(state).toEqual({ opacity: '0.6', cursor: 'not-allowed' });
      }
      for (const state of await look('.button:not(:disabled):not([aria-disabled="true"])')) {
        expect(state).toEqual({ opacity: '1', cursor: 'pointer' });
      }
    });

    test('make every button, link and field a target of at least 44 by 44 px, with nothing pushed sideways at 320 px', async ({
      page,
    }) => {
      await render(page, theme, lng);
      const small = await page
        .locator('.button, .tap-target, .link-list a, input, select')
        .evaluateAll((elements) =>
          elements
            .map((el) => ({ text: (el.textContent ?? el.id).trim(), box: el.getBoundingClientRect() }))
            .filter(({ box }) => box.height < 44 || box.width < 44)
            .map(({ text, box }) => `${text}: ${Math.round(box.width)}×${Math.round(box.height)}`),
        );
      expect(small).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    });
  });
}
