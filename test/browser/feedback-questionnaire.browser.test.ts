import type { Page } from '@playwright/test';
import { COUNCIL_CONTACTS, NATIONAL_HELPLINES } from '../../src/domain/council-contacts.ts';
import { expect, test } from '../support/fixtures.ts';
import {
  answerUpToCheck,
  choose,
  continueFrom,
  onStep,
  sendFromCheck,
  startQuestionnaire,
  stepOf,
} from '../support/questionnaire.ts';
import { controlledByServiceWorker } from '../support/visit.ts';

/** What has focus, as `tag#id.classes`. */
const activeElement = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${el.className}` : '';
  });

test.describe('experience feedback, one question a page', () => {
  test('keeps the answers when the page is closed offline half-way, and sends them once back online', async ({
    page: firstPage,
    context,
    ownServer,
  }) => {
    const server = await ownServer();
    await firstPage.goto(server.url + '/feedback');
    await expect(firstPage.locator('h1')).toHaveText('Tell us what support is like for you');
    await controlledByServiceWorker(firstPage);
    await context.setOffline(true);
    await startQuestionnaire(firstPage);
    const stopped = await answerUpToCheck(firstPage, {
      respondent: 'carer',
      answers: { control: 'enough', say: 'always' },
      onStep: async (step) => (step === 'home' ? 'stop' : undefined),
    });
    expect(stopped).toBe('stopped');
    // The carers' wording of "did you have a say" was asked, and the count includes the carers' question.
    await firstPage.close();

    const page = await context.newPage();
    await page.goto(server.url + '/feedback');
    await expect(page.locator('h1')).toHaveText('Tell us what support is like for you');
    await page.getByRole('button', { name: 'Continue where you left off' }).click();
    await onStep(page, 'home');
    await expect(page.locator('.fb-caption')).toHaveText('Question 3 of 11');
    await page.getByRole('link', { name: 'Back' }).click();
    await onStep(page, 'say');
    await expect(page.locator('h1')).toHaveText(
      'Did you have a say in the support for the person you care for?',
    );
    await expect(page.locator('input[value="always"]')).toBeChecked();
    await continueFrom(page, 'say');

    expect(
      await answerUpToCheck(page, {
        respondent: 'carer',
        answers: { home: 'most-needs', 'carer-support': 'some' },
        words: 'The carers’ café saved my sanity.',
        storeWords: true,
        quote: false,
      }),
    ).toBe('check');
    const summary = page.locator('.fb-summary-list');
    await expect(summary).toContainText('How much control do you have over your daily life?');
    await expect(summary).toContainText('Enough');
    await expect(summary).toContainText('The carers’ café saved my sanity.');

    const reference = await sendFromCheck(page);
    expect(reference).toMatch(/^SP-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    await expect(page.locator('.fb-item-state')).toContainText(
      'Saved on this device. It will be sent automatically',
    );
    await context.setOffline(false);
    await expect(page.locator('.fb-item-state')).toHaveText('Sent to Essex County Council.');
    // Nothing is left to continue: the draft went once the response was queued.
    await page.goto(server.url + '/feedback');
    await expect(page.getByRole('button', { name: 'Start now' })).toBeVisible();

    const stored = await server.stored({ thenRestart: false });
    expect(stored.responses).toBe(1);
    expect(stored.stories).toBe(1);
  });

  test('shows how to get help now straight after "not safe", before any further question', async ({
    page,
  }) => {
    await page.goto('/feedback');
    await startQuestionnaire(page);
    await answerUpToCheck(page, {
      answers: { safe: 'not-safe' },
      onStep: async (step) => (step === 'safe' ? 'stop' : undefined),
    });
    await choose(page, 'answer', 'not-safe');
    await continueFrom(page, 'safe');
    expect(stepOf(page)).toBe('help-now');
    await expect(page.locator('h1')).toHaveText('Get help now if you need it');
    const help = page.locator('.fb-help-now');
    await expect(help.getByRole('link', { name: '999' })).toHaveAttribute('href', 'tel:999');
    await expect(help.getByRole('link', { name: '111' })).toHaveAttribute('href', 'tel:111');
    // The same council numbers as guided help's panel: one safeguarding line, wherever it is shown.
    await expect(help.locator('a[href^="tel:"]')).toHaveText([
      ...NATIONAL_HELPLINES.map((line) => line.phone),
      COUNCIL_CONTACTS.safeguarding.phone,
      COUNCIL_CONTACTS.outOfHours.phone,
    ]);
    await expect(help).toContainText('Essex adult safeguarding');
    await expect(help).toContainText('Out of hours');
    await expect(help.locator('.fb-sample-tag')).toHaveCount(2);
    await continueFrom(page, 'help-now');
    expect(stepOf(page)).toBe('safer');

    // A safer answer takes the help page out of the way again.
    await page.getByRole('link', { name: 'Back' }).click();
    await onStep(page, 'help-now');
    await page.getByRole('link', { name: 'Back' }).click();
    await onStep(page, 'safe');
    await choose(page, 'answer', 'as-safe-as-i-want');
    await continueFrom(page, 'safe');
    expect(stepOf(page)).toBe('safer');
  });

  test('explains a missing answer in an error summary that takes focus and links to the field', async ({
    page,
  }) => {
    await page.goto('/feedback');
    await page.getByRole('button', { name: 'Start now' }).click();
    await onStep(page, 'who');
    await page.getByRole('button', { name: 'Continue' }).click();
    const summary = page.locator('.error-summary');
    await expect(summary).toBeFocused();
    await expect(summary.getByRole('heading')).toHaveText('There is a problem');
    await expect(page).toHaveTitle('Error: Which of these describes you? – Signpost');
    await expect(page.locator('#respondent-error')).toHaveText('Error: Select which of these describes you');
    await summary.getByRole('link', { name: 'Select which of these describes you' }).click();
    expect(await activeElement(page)).toBe('input#respondent.fb-radios__input');
    await choose(page, 'respondent', 'resident');
    await continueFrom(page, 'who');
    await expect(page).toHaveTitle('How much control do you have over your daily life? – Signpost');

    // A question left without a choice asks for one, or for a conscious skip.
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(summary).toContainText('Select an answer, or choose “Skip this question”');

    // A contact address that cannot work is caught, with what to do.
    await answerUpToCheck(page, {
      contact: { email: 'not an address' },
      onStep: async (step) => (step === 'contact' ? 'stop' : undefined),
    });
    await choose(page, 'contactMethod', 'email');
    await page.locator('#email').fill('sam@example');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(summary).toContainText(
      'Enter an email address in the correct format, like name@example.com',
    );
    await summary.getByRole('link').click();
    await expect(page.locator('#email')).toBeFocused();
    expect(await activeElement(page)).toBe('input#email.fb-input fb-input--error');
  });

  test('lets a person change any answer from the check page and come straight back to it', async ({
    page,
  }) => {
    await page.goto('/feedback');
    await page.getByRole('button', { name: 'Start now' }).click();
    await onStep(page, 'who');
    await answerUpToCheck(page, {
      respondent: 'resident',
      answers: { control: 'enough', safe: 'as-safe-as-i-want' },
    });
    await page
      .getByRole('link', { name: 'Change How much control do you have over your daily life?' })
      .click();
    await onStep(page, 'control');
    await expect(page.locator('input[value="enough"]')).toBeChecked();
    await choose(page, 'answer', 'none');
    await continueFrom(page, 'control');
    expect(stepOf(page)).toBe('check');
    const row = page.locator('.fb-summary-list__row', { hasText: 'How much control do you have' });
    await expect(row.locator('dd').first()).toHaveText('None');

    // A change that calls for help now shows it before going back.
    await page.getByRole('link', { name: 'Change How safe do you feel day to day?' }).click();
    await onStep(page, 'safe');
    await choose(page, 'answer', 'less-safe');
    await continueFrom(page, 'safe');
    expect(stepOf(page)).toBe('help-now');
    await continueFrom(page, 'help-now');
    expect(stepOf(page)).toBe('check');
  });

  test('can be answered and sent with the keyboard alone', async ({ page }) => {
    await page.goto('/feedback');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/\S/);
    const tabTo = async (matches: (name: string) => boolean, what: string) => {
      for (let i = 0; i < 60; i++) {
        await page.keyboard.press('Tab');
        const name = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el) return '';
          const label = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null;
          return `${el.tagName}:${label ?? el.textContent ?? ''}`;
        });
        if (matches(name)) return;
      }
      throw new Error(`Tab never reached ${what}`);
    };
    const button = (text: string) => tabTo((n) => n === `BUTTON:${text}`, text);
    await button('Start now');
    await page.keyboard.press('Enter');
    await onStep(page, 'who');
    await tabTo((n) => n.startsWith('INPUT:'), 'the first choice');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    await expect(page.locator('input[value="resident"]')).toBeChecked();
    await button('Continue');
    await page.keyboard.press('Enter');
    await onStep(page, 'control');
    // Arrow keys move between choices of one question, as in any radio group.
    await tabTo((n) => n.startsWith('INPUT:'), 'the first answer');
    await page.keyboard.press('ArrowDown');
    await expect(page.locator('input[value="enough"]')).toBeChecked();
    await button('Continue');
    await page.keyboard.press('Enter');
    for (const step of ['say', 'home', 'social', 'time', 'info', 'experience', 'safe', 'safer', 'belong']) {
      await onStep(page, step);
      await button('Skip this question');
      await page.keyboard.press('Enter');
    }
    await onStep(page, 'words');
    await tabTo((n) => n.startsWith('TEXTAREA'), 'the words');
    await page.keyboard.type('Typed with the keyboard.');
    await button('Continue');
    await page.keyboard.press('Enter');
    for (const step of ['about-you', 'equality']) {
      await onStep(page, step);
      await button('Continue');
      await page.keyboard.press('Enter');
    }
    await onStep(page, 'how-answered');
    await tabTo((n) => n === 'INPUT:They are my own answers', 'own answers');
    await page.keyboard.press('Space');
    await button('Continue');
    await page.keyboard.press('Enter');
    await onStep(page, 'consent');
    await tabTo((n) => n === 'INPUT:Yes, you may keep my words', 'keep my words');
    await page.keyboard.press('ArrowDown');
    await tabTo((n) => n === 'INPUT:Yes, please contact me', 'contact me');
    await page.keyboard.press('ArrowDown');
    await button('Continue');
    await page.keyboard.press('Enter');
    await onStep(page, 'check');
    await button('Send feedback');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/feedback\/sent\//);
    await expect(page.locator('.fb-item-state')).toHaveText('Sent to Essex County Council.');
  });
});
