import { z } from 'zod/mini';
import { SyncRunSummary } from '../directory-quality.ts';

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
      lastRun: z.nullable(SyncRunSummary),
    }),
  ),
});
export type HealthResponse = z.infer<typeof HealthResponse>;
