import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromService } from '../../src/domain/oruk/from-service.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { openPglite } from '../../src/server/db/pglite.ts';
import { importDirectory } from '../../src/server/directory/import.ts';
import { openBrowser, type BrowserSession } from '../support/browser.ts';
import { makeService } from '../support/make-services.ts';
import { startServer, type RunningServer } from '../support/server.ts';

/** Names a council's feed could carry, by mistake or by someone who got into it. */
const HOSTILE = {
  'hostile-img': '<img src=x onerror=alert(1)>',
  'hostile-script': '<script>alert(document.domain)</script>',
  'hostile-svg': '"><svg onload=alert(1)>',
  'hostile-bidi': '\u202eexe.sreraC Carers',
} as const;
type HostileId = keyof typeof HOSTILE;

const services = [
  ...Object.entries(HOSTILE).map(([id, name]) => ({
    ...makeService({ name: id, towns: ['chelmsford'] }),
    id,
    name,
    organization: HOSTILE['hostile-script'],
    summary: HOSTILE['hostile-svg'],
    description: `A carers group onerror. ${HOSTILE['hostile-img']}\n\n${HOSTILE['hostile-script']}`,
  })),
  makeService({ name: 'Chelmsford Carers Café', towns: ['chelmsford'] }),
];

let server: RunningServer;
let session: BrowserSession;
const dialogs: string[] = [];
let dataDir: string;

beforeAll(async () => {
  // The directory comes in the way an attacker's text would: through the importer, from an ORUK feed.
  dataDir = mkdtempSync(join(tmpdir(), 'signpost-hostile-browser-'));
  const feed = join(dataDir, 'feed.json');
  writeFileSync(feed, JSON.stringify(services.map(fromService)));
  const db = await openPglite(join(dataDir, 'pgdata'));
  await migrate(db);
  const summary = await importDirectory(db, feed);
  await db.close();
  expect(summary.quarantine).toEqual([]);
  server = await startServer({ dataDir });
  session = await openBrowser();
  session.page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
});

afterAll(async () => {
  await session?.browser.close();
  await server?.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Anything that shows markup became elements: the attack's own elements, or a CSP refusal of them. */
async function expectNothingInjected(): Promise<void> {
  const { page, errors } = session;
  expect(await page.locator('img[src="x"], svg[onload], [onerror], [onload]').count()).toBe(0);
  const scripts = await page
    .locator('script')
    .evaluateAll((nodes) =>
      nodes.filter((node) => node.textContent?.includes('alert')).map((node) => node.outerHTML),
    );
  expect(scripts).toEqual([]);
  expect(errors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
  expect(dialogs).toEqual([]);
}

describe('text from the directory shown in Chromium, with the Content Security Policy on', () => {
  it.each(Object.keys(HOSTILE) as HostileId[])(
    'shows the service page of "%s" with its name, organisation and description as text',
    async (id) => {
      const { page } = session;
      const response = await page.goto(`${server.url}/services/${id}`);
      expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
      await expect.poll(() => page.locator('h1').textContent(), { timeout: 20_000 }).toBe(HOSTILE[id]);
      await expect.poll(() => page.locator('main').textContent()).toContain(HOSTILE['hostile-script']);
      expect(await page.locator('main').textContent()).toContain(HOSTILE['hostile-img']);
      await expectNothingInjected();
    },
  );

  it('lists the services in search results as text', async () => {
    const { page } = session;
    await page.goto(`${server.url}/search?q=onerror`);
    const links = page.locator('.directory-results a[href^="/services/hostile-"]');
    await expect.poll(() => links.count(), { timeout: 20_000 }).toBe(Object.keys(HOSTILE).length);
    expect((await links.allTextContents()).map((t) => t.trim()).sort()).toEqual(
      Object.values(HOSTILE).sort(),
    );
    await expectNothingInjected();
  });

  it('keeps a right-to-left override inside the name: it cannot reverse the text around it', async () => {
    const { page } = session;
    for (const path of [
      '/services/hostile-bidi?lng=en',
      '/services/hostile-bidi?lng=ar',
      '/search?q=onerror',
    ]) {
      await page.goto(server.url + path);
      await expect.poll(() => page.locator('main').textContent(), { timeout: 20_000 }).toContain('\u202e');
      const leaks = await page.evaluate(() => {
        const isolates = (el: Element) =>
          el.tagName === 'BDI' ||
          el.hasAttribute('dir') ||
          ['isolate', 'isolate-override', 'plaintext'].includes(getComputedStyle(el).unicodeBidi);
        const walker = document.createTreeWalker(document.querySelector('main')!, NodeFilter.SHOW_TEXT);
        const found: string[] = [];
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (!node.textContent?.includes('\u202e')) continue;
          // Isolated by an element of its own, or alone in its block, where the override ends with it.
          let el = node.parentElement;
          while (el && !isolates(el) && getComputedStyle(el).display === 'inline') el = el.parentElement;
          const alone = el?.textContent?.trim() === node.textContent.trim();
          if (!el || (!isolates(el) && !alone)) found.push(el?.outerHTML.slice(0, 200) ?? '(none)');
        }
        return found;
      });
      expect(leaks, path).toEqual([]);
    }
  });

  it('shows the ORUK API answer for such a service as JSON text, not as a page', async () => {
    const { page } = session;
    const response = await page.goto(`${server.url}/api/oruk/services/hostile-img`);
    expect(response?.headers()['content-type']).toContain('application/json');
    expect(response?.headers()['x-content-type-options']).toBe('nosniff');
    expect(await page.locator('body').textContent()).toContain(HOSTILE['hostile-img']);
    await expectNothingInjected();
  });

  it('shows markup typed into the address as text in the app shell', async () => {
    const { page } = session;
    await page.goto(`${server.url}/search?q=${encodeURIComponent(HOSTILE['hostile-img'])}`);
    await expect
      .poll(() => page.locator('input[type="search"]').inputValue(), { timeout: 20_000 })
      .toBe(HOSTILE['hostile-img']);
    await expectNothingInjected();
    await page.goto(`${server.url}/services/${encodeURIComponent(HOSTILE['hostile-script'])}`);
    await page.locator('h1').waitFor();
    await expectNothingInjected();
  });
});
