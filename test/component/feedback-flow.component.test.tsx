import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import axe from 'axe-core';
import i18next from 'i18next';
import { LocationProvider } from 'preact-iso';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import enCommon from '../../locales/en/common.json';
import enFeedback from '../../locales/en/feedback.json';
import type { ExperienceDraft } from '../../src/app/features/feedback/experience/draft.ts';
import { nextStep, questionNumber, stepsFor } from '../../src/app/features/feedback/experience/flow.ts';
import type { StepProps } from '../../src/app/features/feedback/experience/step-props.ts';
import { QuestionStep } from '../../src/app/features/feedback/experience/steps/question-step.tsx';
import { checkDraft } from '../../src/app/features/feedback/experience/to-submission.ts';

beforeAll(async () => {
  await i18next.init({
    lng: 'en',
    resources: { en: { common: enCommon, feedback: enFeedback } },
    defaultNS: 'common',
    interpolation: { escapeValue: false },
  });
});

afterEach(cleanup);

const ID = '3f1c2a6e-8b4d-4c2a-9e1f-5a6b7c8d9e0f';

function draft(overrides: Partial<ExperienceDraft> = {}): ExperienceDraft {
  return { id: ID, mode: 'self', startedAt: 0, answers: {}, ...overrides };
}

const QUESTIONS_FOR_EVERYONE = [
  'control',
  'say',
  'home',
  'social',
  'time',
  'info',
  'experience',
  'safe',
  'safer',
  'belong',
];

describe('the order of the questionnaire', () => {
  it('asks who the person is first, then the questions, then their words, about them, consent and check', () => {
    expect(stepsFor(draft({ respondent: 'resident' }))).toEqual([
      'who',
      ...QUESTIONS_FOR_EVERYONE,
      'words',
      'about-you',
      'equality',
      'how-answered',
      'consent',
      'check',
    ]);
  });

  it('asks the carers’ question of carers only, and counts it in "Question n of m"', () => {
    const carer = draft({ respondent: 'both' });
    expect(stepsFor(carer)).toContain('carer-support');
    expect(questionNumber(carer, 'home')).toEqual({ n: 3, total: 11 });
    expect(stepsFor(draft({ respondent: 'draws-on-care' }))).not.toContain('carer-support');
    expect(questionNumber(draft({ respondent: 'resident' }), 'home')).toEqual({ n: 3, total: 10 });
  });

  it('shows help now right after "less safe" or "not safe", and not after feeling safe', () => {
    for (const safe of ['less-safe', 'not-safe'] as const) {
      const steps = stepsFor(draft({ respondent: 'resident', answers: { safe } }));
      expect(steps[steps.indexOf('safe') + 1]).toBe('help-now');
      expect(nextStep(draft({ respondent: 'resident', answers: { safe } }), 'safe', false)).toBe('help-now');
    }
    expect(stepsFor(draft({ respondent: 'resident', answers: { safe: 'safe-enough' } }))).not.toContain(
      'help-now',
    );
  });

  it('adds the staff steps in staff-assisted mode, and the contact step only for those who want contact', () => {
    const steps = stepsFor(draft({ mode: 'assisted', respondent: 'resident', contact: true }));
    expect(steps[0]).toBe('gathering');
    expect(steps.slice(-4)).toEqual(['consent', 'contact', 'focus', 'check']);
    expect(stepsFor(draft({ respondent: 'resident', contact: false }))).not.toContain('contact');
  });

  it('returns to the check page after a change, unless the change opened a follow-up step', () => {
    const d = draft({ respondent: 'resident', answers: { safe: 'not-safe' }, contact: true });
    expect(nextStep(d, 'control', true)).toBe('check');
    expect(nextStep(d, 'safe', true)).toBe('help-now');
    expect(nextStep(d, 'help-now', true)).toBe('check');
    expect(nextStep(d, 'consent', true)).toBe('contact');
  });
});

describe('what a draft sends', () => {
  it('sends words only with consent to keep them, and a quote only with words', () => {
    const withWords = { respondent: 'resident', howAnswered: 'own', words: '  Kind staff.  ' } as const;
    const refused = checkDraft(draft({ ...withWords, storeWords: false, quote: true, contact: false }));
    expect(refused.ok && refused.submission.words).toBeUndefined();
    expect(refused.ok && refused.submission.consent).toEqual({
      storeWords: false,
      quote: false,
      contact: false,
    });
    const kept = checkDraft(draft({ ...withWords, storeWords: true, quote: true, contact: false }));
    expect(kept.ok && kept.submission.words).toBe('Kind staff.');
    expect(kept.ok && kept.submission.consent.quote).toBe(true);
  });

  it('drops the carers’ answer when the person changes to someone who is not a carer', () => {
    const checked = checkDraft(
      draft({
        respondent: 'resident',
        howAnswered: 'own',
        answers: { 'carer-support': 'some', control: 'enough' },
      }),
    );
    expect(checked.ok && checked.submission.answers).toEqual({ control: 'enough' });
  });

  it('records a staff member’s channel from how they met the person', () => {
    const checked = checkDraft(
      draft({
        mode: 'assisted',
        respondent: 'resident',
        howAnswered: 'own',
        gatheredBy: 'phone',
        consentStatementRead: true,
        areasOfFocus: ['carers'],
      }),
    );
    expect(checked.ok && [checked.submission.channel, checked.submission.assisted]).toEqual([
      'staff-phone',
      { gatheredBy: 'phone', consentStatementRead: true, areasOfFocus: ['carers'] },
    ]);
  });

  it('names the step that puts each problem right', () => {
    const unfinished = checkDraft(
      draft({ mode: 'assisted', gatheredBy: 'in-person', consentStatementRead: true }),
    );
    expect(unfinished.ok ? [] : unfinished.errors.map((e) => e.step)).toEqual(['who', 'how-answered']);
    const unsafe = checkDraft(
      draft({
        mode: 'assisted',
        respondent: 'resident',
        howAnswered: 'own',
        answers: { safe: 'not-safe' },
        gatheredBy: 'in-person',
        consentStatementRead: true,
      }),
    );
    expect(unsafe.ok ? [] : unsafe.errors.map((e) => e.step)).toEqual(['help-now']);
  });
});

describe('a question page', () => {
  function renderQuestion(overrides: Partial<StepProps> = {}) {
    const go = vi.fn(async () => undefined);
    const update = vi.fn(async () => undefined);
    const props: StepProps = {
      draft: draft({ respondent: 'carer' }),
      mode: 'self',
      step: 'say',
      changing: false,
      backHref: '/feedback/control',
      storageFull: false,
      t: i18next.getFixedT(null, ['feedback', 'common']),
      locale: 'en-GB',
      update,
      go,
      ...overrides,
    };
    render(
      <LocationProvider>
        <main>
          <QuestionStep {...props} id="say" />
        </main>
      </LocationProvider>,
    );
    return { go, update };
  }

  it('asks the carers’ wording as its heading and names its choices by it, with "Prefer not to say" last', () => {
    renderQuestion();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      'Did you have a say in the support for the person you care for?',
    );
    const group = screen.getByRole('group', {
      name: 'Did you have a say in the support for the person you care for?',
    });
    const radios = group.querySelectorAll('input[type="radio"]');
    expect([...radios].map((r) => (r as HTMLInputElement).value)).toEqual([
      'always',
      'usually',
      'sometimes',
      'never',
      'does-not-apply',
      'prefer-not-to-say',
    ]);
    expect(screen.getByText('Question 2 of 11')).toBeTruthy();
  });

  it('asks for a choice or a skip, in an error summary that takes focus and axe finds nothing in', async () => {
    const { go } = renderQuestion();
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('Select an answer, or choose “Skip this question”');
    await waitFor(() => expect(document.activeElement?.className).toBe('error-summary'));
    expect(go).not.toHaveBeenCalled();
    const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((v) => v.id)).toEqual([]);
  });

  it('keeps a choice at once, and skips without an answer', () => {
    const { go, update } = renderQuestion();
    fireEvent.click(screen.getByRole('radio', { name: 'Usually' }));
    expect(update).toHaveBeenCalledWith({ answers: { say: 'usually' } });
    fireEvent.click(screen.getByRole('button', { name: 'Skip this question' }));
    expect(go).toHaveBeenCalledWith({ answers: {} });
  });
});
