import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeedbackSubmission } from '../../src/domain/feedback/submission.ts';
import type { StaffUser } from '../../src/domain/staff.ts';
import { launchChromium } from '../../test/support/chromium.ts';
import { bundleScript } from '../bundle.ts';
import { CPU_SLOWDOWN } from '../search/in-chromium.ts';
import { DRAIN, type DrainFigures } from './feedback.ts';
import { staffSubmission } from './feedback-payloads.ts';
import type { StaffAccount } from './staff.ts';

/**
 * A field worker's phone with 1,000 submissions queued offline, coming back online: the app's own
 * outbox (IndexedDB, batches, receipts) sends them, with the CPU slowed as a phone's. Timed from the
 * moment the connection returns until the outbox holds nothing waiting.
 */
export async function drainInChromium(serverUrl: string, account: StaffAccount): Promise<DrainFigures> {
  const folder = mkdtempSync(join(tmpdir(), 'signpost-bench-outbox-'));
  const browser = await launchChromium();
  try {
    const script = await bundleScript('bench/load/outbox-entry.ts', folder);
    // The page's policy has no 'unsafe-inline' (rightly): the benchmark's own script is let in this way.
    const context = await browser.newContext({ bypassCSP: true, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`${serverUrl}/`);
    await page.addScriptTag({ content: script });
    const user = await page.evaluate(async (body) => {
      const response = await fetch('/api/v1/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`Signing in answered ${response.status}`);
      const { user } = (await response.json()) as { user: StaffUser };
      await window.benchOutbox.rememberStaff(user);
      return user;
    }, account);

    await context.setOffline(true);
    const submissions = Array.from({ length: DRAIN.items }, (_, i) =>
      staffSubmission(crypto.randomUUID(), i),
    );
    await page.evaluate(
      async ({ items, owner }) => {
        for (const submission of items) await window.benchOutbox.enqueue(submission, { owner });
      },
      { items: submissions as FeedbackSubmission[], owner: user.id },
    );
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await context.setOffline(false);
    const result = await page.evaluate(async (owner) => {
      const started = performance.now();
      for (let round = 0; round < 20; round++) {
        await window.benchOutbox.sendOutbox('online');
        const summary = await window.benchOutbox.outboxSummary(owner);
        if (summary.waiting === 0) return { totalMs: performance.now() - started, sent: summary.sent };
      }
      throw new Error('The outbox still had items waiting after 20 sends');
    }, user.id);
    return {
      how: `the app's outbox in Chromium, CPU ÷${CPU_SLOWDOWN}`,
      items: DRAIN.items,
      totalMs: result.totalMs,
      stored: result.sent,
    };
  } finally {
    await browser.close();
    rmSync(folder, { recursive: true, force: true });
  }
}
