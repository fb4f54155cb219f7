import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isInBase, isPositive } from '../../src/domain/feedback/questions.ts';
import { parseFeedbackBatch } from '../../src/domain/feedback/submission.ts';
import {
  HELPED_ANSWERS,
  HELPED_TO_INFO,
  WHO_TO_RESPONDENT,
  helpedSubmission,
  respondentFor,
} from '../../src/domain/guided/helped.ts';
import { parseRules, questionsWithRole } from '../../src/domain/guided/rules.ts';

const rules = parseRules(
  JSON.parse(readFileSync(fileURLToPath(new URL('../../data/guided-help.json', import.meta.url)), 'utf8')),
);
const ID = '0d4f7c1e-2b3a-4c5d-8e9f-a0b1c2d3e4f5';

describe('the closing question, "Did this help you find what you needed?"', () => {
  it('counts only a yes as positive in the info measure, and every answer in its base', () => {
    expect(HELPED_ANSWERS.filter((answer) => isPositive('info', HELPED_TO_INFO[answer]))).toEqual(['yes']);
    for (const answer of HELPED_ANSWERS) expect(isInBase('info', HELPED_TO_INFO[answer]), answer).toBe(true);
    expect(HELPED_TO_INFO).toEqual({ yes: 'fairly-easy', partly: 'fairly-difficult', no: 'very-difficult' });
  });

  it('knows who answered for every answer to the journey’s first question', () => {
    const who = questionsWithRole(rules, 'who')[0]!;
    expect(Object.keys(WHO_TO_RESPONDENT).sort()).toEqual(who.answers.map((answer) => answer.id).sort());
    expect(respondentFor('someone-i-look-after')).toEqual({ respondent: 'carer', howAnswered: 'own' });
    expect(respondentFor('me')).toEqual({ respondent: 'resident', howAnswered: 'own' });
    expect(respondentFor('professional')).toEqual({ respondent: 'resident', howAnswered: 'on-behalf' });
    expect(respondentFor(undefined)).toEqual({ respondent: 'resident', howAnswered: 'own' });
  });

  it('makes an anonymous submission the server accepts: the info answer, the channel, nothing else', () => {
    const submission = helpedSubmission({
      id: ID,
      createdAt: '2026-03-02T10:15:00.000Z',
      helped: 'partly',
      whoAnswerId: 'someone-i-look-after',
    });
    expect(parseFeedbackBatch(submission)).toEqual({ ok: true, submissions: [submission] });
    expect(submission).toEqual({
      kind: 'experience',
      id: ID,
      createdAt: '2026-03-02T10:15:00.000Z',
      formVersion: 1,
      answers: { info: 'fairly-difficult' },
      consent: { storeWords: false, quote: false, contact: false },
      respondent: 'carer',
      howAnswered: 'own',
      channel: 'guided-help',
    });
    expect(submission).not.toHaveProperty('words');
    expect(submission).not.toHaveProperty('district');
  });
});
