import { wilsonInterval } from '../measures/wilson.ts';
import { IN_TOUCH_ANSWERS, type FollowUpAnswer } from './follow-up.ts';

/**
 * "Did it help?" as a measure: of the people who got in touch with a service, the share who said it
 * helped. The base is the answers Yes, Partly and No; "could not reach them" and "did not contact them"
 * say nothing about whether the service helps, so they are left out of the base and counted apart
 * (the first is shown on the data-quality side as a listing people could not reach). Partly is in the
 * base but not positive: the measure should not flatter a service. Definitions: docs/measures.md.
 */

export type FollowUpCounts = Partial<Record<FollowUpAnswer, number>>;

export interface Helpfulness {
  /** People who got in touch: Yes, Partly or No. */
  base: number;
  /** Of them, those who said Yes. */
  helped: number;
  /** `helped / base`, or null with no one in the base. */
  share: number | null;
  /** The 95% Wilson interval of the share, or null with no one in the base. */
  interval: { low: number; high: number } | null;
  /** Outside the base: tried and could not reach them. */
  couldNotReach: number;
  /** Outside the base: did not contact them. */
  notContacted: number;
}

export function helpfulness(counts: FollowUpCounts): Helpfulness {
  const base = IN_TOUCH_ANSWERS.reduce((sum, answer) => sum + (counts[answer] ?? 0), 0);
  const helped = counts.yes ?? 0;
  return {
    base,
    helped,
    share: base === 0 ? null : helped / base,
    interval: wilsonInterval(helped, base),
    couldNotReach: counts['could-not-reach'] ?? 0,
    notContacted: counts['not-contacted'] ?? 0,
  };
}
