import { z } from 'zod/mini';
import type { HowAnswered, RespondentGroup } from '../feedback/about.ts';
import { FORM_VERSION, type AnswerCode } from '../feedback/questions.ts';
import type { ExperienceSubmission } from '../feedback/submission.ts';

/**
 * Guided help's one closing question, "Did this help you find what you needed?", counted in the
 * council's `info` measure ("how easy is it to find information and advice", ASCOF 3D) under the
 * `guided-help` channel. Nothing else from the journey is sent: not the needs, not the place.
 */

export const HELPED_ANSWERS = ['yes', 'partly', 'no'] as const;
export const Helped = z.enum(HELPED_ANSWERS);
export type Helped = z.infer<typeof Helped>;

/**
 * Yes, Partly, No on the `info` scale. "Yes" is positive but not the top box: one yes after a few
 * questions says it was found, not that it was very easy. "Partly" means something was still missing,
 * so it is not counted as positive: the measure should not flatter the tool.
 */
export const HELPED_TO_INFO = {
  yes: 'fairly-easy',
  partly: 'fairly-difficult',
  no: 'very-difficult',
} as const satisfies Record<Helped, AnswerCode<'info'>>;

export interface GuidedRespondent {
  respondent: RespondentGroup;
  howAnswered: HowAnswered;
}

/**
 * Who answered, from the journey's first question. A professional looks for someone else, so their
 * answer is a proxy's (`on-behalf`), kept out of the headline figures like every other proxy answer.
 * Skipped or unknown: a resident answering for themselves, the group every other is a part of.
 */
export const WHO_TO_RESPONDENT: Readonly<Record<string, GuidedRespondent>> = {
  me: { respondent: 'resident', howAnswered: 'own' },
  'someone-i-look-after': { respondent: 'carer', howAnswered: 'own' },
  professional: { respondent: 'resident', howAnswered: 'on-behalf' },
};

const ANYONE: GuidedRespondent = { respondent: 'resident', howAnswered: 'own' };

export function respondentFor(whoAnswerId: string | undefined): GuidedRespondent {
  return (whoAnswerId && WHO_TO_RESPONDENT[whoAnswerId]) || ANYONE;
}

/** The anonymous submission for the closing question: no words, no consent to anything, no place. */
export function helpedSubmission(input: {
  id: string;
  createdAt: string;
  helped: Helped;
  whoAnswerId?: string | undefined;
}): ExperienceSubmission {
  return {
    kind: 'experience',
    id: input.id,
    createdAt: input.createdAt,
    formVersion: FORM_VERSION,
    answers: { info: HELPED_TO_INFO[input.helped] },
    consent: { storeWords: false, quote: false, contact: false },
    ...respondentFor(input.whoAnswerId),
    channel: 'guided-help',
  };
}
