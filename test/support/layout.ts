import type { Page } from '@playwright/test';

/**
 * Measurements the WCAG layout checks make on a page: sideways scrolling (1.4.10), text cut off (1.4.4,
 * 1.4.12), and the text-size and text-spacing changes a person makes.
 */

/** How far the page scrolls sideways, in CSS pixels: 0 when it reflows. */
export function sidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/**
 * Text that is cut off: a box that hides its overflow while its words need more room, or words that
 * reach past the edge of the screen. Boxes of 1 px or less are the screen-reader-only pattern, and boxes
 * wholly off screen are the skip link's resting place: both are meant to be unseen. Words inside a
 * region that scrolls sideways and can be reached by keyboard are not cut off: a data table may scroll
 * in its own box (WCAG 1.4.10 exempts two-dimensional content), so long as the page itself does not.
 */
export function clippedText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    const width = document.documentElement.clientWidth;
    const found: string[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      if (!(el instanceof HTMLElement) || !el.checkVisibility()) continue;
      if (!(el.textContent ?? '').trim() || el.closest('svg')) continue;
      const box = el.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) continue;
      if (box.right <= 0 || box.left >= width) continue;
      const style = getComputedStyle(el);
      const hides = (value: string) => value !== 'visible';
      const inScrollRegion = (() => {
        for (let box = el.parentElement; box; box = box.parentElement) {
          const overflow = getComputedStyle(box).overflowX;
          if ((overflow === 'auto' || overflow === 'scroll') && box.tabIndex >= 0) return true;
        }
        return false;
      })();
      const directText = [...el.childNodes].some(
        (n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim(),
      );
      if (hides(style.overflowX) && el.scrollWidth > el.clientWidth + 1 && style.overflowX !== 'auto') {
        found.push(`cut off sideways: ${describe(el)}`);
      } else if (
        hides(style.overflowY) &&
        el.scrollHeight > el.clientHeight + 1 &&
        style.overflowY !== 'auto'
      ) {
        found.push(`cut off below: ${describe(el)}`);
      } else if (directText && !inScrollRegion && (box.left < -1 || box.right > width + 1)) {
        found.push(`past the edge of the screen: ${describe(el)}`);
      }
    }
    return found;
  });
}

/**
 * Interactive things smaller than 44 × 44 CSS px. WCAG 2.5.8 asks for 24 and exempts a link inside a
 * sentence; we hold 44 and exempt only that: a link shown inline among other words of its paragraph.
 */
export function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const interactive = document.querySelectorAll<HTMLElement>(
      'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [tabindex]:not([tabindex="-1"])',
    );
    const inSentence = (el: HTMLElement) => {
      if (el.tagName !== 'A' || getComputedStyle(el).display !== 'inline') return false;
      let block = el.parentElement;
      while (block && getComputedStyle(block).display.startsWith('inline')) block = block.parentElement;
      const words = (block?.textContent ?? '').replace(el.textContent ?? '', '').trim();
      return words.length > 0;
    };
    return [...interactive]
      .filter((el) => el.checkVisibility() && !inSentence(el))
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && (box.width < 43.5 || box.height < 43.5))
      .map(
        ({ el, box }) =>
          `${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute('aria-label') || el.id).trim().slice(0, 40)}" is ${Math.round(box.width)}×${Math.round(box.height)}`,
      );
  });
}

/** The WCAG 1.4.12 text-spacing override (the W3C bookmarklet's values), as a person's own style sheet. */
export async function applyTextSpacing(page: Page): Promise<void> {
  await page.evaluate(() => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(
      '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }' +
        ' p { margin-block-end: 2em !important; }',
    );
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  });
}

/**
 * Text at twice its size, as a browser's text-size setting does (WCAG 1.4.4). Returns what puts the page's
 * own size back, so the next check measures the page as it was drawn.
 */
export async function doubleTextSize(page: Page): Promise<() => Promise<void>> {
  const own = await page.evaluate(() => {
    const before = document.documentElement.style.fontSize;
    document.documentElement.style.fontSize = '200%';
    return before;
  });
  return async () => {
    await page.evaluate((size) => {
      document.documentElement.style.fontSize = size;
    }, own);
  };
}
