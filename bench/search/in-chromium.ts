import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Service } from '../../src/domain/service.ts';
import { launchChromium } from '../../test/support/chromium.ts';
import { bundleScript } from '../bundle.ts';
import { serveFolder } from '../static-server.ts';
import type { SearchFigures } from './measure.ts';
import type { JudgedSet, RelevanceFigures } from './relevance.ts';

/** A mid-range phone's CPU, as Lighthouse's mobile profile has it. */
export const CPU_SLOWDOWN = 4;

async function bundleSearchPage(folder: string): Promise<void> {
  writeFileSync(
    join(folder, 'search.js'),
    await bundleScript('bench/search/page-entry.ts', join(folder, 'build')),
  );
  writeFileSync(
    join(folder, 'index.html'),
    '<!doctype html><meta charset="utf-8"><title>search benchmark</title><script src="/search.js"></script>',
  );
}

/**
 * The same search measurements in Chromium with the CPU slowed as a phone's (CDP
 * `Emulation.setCPUThrottlingRate`): the domain search bundled by Vite as the app bundles it.
 */
export async function measureSearchInChromium(
  directories: ReadonlyMap<number, Service[]>,
  sample: { services: Service[]; judged: JudgedSet },
): Promise<{ figures: SearchFigures[]; relevance: RelevanceFigures }> {
  const folder = mkdtempSync(join(tmpdir(), 'signpost-bench-search-'));
  const site = await (async () => {
    await bundleSearchPage(folder);
    for (const [size, services] of directories)
      writeFileSync(join(folder, `services-${size}.json`), JSON.stringify(services));
    writeFileSync(join(folder, 'sample.json'), JSON.stringify(sample));
    return serveFolder(folder);
  })();
  const browser = await launchChromium();
  try {
    const figures: SearchFigures[] = [];
    const relevance = await (async () => {
      const page = await browser.newPage();
      await page.goto(`${site.url}/`);
      await page.evaluate(async (url) => {
        (window as unknown as { sample: unknown }).sample = await (await fetch(url)).json();
      }, `${site.url}/sample.json`);
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
      const measured = await page.evaluate(() => {
        const { services, judged } = (
          window as unknown as { sample: { services: Service[]; judged: JudgedSet } }
        ).sample;
        return window.measureRelevance(services, judged);
      });
      await page.close();
      return measured;
    })();
    for (const size of directories.keys()) {
      // A fresh page for each size, so one size's garbage is not collected during the next one's timings.
      const page = await browser.newPage();
      await page.goto(`${site.url}/`);
      // The directory is read at full speed (not measured), then the CPU slowed for what is.
      await page.evaluate(async (url) => {
        (window as unknown as { services: Service[] }).services = (await (
          await fetch(url)
        ).json()) as Service[];
      }, `${site.url}/services-${size}.json`);
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
      figures.push(
        await page.evaluate(() =>
          window.measureSearch((window as unknown as { services: Service[] }).services),
        ),
      );
      await page.close();
    }
    return { figures, relevance };
  } finally {
    await browser.close();
    await site.close();
    rmSync(folder, { recursive: true, force: true });
  }
}
