import type { Page } from '@playwright/test';
import { withDirectory } from '../support/directory-data.ts';
import { expect, test, useServerData } from '../support/fixtures.ts';
import { makeService } from '../support/make-services.ts';

/** Names a council's feed could carry, by mistake or by someone who got into it. */
const HOSTILE = {
  'hostile-img': 'Carers <img src=x onerror=alert(1)> Hub',
  'hostile-script': 'Carers <script>alert(document.domain)</script> Club',
  'hostile-svg': 'Carers "><svg onload=alert(1)> Group',
  'hostile-bidi': '\u202eexe.sreraC Carers',
} as const;
type HostileId = keyof typeof HOSTILE;

/** What the importer keeps of each: the words, never the markup (an open `<svg>` swallows what follows, as in a browser). */
const SHOWN: Record<HostileId, string> = {
  'hostile-img': 'Carers Hub',
  'hostile-script': 'Carers Club',
  'hostile-svg': 'Carers ">',
  'hostile-bidi': HOSTILE['hostile-bidi'],
};

const IMG = '<img src=x onerror=alert(1)>';
const SCRIPT = '<script>alert(document.domain)</script>';
const DESCRIPTION = `A carers group onerror. ${IMG}\n\n${SCRIPT}`;

const services = [
  ...Object.entries(HOSTILE).map(([id, name]) => ({
    ...makeService({ name: id, towns: ['chelmsford'] }),
    id,
    name,
    organization: `Carers Trust ${SCRIPT}`,
    summary: `Support ${HOSTILE['hostile-svg']}`,
    description: DESCRIPTION,
  })),
  makeService({ name: 'Chelmsford Carers Café', towns: ['chelmsford'] }),
];

// The directory comes in the way an attacker's text would: through the importer, from an ORUK feed.
useServerData(withDirectory(services));

/** Every dialog a page opens: none may, as an injected `alert` would. */
const dialogs = new WeakMap<Page, string[]>();

test.beforeEach(({ page }) => {
  const opened: string[] = [];
  dialogs.set(page, opened);
  page.on('dialog', (dialog) => {
    opened.push(dialog.message());
    void dialog.dismiss();
  });
});

/** Anything that shows markup became elements: the attack's own elements, or a CSP refusal of them. */
async function expectNothingInjected(page: Page, errors: string[]): Promise<void> {
  await expect(page.locator('img[src="x"], svg[onload], [onerror], [onload]')).toHaveCount(0);
  const scripts = await page
    .locator('script')
    .evaluateAll((nodes) =>
      nodes.filter((node) => node.textContent?.includes('alert')).map((node) => node.outerHTML),
    );
  expect(scripts).toEqual([]);
  expect(errors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
  expect(dialogs.get(page)).toEqual([]);
}

test.describe('text from the directory shown in Chromium, with the Content Security Policy on', () => {
  for (const id of Object.keys(HOSTILE) as HostileId[]) {
    test(`shows the service page of "${id}" with the words of its name, organisation and description, and no markup`, async ({
      page,
      pageErrors,
    }) => {
      const response = await page.goto(`/services/${id}`);
      expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
      await expect(page.locator('h1')).toHaveText(SHOWN[id]);
      await expect(page.locator('main')).toContainText('A carers group onerror.');
      await expect(page.locator('main')).toContainText('Carers Trust');
      // The markup is read as markup and dropped: neither elements nor tags shown as text.
      await expect(page.locator('main')).not.toContainText('<img');
      await expect(page.locator('main')).not.toContainText('alert(');
      await expectNothingInjected(page, pageErrors);
    });
  }

  test('lists the services in search results by the words of their names', async ({ page, pageErrors }) => {
    await page.goto(`/search?q=onerror`);
    const links = page.locator('.directory-results a[href^="/services/hostile-"]');
    await expect(links).toHaveCount(Object.keys(HOSTILE).length);
    expect((await links.allTextContents()).map((t) => t.trim()).sort()).toEqual(Object.values(SHOWN).sort());
    await expectNothingInjected(page, pageErrors);
  });

  test('keeps a right-to-left override inside the name: it cannot reverse the text around it', async ({
    page,
  }) => {
    for (const path of [
      '/services/hostile-bidi?lng=en',
      '/services/hostile-bidi?lng=ar',
      '/search?q=onerror',
    ]) {
      await page.goto(path);
      await expect(page.locator('main')).toContainText('\u202e');
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

  test('shows the ORUK API answer for such a service as JSON text, not as a page', async ({
    page,
    pageErrors,
  }) => {
    const response = await page.goto(`/api/oruk/services/hostile-img`);
    expect(response?.headers()['content-type']).toContain('application/json');
    expect(response?.headers()['x-content-type-options']).toBe('nosniff');
    await expect(page.locator('body')).toContainText(IMG);
    await expectNothingInjected(page, pageErrors);
  });

  test('shows markup typed into the address as text in the app shell', async ({ page, pageErrors }) => {
    await page.goto(`/search?q=${encodeURIComponent(IMG)}`);
    await expect(page.locator('input[type="search"]')).toHaveValue(IMG);
    await expectNothingInjected(page, pageErrors);
    await page.goto(`/services/${encodeURIComponent(SCRIPT)}`);
    await expect(page.locator('h1')).toHaveText(/\S/);
    await expectNothingInjected(page, pageErrors);
  });
});
