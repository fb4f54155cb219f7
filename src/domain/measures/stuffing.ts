import type { ExperienceSubmission } from '../feedback/submission.ts';
import { PREFER_NOT_TO_SAY, QUESTION_IDS } from '../feedback/questions.ts';

/**
 * Signs that a month's answers were stuffed (docs/measures.md, "Stuffing"): analysts see them before
 * they publish, and may leave a flagged group out with a reason that is published with the month.
 * Flags only point; nothing is left out without an analyst deciding.
 */

/**
 * The kinds of flag: many self-completed answers from one address (`address-burst`) or in one request
 * from one device (`device-burst`) within an hour, and runs of responses giving exactly the same
 * answers (`identical-answers`).
 */
export const FLAG_KINDS = ['address-burst', 'device-burst', 'identical-answers'] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];

/** A burst: at least this many self-completed responses from one source… */
export const BURST_MIN_RESPONSES = 10;
/** …within this many minutes. */
export const BURST_WINDOW_MINUTES = 60;
/** A run: at least this many responses in a month with the same pattern of answers… */
export const PATTERN_MIN_RESPONSES = 5;
/** …where the pattern answers at least this many questions (fewer match by chance too often). */
export const PATTERN_MIN_ANSWERS = 3;

/**
 * The pattern of a response, as a text that two responses share exactly when they gave the same answers
 * to every question and the same "about you" answers; null when it answers too few questions to mean
 * anything. The server stores only a hash of it.
 */
export function answerPattern(submission: ExperienceSubmission): string | null {
  const answered = QUESTION_IDS.filter((id) => {
    const answer = submission.answers[id];
    return answer !== undefined && answer !== PREFER_NOT_TO_SAY;
  });
  if (answered.length < PATTERN_MIN_ANSWERS) return null;
  return JSON.stringify([
    QUESTION_IDS.map((id) => submission.answers[id] ?? ''),
    submission.respondent,
    submission.howAnswered,
    submission.district ?? '',
    submission.ageBand ?? '',
    submission.equality?.sex ?? '',
    submission.equality?.ethnicGroup ?? '',
    submission.equality?.disability ?? '',
  ]);
}

/** The longest reason an analyst may give for leaving a group out (it is published with the month). */
export const MAX_REASON_LENGTH = 300;
