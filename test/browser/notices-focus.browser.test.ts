import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, waitForServiceWorker, type BrowserSession } from '../support/browser.ts';
import { PAGES, type StaffRole } from '../support/pages.ts';
import type { RunningServer } from '../support/server.ts';
import { pathOf, sampleServiceId, settle, signInAs, startServerWithStaff } from './inclusion-helpers.ts';

/**
 * The app's own notices ("ready to work offline", a new version) and the offer to install never hide
 * what has focus (WCAG 2.2, 2.4.11). With both showing, on a 320 × 640 and a 360 × 740 phone, Tab goes
 * through every page, and each element that takes focus is checked against every element fixed or stuck
 * to the screen. The notices take their own place between the header and the page, in the order they
 * are seen and tabbed through.
 */

let server: RunningServer;
let serviceId: string;

beforeAll(async () => {
  server = await startServerWithStaff();
  serviceId = await sampleServiceId(server);
});

afterAll(async () => {
  await server?.dispose();
});

const OFFLINE_NOTICE = 'Signpost is ready to work offline.';
const INSTALL_OFFER = 'Add Signpost to your home screen';

/** The offer to install, as Chromium makes it to an app that can be installed. */
async function offerInstall(page: Page): Promise<void> {
  await page.evaluate(() => {
    const offer = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
      prompt: () => Promise.resolve({ outcome: 'dismissed' as const }),
    });
    window.dispatchEvent(offer);
  });
  await page.getByText(INSTALL_OFFER).waitFor();
}

/** A page of the app opened from within it, as a link does, so the notices stay where they are. */
async function goInApp(page: Page, path: string): Promise<void> {
  await page.evaluate((to) => {
    history.pushState(null, '', to);
    dispatchEvent(new PopStateEvent('popstate'));
  }, path);
  await page.waitForFunction((to) => location.pathname + location.search === to, path);
  await settle(page);
}

interface Stop {
  what: string;
  covered: string[];
}

/** Presses Tab from the top of the page until focus has been everywhere once; what covered each stop. */
async function tabThrough(page: Page): Promise<Stop[]> {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  const stops: Stop[] = [];
  const seen = new Set<string>();
  for (let presses = 0; presses < 400; presses++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const focused = document.activeElement as HTMLElement | null;
      if (!focused || focused === document.body) return null;
      const path: string[] = [];
      for (let el: Element | null = focused; el && el !== document.body; el = el.parentElement) {
        path.unshift(`${el.tagName}:${[...(el.parentElement?.children ?? [])].indexOf(el)}`);
      }
      const box = focused.getBoundingClientRect();
      const covered = [...document.querySelectorAll<HTMLElement>('body *')]
        .filter((el) => ['fixed', 'sticky'].includes(getComputedStyle(el).position) && el.checkVisibility())
        .filter((el) => !el.contains(focused) && !focused.contains(el))
        .filter((el) => {
          const over = el.getBoundingClientRect();
          const width = Math.min(box.right, over.right) - Math.max(box.left, over.left);
          const height = Math.min(box.bottom, over.bottom) - Math.max(box.top, over.top);
          return width > 0 && height > 0;
        })
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
      const name = (focused.textContent || focused.getAttribute('aria-label') || focused.id).trim();
      return {
        key: path.join('/'),
        what: `${focused.tagName.toLowerCase()} "${name.slice(0, 40)}"`,
        covered,
      };
    });
    if (!stop) continue;
    if (seen.has(stop.key)) break;
    seen.add(stop.key);
    stops.push({ what: stop.what, covered: stop.covered });
  }
  return stops;
}

/**
 * A browser with both notices showing. Staff sign in first, from a page that is not the app, so the app
 * starts signed in: the offline notice comes once, when the app is first saved on the device.
 */
async function openWithNotices(viewport: { width: number; height: number }, role?: StaffRole) {
  const session = await openBrowser({ viewport });
  if (role) {
    const signer = await session.context.newPage();
    await signer.goto(`${server.url}/api/health`);
    await signInAs(signer, server, role);
    await signer.close();
  }
  const { page } = session;
  await page.goto(`${server.url}/`);
  await waitForServiceWorker(page);
  await page.getByText(OFFLINE_NOTICE).waitFor();
  await offerInstall(page);
  return session;
}

describe.each([
  [320, 640],
  [360, 740],
])('at %i × %i, with the offline notice and the install offer showing', (width, height) => {
  const sessions = new Map<string, Promise<BrowserSession>>();
  const sessionFor = (role?: StaffRole) => {
    const key = role ?? 'public';
    if (!sessions.has(key)) sessions.set(key, openWithNotices({ width, height }, role));
    return sessions.get(key)!;
  };

  afterAll(async () => {
    for (const session of sessions.values()) await (await session).browser.close();
  });

  it('shows them between the header and the page, in the order they are tabbed through', async () => {
    const { page } = await sessionFor();
    const order = await page.evaluate(() => {
      const top = (selector: string) => document.querySelector(selector)!.getBoundingClientRect().top;
      return { header: top('header'), news: top('.app-news .banner'), main: top('main') };
    });
    expect(order.header).toBeLessThan(order.news);
    expect(order.news).toBeLessThan(order.main);
    const stops = (await tabThrough(page)).map((stop) => stop.what);
    const ok = stops.findIndex((what) => what === 'button "OK"');
    const notNow = stops.findIndex((what) => what === 'button "Not now"');
    const language = stops.findIndex((what) => what.includes('Language'));
    const firstInPage = stops.findIndex((what) => what.includes('Search'));
    expect(language).toBeLessThan(ok);
    expect(ok).toBeLessThan(notNow);
    expect(notNow).toBeLessThan(firstInPage);
  });

  it.each(PAGES.map((p) => [p.name, p] as const))(
    'hides nothing that has focus on the %s page',
    async (_name, appPage) => {
      const { page } = await sessionFor(appPage.staff);
      await goInApp(page, pathOf(appPage, serviceId));
      expect(await page.getByText(OFFLINE_NOTICE).isVisible()).toBe(true);
      expect(await page.getByText(INSTALL_OFFER).isVisible()).toBe(true);
      const stops = await tabThrough(page);
      expect(stops.length).toBeGreaterThan(3);
      expect(stops.filter((stop) => stop.covered.length > 0)).toEqual([]);
    },
  );
});
