import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { openPglite } from '../../src/server/db/pglite.ts';
import { distDir, startServer, type RunningServer } from '../support/server.ts';

/**
 * Shared steps of the "Tell us" browser tests: walking the questionnaire as a person would, and
 * counting what the server stored.
 */

const root = new URL('../..', import.meta.url).pathname;

/** Waits until the service worker has installed (precached everything) and controls the page. */
export async function waitUntilOfflineReady(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (navigator.serviceWorker.controller) return;
    await new Promise((resolve) =>
      navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
    );
  });
}

export async function heading(page: Page): Promise<string> {
  await page.locator('h1').waitFor();
  return (await page.locator('h1').textContent()) ?? '';
}

/** The step a questionnaire page is on: the last part of its address. */
export function stepOf(page: Page): string {
  return new URL(page.url()).pathname.split('/').at(-1) ?? '';
}

/** Waits until the page is on `step` and its words have loaded. */
export async function onStep(page: Page, step: string): Promise<void> {
  await expect.poll(() => stepOf(page), { timeout: 15_000 }).toBe(step);
  await page.locator('h1').waitFor();
  await expect.poll(() => page.locator('.loading').count()).toBe(0);
}

/** Chooses a radio by its value (an answer code), so the same steps work in every language. */
export async function choose(page: Page, name: string, value: string): Promise<void> {
  await page.locator(`input[name="${name}"][value="${value}"]`).check();
}

/** Presses the step's main button (Continue) and waits for the next step. */
export async function continueFrom(page: Page, step: string): Promise<void> {
  await page.locator('form button[type="submit"]').click();
  await expect.poll(() => stepOf(page), { timeout: 15_000 }).not.toBe(step);
}

/** What a person answers at each step, as codes; a question not named is skipped. */
export interface Script {
  respondent?: string;
  answers?: Record<string, string>;
  words?: string;
  storeWords?: boolean;
  quote?: boolean;
  contact?: { email: string } | { phone: string };
  howAnswered?: string;
  gatheredBy?: string;
  safeguardingConcern?: boolean;
  areas?: string[];
  ageBand?: string;
  district?: string;
  /** Called on each step before it is answered (axe checks, closing the page…); 'stop' ends the walk. */
  onStep?: (step: string) => Promise<void | 'stop'>;
}

/** Answers every step from where the page is up to the check page, as the script says. */
export async function answerUpToCheck(page: Page, script: Script): Promise<'check' | 'stopped'> {
  for (let guard = 0; guard < 40; guard++) {
    await page.locator('h1').waitFor();
    await expect.poll(() => page.locator('.loading').count()).toBe(0);
    const step = stepOf(page);
    if ((await script.onStep?.(step)) === 'stop') return 'stopped';
    if (step === 'check') return 'check';
    switch (step) {
      case 'gathering':
        await choose(page, 'gatheredBy', script.gatheredBy ?? 'in-person');
        await page.locator('#consentStatementRead').check();
        break;
      case 'who':
        await choose(page, 'respondent', script.respondent ?? 'resident');
        break;
      case 'help-now':
        if (script.safeguardingConcern !== undefined)
          await choose(page, 'safeguarding', script.safeguardingConcern ? 'yes' : 'no');
        break;
      case 'words':
        if (script.words) await page.locator('#words').fill(script.words);
        break;
      case 'how-answered':
        await choose(page, 'howAnswered', script.howAnswered ?? 'own');
        break;
      case 'about-you':
        if (script.ageBand) await choose(page, 'ageBand', script.ageBand);
        if (script.district) await choose(page, 'district', script.district);
        break;
      case 'consent':
        if (script.words) {
          await choose(page, 'storeWords', script.storeWords ? 'yes' : 'no');
          if (script.storeWords) await choose(page, 'quote', script.quote ? 'yes' : 'no');
        }
        await choose(page, 'contact', script.contact ? 'yes' : 'no');
        break;
      case 'contact':
        if (script.contact && 'email' in script.contact) {
          await choose(page, 'contactMethod', 'email');
          await page.locator('#email').fill(script.contact.email);
        } else if (script.contact) {
          await choose(page, 'contactMethod', 'phone');
          await page.locator('#phone').fill(script.contact.phone);
        }
        break;
      case 'focus':
        for (const area of script.areas ?? []) await page.locator(`input[value="${area}"]`).check();
        break;
      case 'equality':
        break;
      default: {
        const answer = script.answers?.[step];
        if (answer === undefined) {
          await page.locator('form button[type="button"]').click();
          await expect.poll(() => stepOf(page), { timeout: 15_000 }).not.toBe(step);
          continue;
        }
        await choose(page, 'answer', answer);
      }
    }
    await continueFrom(page, step);
  }
  throw new Error(`The questionnaire did not reach the check page (stuck at ${stepOf(page)})`);
}

/** Presses the send button on the check page and waits for the confirmation; returns its reference. */
export async function sendFromCheck(page: Page): Promise<string> {
  await page.locator('#send').click();
  await page.waitForURL(/\/sent\/[0-9a-f-]{36}$/);
  await page.locator('.fb-panel__reference').waitFor();
  return (await page.locator('.fb-panel__reference').textContent()) ?? '';
}

/** Starts a questionnaire from its start page (a person's own, or a staff member's). */
export async function startQuestionnaire(page: Page): Promise<void> {
  await page.locator('main button.button').first().click();
  await expect.poll(() => stepOf(page), { timeout: 15_000 }).not.toMatch(/^(feedback|record)$/);
}

export interface StoredCounts {
  responses: number;
  problems: number;
  stories: number;
  flagged: number;
}

/** What the server stored, read from its PGlite folder; the server must be stopped first. */
export async function storedCounts(dataDir: string): Promise<StoredCounts> {
  const db = await openPglite(join(dataDir, 'pgdata'));
  try {
    const count = async (sql: string) => (await db.query<{ n: number }>(sql))[0]?.n ?? 0;
    return {
      responses: await count('select count(*)::int as n from feedback_responses'),
      problems: await count('select count(*)::int as n from listing_problems'),
      stories: await count('select count(*)::int as n from feedback_stories'),
      flagged: await count('select count(*)::int as n from feedback_responses where safety_concern'),
    };
  } finally {
    await db.close();
  }
}

/** Stops the server, counts what it stored, and starts it again on the same data and port. */
export async function countThenRestart(
  server: RunningServer,
): Promise<{ counts: StoredCounts; server: RunningServer }> {
  await server.stop();
  const counts = await storedCounts(server.dataDir);
  return { counts, server: await startServer({ dataDir: server.dataDir, port: server.port }) };
}

/** Creates a staff account in the server's data folder (before it starts) and returns its one-time password. */
export function addStaffUser(dataDir: string, email: string, role: 'field' | 'analyst' | 'admin'): string {
  const result = spawnSync(
    process.execPath,
    [join(distDir, 'server/server/cli/user-add.js'), '--role', role, email],
    {
      cwd: root,
      env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir },
      encoding: 'utf8',
    },
  );
  const match = /One-time password: (\S+)/.exec(result.stdout);
  if (!match) throw new Error(`user:add failed:\n${result.stdout}\n${result.stderr}`);
  return match[1] as string;
}
