import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type BrowserSession } from '../support/browser.ts';
import { PAGES } from '../support/pages.ts';
import type { RunningServer } from '../support/server.ts';
import { addStaffUser } from './feedback-helpers.ts';
import {
  sampleServiceId,
  settle,
  signOut,
  startServerWithStaff,
  visit,
  visitPage,
} from './inclusion-helpers.ts';

/**
 * Everything works from the keyboard: tabbing through every page, the focused thing is never hidden
 * behind a sticky bar (WCAG 2.4.11) and always shows a focus ring (2.4.7); and each flow that exists
 * completes with the keyboard alone, no mouse or touch.
 */

let server: RunningServer;
let session: BrowserSession;
let serviceId: string;
const STAFF_EMAIL = 'kim.keyboard@signpost.example';
let staffPassword: string;

beforeAll(async () => {
  server = await startServerWithStaff((dataDir) => {
    staffPassword = addStaffUser(dataDir, STAFF_EMAIL, 'field');
  });
  session = await openBrowser();
  serviceId = await sampleServiceId(server);
});

afterAll(async () => {
  await session?.browser.close();
  await server?.dispose();
});

interface FocusStop {
  what: string;
  ringChanges: boolean;
  hiddenBehind?: string;
  offScreen: boolean;
}

/** Remembers how each focusable thing looks unfocused, so the focused look can be compared with it. */
async function recordUnfocusedLook(page: Page): Promise<void> {
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
function focusStop(page: Page): Promise<FocusStop | undefined> {
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

/** Tabs from the top of the page to its end, and lists every stop where focus could not be seen. */
async function tabThrough(page: Page): Promise<{ stops: number; problems: string[] }> {
  await recordUnfocusedLook(page);
  const problems: string[] = [];
  const seen = new Set<string>();
  let stops = 0;
  for (let i = 0; i < 250; i++) {
    await page.keyboard.press('Tab');
    const stop = await focusStop(page);
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

describe.each([['en'], ['ar']])('tabbing through every page in %s', (lng) => {
  const pages = lng === 'en' ? PAGES : PAGES.filter((p) => p.shell || p.layout);
  it.each(pages.map((p) => [p.name, p] as const))(
    'shows where focus is on the %s page',
    async (_n, appPage) => {
      const { page } = session;
      await visitPage(page, server, appPage, serviceId, lng);
      const { stops, problems } = await tabThrough(page);
      expect(stops, 'something to tab to').toBeGreaterThan(3);
      expect(problems).toEqual([]);
    },
  );

  it('shows where focus is in the open language menu and display settings', async () => {
    const { page } = session;
    await visit(page, server, '/', lng);
    await page.locator('.language-switch__toggle').focus();
    await page.keyboard.press('Enter');
    await page.locator('.site-footer__display > button').focus();
    await page.keyboard.press('Enter');
    await page.locator('#display-settings fieldset').first().waitFor();
    const { problems } = await tabThrough(page);
    expect(problems).toEqual([]);
  });
});

describe('the focus checks themselves', () => {
  it('notice a focused link hidden behind a sticky bar, and a button with no focus ring', async () => {
    const { page } = session;
    await visit(page, server, '/', 'en');
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

/** Presses Tab until the focused element matches, as a keyboard user looks for a control. */
async function tabTo(page: Page, matches: (el: { tag: string; text: string; type: string }) => boolean) {
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

const heading = (page: Page) => page.locator('h1').textContent();

describe('with the keyboard alone', () => {
  it('skips to the content, and the skip link is the first stop', async () => {
    const { page } = session;
    await visit(page, server, '/', 'en');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  });

  it('chooses a language from the menu, closes it with Escape, and keeps focus on the menu button', async () => {
    const { page } = session;
    await visit(page, server, '/', 'en');
    await tabTo(page, (el) => el.text.startsWith('Language'));
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    expect(await page.locator('#language-list').isHidden()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('language-switch__toggle');
    await page.keyboard.press('Enter');
    await tabTo(page, (el) => el.text.startsWith('Polski'));
    await page.keyboard.press('Enter');
    await expect.poll(() => heading(page)).toBe('Znajdź wsparcie w Essex');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('language-switch__toggle');
    await page.keyboard.press('Enter');
    await tabTo(page, (el) => el.text.startsWith('English'));
    await page.keyboard.press('Enter');
    await expect.poll(() => heading(page)).toBe('Find support in Essex');
  });

  it('makes the text larger and the colours high-contrast from the display settings, and remembers it', async () => {
    const { page } = session;
    await visit(page, server, '/', 'en');
    await tabTo(page, (el) => el.text === 'Display settings');
    await page.keyboard.press('Enter');
    await page.locator('#display-settings fieldset').first().waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('standard');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const look = () =>
      page.evaluate(() => ({
        size: getComputedStyle(document.documentElement).fontSize,
        background: getComputedStyle(document.documentElement).backgroundColor,
      }));
    expect(await look()).toEqual({ size: '24px', background: 'rgb(0, 0, 0)' });
    await page.reload();
    await settle(page);
    expect(await look()).toEqual({ size: '24px', background: 'rgb(0, 0, 0)' });
    await tabTo(page, (el) => el.text === 'Display settings');
    await page.keyboard.press('Enter');
    await tabTo(page, (el) => el.text === 'Go back to the standard display');
    await page.keyboard.press('Enter');
    expect(await look()).toEqual({ size: '16px', background: 'rgb(255, 255, 255)' });
  });

  it('opens the accessibility statement from the footer, with focus on its heading', async () => {
    const { page } = session;
    await visit(page, server, '/', 'en');
    await tabTo(page, (el) => el.text === 'Accessibility statement');
    await page.keyboard.press('Enter');
    await expect.poll(() => heading(page)).toBe('Accessibility statement for Signpost');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
  });

  it('finds a service and saves it to My list', async () => {
    const { page } = session;
    await visit(page, server, '/', 'en');
    await tabTo(page, (el) => el.tag === 'input' && el.type === 'search');
    await page.keyboard.type('carers');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\?q=carers/);
    await settle(page);
    await tabTo(page, (el) => el.tag === 'a' && /carer/i.test(el.text));
    const chosen = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    await page.keyboard.press('Enter');
    await expect.poll(() => heading(page)).toBe(chosen);
    await settle(page);
    await tabTo(page, (el) => el.tag === 'button' && el.text.startsWith('Save to My list'));
    await page.keyboard.press('Enter');
    await page.getByText('Saved to My list.').waitFor();
    await tabTo(page, (el) => el.tag === 'a' && el.text === 'View My list');
    await page.keyboard.press('Enter');
    await expect.poll(() => heading(page)).toBe('My list');
    await settle(page);
    expect(await page.locator('main').textContent()).toContain(chosen);
  });

  it('gives feedback, from the first question to the confirmation', async () => {
    const { page } = session;
    await visit(page, server, '/feedback', 'en');
    // A draft left by an earlier visit turns "Start now" into "Continue" and "Start again".
    await tabTo(page, (el) => el.text === 'Start now' || el.text === 'Start again');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/feedback\/[a-z-]+$/);
    for (let step = 0; step < 40 && !/\/feedback\/sent\//.test(page.url()); step++) {
      await settle(page);
      const before = page.url();
      if (before.endsWith('/check')) {
        await tabTo(page, (el) => el.tag === 'button' && el.text.startsWith('Send'));
        await page.keyboard.press('Enter');
        await page.waitForURL(/\/feedback\/sent\//);
        break;
      }
      await answerWithKeyboard(page);
      await expect.poll(() => page.url(), { timeout: 15_000 }).not.toBe(before);
    }
    await settle(page);
    expect(page.url()).toMatch(/\/feedback\/sent\//);
  });

  it('signs a member of staff in, through the one-time password change', async () => {
    const { page } = session;
    await signOut(page, server);
    await visit(page, server, '/staff/sign-in', 'en');
    await tabTo(page, (el) => el.tag === 'input' && el.type === 'email');
    await page.keyboard.type(STAFF_EMAIL);
    await page.keyboard.press('Tab');
    await page.keyboard.type(staffPassword);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/staff\/password$/);
    await settle(page);
    // After a navigation focus is on the new page's heading, and typing starts from there.
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    const newPassword = 'a quiet morning on the Blackwater estuary';
    await tabTo(page, (el) => el.tag === 'input' && el.type === 'password');
    await page.keyboard.type(staffPassword);
    await page.keyboard.press('Tab');
    await page.keyboard.type(newPassword);
    await page.keyboard.press('Enter');
    // Where the person ends up, or what the page told them instead: a failure then says which.
    await expect
      .poll(
        async () =>
          (await page.locator('.error-summary').count()) > 0
            ? await page.locator('.error-summary').textContent()
            : new URL(page.url()).pathname,
        { timeout: 30_000 },
      )
      .toBe('/staff');
    await expect.poll(() => page.locator('main').textContent()).toContain(STAFF_EMAIL);
  });
});

/**
 * One question page, by keyboard: the first choice of each group of radios (Space), an address or a
 * number where one is asked for (fictional: example.org, an Ofcom drama number), nothing typed in free
 * text, then Continue (Enter).
 */
async function answerWithKeyboard(page: Page): Promise<void> {
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
