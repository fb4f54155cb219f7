import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../src/server/db/pglite.ts';
import { findAccessibilityViolations } from '../support/axe.ts';
import { openBrowser, type BrowserSession } from '../support/browser.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import {
  addStaffUser,
  answerUpToCheck,
  choose,
  onStep,
  sendFromCheck,
  stepOf,
  waitUntilOfflineReady,
} from './feedback-helpers.ts';

const FIELD = 'field.worker@example.org';
const ANALYST = 'insight.analyst@example.org';
const NEW_PASSWORD = 'lantern orchard velvet compass';

let server: RunningServer;
let session: BrowserSession;
let oneTimePassword: string;
let analystPassword: string;

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'signpost-staff-'));
  oneTimePassword = addStaffUser(dataDir, FIELD, 'field');
  analystPassword = addStaffUser(dataDir, ANALYST, 'analyst');
  server = await startServer({ dataDir });
  session = await openBrowser();
});

afterAll(async () => {
  await session?.browser.close();
  await server?.dispose();
});

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}` : '';
  });

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto(server.url + '/staff/sign-in');
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** What the server stored for staff-assisted responses; the server is stopped and started again. */
async function assistedRows(): Promise<
  Array<{
    channel: string;
    safeguarding_concern: boolean | null;
    submitted_by: string | null;
    areas: string[];
  }>
> {
  await server.stop();
  const db = await openPglite(join(server.dataDir, 'pgdata'));
  try {
    return await db.query(
      `select channel, safeguarding_concern, submitted_by::text, areas_of_focus as areas
         from feedback_responses where channel like 'staff-%' order by created_at`,
    );
  } finally {
    await db.close();
    server = await startServer({ dataDir: server.dataDir, port: server.port });
  }
}

async function expectAccessible(page: Page, what: string): Promise<void> {
  await expect.poll(() => page.locator('.loading').count()).toBe(0);
  // The page is there once its heading is: axe looks at the page, not the moment between two.
  await page.locator('h1').first().waitFor();
  expect(await findAccessibilityViolations(page), what).toEqual([]);
}

const outboxStates = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const request = indexedDB.open('signpost-outbox');
        request.onsuccess = () => {
          const db = request.result;
          const all = db.transaction('items').objectStore('items').getAll();
          all.onsuccess = () => {
            db.close();
            resolve(
              (all.result as Array<{ state: string; waitingFor?: string }>).map(
                (i) => i.waitingFor ?? i.state,
              ),
            );
          };
        };
      }),
  );

describe('staff sign-in', () => {
  it('says only that the email or password is not right, then asks to replace a one-time password', async () => {
    const { page } = session;
    await page.goto(server.url + '/staff/sign-in');
    await page.locator('h1').waitFor();
    expect(await page.locator('#email').getAttribute('autocomplete')).toBe('username');
    expect(await page.locator('#password').getAttribute('autocomplete')).toBe('current-password');
    await expectAccessible(page, 'sign-in');

    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('.error-summary').waitFor();
    expect(await page.locator('.error-summary').textContent()).toContain('Enter your email address');
    await expectAccessible(page, 'sign-in with errors');

    await signIn(page, FIELD, 'not the password at all');
    await page.locator('.error-summary').waitFor();
    expect(await page.locator('.error-summary li').allTextContents()).toEqual([
      'Email or password is not right',
    ]);
    expect(await focused(page)).toBe('div');
    await signIn(page, 'nobody@example.org', 'not the password at all');
    await page.locator('.error-summary').waitFor();
    expect(await page.locator('.error-summary li').allTextContents()).toEqual([
      'Email or password is not right',
    ]);

    await signIn(page, FIELD, oneTimePassword);
    await page.waitForURL(/\/staff\/password$/);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Change your password');
    expect(await page.locator('#new-password').getAttribute('autocomplete')).toBe('new-password');
    await page.locator('#current-password').fill(oneTimePassword);
    await page.locator('#new-password').fill('too short');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.locator('.error-summary').waitFor();
    expect(await page.locator('.error-summary').textContent()).toContain('at least 12 characters');
    await expectAccessible(page, 'change password with errors');
    await page.locator('#new-password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.waitForURL(/\/staff\?changed=1$/);
    await expect
      .poll(() => page.locator('main').textContent())
      .toContain(`Signed in as ${FIELD} (field worker).`);
    expect(await page.locator('main').textContent()).toContain('Your password has been changed.');
    await expectAccessible(page, 'staff home');
  });

  it('works by keyboard alone', async () => {
    const fresh = await openBrowser();
    try {
      const { page } = fresh;
      await page.goto(server.url + '/staff/sign-in');
      await page.locator('h1').waitFor();
      await page.locator('#email').focus();
      await page.keyboard.type(ANALYST);
      await page.keyboard.press('Tab');
      expect(await focused(page)).toBe('input#password');
      await page.keyboard.type(analystPassword);
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/staff\/password$/);
      await page.locator('#current-password').focus();
      await page.keyboard.type(analystPassword);
      await page.keyboard.press('Tab');
      await page.keyboard.type(NEW_PASSWORD);
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/staff\?changed=1$/);
      await expect.poll(() => page.locator('main').textContent()).toContain('(insight analyst)');
      // An analyst does not record feedback on people's behalf.
      expect(await page.locator('main').textContent()).toContain('Your account does not record feedback');
      await page.goto(server.url + '/staff/record/who');
      await page.waitForURL(/\/staff$/);
    } finally {
      await fresh.browser.close();
    }
  });
});

describe('staff-assisted feedback', () => {
  it('records two people in one visit offline, with consent and a safeguarding question, and sends both later', async () => {
    const { page, context } = session;
    await page.goto(server.url + '/staff');
    await waitUntilOfflineReady(page);
    await context.setOffline(true);
    try {
      await page.getByRole('link', { name: 'Record feedback with someone' }).click();
      await page.waitForURL(/\/staff\/record$/);
      await expectAccessible(page, 'record start');
      await page.getByRole('button', { name: 'Start now' }).click();
      await onStep(page, 'gathering');
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.locator('.error-summary').waitFor();
      expect(await page.locator('.error-summary li').allTextContents()).toEqual([
        'Select how you are gathering this feedback',
        'Confirm that you have read the consent statement and the person agreed',
      ]);
      await expectAccessible(page, 'gathering with errors');
      // The consent statement checkbox works from the keyboard.
      await page.locator('#consentStatementRead').focus();
      await page.keyboard.press('Space');
      expect(await page.locator('#consentStatementRead').isChecked()).toBe(true);
      await page.locator('#consentStatementRead').uncheck();

      const seen: string[] = [];
      await answerUpToCheck(page, {
        gatheredBy: 'in-person',
        respondent: 'draws-on-care',
        answers: { control: 'some-not-enough', safe: 'not-safe' },
        words: 'She said the new carer is kind but always in a rush.',
        storeWords: true,
        quote: false,
        howAnswered: 'with-help',
        safeguardingConcern: true,
        areas: ['care-market', 'practice'],
        onStep: async (step) => {
          seen.push(step);
          if (step === 'help-now') {
            expect(await page.locator('h1').textContent()).toBe('Tell the person how to get help now');
            await page.getByRole('button', { name: 'Continue' }).click();
            await page.locator('.error-summary').waitFor();
            expect(await page.locator('.error-summary').textContent()).toContain(
              'Select yes if a safeguarding concern needs raising',
            );
            await expectAccessible(page, 'help now, staff, with errors');
          }
          if (step === 'focus') await expectAccessible(page, 'areas of focus');
        },
      });
      expect(seen.indexOf('help-now')).toBe(seen.indexOf('safe') + 1);
      expect(await page.locator('.fb-summary-list').textContent()).toContain('The care market, Practice');
      await sendFromCheck(page);
      expect(await page.locator('h1').textContent()).toBe('Feedback recorded');
      await expectAccessible(page, 'recorded');

      await page.getByRole('button', { name: 'Record another person' }).click();
      await onStep(page, 'gathering');
      expect(await page.locator('input[value="in-person"]').isChecked()).toBe(true);
      expect(await page.locator('#consentStatementRead').isChecked()).toBe(false);
      await answerUpToCheck(page, { respondent: 'resident', answers: { belong: 'agree' } });
      await sendFromCheck(page);

      await page.getByRole('link', { name: 'Go to staff home' }).click();
      await page.waitForURL(/\/staff$/);
      await expect.poll(() => page.locator('main').textContent()).toContain('2 responses waiting to send');
      await expectAccessible(page, 'staff home with waiting items');
    } finally {
      await context.setOffline(false);
    }
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await expect
      .poll(() => page.locator('main').textContent(), { timeout: 20_000 })
      .toContain('Nothing is waiting to be sent.');
    const rows = await assistedRows();
    expect(rows.map((r) => [r.channel, r.safeguarding_concern, r.areas])).toEqual([
      ['staff-in-person', true, ['care-market', 'practice']],
      ['staff-in-person', null, []],
    ]);
    expect(new Set(rows.map((r) => r.submitted_by)).size).toBe(1);
    expect(rows[0]?.submitted_by).toBeTruthy();
  });

  it('keeps what was recorded when the session ends offline, and sends it after signing in again', async () => {
    const { page, context } = session;
    await page.goto(server.url + '/staff');
    await page.locator('h1').waitFor();
    await context.setOffline(true);
    try {
      await page.getByRole('link', { name: 'Record feedback with someone' }).click();
      await page.getByRole('button', { name: 'Start now' }).click();
      await onStep(page, 'gathering');
      await answerUpToCheck(page, { respondent: 'carer', answers: { 'carer-support': 'none' } });
      await sendFromCheck(page);
      // The session ends on the server while the device is away (as an expiry would).
      await context.clearCookies();
    } finally {
      await context.setOffline(false);
    }
    await page.goto(server.url + '/staff');
    await expect.poll(() => outboxStates(page), { timeout: 20_000 }).toContain('sign-in');
    await expect
      .poll(() => page.locator('main').textContent(), { timeout: 20_000 })
      .toContain('Your session has ended.');
    expect(await page.locator('main').textContent()).toContain('Waiting to send: sign in again to send it.');

    await signIn(page, FIELD, NEW_PASSWORD);
    await page.waitForURL(/\/staff$/);
    await expect
      .poll(() => page.locator('main').textContent(), { timeout: 20_000 })
      .toContain('Nothing is waiting to be sent.');
    expect((await assistedRows()).length).toBe(3);
  });

  it('will not sign out while something waits, offers the file instead, and then clears the device', async () => {
    const { page, context } = session;
    await page.goto(server.url + '/staff');
    await page.locator('h1').waitFor();
    await context.setOffline(true);
    try {
      await page.getByRole('link', { name: 'Record feedback with someone' }).click();
      await page.getByRole('button', { name: 'Start now' }).click();
      await onStep(page, 'gathering');
      await answerUpToCheck(page, { respondent: 'resident', answers: { home: 'very-well' } });
      const waitingId = await (async () => {
        await sendFromCheck(page);
        return stepOf(page);
      })();
      // A draft of a next person, begun and left.
      await page.getByRole('button', { name: 'Record another person' }).click();
      await onStep(page, 'gathering');
      await choose(page, 'gatheredBy', 'phone');

      await page.goto(server.url + '/staff');
      await page.getByRole('button', { name: 'Sign out' }).click();
      const warning = page.locator('.fb-warning-panel[role="alert"]');
      await warning.waitFor();
      expect(await warning.textContent()).toContain(
        'You cannot sign out yet: 1 response you recorded has not been sent.',
      );
      expect(new URL(page.url()).pathname).toBe('/staff');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        warning.getByRole('button', { name: 'Export unsent responses as a file' }).click(),
      ]);
      const exported = JSON.parse(readFileSync((await download.path()) as string, 'utf8')) as {
        format: string;
        submissions: Array<{ id: string; channel: string }>;
      };
      expect(exported.format).toBe('signpost-outbox-export');
      expect(exported.submissions.map((s) => [s.id, s.channel])).toEqual([[waitingId, 'staff-in-person']]);

      await page
        .getByRole('button', { name: 'Sign out and remove the exported responses from this device' })
        .click();
      await page.waitForURL(/\/staff\/sign-in\?signedOut=1$/);
      await expect.poll(() => page.locator('main').textContent()).toContain('You have signed out.');
      expect(await outboxStates(page)).toEqual([]);
      const drafts = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const request = indexedDB.open('signpost-drafts');
            request.onsuccess = () => {
              const db = request.result;
              const count = db.transaction('drafts').objectStore('drafts').count();
              count.onsuccess = () => {
                db.close();
                resolve(count.result);
              };
            };
          }),
      );
      expect(drafts).toBe(0);
      await page.goto(server.url + '/staff');
      await page.waitForURL(/\/staff\/sign-in$/);
    } finally {
      await context.setOffline(false);
    }
  });
});

describe('staff pages in Arabic', () => {
  it('have nothing axe can find, including their errors', async () => {
    const fresh = await openBrowser();
    try {
      const { page } = fresh;
      await page.goto(`${server.url}/staff/sign-in?lng=ar`);
      await page.locator('h1').waitFor();
      await expectAccessible(page, 'sign-in (ar)');
      await page.locator('#email').fill(FIELD);
      await page.locator('#password').fill('wrong password here');
      await page.locator('main form button[type="submit"]').click();
      await page.locator('.error-summary').waitFor();
      expect(await page.locator('.error-summary li').allTextContents()).toEqual([
        'البريد الإلكتروني أو كلمة المرور غير صحيحين',
      ]);
      await expectAccessible(page, 'sign-in with errors (ar)');
      await page.locator('#password').fill(NEW_PASSWORD);
      await page.locator('main form button[type="submit"]').click();
      await page.waitForURL(/\/staff$/);
      await page.locator('a[href="/staff/record"]').click();
      await page.locator('main button.button').first().click();
      await onStep(page, 'gathering');
      await page.locator('main form button[type="submit"]').click();
      await page.locator('.error-summary').waitFor();
      await expectAccessible(page, 'gathering with errors (ar)');
      await answerUpToCheck(page, {
        answers: { safe: 'less-safe' },
        safeguardingConcern: false,
        onStep: async (step) => {
          if (step === 'help-now' || step === 'focus') await expectAccessible(page, `${step} (ar)`);
        },
      });
      await expectAccessible(page, 'check (ar)');
      await sendFromCheck(page);
      await expectAccessible(page, 'recorded (ar)');
      await page.goto(`${server.url}/staff`);
      await page.locator('h1').waitFor();
      await expectAccessible(page, 'staff home (ar)');
    } finally {
      await fresh.browser.close();
    }
  });
});
