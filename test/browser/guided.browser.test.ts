import type { Locator, Page } from '@playwright/test';
import { findAccessibilityViolations } from '../support/axe.ts';
import { expect, test } from '../support/fixtures.ts';
import { readOutbox } from '../support/outbox.ts';
import { connectionBack, controlledByServiceWorker } from '../support/visit.ts';
import { COUNCIL_CONTACTS } from '../../src/domain/council-contacts.ts';

const heading = (page: Page) => page.locator('h1');

/** Presses Tab (or Shift+Tab) until `target` has focus, as a keyboard user would; fails if it never does. */
async function tabTo(page: Page, target: Locator, backwards = false): Promise<void> {
  for (let presses = 0; presses < 120; presses++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`The Tab key never reached ${target.toString()}`);
}

/** Tabs into a radio group, then moves the choice with the arrow keys, as radios work by keyboard. */
async function chooseRadio(page: Page, name: string): Promise<void> {
  const radio = page.getByRole('radio', { name, exact: true });
  const group = await radio.getAttribute('name');
  const inGroup = () =>
    page.evaluate((group) => (document.activeElement as HTMLInputElement | null)?.name === group, group);
  for (let presses = 0; presses < 120 && !(await inGroup()); presses++) await page.keyboard.press('Tab');
  expect(await inGroup(), `the ${group} radios are reachable by Tab`).toBe(true);
  for (let presses = 0; presses < 12 && !(await radio.isChecked()); presses++) {
    await page.keyboard.press('ArrowDown');
  }
  expect(await radio.isChecked(), name).toBe(true);
}

async function tickBox(page: Page, name: string): Promise<void> {
  const box = page.getByRole('checkbox', { name, exact: true });
  await tabTo(page, box);
  await page.keyboard.press('Space');
  expect(await box.isChecked(), name).toBe(true);
}

async function pressButton(page: Page, name: string): Promise<void> {
  await tabTo(page, page.getByRole('button', { name, exact: true }));
  await page.keyboard.press('Enter');
}

async function followLink(page: Page, name: string | RegExp, backwards = false): Promise<void> {
  await tabTo(page, page.getByRole('link', { name, exact: typeof name === 'string' }), backwards);
  await page.keyboard.press('Enter');
}

test.describe('guided help, offline and by keyboard alone', () => {
  test('takes a carer from a few questions, past help now, to a shortlist saved to My list', async ({
    page,
    context,
  }) => {
    test.slow();
    const feedbackRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/v1/feedback')) feedbackRequests.push(request.method());
    });

    await page.goto('/help-me-find');
    await controlledByServiceWorker(page);
    await page
      .getByText('The directory of support is on this device, so this works without a signal.')
      .waitFor({ timeout: 60_000 });
    await context.setOffline(true);
    await page.reload();
    await expect(heading(page)).toHaveText('Help me find support');

    await followLink(page, 'Start now');
    await expect(heading(page)).toHaveText('Who are you looking for support for?');
    await expect(page.getByText('Question 1 of 5')).toBeVisible();
    await chooseRadio(page, 'Someone I look after or worry about');
    await pressButton(page, 'Continue');

    // A postcode outside Essex: the error summary takes focus and its link leads to the field.
    await expect(heading(page)).toHaveText('Where are you looking for support?');
    await chooseRadio(page, 'Near a postcode');
    const postcode = page.getByRole('textbox', { name: 'Postcode' });
    await tabTo(page, postcode);
    await page.keyboard.type('SW1A 1AA');
    await pressButton(page, 'Continue');
    const summary = page.locator('.error-summary');
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('There is a problem');
    await expect(page).toHaveTitle(/^Error: Where are you looking for support\?/);
    const problem = 'Enter a postcode in Essex, or choose anywhere in Essex';
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(postcode).toBeFocused();
    await expect(page.locator('.error-message')).toContainText(problem);

    // Back up to the radios and choose a district instead.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('ArrowUp');
    await expect(page.getByRole('radio', { name: 'In a district of Essex' })).toBeChecked();
    const district = page.getByRole('combobox', { name: 'Which district?' });
    await tabTo(page, district);
    await page.keyboard.type('Chelmsford');
    await expect(district).toHaveValue('chelmsford');
    await pressButton(page, 'Continue');

    await expect(heading(page)).toHaveText('What is hard right now?');
    await expect(page.getByText('Question 3 of 5')).toBeVisible();
    await tickBox(page, 'Coming home from hospital');
    await tickBox(page, 'Staying safe at home');
    await pressButton(page, 'Continue');

    await expect(heading(page)).toHaveText('What kind of help would be useful?');
    await tickBox(page, 'Equipment and technology');

    // Back keeps what was chosen on the step before, and on this one.
    await followLink(page, 'Back', true);
    await expect(heading(page)).toHaveText('What is hard right now?');
    await expect(page.getByRole('checkbox', { name: 'Coming home from hospital' })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: 'Staying safe at home' })).toBeChecked();
    await pressButton(page, 'Continue');
    await expect(heading(page)).toHaveText('What kind of help would be useful?');
    await expect(page.getByRole('checkbox', { name: 'Equipment and technology' })).toBeChecked();
    await pressButton(page, 'Continue');

    await expect(heading(page)).toHaveText('Anything else?');
    await expect(page.getByText('Question 5 of 5')).toBeVisible();
    await pressButton(page, 'Skip this question');

    await expect(heading(page)).toHaveText('Check your answers');
    const answers = page.locator('.guided-summary');
    const rowValue = (key: string) =>
      answers.locator('.guided-summary__row', { hasText: key }).locator('.guided-summary__value').innerText();
    expect(await rowValue('Who it is for')).toBe('Someone I look after or worry about');
    expect(await rowValue('Where')).toBe('Chelmsford');
    expect((await rowValue('What is hard')).split('\n')).toEqual([
      'Staying safe at home',
      'Coming home from hospital',
    ]);
    expect(await rowValue('Kind of help')).toBe('Equipment and technology');
    expect(await rowValue('Age')).toBe('Not answered');

    // Changing an answer returns to the check page, with the other answers as they were.
    await followLink(page, 'Change Where');
    await expect(heading(page)).toHaveText('Where are you looking for support?');
    await expect(page.getByRole('radio', { name: 'In a district of Essex' })).toBeChecked();
    await expect(district).toHaveValue('chelmsford');
    await pressButton(page, 'Continue');
    await expect(heading(page)).toHaveText('Check your answers');
    await followLink(page, 'Change Kind of help');
    await expect(heading(page)).toHaveText('What kind of help would be useful?');
    await tickBox(page, 'Someone to talk to');
    await pressButton(page, 'Continue');
    await expect(heading(page)).toHaveText('Check your answers');
    expect((await rowValue('Kind of help')).split('\n')).toEqual([
      'Equipment and technology',
      'Someone to talk to',
    ]);
    expect(await rowValue('Where')).toBe('Chelmsford');

    await followLink(page, 'See your shortlist');
    await expect(heading(page)).toHaveText('Your shortlist of support');
    const services = page.locator('.guided-service');
    await services.first().waitFor();

    // Staying safe was chosen: the help-now contacts come before any service.
    const helpNow = page.getByRole('region', { name: 'Need help now?' });
    await expect(helpNow.getByRole('link', { name: 'Call 999' })).toBeVisible();
    const safeguarding = helpNow.getByRole('link', {
      name: `Call ${COUNCIL_CONTACTS.safeguarding.phone}`,
    });
    await expect(safeguarding).toHaveAttribute('href', `tel:${COUNCIL_CONTACTS.safeguarding.dial}`);
    expect(
      await page.evaluate(() => {
        const panel = document.querySelector('.help-now');
        const first = document.querySelector('.guided-service');
        return Boolean(
          panel && first && panel.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING,
        );
      }),
    ).toBe(true);

    const headings = await page.locator('main h2, main h3').allInnerTexts();
    expect(headings).toEqual(
      expect.arrayContaining([
        'Need help now?',
        'For the person you look after',
        'Staying safe at home',
        'Coming home from hospital',
        'Support for you as a carer',
      ]),
    );
    expect(headings.indexOf('For the person you look after')).toBeLessThan(
      headings.indexOf('Support for you as a carer'),
    );

    const count = await services.count();
    expect(count).toBeGreaterThan(2);
    const names = new Set<string>();
    for (let i = 0; i < count; i++) {
      const item = services.nth(i);
      names.add((await item.locator('.guided-service__name').innerText()).trim());
      expect((await item.locator('.guided-service__why').innerText()).trim()).toMatch(/\S+/);
    }
    const reasons = await page.locator('.guided-service__why').allInnerTexts();
    expect(reasons.some((line) => line.includes('Chelmsford'))).toBe(true);
    const carerReasons = await page
      .locator('section', { has: page.getByRole('heading', { name: 'Support for you as a carer' }) })
      .locator('.guided-service__why')
      .allInnerTexts();
    expect(carerReasons.length).toBeGreaterThan(0);
    for (const line of carerReasons) expect(line).toMatch(/^Why it is here:\s+For carers · /);

    // Nothing has been queued or sent: the answers never left the device.
    expect(await readOutbox(page)).toEqual([]);
    expect(feedbackRequests).toEqual([]);

    await pressButton(page, 'Save all to My list');
    await page.getByText('All of these are in My list.').waitFor();
    await followLink(page, 'Go to My list to print or share it');
    await expect(heading(page)).toHaveText('My list');
    const listed = page.locator('main article h2');
    await listed.first().waitFor();
    expect(new Set((await listed.allInnerTexts()).map((name) => name.trim()))).toEqual(names);

    // The one closing question is the only thing ever sent, and only once it is answered.
    await page.goBack();
    await expect(heading(page)).toHaveText('Your shortlist of support');
    await services.first().waitFor();
    await chooseRadio(page, 'Yes');
    await pressButton(page, 'Send answer');
    await page.getByText('Thank you for your answer.').waitFor();
    const queued = await readOutbox(page);
    expect(queued).toHaveLength(1);
    expect(queued[0]!.submission).toEqual({
      kind: 'found',
      id: expect.any(String),
      createdAt: expect.any(String),
      source: 'guided',
      answer: 'yes',
    });
    await context.setOffline(false);
    // Back online, it goes, through the outbox like any other feedback.
    await connectionBack(page);
    await expect.poll(async () => (await readOutbox(page))[0]?.state).toBe('sent');
  });
});

const LABELS = {
  en: {
    continue: 'Continue',
    ready: 'The directory of support is on this device, so this works without a signal.',
  },
  ar: { continue: 'متابعة', ready: 'دليل الدعم موجود على هذا الجهاز، لذا يعمل هذا دون اتصال.' },
} as const;

for (const lng of ['en', 'ar'] as const) {
  test.describe(`axe finds nothing in guided help in ${lng}`, () => {
    test.use({ viewport: { width: 320, height: 720 } });
    test('on every step, its errors, help now, the check page and the shortlist, with no sideways scrolling at 320px', async ({
      page,
    }) => {
      test.slow();
      const checked: string[] = [];
      const check = async (what: string) => {
        await page.waitForFunction(() => !document.querySelector('.loading'));
        expect(await findAccessibilityViolations(page), what).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), what).toBeLessThanOrEqual(
          320,
        );
        checked.push(what);
      };
      const next = () => page.locator('.guided-actions button[type="submit"]').click();
      {
        await page.goto(`/help-me-find?lng=${lng}`);
        await page.getByText(LABELS[lng].ready).waitFor({ timeout: 60_000 });
        expect(await page.evaluate(() => document.documentElement.dir)).toBe(lng === 'ar' ? 'rtl' : 'ltr');
        await check('start');
        await page.locator('a.guided-start').click();
        await page.locator('#who-someone-i-look-after').waitFor();
        await check('who');
        await page.locator('#who-someone-i-look-after').check();
        await next();

        await page.locator('#where-postcode').check();
        await next();
        await page.locator('.error-summary').waitFor();
        await check('where, with an error');
        await page.locator('#where-district').check();
        await page.locator('#where-district-name').selectOption('maldon');
        await check('where, a district');
        await next();

        await page.locator('#hard-hospital').check();
        await page.locator('#hard-money').check();
        await check('what is hard');
        await next();
        await page.locator('#kind-equipment').check();
        await check('kind of help');
        await next();
        await page.locator('#age-65-and-over').check();
        await page.locator('#via-phone').check();
        await check('anything else');
        await page.locator('.guided-help-now-link').click();
        await page.locator('.help-now').waitFor();
        await check('help now');
        await page.locator('.guided-back-link').click();
        await page.locator('#age-65-and-over').waitFor();
        await next();
        await page.locator('.guided-summary').waitFor();
        await check('check answers');
        await page.locator('.guided-actions a.button').first().click();
        await page.locator('.guided-service').first().waitFor();
        // Nothing chosen was urgent, but "Need help now?" was followed on the way: the contacts come first.
        await expect(page.locator('.help-now')).toHaveCount(1);
        await check('shortlist, with help now first');
        await page.locator('.found-question button[type="submit"]').click();
        await page.locator('.found-question .error-summary').waitFor();
        await check('closing question, with an error');
        expect(checked).toHaveLength(11);
      }
    });
  });
}
