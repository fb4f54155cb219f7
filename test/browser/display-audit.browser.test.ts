import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures.ts';
import { doubleTextSize, sidewaysScroll } from '../support/layout.ts';
import { emulateStandalone, standaloneStyles } from '../support/installed.ts';
import { answerUpToCheck, sendFromCheck, startQuestionnaire } from '../support/questionnaire.ts';
import { languageButton, visit, withDisplay } from '../support/visit.ts';

/**
 * What a manual WCAG 2.2 audit found on a 320 px phone with the app installed (standalone display):
 * at the app's own "Larger" text and at 200% the page must not scroll sideways when the guided district
 * list or the search filters open, the search box must show a useful number of characters and the
 * language menu must stay on screen (1.4.4, 1.4.10); guided pictures must stand out in the dark and
 * high-contrast themes (1.4.11); and links that stand alone must be 44 px targets.
 */

test.use({ viewport: { width: 320, height: 640 } });

test.beforeEach(async ({ context, page }) => {
  // Installed to the home screen: the app's script and its style sheets both see `display-mode: standalone`.
  await emulateStandalone(context);
  await standaloneStyles(page);
});

type TextSize = 'larger' | '200%';

async function atTextSize(page: Page, path: string, lng: string, size: TextSize) {
  await withDisplay(page, { textSize: 'larger' });
  await visit(page, path, lng);
  if (size === '200%') await doubleTextSize(page);
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

async function heightOf(page: Page, selector: string): Promise<number> {
  const box = await page.locator(selector).first().boundingBox();
  return box?.height ?? 0;
}

for (const lng of ['en', 'ar']) {
  test.describe(`at 320 px in ${lng}, installed to the home screen`, () => {
    for (const size of ['larger', '200%'] as const) {
      test.describe(`with text at ${size}`, () => {
        test('the guided district list opens without pushing the page sideways', async ({ page }) => {
          await atTextSize(page, '/help-me-find/where', lng, size);
          await page.locator('#where-district').check();
          const list = page.locator('#where-district-name');
          await expect(list).toBeVisible();
          expect(await sidewaysScroll(page)).toBe(0);
          const box = await list.boundingBox();
          expect(box?.x).toBeGreaterThanOrEqual(0);
          expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(320);
        });

        test('the search filters open without pushing the page sideways, and the search box shows ten characters', async ({
          page,
        }) => {
          await atTextSize(page, '/search?q=carers', lng, size);
          expect(await charactersShown(page, '#directory-q')).toBeGreaterThanOrEqual(10);
          const toggle = page.locator('.directory-filters__toggle');
          await toggle.click();
          await expect(toggle).toHaveAttribute('aria-expanded', 'true');
          await expect(page.locator('#directory-filters')).toBeVisible();
          expect(await sidewaysScroll(page)).toBe(0);
        });

        test('the home search box shows ten characters', async ({ page }) => {
          await atTextSize(page, '/', lng, size);
          expect(await charactersShown(page, '#home-search')).toBeGreaterThanOrEqual(10);
          expect(await sidewaysScroll(page)).toBe(0);
        });

        test('the language menu stays on screen', async ({ page }) => {
          await atTextSize(page, '/', lng, size);
          await languageButton(page).click();
          await expect(page.locator('#language-list')).toBeVisible();
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
    }

    for (const colours of ['dark', 'contrast']) {
      test(`guided pictures stand out from the page at 3:1 in the ${colours} theme`, async ({ page }) => {
        await withDisplay(page, { colours });
        await visit(page, '/help-me-find/who', lng);
        await expect(page.locator('.guided-icon').first()).toBeVisible();
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
        for (const ratio of ratios) expect(ratio).toBeGreaterThanOrEqual(3);
      });
    }

    test('"Change your answers" on the guided shortlist is a 44 px target, as is each service’s name', async ({
      page,
    }) => {
      await visit(page, '/help-me-find', lng);
      await page.locator('a.guided-start').click();
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
      await expect(page.locator('.guided-summary')).toBeVisible();
      await page.locator('.guided-actions a.button').first().click();
      await expect(page.locator('.guided-service').first()).toBeVisible();
      expect(
        await heightOf(page, 'main a[href="/help-me-find/check"]:not(.back-link)'),
      ).toBeGreaterThanOrEqual(44);
      expect(await heightOf(page, '.guided-service__name a')).toBeGreaterThanOrEqual(44);
    });

    test('"Go to the Signpost home page" after sending feedback is a 44 px target', async ({ page }) => {
      await visit(page, '/feedback', lng);
      await startQuestionnaire(page);
      await answerUpToCheck(page, { respondent: 'resident', answers: { control: 'enough' } });
      await sendFromCheck(page);
      expect(await heightOf(page, 'main a[href="/"]')).toBeGreaterThanOrEqual(44);
    });
  });
}
