import { isAskedOf, QUESTION_IDS, type QuestionId } from '../../../../domain/feedback/questions.ts';
import { isSafetyConcern } from '../../../../domain/feedback/submission.ts';
import type { ExperienceDraft, Mode } from './draft.ts';

/** The pages of the questionnaire after its start page, each at `<base>/<step>`. */
export type StepId =
  | 'gathering'
  | 'who'
  | QuestionId
  | 'help-now'
  | 'words'
  | 'about-you'
  | 'equality'
  | 'how-answered'
  | 'consent'
  | 'contact'
  | 'focus'
  | 'check';

const QUESTION_SET: ReadonlySet<string> = new Set(QUESTION_IDS);

export function isQuestionStep(step: string): step is QuestionId {
  return QUESTION_SET.has(step);
}

/** Where the questionnaire lives: a person's own at /feedback, a staff member's at /staff/record. */
export function basePath(mode: Mode): string {
  return mode === 'self' ? '/feedback' : '/staff/record';
}

export function stepPath(mode: Mode, step: StepId, change = false): string {
  return `${basePath(mode)}/${step}${change ? '?change=1' : ''}`;
}

/** The questions this person is asked, in order: the carers’ question only of carers. */
export function questionsFor(draft: ExperienceDraft): QuestionId[] {
  return QUESTION_IDS.filter((id) => draft.respondent !== undefined && isAskedOf(id, draft.respondent));
}

/**
 * Every step in order for what has been answered so far. "Help now" comes straight after the safety
 * question when the answer calls for it, before any further question (docs/measures.md, "Safety first").
 */
export function stepsFor(draft: ExperienceDraft): StepId[] {
  const steps: StepId[] = [];
  if (draft.mode === 'assisted') steps.push('gathering');
  steps.push('who');
  for (const id of questionsFor(draft)) {
    steps.push(id);
    if (id === 'safe' && isSafetyConcern({ safe: draft.answers.safe })) steps.push('help-now');
  }
  steps.push('words', 'about-you', 'equality', 'how-answered', 'consent');
  if (draft.contact) steps.push('contact');
  if (draft.mode === 'assisted') steps.push('focus');
  steps.push('check');
  return steps;
}

export function isStep(draft: ExperienceDraft, step: string): step is StepId {
  return (stepsFor(draft) as string[]).includes(step);
}

/** Steps that only appear because of the answer on the step before: shown even when changing one answer. */
const FOLLOW_UPS: Partial<Record<StepId, StepId>> = { safe: 'help-now', consent: 'contact' };

/** Where Continue goes. Changing an answer from the check page returns there, after any follow-up it opened. */
export function nextStep(draft: ExperienceDraft, current: StepId, changing: boolean): StepId {
  const steps = stepsFor(draft);
  const next = steps[steps.indexOf(current) + 1] ?? 'check';
  if (!changing) return next;
  return FOLLOW_UPS[current] === next ? next : 'check';
}

/** Where Back goes: the step before, or the start page before the first. */
export function previousStep(draft: ExperienceDraft, current: StepId): StepId | undefined {
  const steps = stepsFor(draft);
  const index = steps.indexOf(current);
  return index > 0 ? steps[index - 1] : undefined;
}

/** "Question 3 of 11", counting only the questions this person is asked. */
export function questionNumber(draft: ExperienceDraft, id: QuestionId): { n: number; total: number } {
  const asked = questionsFor(draft);
  return { n: asked.indexOf(id) + 1, total: asked.length };
}

/** The step to open when a person continues a draft: where they were, if it still exists. */
export function resumeStep(draft: ExperienceDraft): StepId {
  const steps = stepsFor(draft);
  return draft.step && (steps as string[]).includes(draft.step)
    ? (draft.step as StepId)
    : (steps[0] as StepId);
}
