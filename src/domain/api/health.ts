import { z } from 'zod/mini';

/** One scheduled sync of the council's feed, as `/api/health` shows it (the feed's address left out). */
export const FeedSyncRun = z.object({
  startedAt: z.string(),
  finishedAt: z.nullable(z.string()),
  read: z.number(),
  imported: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  warned: z.number(),
  quarantined: z.number(),
  deactivated: z.number(),
  noTheme: z.number(),
  fullFeed: z.boolean(),
  error: z.nullable(z.string()),
});
export type FeedSyncRun = z.infer<typeof FeedSyncRun>;

/** `GET /api/health`: for load balancers and monitoring. */
export const HealthResponse = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  version: z.string(),
  /** Present once a feed is set or has been synced: the schedule and the last run, no feed address. */
  feedSync: z.optional(
    z.object({
      scheduled: z.boolean(),
      intervalMinutes: z.nullable(z.number()),
      lastRun: z.nullable(FeedSyncRun),
    }),
  ),
});
export type HealthResponse = z.infer<typeof HealthResponse>;
