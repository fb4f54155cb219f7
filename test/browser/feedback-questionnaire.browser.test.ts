import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNCIL_CONTACTS, NATIONAL_HELPLINES } from '../../src/domain/council-contacts.ts';
import { openBrowser, type BrowserSession } from '../support/browser.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import {
  answerUpToCheck,
  choose,
  continueFrom,
  countThenRestart,
  heading,
  onStep,
  sendFromCheck,
  startQuestionnaire,
  stepOf,
  waitUntilOfflineReady,
} from './feedback-helpers.ts';

let server: RunningServer;
let session: BrowserSession;

beforeAll(async () => {
  server = await startServer();
  session = await openBrowser();
});

afterAll(async () => {
  await session?.browser.close();
  await server?.dispose();
});

const activeElement = (session: BrowserSession) =>
  session.page.evaluate(() => {
    const el = document.activeElement;
    return el ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${el.className}` : '';
  });

describe('experience feedback, one question a page', () => {
  it('keeps the answers when the page is closed offline half-way, and sends them once back online', async () => {
    const { context } = session;
    let page = session.page;
    await page.goto(server.url + '/feedback');
    expect(await heading(page)).toBe('Tell us what support is like for you');
    await waitUntilOfflineReady(page);
    await context.setOffline(true);
    try {
      await startQuestionnaire(page);
      const stopped = await answerUpToCheck(page, {
        respondent: 'carer',
        answers: { control: 'enough', say: 'always' },
        onStep: async (step) => (step === 'home' ? 'stop' : undefined),
      });
      expect(stopped).toBe('stopped');
      // The carers' wording of "did you have a say" was asked, and the count includes the carers' question.
      await page.close();

      page = await context.newPage();
      await page.goto(server.url + '/feedback');
      expect(await heading(page)).toBe('Tell us what support is like for you');
      await page.getByRole('button', { name: 'Continue where you left off' }).click();
      await onStep(page, 'home');
      expect(await page.locator('.fb-caption').textContent()).toBe('Question 3 of 11');
      await page.getByRole('link', { name: 'Back' }).click();
      await onStep(page, 'say');
      expect(await heading(page)).toBe('Did you have a say in the support for the person you care for?');
      expect(await page.locator('input[value="always"]').isChecked()).toBe(true);
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
      await expect
        .poll(() => summary.textContent())
        .toContain('How much control do you have over your daily life?');
      expect(await summary.textContent()).toContain('Enough');
      expect(await summary.textContent()).toContain('The carers’ café saved my sanity.');

      const reference = await sendFromCheck(page);
      expect(reference).toMatch(/^SP-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
      await expect
        .poll(() => page.locator('.fb-item-state').textContent())
        .toContain('Saved on this device. It will be sent automatically');
    } finally {
      await context.setOffline(false);
    }
    await expect
      .poll(() => page.locator('.fb-item-state').textContent(), { timeout: 20_000 })
      .toBe('Sent to Essex County Council.');
    // Nothing is left to continue: the draft went once the response was queued.
    await page.goto(server.url + '/feedback');
    await page.getByRole('button', { name: 'Start now' }).waitFor();
    session.page = page;

    const restarted = await countThenRestart(server);
    server = restarted.server;
    expect(restarted.counts.responses).toBe(1);
    expect(restarted.counts.stories).toBe(1);
  });

  it('shows how to get help now straight after "not safe", before any further question', async () => {
    const { page } = session;
    await page.goto(server.url + '/feedback');
    await startQuestionnaire(page);
    await answerUpToCheck(page, {
      answers: { safe: 'not-safe' },
      onStep: async (step) => (step === 'safe' ? 'stop' : undefined),
    });
    await choose(page, 'answer', 'not-safe');
    await continueFrom(page, 'safe');
    expect(stepOf(page)).toBe('help-now');
    expect(await heading(page)).toBe('Get help now if you need it');
    const help = page.locator('.fb-help-now');
    expect(await help.getByRole('link', { name: '999' }).getAttribute('href')).toBe('tel:999');
    expect(await help.getByRole('link', { name: '111' }).getAttribute('href')).toBe('tel:111');
    // The same council numbers as guided help's panel: one safeguarding line, wherever it is shown.
    expect(
      await help.locator('a[href^="tel:"]').evaluateAll((links) => links.map((a) => a.textContent)),
    ).toEqual([
      ...NATIONAL_HELPLINES.map((line) => line.phone),
      COUNCIL_CONTACTS.safeguarding.phone,
      COUNCIL_CONTACTS.outOfHours.phone,
    ]);
    expect(await help.textContent()).toContain('Essex adult safeguarding');
    expect(await help.textContent()).toContain('Out of hours');
    expect(await help.locator('.fb-sample-tag').count()).toBe(2);
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

  it('explains a missing answer in an error summary that takes focus and links to the field', async () => {
    const { page } = session;
    await page.goto(server.url + '/feedback');
    await page.getByRole('button', { name: 'Start again' }).click();
    await onStep(page, 'who');
    await page.getByRole('button', { name: 'Continue' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    await expect.poll(() => activeElement(session)).toContain('error-summary');
    expect(await summary.getByRole('heading').textContent()).toBe('There is a problem');
    await expect.poll(() => page.title()).toBe('Error: Which of these describes you? – Signpost');
    expect(await page.locator('#respondent-error').textContent()).toBe(
      'Error: Select which of these describes you',
    );
    await summary.getByRole('link', { name: 'Select which of these describes you' }).click();
    expect(await activeElement(session)).toBe('input#respondent.fb-radios__input');
    await choose(page, 'respondent', 'resident');
    await continueFrom(page, 'who');
    await expect
      .poll(() => page.title())
      .toBe('How much control do you have over your daily life? – Signpost');

    // A question left without a choice asks for one, or for a conscious skip.
    await page.getByRole('button', { name: 'Continue' }).click();
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Select an answer, or choose “Skip this question”');

    // A contact address that cannot work is caught, with what to do.
    await answerUpToCheck(page, {
      contact: { email: 'not an address' },
      onStep: async (step) => (step === 'contact' ? 'stop' : undefined),
    });
    await choose(page, 'contactMethod', 'email');
    await page.locator('#email').fill('sam@example');
    await page.getByRole('button', { name: 'Continue' }).click();
    await summary.waitFor();
    expect(await summary.textContent()).toContain(
      'Enter an email address in the correct format, like name@example.com',
    );
    await summary.getByRole('link').click();
    await expect.poll(() => activeElement(session)).toBe('input#email.fb-input fb-input--error');
  });

  it('lets a person change any answer from the check page and come straight back to it', async () => {
    const { page } = session;
    await page.goto(server.url + '/feedback');
    await page.locator('main button.button').first().waitFor();
    const again = page.getByRole('button', { name: 'Start again' });
    await ((await again.count()) > 0 ? again : page.getByRole('button', { name: 'Start now' })).click();
    await onStep(page, 'who');
    await answerUpToCheck(page, {
      respondent: 'resident',
      answers: { control: 'enough', safe: 'as-safe-as-i-want' },
    });
    await page
      .getByRole('link', { name: 'Change How much control do you have over your daily life?' })
      .click();
    await onStep(page, 'control');
    expect(await page.locator('input[value="enough"]').isChecked()).toBe(true);
    await choose(page, 'answer', 'none');
    await continueFrom(page, 'control');
    expect(stepOf(page)).toBe('check');
    const row = page.locator('.fb-summary-list__row', { hasText: 'How much control do you have' });
    expect(await row.locator('dd').first().textContent()).toBe('None');

    // A change that calls for help now shows it before going back.
    await page.getByRole('link', { name: 'Change How safe do you feel day to day?' }).click();
    await onStep(page, 'safe');
    await choose(page, 'answer', 'less-safe');
    await continueFrom(page, 'safe');
    expect(stepOf(page)).toBe('help-now');
    await continueFrom(page, 'help-now');
    expect(stepOf(page)).toBe('check');
  });

  it('can be answered and sent with the keyboard alone', async () => {
    const { page } = session;
    await page.goto(server.url + '/feedback');
    await page.getByRole('heading', { level: 1 }).waitFor();
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
    await button('Start again');
    await page.keyboard.press('Enter');
    await onStep(page, 'who');
    await tabTo((n) => n.startsWith('INPUT:'), 'the first choice');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    expect(await page.locator('input[value="resident"]').isChecked()).toBe(true);
    await button('Continue');
    await page.keyboard.press('Enter');
    await onStep(page, 'control');
    // Arrow keys move between choices of one question, as in any radio group.
    await tabTo((n) => n.startsWith('INPUT:'), 'the first answer');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('input[value="enough"]').isChecked()).toBe(true);
    await button('Continue');
    await page.keyboard.press('Enter');
    await onStep(page, 'say');
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
    await page.waitForURL(/\/feedback\/sent\//);
    await expect
      .poll(() => page.locator('.fb-item-state').textContent(), { timeout: 20_000 })
      .toBe('Sent to Essex County Council.');
  });
});
