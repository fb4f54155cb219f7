import { z } from 'zod/mini';
import { Period } from '../measures/periods.ts';

/** Problems people reported with listings, at `/api/v1/listing-problems`. */

export const LISTING_PROBLEM_STATES = ['new', 'in-hand', 'fixed', 'not-a-problem'] as const;
export const ListingProblemState = z.enum(LISTING_PROBLEM_STATES);
export type ListingProblemState = z.infer<typeof ListingProblemState>;

/** `GET /api/v1/listing-problems` (admins): the queue, of one state if asked. */
export const ListingQueueQuery = z.object({ state: z.optional(ListingProblemState) });

/** `PATCH /api/v1/listing-problems/{id}` (admins). */
export const ListingStateChange = z.object({ state: ListingProblemState });

/** `GET /api/v1/listing-problems/lookup?reference=`: anyone, by the reference they were shown. */
export const ListingLookupQuery = z.object({ reference: z.string().check(z.maxLength(40)) });

/** `GET /api/v1/listing-problems/fixed`: this month unless one is asked for. */
export const ListingFixedQuery = z.object({ period: z.optional(Period) });

export const ListingProblemItem = z.object({
  id: z.string(),
  reference: z.string(),
  serviceId: z.string(),
  /** The listing's name from the directory, if it is still there. */
  serviceName: z.nullable(z.string()),
  problem: z.string(),
  details: z.nullable(z.string()),
  contact: z.nullable(z.object({ method: z.enum(['email', 'phone']), value: z.string() })),
  state: ListingProblemState,
  receivedAt: z.string(),
  stateChangedAt: z.nullable(z.string()),
  fixedAt: z.nullable(z.string()),
});
export type ListingProblemItem = z.infer<typeof ListingProblemItem>;

export const ListingQueueResponse = z.object({ problems: z.array(ListingProblemItem) });
export type ListingQueueResponse = z.infer<typeof ListingQueueResponse>;

export const ListingChangedResponse = z.object({ problem: ListingProblemItem });

/** What the person who reported a problem may know of it. */
export const ListingProblemStatus = z.object({
  reference: z.string(),
  state: ListingProblemState,
  /** `YYYY-MM-DD`, UK dates. */
  reportedOn: z.string(),
  fixedOn: z.nullable(z.string()),
});
export type ListingProblemStatus = z.infer<typeof ListingProblemStatus>;

export const ListingLookupResponse = z.object({ problem: ListingProblemStatus });
export type ListingLookupResponse = z.infer<typeof ListingLookupResponse>;

export const ProblemsFixedResponse = z.object({ period: z.string(), fixed: z.number() });
export type ProblemsFixedResponse = z.infer<typeof ProblemsFixedResponse>;
