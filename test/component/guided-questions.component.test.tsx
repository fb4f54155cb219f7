import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import axe from 'axe-core';
import i18next from 'i18next';
import { LocationProvider } from 'preact-iso';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import enCommon from '../../locales/en/common.json';
import enGuided from '../../locales/en/guided.json';
import type { FeedbackSubmission } from '../../src/domain/feedback/submission.ts';
import { questionsWithRole } from '../../src/domain/guided/rules.ts';
import { CheckPage } from '../../src/app/features/guided/check-page.tsx';
import { ChoiceStep } from '../../src/app/features/guided/choice-step.tsx';
import {
  clearGuidedSession,
  readGuidedSession,
  writeGuidedSession,
} from '../../src/app/features/guided/guided-session.ts';
import { GUIDED_RULES, placeOfStep } from '../../src/app/features/guided/journey.ts';
import { WhereStep } from '../../src/app/features/guided/where-step.tsx';

const queued: FeedbackSubmission[] = [];
vi.mock('../../src/store/feedback-send-triggers.ts', () => ({
  queueSubmission: async (submission: FeedbackSubmission) => {
    queued.push(submission);
    return { id: submission.id };
  },
}));

const t = () => i18next.getFixedT('en', ['guided']);

beforeAll(async () => {
  await i18next.init({
    lng: 'en',
    ns: ['common', 'guided'],
    defaultNS: 'common',
    resources: { en: { common: enCommon, guided: enGuided } },
    interpolation: { escapeValue: false },
  });
});

beforeEach(() => {
  clearGuidedSession();
  queued.length = 0;
  history.replaceState(null, '', '/help-me-find/where');
});

afterEach(cleanup);

async function axeViolations(container: Element): Promise<string[]> {
  // Colour contrast needs real layout, which the browser suite checks.
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.map((violation) => violation.id);
}

function renderWhere() {
  const place = placeOfStep(GUIDED_RULES, 'where', false)!;
  const question = questionsWithRole(GUIDED_RULES, 'where')[0]!;
  return render(
    <LocationProvider>
      <main>
        <WhereStep place={place} question={question} t={t()} />
      </main>
    </LocationProvider>,
  );
}

describe('the where question', () => {
  it('refuses a postcode outside Essex with an error summary that takes focus and links to the box', async () => {
    const { container } = renderWhere();
    expect(screen.getByText('Question 2 of 5')).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: 'Near a postcode' }));
    const box = screen.getByRole('textbox', { name: 'Postcode' });
    fireEvent.input(box, { target: { value: 'SW1A 1AA' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));

    const summary = await screen.findByText('There is a problem');
    await waitFor(() => expect(document.activeElement).toBe(summary.closest('.error-summary')));
    const link = screen.getByRole('link', { name: 'Enter a postcode in Essex, or choose anywhere in Essex' });
    expect(link.getAttribute('href')).toBe(`#${box.id}`);
    expect(box.getAttribute('aria-describedby')).toContain(`${box.id}-error`);
    expect(document.getElementById(`${box.id}-error`)?.textContent).toBe(
      'Error: Enter a postcode in Essex, or choose anywhere in Essex',
    );
    await waitFor(() => expect(document.title).toMatch(/^Error: Where are you looking for support\?/));
    expect(readGuidedSession().answers).toEqual({ choices: {} });
    expect(await axeViolations(container)).toEqual([]);

    fireEvent.click(link);
    expect(document.activeElement).toBe(box);
  });

  it('keeps an Essex postcode, written the standard way, and moves on to the next question', async () => {
    renderWhere();
    fireEvent.click(screen.getByRole('radio', { name: 'Near a postcode' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Postcode' }), { target: { value: 'cm1 1qh' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(location.pathname).toBe('/help-me-find/hard'));
    expect(readGuidedSession().answers).toEqual({ choices: { where: ['postcode'] }, postcode: 'CM1 1QH' });
  });

  it('asks which district when a district is chosen without one', async () => {
    renderWhere();
    fireEvent.click(screen.getByRole('radio', { name: 'In a district of Essex' }));
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByRole('link', { name: 'Choose a district' })).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox', { name: 'Which district?' }), {
      target: { value: 'tendring' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() =>
      expect(readGuidedSession().answers).toEqual({ choices: { where: ['district'] }, district: 'tendring' }),
    );
  });

  it('forgets the place when the question is skipped', async () => {
    writeGuidedSession({ answers: { choices: { where: ['district'] }, district: 'harlow' } });
    renderWhere();
    expect((screen.getByRole('combobox', { name: 'Which district?' }) as HTMLSelectElement).value).toBe(
      'harlow',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Skip this question' }));
    await waitFor(() => expect(readGuidedSession().answers).toEqual({ choices: {} }));
  });
});

describe('a question answered by choosing', () => {
  it('keeps each choice as it is made, each with its pictogram', async () => {
    const hard = GUIDED_RULES.steps.find((step) => step.id === 'hard')!;
    const { container } = render(
      <main>
        <ChoiceStep step={hard} t={t()} />
      </main>,
    );
    const boxes = screen.getAllByRole('checkbox');
    expect(boxes).toHaveLength(hard.questions[0]!.answers.length);
    expect(container.querySelectorAll('label svg.guided-icon')).toHaveLength(boxes.length);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Coming home from hospital' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Money and benefits' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Coming home from hospital' }));
    expect(readGuidedSession().answers.choices).toEqual({ hard: ['money'] });
    expect(await axeViolations(container)).toEqual([]);
  });

  it('lets a single choice among several questions be taken back', () => {
    const extra = GUIDED_RULES.steps.find((step) => step.id === 'anything-else')!;
    render(<ChoiceStep step={extra} t={t()} />);
    expect((screen.getByRole('radio', { name: 'No preference' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: '65 or over' }));
    expect(readGuidedSession().answers.choices).toEqual({ age: ['65-and-over'] });
    fireEvent.click(screen.getByRole('radio', { name: 'No preference' }));
    expect(readGuidedSession().answers.choices).toEqual({});
  });
});

describe('check your answers', () => {
  it('lists every answer with a link to change it that comes back here', async () => {
    writeGuidedSession({
      answers: {
        choices: { who: ['someone-i-look-after'], where: ['postcode'], hard: ['hospital', 'staying-safe'] },
        postcode: 'CM1 1QH',
      },
    });
    const { container } = render(
      <LocationProvider>
        <main>
          <CheckPage />
        </main>
      </LocationProvider>,
    );
    const rows = [...container.querySelectorAll('.guided-summary__row')].map((row) => [
      row.querySelector('dt')?.textContent,
      row.querySelector('.guided-summary__value')?.textContent,
    ]);
    expect(rows).toEqual([
      ['Who it is for', 'Someone I look after or worry about'],
      ['Where', 'Near CM1 1QH'],
      ['What is hard', 'Staying safe at homeComing home from hospital'],
      ['Kind of help', 'Not answered'],
      ['Age', 'Not answered'],
      ['Cost', 'Not answered'],
      ['How it is given', 'Not answered'],
    ]);
    expect(screen.getByRole('link', { name: 'Change What is hard' }).getAttribute('href')).toBe(
      '/help-me-find/hard?from=check',
    );
    expect(screen.getByRole('link', { name: 'See your shortlist' }).getAttribute('href')).toBe(
      '/help-me-find/shortlist',
    );
    expect(await axeViolations(container)).toEqual([]);
  });
});
