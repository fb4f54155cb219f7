import type { Page } from 'playwright-core';
import type { AppPage, StaffRole } from '../support/pages.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { addStaffUser } from './feedback-helpers.ts';

/**
 * Shared steps of the inclusion browser suites (`inclusion*.browser.test.ts`): opening any page in any
 * language once it has settled, and the measurements the WCAG checks make.
 */

const ROLES: StaffRole[] = ['field', 'analyst', 'admin'];
const staffEmail = (role: StaffRole) => `${role}.inclusion@signpost.example`;
const passwords = new Map<string, string>();

/**
 * A server whose data has one staff account for each role, made as `npm run user:add` makes them;
 * `beforeStart` may add more to the same data folder.
 */
export async function startServerWithStaff(beforeStart?: (dataDir: string) => void): Promise<RunningServer> {
  const first = await startServer();
  await first.stop();
  for (const role of ROLES)
    passwords.set(staffEmail(role), addStaffUser(first.dataDir, staffEmail(role), role));
  beforeStart?.(first.dataDir);
  return startServer({ dataDir: first.dataDir, port: first.port });
}

export async function signOut(page: Page, server: RunningServer): Promise<void> {
  if (!page.url().startsWith(server.url)) await page.goto(server.url + '/');
  await api(page, 'DELETE', '/api/v1/session');
}

async function api(page: Page, method: string, path: string, body?: unknown) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const response = await fetch(path, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return {
        status: response.status,
        body: text ? (JSON.parse(text) as { user?: { role?: string } }) : null,
      };
    },
    { method, path, body },
  );
}

/** Signs in with the role's account (unless already signed in as it), changing its one-time password. */
export async function signInAs(page: Page, server: RunningServer, role: StaffRole): Promise<void> {
  if (!page.url().startsWith(server.url)) await page.goto(server.url + '/');
  const current = await api(page, 'GET', '/api/v1/session');
  if (current.body?.user?.role === role) return;
  const email = staffEmail(role);
  const password = passwords.get(email) as string;
  const signedIn = await api(page, 'POST', '/api/v1/session', { email, password });
  if (signedIn.status !== 200) throw new Error(`Could not sign in as ${role}: ${signedIn.status}`);
  const renewed = `${role} walks the sea wall at Walton on the Naze`;
  if (password !== renewed) {
    const changed = await api(page, 'POST', '/api/v1/session/password', {
      currentPassword: password,
      newPassword: renewed,
    });
    if (changed.status !== 204) throw new Error(`Could not set the ${role} password: ${changed.status}`);
    passwords.set(email, renewed);
  }
}

/** Opens one of the app's pages, signed in first when it is a staff page. */
export async function visitPage(
  page: Page,
  server: RunningServer,
  appPage: AppPage,
  serviceId: string,
  lng?: string,
): Promise<void> {
  if (appPage.staff) await signInAs(page, server, appPage.staff);
  await visit(page, server, pathOf(appPage, serviceId), lng);
}

/** A service that has a place, a phone number and opening times, so its page shows every part. */
export async function sampleServiceId(server: RunningServer): Promise<string> {
  const response = await fetch(`${server.url}/api/v1/directory`);
  const directory = (await response.json()) as {
    services: Array<{ id: string; locations: unknown[]; phone?: string }>;
  };
  const service = directory.services.find((s) => s.locations.length > 0 && s.phone) ?? directory.services[0];
  if (!service) throw new Error('The sample directory is empty');
  return service.id;
}

export function pathOf(appPage: AppPage, serviceId: string): string {
  return appPage.path.replaceAll('{service}', encodeURIComponent(serviceId));
}

function withLanguage(path: string, lng: string | undefined): string {
  if (!lng) return path;
  return `${path}${path.includes('?') ? '&' : '?'}lng=${lng}`;
}

/** Until the page has its heading, its words and its fonts, and nothing says it is still loading. */
export async function settle(page: Page): Promise<void> {
  await page.locator('h1').first().waitFor();
  await page.waitForFunction(
    () =>
      !document.querySelector('.loading, [aria-busy="true"]') &&
      document.fonts.status === 'loaded' &&
      (document.querySelector('h1')?.textContent ?? '').trim() !== '',
  );
}

export async function visit(page: Page, server: RunningServer, path: string, lng?: string): Promise<void> {
  await page.goto(server.url + withLanguage(path, lng));
  await settle(page);
}

/** How far the page scrolls sideways, in CSS pixels: 0 when it reflows. */
export function sidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/**
 * Text that is cut off: a box that hides its overflow while its words need more room, or words that
 * reach past the edge of the screen. Boxes of 1 px or less are the screen-reader-only pattern, and boxes
 * wholly off screen are the skip link's resting place: both are meant to be unseen.
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
      } else if (directText && (box.left < -1 || box.right > width + 1)) {
        found.push(`past the edge of the screen: ${describe(el)}`);
      }
    }
    return found;
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

/** Text at twice its size, as a browser's text-size setting does (WCAG 1.4.4). */
export async function doubleTextSize(page: Page): Promise<void> {
  await page.evaluate(() => {
    document.documentElement.style.fontSize = '200%';
  });
}
