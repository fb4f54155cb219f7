import type { Locator, Page } from '@playwright/test';
import { LANGUAGES } from '../../src/domain/languages.ts';
import type { StaffRole } from '../../src/domain/staff.ts';
import type { AppPage } from './pages.ts';
import type { Api } from './test-server.ts';

/** A path with `?lng=` added, as a link that opens the app in a language has it. */
export function inLanguage(path: string, lng: string | undefined): string {
  if (!lng) return path;
  return `${path}${path.includes('?') ? '&' : '?'}lng=${lng}`;
}

/** What settling waits for, as the page has it now. */
function settledState() {
  return {
    heading: document.querySelector('h1')?.textContent?.trim() ?? null,
    loading: document.querySelector('.loading, [aria-busy="true"]')?.outerHTML.slice(0, 120) ?? null,
    fonts: document.fonts.status,
  };
}

/** Until the page has its heading, its words and its fonts, and nothing says it is still loading. */
export async function settle(page: Page): Promise<void> {
  // Looked at every frame in one wait, so a ready page is taken as soon as it is drawn.
  const settled = page.waitForFunction(
    () =>
      /\S/.test(document.querySelector('h1')?.textContent ?? '') &&
      !document.querySelector('.loading, [aria-busy="true"]') &&
      document.fonts.status === 'loaded',
    undefined,
    { timeout: 60_000 },
  );
  await settled.catch(async (error: unknown) => {
    const state = await page.evaluate(settledState).catch(() => 'unreadable');
    throw new Error(`${page.url()} did not settle: ${JSON.stringify(state)}`, { cause: error });
  });
}

/** Opens a path (in a language, if given) and waits for the page to settle. */
export async function visit(page: Page, path: string, lng?: string): Promise<void> {
  await page.goto(inLanguage(path, lng));
  await settle(page);
}

export function pathOf(appPage: AppPage, serviceId: string): string {
  return appPage.path.replaceAll('{service}', encodeURIComponent(serviceId));
}

/** Opens one of the app's pages, signed in first as its role when it is a staff page. */
export async function visitPage(
  page: Page,
  appPage: AppPage,
  options: { serviceId: string; lng?: string; signIn: (role: StaffRole) => Promise<void> },
): Promise<void> {
  if (appPage.staff) await options.signIn(appPage.staff);
  await visit(page, pathOf(appPage, options.serviceId), options.lng);
}

/** Waits until a service worker controls the page, so what follows can rely on it offline. */
export async function controlledByServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 60_000,
  });
}

/** The version of the app the server is deploying, as the page fetches it. */
export function servedVersion(page: Page): Promise<string> {
  return page.evaluate(
    async () => ((await (await fetch('/version.json')).json()) as { version: string }).version,
  );
}

/** As the browser says when the connection comes back: the app sends what waits. */
export async function connectionBack(page: Page): Promise<void> {
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
}

/** As when a person comes back to the app: it checks for a new version. */
export async function comeBackToApp(page: Page): Promise<void> {
  // Away first (another app, or the phone locked), then back.
  await page.evaluate(() => {
    window.dispatchEvent(new Event('blur'));
    window.dispatchEvent(new Event('focus'));
  });
}

/** A service of the server's directory that has a place, a phone number and opening times, so its page shows every part. */
export async function sampleServiceId(api: Api): Promise<string> {
  const directory = await api.get<{ services: Array<{ id: string; locations: unknown[]; phone?: string }> }>(
    '/api/v1/directory',
  );
  const services = directory.body?.services ?? [];
  const service = services.find((s) => s.locations.length > 0 && s.phone) ?? services[0];
  if (!service) throw new Error('The directory is empty');
  return service.id;
}

/** The button that opens the language menu, whatever language the page is in. */
export function languageButton(page: Page): Locator {
  return page.locator('button[aria-controls="language-list"]');
}

/** A language's link in the open menu, found by its name in itself, as a person looks for their own. */
export function languageLink(page: Page, code: string): Locator {
  const language = LANGUAGES.find((l) => l.code === code);
  if (!language) throw new Error(`No language ${code}`);
  return page
    .locator('#language-list')
    .getByRole('link', { name: new RegExp(`^${language.nativeName}(\\s|$)`) });
}

/** Chooses a language from the menu: opens it, then follows the language's link. */
export async function chooseLanguage(page: Page, code: string): Promise<void> {
  await languageButton(page).click();
  await languageLink(page, code).click();
}

/** The app's display settings as a person saved them on this device, in place before each page loads. */
export async function withDisplay(
  page: Page,
  settings: { textSize?: string; colours?: string },
): Promise<void> {
  await page.addInitScript(
    (saved) => localStorage.setItem('signpost.display', saved),
    JSON.stringify({ textSize: 'standard', colours: 'light', ...settings }),
  );
}

/**
 * From the page's start, notes whether `main` ever showed a "Loading" line in place of the page, and what
 * its first heading said when it was first drawn; read them with `firstDrawing`.
 */
export async function watchFirstDrawing(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen = { loading: false, firstHeading: undefined as string | undefined };
    (window as unknown as { firstDrawing: typeof seen }).firstDrawing = seen;
    new MutationObserver(() => {
      const main = document.querySelector('main');
      if (!main) return;
      if (main.querySelector(':scope > .loading')) seen.loading = true;
      const heading = main.querySelector('h1');
      if (heading && seen.firstHeading === undefined) seen.firstHeading = heading.textContent ?? '';
    }).observe(document, { childList: true, subtree: true });
  });
}

/** What `watchFirstDrawing` saw. */
export function firstDrawing(page: Page): Promise<{ loading: boolean; firstHeading?: string }> {
  return page.evaluate(
    () => (window as unknown as { firstDrawing: { loading: boolean; firstHeading?: string } }).firstDrawing,
  );
}

/** A layout shift a person did not cause: its score, when it came, and what moved (`main`, or a class and words). */
export interface LayoutShift {
  score: number;
  at: number;
  moved: string[];
}

/** From the page's start, notes each layout shift no input caused; read them with `layoutShifts`. */
export async function watchLayoutShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const shifts: LayoutShift[] = [];
    (window as unknown as { layoutShifts: LayoutShift[] }).layoutShifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Array<
        PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: Array<{ node?: Node }> }
      >) {
        if (entry.hadRecentInput) continue;
        const moved = (entry.sources ?? []).map((source) => {
          if (source.node === document.querySelector('main')) return 'main';
          const element = source.node instanceof Element ? source.node : source.node?.parentElement;
          return `${element?.className} “${source.node?.textContent?.slice(0, 30)}”`;
        });
        shifts.push({ score: entry.value, at: Math.round(entry.startTime), moved });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** What `watchLayoutShifts` saw so far. */
export function layoutShifts(page: Page): Promise<LayoutShift[]> {
  return page.evaluate(() => (window as unknown as { layoutShifts: LayoutShift[] }).layoutShifts);
}
