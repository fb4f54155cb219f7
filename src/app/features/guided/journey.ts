import rulesFile from '../../../../data/guided-help.json';
import { parseRules, type GuidedRules, type Step } from '../../../domain/guided/rules.ts';
import { CHECK_PATH, GUIDED_PATH, SHORTLIST_PATH } from './journey-paths.ts';

/** The journey, read once; a broken rules file fails the build's tests rather than a person's visit. */
export const GUIDED_RULES: GuidedRules = parseRules(rulesFile);

export { CHECK_PATH, GUIDED_PATH, HELP_NOW_PATH, SHORTLIST_PATH } from './journey-paths.ts';
/** On a step's address: the person came to change one answer, so Continue returns to the check page. */
export const FROM_CHECK = 'from=check';

export function stepPath(step: Pick<Step, 'id'>, fromCheck = false): string {
  return `${GUIDED_PATH}/${step.id}${fromCheck ? `?${FROM_CHECK}` : ''}`;
}

export interface StepPlace {
  step: Step;
  /** 1-based, for "Question 2 of 5". */
  number: number;
  total: number;
  /** Where Back goes: the step before, the start page, or the check page when changing an answer. */
  backPath: string;
  /** Where Continue and Skip go. */
  nextPath: string;
}

/** Where a step sits in the journey, or undefined for an id the journey does not have. */
export function placeOfStep(rules: GuidedRules, stepId: string, fromCheck: boolean): StepPlace | undefined {
  const index = rules.steps.findIndex((step) => step.id === stepId);
  const step = rules.steps[index];
  if (!step) return undefined;
  const before = rules.steps[index - 1];
  const after = rules.steps[index + 1];
  return {
    step,
    number: index + 1,
    total: rules.steps.length,
    backPath: fromCheck ? CHECK_PATH : before ? stepPath(before) : GUIDED_PATH,
    nextPath: fromCheck || !after ? CHECK_PATH : stepPath(after),
  };
}

/** A path inside the journey to return to from the help-now page; anything else goes to the start. */
export function safeReturnPath(rules: GuidedRules, from: string | undefined): string {
  if (from === 'check') return CHECK_PATH;
  if (from === 'shortlist') return SHORTLIST_PATH;
  const step = rules.steps.find((candidate) => candidate.id === from);
  return step ? stepPath(step) : GUIDED_PATH;
}
