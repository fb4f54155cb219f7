import type { Page } from '@playwright/test';

/**
 * Moving through a page by keyboard, as a person who cannot use a mouse does, and checking at each stop
 * that they can see where they are: a focus ring that shows (WCAG 2.4.7), not hidden behind a sticky
 * bar (2.4.11), not off screen.
 */

export interface FocusStop {
  what: string;
  ringChanges: boolean;
  hiddenBehind?: string;
  offScreen: boolean;
}

/** Remembers how each focusable thing looks unfocused, so the focused look can be compared with it. */
export async function recordUnfocusedLook(page: Page): Promise<void> {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    const look = (el: Element) => {
      const s = getComputedStyle(el);
      return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow].join('|');
    };
    const looks = new WeakMap<Element, string>();
    for (const el of document.querySelectorAll(
      'a[href], button, input, select, textarea, summary, [tabindex]',
    )) {
      looks.set(el, look(el));
    }
    Object.assign(window, { __unfocusedLook: looks, __look: look });
  });
}

/** Where focus is now: what it is, whether its ring shows, whether a sticky or fixed box hides it. */
export function focusStop(page: Page): Promise<FocusStop | undefined> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return undefined;
    const { __unfocusedLook: looks, __look: look } = window as unknown as {
      __unfocusedLook: WeakMap<Element, string>;
      __look: (el: Element) => string;
    };
    const focused = look(el);
    let unfocused = looks.get(el);
    if (unfocused === undefined) {
      // Something that appeared after the page loaded: Chrome resumes tabbing from here after a blur.
      (el as HTMLElement).blur();
      unfocused = look(el);
      (el as HTMLElement).focus();
    }
    const box = el.getBoundingClientRect();
    const covers = [...document.body.querySelectorAll('*')].find((other) => {
      if (other.contains(el) || !['fixed', 'sticky'].includes(getComputedStyle(other).position)) return false;
      const bar = other.getBoundingClientRect();
      return bar.left <= box.left && bar.right >= box.right && bar.top <= box.top && bar.bottom >= box.bottom;
    });
    const what = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 40)}"`;
    return {
      what,
      ringChanges: focused !== unfocused,
      hiddenBehind: covers ? `${covers.tagName.toLowerCase()}.${String(covers.className)}` : undefined,
      offScreen: box.bottom <= 0 || box.top >= innerHeight || box.right <= 0 || box.left >= innerWidth,
    };
  });
}

/**
 * The focus stop as a person sees it once the page has drawn: a stop that looks hidden is looked at again
 * after two frames, since a scroll or a panel opening may still be under way on a busy machine.
 */
async function settledFocusStop(page: Page): Promise<FocusStop | undefined> {
  const stop = await focusStop(page);
  if (!stop?.offScreen && !stop?.hiddenBehind) return stop;
  await page.evaluate(
    () => new Promise((drawn) => requestAnimationFrame(() => requestAnimationFrame(drawn))),
  );
  return focusStop(page);
}

/** Tabs from the top of the page to its end, and lists every stop where focus could not be seen. */
export async function tabThrough(page: Page): Promise<{ stops: number; problems: string[] }> {
  await recordUnfocusedLook(page);
  const problems: string[] = [];
  const seen = new Set<string>();
  let stops = 0;
  for (let i = 0; i < 250; i++) {
    await page.keyboard.press('Tab');
    const stop = await settledFocusStop(page);
    if (!stop) break;
    const key = `${i}:${stop.what}`;
    if (stops > 0 && seen.has(stop.what) && stop.what === [...seen][0]) break;
    seen.add(stop.what);
    stops++;
    if (!stop.ringChanges) problems.push(`no focus ring: ${key}`);
    if (stop.hiddenBehind) problems.push(`hidden behind ${stop.hiddenBehind}: ${key}`);
    if (stop.offScreen) problems.push(`off screen: ${key}`);
  }
  return { stops, problems };
}

/** Presses Tab until the focused element matches, as a keyboard user looks for a control. */
export async function tabTo(
  page: Page,
  matches: (el: { tag: string; text: string; type: string }) => boolean,
) {
  for (let i = 0; i < 150; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return {
        tag: el?.tagName.toLowerCase() ?? '',
        text: (el?.getAttribute('aria-label') || el?.textContent || '').trim(),
        type: el?.getAttribute('type') ?? '',
      };
    });
    if (matches(focused)) return;
  }
  throw new Error('Tabbed through the whole page without finding the control');
}

/**
 * One question page, by keyboard: the first choice of each group of radios (Space), an address or a
 * number where one is asked for (fictional: example.org, an Ofcom drama number), nothing typed in free
 * text, then Continue (Enter).
 */
export async function answerWithKeyboard(page: Page): Promise<void> {
  await recordUnfocusedLook(page);
  const answered = new Set<string>();
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | null;
      return {
        tag: el?.tagName.toLowerCase() ?? '',
        type: el?.type ?? '',
        name: el?.name ?? '',
        text: (el?.textContent ?? '').trim(),
      };
    });
    if (focused.type === 'radio' && !answered.has(focused.name)) {
      await page.keyboard.press('Space');
      answered.add(focused.name);
    }
    if (focused.type === 'email' && !answered.has(focused.name)) {
      await page.keyboard.type('sam@example.org');
      answered.add(focused.name);
    }
    if (focused.type === 'tel' && !answered.has(focused.name)) {
      await page.keyboard.type('01632 960123');
      answered.add(focused.name);
    }
    if (focused.tag === 'button' && focused.text.startsWith('Continue')) {
      await page.keyboard.press('Enter');
      return;
    }
  }
  throw new Error(`No Continue button on ${page.url()}`);
}
