import { z } from 'zod/mini';

/**
 * The directory's data-quality report for council staff: what needs someone's attention, by kind, each
 * row naming the service it is about. Shared by the server that makes it and the page that shows it.
 */
export const QUALITY_KINDS = [
  'not-checked-12',
  'not-checked-6',
  'quarantined',
  'warning',
  'no-theme',
  'no-contact',
  'open-problem',
  'could-not-reach',
] as const;
export const QualityKind = z.enum(QUALITY_KINDS);
export type QualityKind = z.infer<typeof QualityKind>;

export const QualityRow = z.object({
  kind: QualityKind,
  /** Null only for a quarantined record that had no id. */
  serviceId: z.nullable(z.string()),
  name: z.nullable(z.string()),
  /** Whether the service is in the directory now, so its page can be linked. */
  listed: z.boolean(),
  /** The import's reason, or the field and value set aside, in the import's own (English) words. */
  detail: z.nullable(z.string()),
  /** A listing-problem's kind (`wrong-phone`, …), for the page to say in its language. */
  code: z.nullable(z.string()),
  /** Last checked (a date), the import run's time, or when the problem was reported or last answered. */
  date: z.nullable(z.string()),
  /** For a kind counted from people's answers: how many gave it. */
  answers: z.optional(z.number()),
});
export type QualityRow = z.infer<typeof QualityRow>;

/** One scheduled sync of the council's feed, as `/api/health` and this page show it (no feed address). */
export const SyncRunSummary = z.object({
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
export type SyncRunSummary = z.infer<typeof SyncRunSummary>;

export const QualityReport = z.object({
  /** How many rows of each kind there are, whatever the filter. */
  counts: z.record(QualityKind, z.number()),
  /** Active services in the directory. */
  services: z.number(),
  rows: z.array(QualityRow),
  /** Whether the rows stop at the limit: the CSV has them all. */
  truncated: z.boolean(),
  lastSync: z.nullable(SyncRunSummary),
});
export type QualityReport = z.infer<typeof QualityReport>;
