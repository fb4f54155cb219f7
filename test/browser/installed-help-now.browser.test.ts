import arCommon from '../../locales/ar/common.json' with { type: 'json' };
import enCommon from '../../locales/en/common.json' with { type: 'json' };
import { NATIONAL_HELPLINES } from '../../src/domain/council-contacts.ts';
import { findAccessibilityViolations } from '../support/axe.ts';
import { expect, test } from '../support/fixtures.ts';
import { emulateStandalone, standaloneStyles } from '../support/installed.ts';
import { sidewaysScroll } from '../support/layout.ts';
import { settle } from '../support/visit.ts';

/**
 * "Need help now?" in the app opened from the home screen of a 320 px phone, in English and Arabic: on
 * guided help's own page and above the results of a search that sounds unsafe, the national lines come
 * first, from the one list, each with its words and a call link a thumb can press (NHS 111 saying to
 * choose option 2 for mental health).
 */

const WORDS = { en: enCommon, ar: arCommon } as const;

test.use({ viewport: { width: 320, height: 640 } });

test.beforeEach(async ({ context, page }) => {
  await emulateStandalone(context);
  await standaloneStyles(page);
});

for (const lng of ['en', 'ar'] as const) {
  const w = WORDS[lng].helpNow;

  test(`in ${lng}, "Need help now?" lists every national line first, each one tap away`, async ({ page }) => {
    for (const path of ['/help-me-find/help-now', '/search?q=suicidal']) {
      await test.step(path, async () => {
        await page.goto(`${path}${path.includes('?') ? '&' : '?'}lng=${lng}`);
        await settle(page);
        const panel = page.locator('.help-now');
        await expect(panel.getByRole('heading', { name: w.title })).toBeVisible();
        const lines = panel.locator('.help-now__list > li');
        for (const [index, line] of NATIONAL_HELPLINES.entries()) {
          const item = lines.nth(index);
          await expect(item.locator('.help-now__when')).toHaveText(w[line.id]);
          const call = item.getByRole('link', { name: w.call.replace('{{number}}', line.phone) });
          await expect(call).toHaveAttribute('href', `tel:${line.dial}`);
          const box = await call.boundingBox();
          expect(box?.height, `${line.id}: a 44 px target`).toBeGreaterThanOrEqual(44);
          expect(box?.x, `${line.id}: on screen`).toBeGreaterThanOrEqual(0);
          expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(320);
        }
        expect(w.nhs111).toContain(lng === 'en' ? 'option 2' : 'الخيار 2');
        expect(await sidewaysScroll(page)).toBe(0);
        expect(await findAccessibilityViolations(page)).toEqual([]);
      });
    }
  });
}
