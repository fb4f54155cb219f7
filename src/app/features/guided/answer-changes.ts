import type { GuidedAnswers, Question, Step } from '../../../domain/guided/rules.ts';

/** The answers with one answer to a question picked or unpicked (the only one, for a `one` question). */
export function withChoice(
  answers: GuidedAnswers,
  question: Question,
  answerId: string,
  picked: boolean,
): GuidedAnswers {
  const before = answers.choices[question.id] ?? [];
  let after: string[];
  if (question.select === 'one') after = picked && answerId ? [answerId] : [];
  else if (picked) after = before.includes(answerId) ? before : [...before, answerId];
  else after = before.filter((id) => id !== answerId);
  return withAnswersTo(answers, question.id, after);
}

/** The answers with a question's choice replaced; no choice leaves the question out. */
export function withAnswersTo(answers: GuidedAnswers, questionId: string, ids: string[]): GuidedAnswers {
  const choices = { ...answers.choices };
  if (ids.length > 0) choices[questionId] = ids;
  else delete choices[questionId];
  return { ...answers, choices };
}

/** The answers with a step skipped: nothing chosen for any of its questions, and no place typed. */
export function withStepSkipped(answers: GuidedAnswers, step: Step): GuidedAnswers {
  let next = answers;
  for (const question of step.questions) {
    next = withAnswersTo(next, question.id, []);
    if (question.role === 'where') {
      const { district: _district, postcode: _postcode, ...rest } = next;
      next = rest;
    }
  }
  return next;
}
