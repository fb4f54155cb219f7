import { z } from 'zod/mini';
import { GuidedAnswers } from './rules.ts';

/** A person's guided-help journey so far, as the device keeps it between pages (and never sends). */
export const JourneyState = z.object({
  answers: GuidedAnswers,
  /** They opened "Need help now?" on the way: the shortlist starts with the help-now contacts. */
  askedForHelpNow: z.optional(z.boolean()),
});
export type JourneyState = z.infer<typeof JourneyState>;

/** Whether the person has answered anything yet. */
export function hasAnswers(state: JourneyState): boolean {
  const { choices, district, postcode } = state.answers;
  return Object.values(choices).some((ids) => ids.length > 0) || Boolean(district || postcode);
}
