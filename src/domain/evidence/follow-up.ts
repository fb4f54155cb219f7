import { z } from 'zod/mini';
import { CreatedAt, Honeypot, SubmissionId } from '../feedback/submission-basics.ts';
import { storableText } from '../storable-text.ts';
import type { Service } from '../service.ts';
import { District, Theme } from '../service-terms.ts';

/**
 * "Did it help?", asked a few weeks after someone saved a service to My list or called it from Signpost.
 * The answer goes with the service's id, its theme and its district (as the directory listed them when
 * asked), and nothing about the person: not when they saved it, not whether they saved or called.
 */

/**
 * Getting in touch and whether it helped, in one choice. "Could not reach them" is kept apart from "did
 * not contact them": the first is a listing that may be wrong, the second says nothing about the service.
 */
export const FOLLOW_UP_ANSWERS = ['yes', 'partly', 'no', 'could-not-reach', 'not-contacted'] as const;
export const FollowUpAnswer = z.enum(FOLLOW_UP_ANSWERS);
export type FollowUpAnswer = z.infer<typeof FollowUpAnswer>;

/** The answers that say the person was in touch with the service, and so whether it helped. */
export const IN_TOUCH_ANSWERS = ['yes', 'partly', 'no'] as const satisfies readonly FollowUpAnswer[];

export const FollowUpSubmission = z.strictObject({
  kind: z.literal('follow-up'),
  id: SubmissionId,
  createdAt: CreatedAt,
  /** The directory's id for the service, as a listing problem names it. */
  serviceId: z.string().check(z.minLength(1), z.maxLength(200), storableText()),
  /** The service's first theme, as listed when the question was asked. */
  theme: z.optional(Theme),
  /** The service's own district; absent for a service for all of Essex or with no area of its own. */
  district: z.optional(District),
  answer: FollowUpAnswer,
  website: Honeypot,
});
export type FollowUpSubmission = z.infer<typeof FollowUpSubmission>;

/** Where a service is, for the measures: none for one serving all of Essex, else its first place's district. */
export function serviceDistrict(
  service: Pick<Service, 'countyWide' | 'districts' | 'locations'>,
): District | undefined {
  if (service.countyWide) return undefined;
  return service.locations.find((location) => location.district)?.district ?? service.districts[0];
}

/** The answer about one service, with its first theme and its district as the directory lists them now. */
export function followUpSubmission(input: {
  id: string;
  createdAt: string;
  service: Pick<Service, 'id' | 'themes' | 'countyWide' | 'districts' | 'locations'>;
  answer: FollowUpAnswer;
}): FollowUpSubmission {
  const { service } = input;
  const theme = service.themes[0];
  const district = serviceDistrict(service);
  return {
    kind: 'follow-up',
    id: input.id,
    createdAt: input.createdAt,
    serviceId: service.id,
    ...(theme ? { theme } : {}),
    ...(district ? { district } : {}),
    answer: input.answer,
  };
}
