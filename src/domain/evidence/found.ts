import { z } from 'zod/mini';
import { CreatedAt, Honeypot, SubmissionId } from '../feedback/submission-basics.ts';
import { District } from '../service-terms.ts';

/**
 * "Did you find what you needed?", asked at the foot of search results and of guided help's shortlist.
 * On Partly or No, one optional page asks what was missing, in the guided journey's own needs, where, and
 * for whom. Nothing else is ever sent: not what was typed into search, not the filters, not the services
 * seen, and never words of the person's own.
 */

export const FOUND_ANSWERS = ['yes', 'partly', 'no'] as const;
export const FoundAnswer = z.enum(FOUND_ANSWERS);
export type FoundAnswer = z.infer<typeof FoundAnswer>;

/** Where the question was asked: the foot of search results, or of guided help's shortlist. */
export const FOUND_SOURCES = ['search', 'guided'] as const;
export const FoundSource = z.enum(FOUND_SOURCES);
export type FoundSource = z.infer<typeof FoundSource>;

/**
 * The guided journey's needs ("What is hard right now?"), by the ids of `data/guided-help.json`, so an
 * unmet need is counted in the same words people choose from. A test keeps the two lists the same.
 */
export const FOUND_NEEDS = [
  'everyday-tasks',
  'looking-after-myself',
  'staying-safe',
  'hospital',
  'out-and-about',
  'lonely-or-low',
  'money',
  'somewhere-to-live',
  'work-learning-volunteering',
  'caring',
  'something-else',
] as const;
export const FoundNeed = z.enum(FOUND_NEEDS);
export type FoundNeed = z.infer<typeof FoundNeed>;

/** For whom the person was looking. */
export const FOR_WHOM = ['me', 'someone-i-care-for'] as const;
export const ForWhom = z.enum(FOR_WHOM);
export type ForWhom = z.infer<typeof ForWhom>;

/** Whether the answer says something was missing, so the optional page of needs may follow it. */
export function saysSomethingMissing(answer: FoundAnswer): boolean {
  return answer !== 'yes';
}

/**
 * Strict: a field the schema does not name is refused, so nothing but these codes can ever be stored.
 * Needs, district and for whom belong only to Partly or No.
 */
export const FoundSubmission = z
  .strictObject({
    kind: z.literal('found'),
    id: SubmissionId,
    createdAt: CreatedAt,
    source: FoundSource,
    answer: FoundAnswer,
    needs: z.optional(z.array(FoundNeed).check(z.maxLength(FOUND_NEEDS.length))),
    district: z.optional(District),
    forWhom: z.optional(ForWhom),
    website: Honeypot,
  })
  .check(
    z.superRefine((s, ctx) => {
      if (!saysSomethingMissing(s.answer)) {
        for (const field of ['needs', 'district', 'forWhom'] as const) {
          if (s[field] !== undefined) {
            ctx.addIssue({ code: 'custom', input: s, path: [field], message: 'not-for-this-answer' });
          }
        }
      }
      if (s.needs && new Set(s.needs).size !== s.needs.length) {
        ctx.addIssue({ code: 'custom', input: s, path: ['needs'], message: 'invalid' });
      }
    }),
  );
export type FoundSubmission = z.infer<typeof FoundSubmission>;

export interface FoundDetails {
  needs?: readonly FoundNeed[];
  district?: District;
  forWhom?: ForWhom;
}

/**
 * The submission for an answer: details only with Partly or No, needs in the journey's order and only
 * when some were chosen, so the same choices always make the same submission.
 */
export function foundSubmission(input: {
  id: string;
  createdAt: string;
  source: FoundSource;
  answer: FoundAnswer;
  details?: FoundDetails;
}): FoundSubmission {
  const submission: FoundSubmission = {
    kind: 'found',
    id: input.id,
    createdAt: input.createdAt,
    source: input.source,
    answer: input.answer,
  };
  const details = input.details;
  if (!details || !saysSomethingMissing(input.answer)) return submission;
  const needs = FOUND_NEEDS.filter((need) => details.needs?.includes(need));
  if (needs.length > 0) submission.needs = needs;
  if (details.district) submission.district = details.district;
  if (details.forWhom) submission.forWhom = details.forWhom;
  return submission;
}
