import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, waitForServiceWorker, type BrowserSession } from '../support/browser.ts';
import { distDir, startServer, type RunningServer } from '../support/server.ts';

const root = new URL('../..', import.meta.url).pathname;
const nextBuild = `${distDir}/client-next`;

let server: RunningServer;
let session: BrowserSession;

beforeAll(async () => {
  server = await startServer();
  session = await openBrowser();
});

afterAll(async () => {
  await session?.browser.close();
  await server?.dispose();
  rmSync(nextBuild, { recursive: true, force: true });
});

describe('offline, through the service worker', () => {
  it('says it is ready to work offline after the first visit', async () => {
    const { page } = session;
    await page.goto(server.url + '/');
    await waitForServiceWorker(page);
    await expect.poll(() => page.getByText('Signpost is ready to work offline.').isVisible()).toBe(true);
  });

  it('reloads and navigates with no connection at all', async () => {
    const { page, context } = session;
    await page.goto(server.url + '/');
    await waitForServiceWorker(page);
    await context.setOffline(true);
    try {
      await page.reload();
      await expect.poll(() => page.locator('h1').textContent()).toBe('Find support in Essex');
      await page.getByRole('link', { name: 'Privacy notice' }).click();
      await expect.poll(() => page.locator('h1').textContent()).toBe('Privacy notice');
      // A page opened straight from its address, as from a bookmark or the home-screen shortcut.
      await page.goto(server.url + '/accessibility');
      await expect.poll(() => page.locator('h1').textContent()).toBe('Accessibility statement for Signpost');
      // Another language's text was never downloaded in this session, yet is there offline.
      await page.getByRole('button', { name: /Language/ }).click();
      await page.getByRole('link', { name: 'العربية' }).click();
      await expect.poll(() => page.locator('h1').textContent()).toBe('بيان إمكانية الوصول لـ Signpost');
    } finally {
      await context.setOffline(false);
      await page.evaluate(() => localStorage.removeItem('signpost.language'));
    }
  });

  it('offers a new version when one is deployed, and only reloads when asked', async () => {
    const { page } = session;
    await page.goto(server.url + '/');
    await waitForServiceWorker(page);
    // A first visit, still open when the new version comes: the service worker took it over mid-visit.
    const firstVisit = await openBrowser();
    await firstVisit.page.goto(server.url + '/');
    await waitForServiceWorker(firstVisit.page);
    const oldVersion = await page.evaluate(async () => (await (await fetch('/version.json')).json()).version);

    const build = spawnSync(
      process.execPath,
      [`${root}node_modules/vite/bin/vite.js`, 'build', '--outDir', nextBuild, '--logLevel', 'error'],
      { cwd: root, env: { ...process.env, NODE_ENV: 'production', SIGNPOST_BUILD_ID: 'next-release' } },
    );
    expect(build.status, build.stderr?.toString()).toBe(0);
    await server.stop();
    server = await startServer({
      dataDir: server.dataDir,
      port: server.port,
      env: { STATIC_DIR: nextBuild },
    });

    // Coming back to the app is when it checks for a new version.
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    const prompt = page.getByText('A new version of Signpost is ready.');
    await prompt.waitFor({ timeout: 30_000 });
    // Nothing reloaded underneath the person: the old version is still running.
    expect(await page.evaluate(() => document.title)).toBe('Find support in Essex – Signpost');

    await page.getByRole('button', { name: 'Not now' }).click();
    await expect.poll(() => prompt.isVisible()).toBe(false);

    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await prompt.waitFor();
    await Promise.all([
      page.waitForEvent('framenavigated'),
      page.getByRole('button', { name: 'Reload now' }).click(),
    ]);
    await page.locator('h1').waitFor();
    const running = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return { waiting: Boolean(registration?.waiting) };
    });
    expect(running.waiting).toBe(false);
    expect(oldVersion).not.toBe('next-release');
    const served = await page.evaluate(async () => (await (await fetch('/version.json')).json()).version);
    expect(served).toBe('next-release');
    const scripts = await page.evaluate(() =>
      [...document.querySelectorAll('script[src]')].map((s) => s.getAttribute('src')),
    );
    const nextIndex = spawnSync('cat', [`${nextBuild}/index.html`]).stdout.toString();
    for (const src of scripts) expect(nextIndex).toContain(src);

    try {
      const firstPage = firstVisit.page;
      await firstPage.evaluate(() => window.dispatchEvent(new Event('focus')));
      await firstPage.getByRole('button', { name: 'Reload now' }).waitFor({ timeout: 30_000 });
      await Promise.all([
        firstPage.waitForEvent('framenavigated'),
        firstPage.getByRole('button', { name: 'Reload now' }).click(),
      ]);
      await firstPage.locator('h1').waitFor();
      const firstScripts = await firstPage.evaluate(() =>
        [...document.querySelectorAll('script[src]')].map((s) => s.getAttribute('src')),
      );
      for (const src of firstScripts) expect(nextIndex).toContain(src);
    } finally {
      await firstVisit.browser.close();
    }
  });
});
