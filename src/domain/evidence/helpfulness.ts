import { z } from 'zod/mini';
import { primaryDecision, SUPPRESSION_REASONS, type SuppressionReason } from '../measures/disclosure.ts';
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

/** Whether a row's share could be published: shown, or the reason disclosure control would withhold it. */
export type PublicView = SuppressionReason | 'shown';

/** The answers about one service or theme, as counted from the store. */
export interface FollowUpGroup {
  key: string;
  name: string | null;
  counts: FollowUpCounts;
}

/**
 * Each service's or theme's helpfulness, most answers in the base first. No secondary suppression is
 * judged here: the rows are not shares of one published total.
 */
export function helpfulnessRows(groups: readonly FollowUpGroup[]): HelpfulnessRow[] {
  return groups
    .map((group) => {
      const measure = helpfulness(group.counts);
      const { reason } = primaryDecision({ n: measure.base, positive: measure.helped });
      const publicView: PublicView = measure.base === 0 ? 'fewer-than-10' : (reason ?? 'shown');
      return { key: group.key, name: group.name, ...measure, publicView };
    })
    .sort((a, b) => b.base - a.base || b.couldNotReach - a.couldNotReach || a.key.localeCompare(b.key));
}

/** Helpfulness of one service or one theme, as analysts see it: true counts, with what the public could see. */
export const HelpfulnessRowSchema = z.object({
  /** The service's id, or the theme. */
  key: z.string(),
  /** The service's name as the directory lists it now; null for a theme, or a service no longer listed. */
  name: z.nullable(z.string()),
  base: z.number(),
  helped: z.number(),
  share: z.nullable(z.number()),
  interval: z.nullable(z.object({ low: z.number(), high: z.number() })),
  couldNotReach: z.number(),
  notContacted: z.number(),
  /** Decided on the true counts by the published measures' own rule (base of 10, no count of 1 to 4). */
  publicView: z.enum(['shown', ...SUPPRESSION_REASONS]),
});
export type HelpfulnessRow = z.infer<typeof HelpfulnessRowSchema>;

/** The analysts' table of whether services and themes helped, as the API gives it. */
export const HelpfulnessTableSchema = z.object({
  from: z.string(),
  to: z.string(),
  services: z.array(HelpfulnessRowSchema),
  themes: z.array(HelpfulnessRowSchema),
});
export type HelpfulnessTable = z.infer<typeof HelpfulnessTableSchema>;
