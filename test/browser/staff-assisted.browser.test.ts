import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { findAccessibilityViolations } from '../support/axe.ts';
import { expect, test } from '../support/fixtures.ts';
import { outboxStates, readOutbox } from '../support/outbox.ts';
import { answerUpToCheck, choose, onStep, sendFromCheck, stepOf } from '../support/questionnaire.ts';
import type { StaffLogin, TestServer } from '../support/test-server.ts';
import { connectionBack, controlledByServiceWorker } from '../support/visit.ts';

const NEW_PASSWORD = 'lantern orchard velvet compass';

/** Signs in through the sign-in page, as a member of staff does (on the given server, or the worker's). */
async function signInOnPage(page: Page, login: StaffLogin, server?: TestServer): Promise<void> {
  await page.goto(`${server?.url ?? ''}/staff/sign-in`);
  await page.getByLabel('Email address').fill(login.email);
  await page.getByLabel('Password', { exact: true }).fill(login.password);
  await page.locator('main form button[type="submit"]').click();
}

/** What the server stored for staff-assisted responses; the server is stopped and started again. */
function assistedRows(server: TestServer) {
  return server.inspect((db) =>
    db.query<{
      channel: string;
      safeguarding_concern: boolean | null;
      submitted_by: string | null;
      areas: string[];
    }>(
      `select channel, safeguarding_concern, submitted_by::text, areas_of_focus as areas
         from feedback_responses where channel like 'staff-%' order by created_at`,
    ),
  );
}

async function expectAccessible(page: Page, what: string): Promise<void> {
  // The page is there once its heading is: axe looks at the page, not the moment between two.
  await expect(page.locator('h1').first()).toHaveText(/\S/);
  await expect(page.locator('.loading')).toHaveCount(0);
  expect(await findAccessibilityViolations(page), what).toEqual([]);
}

const errorSummary = (page: Page) => page.locator('.error-summary');

test.describe('staff sign-in', () => {
  test('says only that the email or password is not right, then asks to replace a one-time password', async ({
    page,
    newStaffAccount,
  }) => {
    const staff = await newStaffAccount('field');
    await page.goto('/staff/sign-in');
    await expect(page.locator('#email')).toHaveAttribute('autocomplete', 'username');
    await expect(page.locator('#password')).toHaveAttribute('autocomplete', 'current-password');
    await expectAccessible(page, 'sign-in');

    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(errorSummary(page)).toContainText('Enter your email address');
    await expectAccessible(page, 'sign-in with errors');

    await signInOnPage(page, { email: staff.email, password: 'not the password at all' });
    await expect(errorSummary(page).locator('li')).toHaveText(['Email or password is not right']);
    await expect(errorSummary(page)).toBeFocused();
    await signInOnPage(page, { email: 'nobody@example.org', password: 'not the password at all' });
    await expect(errorSummary(page).locator('li')).toHaveText(['Email or password is not right']);

    await signInOnPage(page, staff);
    await expect(page).toHaveURL(/\/staff\/password$/);
    await expect(page.locator('h1')).toHaveText('Change your password');
    await expect(page.locator('#new-password')).toHaveAttribute('autocomplete', 'new-password');
    await page.locator('#current-password').fill(staff.password);
    await page.locator('#new-password').fill('too short');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(errorSummary(page)).toContainText('at least 12 characters');
    await expectAccessible(page, 'change password with errors');
    await page.locator('#new-password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page).toHaveURL(/\/staff\?changed=1$/);
    await expect(page.locator('main')).toContainText(`Signed in as ${staff.email} (field worker).`);
    await expect(page.locator('main')).toContainText('Your password has been changed.');
    await expectAccessible(page, 'staff home');
  });

  test('works by keyboard alone', async ({ page, newStaffAccount }) => {
    const staff = await newStaffAccount('analyst');
    await page.goto('/staff/sign-in');
    await page.locator('#email').focus();
    await page.keyboard.type(staff.email);
    await page.keyboard.press('Tab');
    await expect(page.locator('#password')).toBeFocused();
    await page.keyboard.type(staff.password);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/staff\/password$/);
    await page.locator('#current-password').focus();
    await page.keyboard.type(staff.password);
    await page.keyboard.press('Tab');
    await page.keyboard.type(NEW_PASSWORD);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/staff\?changed=1$/);
    await expect(page.locator('main')).toContainText('(insight analyst)');
    // An analyst does not record feedback on people's behalf.
    await expect(page.locator('main')).toContainText('Your account does not record feedback');
    await page.goto('/staff/record/who');
    await expect(page).toHaveURL((url) => url.pathname === '/staff');
  });
});

test.describe('staff-assisted feedback', () => {
  test('records two people in one visit offline, with consent and a safeguarding question, and sends both later', async ({
    page,
    context,
    ownServer,
  }) => {
    // A server of its own: the test counts what was stored.
    const server = await ownServer();
    await signInOnPage(page, server.staff.field, server);
    await expect(page).toHaveURL((url) => url.pathname === '/staff');
    await controlledByServiceWorker(page);
    await context.setOffline(true);
    await page.getByRole('link', { name: 'Record feedback with someone' }).click();
    await expect(page).toHaveURL(/\/staff\/record$/);
    await expectAccessible(page, 'record start');
    await page.getByRole('button', { name: 'Start now' }).click();
    await onStep(page, 'gathering');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(errorSummary(page).locator('li')).toHaveText([
      'Select how you are gathering this feedback',
      'Confirm that you have read the consent statement and the person agreed',
    ]);
    await expectAccessible(page, 'gathering with errors');
    // The consent statement checkbox works from the keyboard.
    await page.locator('#consentStatementRead').focus();
    await page.keyboard.press('Space');
    await expect(page.locator('#consentStatementRead')).toBeChecked();
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
          await expect(page.locator('h1')).toHaveText('Tell the person how to get help now');
          await page.getByRole('button', { name: 'Continue' }).click();
          await expect(errorSummary(page)).toContainText(
            'Select yes if a safeguarding concern needs raising',
          );
          await expectAccessible(page, 'help now, staff, with errors');
        }
        if (step === 'focus') await expectAccessible(page, 'areas of focus');
      },
    });
    expect(seen.indexOf('help-now')).toBe(seen.indexOf('safe') + 1);
    await expect(page.locator('.fb-summary-list')).toContainText('The care market, Practice');
    await sendFromCheck(page);
    await expect(page.locator('h1')).toHaveText('Feedback recorded');
    await expectAccessible(page, 'recorded');

    await page.getByRole('button', { name: 'Record another person' }).click();
    await onStep(page, 'gathering');
    await expect(page.locator('input[value="in-person"]')).toBeChecked();
    await expect(page.locator('#consentStatementRead')).not.toBeChecked();
    await answerUpToCheck(page, { respondent: 'resident', answers: { belong: 'agree' } });
    await sendFromCheck(page);

    await page.getByRole('link', { name: 'Go to staff home' }).click();
    await expect(page).toHaveURL(/\/staff$/);
    await expect(page.locator('main')).toContainText('2 responses waiting to send');
    await expectAccessible(page, 'staff home with waiting items');

    await context.setOffline(false);
    await connectionBack(page);
    await expect(page.locator('main')).toContainText('Nothing is waiting to be sent.');
    const rows = await assistedRows(server);
    expect(rows.map((r) => [r.channel, r.safeguarding_concern, r.areas])).toEqual([
      ['staff-in-person', true, ['care-market', 'practice']],
      ['staff-in-person', null, []],
    ]);
    expect(new Set(rows.map((r) => r.submitted_by)).size).toBe(1);
    expect(rows[0]?.submitted_by).toBeTruthy();
  });

  test('keeps what was recorded when the session ends offline, and sends it after signing in again', async ({
    page,
    context,
    ownServer,
  }) => {
    const server = await ownServer();
    await signInOnPage(page, server.staff.field, server);
    await expect(page).toHaveURL((url) => url.pathname === '/staff');
    await controlledByServiceWorker(page);
    await context.setOffline(true);
    await page.getByRole('link', { name: 'Record feedback with someone' }).click();
    await page.getByRole('button', { name: 'Start now' }).click();
    await onStep(page, 'gathering');
    await answerUpToCheck(page, { respondent: 'carer', answers: { 'carer-support': 'none' } });
    await sendFromCheck(page);
    // The session ends on the server while the device is away (as an expiry would).
    await context.clearCookies();
    await context.setOffline(false);

    await page.goto(`${server.url}/staff`);
    await expect.poll(() => outboxStates(page)).toContain('sign-in');
    await expect(page.locator('main')).toContainText('Your session has ended.');
    await expect(page.locator('main')).toContainText('Waiting to send: sign in again to send it.');

    await signInOnPage(page, server.staff.field, server);
    await expect(page).toHaveURL(/\/staff$/);
    await expect(page.locator('main')).toContainText('Nothing is waiting to be sent.');
    expect(await assistedRows(server)).toHaveLength(1);
  });

  test('marks a response the server refuses as not sent, with why, and sends the others', async ({
    page,
    context,
    ownServer,
  }) => {
    const server = await ownServer();
    await signInOnPage(page, server.staff.field, server);
    await expect(page).toHaveURL((url) => url.pathname === '/staff');
    await controlledByServiceWorker(page);
    await context.setOffline(true);
    await page.getByRole('link', { name: 'Record feedback with someone' }).click();
    await page.getByRole('button', { name: 'Start now' }).click();
    const ids: string[] = [];
    for (const respondent of ['carer', 'resident', 'draws-on-care']) {
      if (ids.length > 0) await page.getByRole('button', { name: 'Record another person' }).click();
      await onStep(page, 'gathering');
      await answerUpToCheck(page, { respondent, answers: { belong: 'agree' } });
      await sendFromCheck(page);
      ids.push(stepOf(page));
    }
    await expect.poll(() => outboxStates(page)).toEqual(['offline', 'offline', 'offline']);
    // The first was recorded on a device that then stayed offline for six weeks: too long ago to count.
    const sixWeeksAgo = Date.now() - 42 * 24 * 60 * 60_000;
    await page.evaluate(
      ({ id, at }) =>
        navigator.locks.request('signpost-outbox-send', async () => {
          const db = await new Promise<IDBDatabase>((resolve, reject) => {
            const request = indexedDB.open('signpost-outbox');
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          });
          const store = db.transaction('items', 'readwrite').objectStore('items');
          await new Promise<void>((resolve, reject) => {
            const read = store.get(id);
            read.onsuccess = () => {
              const item = read.result as { queuedAt: number; submission: { createdAt: string } };
              item.queuedAt = at;
              item.submission.createdAt = new Date(at).toISOString();
              const write = store.put(item);
              write.onsuccess = () => resolve();
              write.onerror = () => reject(write.error);
            };
            read.onerror = () => reject(read.error);
          });
          db.close();
        }),
      { id: ids[0]!, at: sixWeeksAgo },
    );
    const queued = await readOutbox(page);
    const [refused, ...good] = ids.map((id) => queued.find((item) => item.id === id)!.reference);

    await page.goto(`${server.url}/staff`);
    await context.setOffline(false);
    await connectionBack(page);
    await expect(page.locator('main')).toContainText('Nothing is waiting to be sent.');
    const items = page.locator('.fb-outbox-list__item');
    await expect(items).toHaveCount(3);
    const notSent = items.filter({ hasText: refused });
    await expect(notSent).toContainText(
      'Not sent: it was recorded more than a month ago, too long ago to count in the council’s figures.',
    );
    await expect(notSent.getByRole('button', { name: `Remove ${refused}` })).toBeVisible();
    for (const reference of good) {
      await expect(items.filter({ hasText: reference })).toContainText('Sent to Essex County Council.');
    }
    await expectAccessible(page, 'staff home with a response not sent');

    // Later sends go on without it: the refused one is never offered to the server again by itself.
    const posted: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/api/v1/feedback'))
        posted.push(request.postData() ?? '');
    });
    await page.getByRole('link', { name: 'Record feedback with someone' }).click();
    await page.getByRole('button', { name: 'Start now' }).click();
    await onStep(page, 'gathering');
    await answerUpToCheck(page, { respondent: 'resident', answers: { home: 'very-well' } });
    await sendFromCheck(page);
    const later = stepOf(page);
    await expect.poll(async () => (await readOutbox(page)).find((i) => i.id === later)?.state).toBe('sent');
    expect(posted.some((body) => body.includes(ids[0]!))).toBe(false);
    expect((await readOutbox(page)).find((i) => i.id === ids[0])?.state).toBe('failed');
    expect(await assistedRows(server)).toHaveLength(3);
  });

  test('will not sign out while something waits, offers the file instead, and then clears the device', async ({
    page,
    context,
    signIn,
  }) => {
    await signIn('field');
    await page.goto('/staff');
    await controlledByServiceWorker(page);
    await context.setOffline(true);
    await page.getByRole('link', { name: 'Record feedback with someone' }).click();
    await page.getByRole('button', { name: 'Start now' }).click();
    await onStep(page, 'gathering');
    await answerUpToCheck(page, { respondent: 'resident', answers: { home: 'very-well' } });
    await sendFromCheck(page);
    const waitingId = stepOf(page);
    // A draft of a next person, begun and left.
    await page.getByRole('button', { name: 'Record another person' }).click();
    await onStep(page, 'gathering');
    await choose(page, 'gatheredBy', 'phone');

    await page.goto('/staff');
    await page.getByRole('button', { name: 'Sign out' }).click();
    const warning = page.getByRole('alert').filter({ hasText: 'You cannot sign out yet' });
    await expect(warning).toContainText(
      'You cannot sign out yet: 1 response you recorded has not been sent.',
    );
    await expect(page).toHaveURL((url) => url.pathname === '/staff');

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
    await expect(page).toHaveURL(/\/staff\/sign-in\?signedOut=1$/);
    await expect(page.locator('main')).toContainText('You have signed out.');
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
    await page.goto('/staff');
    await expect(page).toHaveURL(/\/staff\/sign-in$/);
  });
});

test.describe('staff pages in Arabic', () => {
  test('have nothing axe can find, including their errors', async ({ page, server }) => {
    await page.goto('/staff/sign-in?lng=ar');
    await expectAccessible(page, 'sign-in (ar)');
    await page.locator('#email').fill(server.staff.field.email);
    await page.locator('#password').fill('wrong password here');
    await page.locator('main form button[type="submit"]').click();
    await expect(errorSummary(page).locator('li')).toHaveText([
      'البريد الإلكتروني أو كلمة المرور غير صحيحين',
    ]);
    await expectAccessible(page, 'sign-in with errors (ar)');
    await page.locator('#password').fill(server.staff.field.password);
    await page.locator('main form button[type="submit"]').click();
    await expect(page).toHaveURL(/\/staff$/);
    await page.locator('a[href="/staff/record"]').click();
    // Staff home's first button is "Sign out": wait for the start page before pressing its button.
    await expect(page).toHaveURL(/\/staff\/record$/);
    await page.locator('main button.button--start').click();
    await onStep(page, 'gathering');
    await page.locator('main form button[type="submit"]').click();
    await expect(errorSummary(page)).toBeVisible();
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
    await page.goto('/staff');
    await expectAccessible(page, 'staff home (ar)');
  });
});
