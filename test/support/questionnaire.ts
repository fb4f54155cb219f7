import { expect, type Page } from '@playwright/test';

/**
 * Walking the "Tell us" questionnaire as a person would, in any language: answers are chosen by their
 * codes, and each step is known by the last part of its address.
 */

/** The step a questionnaire page is on: the last part of its address. */
export function stepOf(page: Page): string {
  return new URL(page.url()).pathname.split('/').at(-1) ?? '';
}

/**
 * Waits until the page shows `step`: its address, focus in the page (on its heading, or where the person
 * left it on a step they come back to) and its words.
 */
export async function onStep(page: Page, step: string): Promise<void> {
  await expect(page).toHaveURL((url) => url.pathname.split('/').at(-1) === step);
  await expect(page.locator('main :focus')).toHaveCount(1);
  await expect(page.locator('.loading')).toHaveCount(0);
}

/**
 * Waits until the page has left `step` and shows the next one, with focus in the new page: on its heading,
 * or, on a step the person comes back to, where they left it.
 */
async function leaves(page: Page, step: string): Promise<void> {
  await expect(page).not.toHaveURL((url) => url.pathname.split('/').at(-1) === step);
  await expect(page.locator('main :focus')).toHaveCount(1);
  await expect(page.locator('.loading')).toHaveCount(0);
}

/** Chooses a radio by its value (an answer code), so the same steps work in every language. */
export async function choose(page: Page, name: string, value: string): Promise<void> {
  await page.locator(`input[name="${name}"][value="${value}"]`).check();
}

/** Presses the step's main button (Continue) and waits for the next step. */
export async function continueFrom(page: Page, step: string): Promise<void> {
  await page.locator('form button[type="submit"]').click();
  await leaves(page, step);
}

/** Starts a questionnaire from its start page (a person's own, or a staff member's). */
export async function startQuestionnaire(page: Page): Promise<void> {
  const step = stepOf(page);
  await page.locator('main button.button').first().click();
  await leaves(page, step);
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
    await expect(page.locator('.loading')).toHaveCount(0);
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
          await leaves(page, step);
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
  await expect(page).toHaveURL(/\/sent\/[0-9a-f-]{36}$/);
  const reference = page.locator('.fb-panel__reference');
  await expect(reference).toHaveText(/\S/);
  return (await reference.textContent()) ?? '';
}

/** A short response sent from the start page: who, one answer, how it was given, no consent asked for. */
export async function sendOneResponse(page: Page): Promise<string> {
  // On whichever server the page is on: a test's own server, or the worker's.
  await page.goto(page.url().startsWith('http') ? new URL('/feedback', page.url()).href : '/feedback');
  await startQuestionnaire(page);
  await answerUpToCheck(page, { respondent: 'resident', answers: { control: 'enough' } });
  await sendFromCheck(page);
  return stepOf(page);
}
