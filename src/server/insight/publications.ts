import { protectCount } from '../../domain/measures/disclosure.ts';
import { periodDate, previousMonth, ukMonth } from '../../domain/measures/periods.ts';
import {
  DEFAULT_GRACE_DAYS,
  publishRefusal,
  type PublishRefusal,
} from '../../domain/measures/publication.ts';
import {
  isPublicBreakdown,
  publicScorecard,
  withChanges,
  type ScorecardRow,
} from '../../domain/measures/scorecard.ts';
import type { PublicationNotes, RevisionSummary } from '../../domain/api/measures.ts';
import { evidenceScorecardRows, type PublishedEvidence } from '../../domain/evidence/published.ts';
import type { Database, Queryable } from '../db/database.ts';
import { evidenceCounts, evidenceToPublish } from '../evidence/published.ts';
import { COUNTED_BREAKDOWNS, countAnswersIn } from './counts.ts';
import { toIsoTime } from './csv.ts';

/**
 * Publication (docs/measures.md, "Publication"): a month's public figures are computed once, when an
 * analyst publishes it after the month and its grace period are over, stored, and served unchanged.
 * Publishing again is a new revision with a note saying why; every revision is kept, so the log of who
 * published what, when and why is the table itself.
 */

/** The breakdowns publishing counts: the public ones (`how-answered` needs no count of its own). */
const PUBLIC_COUNTED = COUNTED_BREAKDOWNS.filter((b) => isPublicBreakdown(b));

export interface Publication extends RevisionSummary {
  /** `YYYY-MM`. */
  period: string;
  /** The public scorecard as published: no changes (those come from the month before, as published). */
  rows: ScorecardRow[];
  notes: PublicationNotes;
  /** Unmet need and whether services helped, protected; null for a month published before they were. */
  evidence: PublishedEvidence | null;
  /** Every revision, the first first, this one last. */
  history: RevisionSummary[];
}

interface PublicationRow {
  period: string;
  revision: number;
  publishedAt: unknown;
  note: string | null;
  figures: ScorecardRow[];
  notes: PublicationNotes;
  evidence: PublishedEvidence | null;
}

/** Every published month, `YYYY-MM`, oldest first. */
export async function publishedMonths(db: Queryable): Promise<string[]> {
  const rows = await db.query<{ period: string }>(
    "select distinct to_char(period, 'YYYY-MM') as period from measure_publications order by period",
  );
  return rows.map((r) => r.period);
}

/** The latest published month, no later than `to` if given. */
export async function latestPublishedMonth(db: Queryable, to?: string): Promise<string | undefined> {
  const [row] = await db.query<{ period: string | null }>(
    `select to_char(max(period), 'YYYY-MM') as period from measure_publications
     where $1::date is null or period <= $1::date`,
    [to ? periodDate(to) : null],
  );
  return row?.period ?? undefined;
}

/** The months from `from` to `to` that are published, each as its latest revision. */
export async function publicationsBetween(db: Queryable, from: string, to: string): Promise<Publication[]> {
  const rows = await db.query<PublicationRow>(
    `select to_char(period, 'YYYY-MM') as period, revision, published_at as "publishedAt", note, figures, notes,
            evidence
     from measure_publications
     where period between $1::date and $2::date
     order by period, revision`,
    [periodDate(from), periodDate(to)],
  );
  const byMonth = new Map<string, PublicationRow[]>();
  for (const row of rows) byMonth.set(row.period, [...(byMonth.get(row.period) ?? []), row]);
  return [...byMonth.values()].map((revisions) => {
    const latest = revisions[revisions.length - 1] as PublicationRow;
    return {
      ...summary(latest),
      period: latest.period,
      rows: latest.figures,
      notes: latest.notes,
      evidence: latest.evidence,
      history: revisions.map(summary),
    };
  });
}

function summary(row: PublicationRow): RevisionSummary {
  return { revision: row.revision, publishedAt: toIsoTime(row.publishedAt), note: row.note };
}

/** A month as published (its latest revision), or undefined if it is not. */
export async function publicationOf(db: Queryable, period: string): Promise<Publication | undefined> {
  const [publication] = await publicationsBetween(db, period, period);
  return publication;
}

/** The published rows of a month with each share's change since the month before, as that was published. */
export async function publishedRows(db: Queryable, period: string): Promise<Publication | undefined> {
  const [previous, current] = await publicationsBetween(db, previousMonth(period), period).then((found) => [
    found.find((p) => p.period === previousMonth(period)),
    found.find((p) => p.period === period),
  ]);
  if (!current) return undefined;
  return { ...current, rows: withChanges(current.rows, previous?.rows ?? []) };
}

/** Refused by the rules, or beaten to it: another analyst published the same revision a moment before. */
export type PublishResult = { published: Publication } | { refused: PublishRefusal | 'conflict' };

/**
 * Publishes `period`: counts it, protects every figure and note, and stores the result as its next
 * revision, all from one snapshot. Refused while the month or its grace period runs, and, for a
 * republication, without a note. Of two analysts publishing at once, the second is told of the first.
 */
export async function publishMonth(
  db: Database,
  options: { period: string; now: Date; graceDays?: number; by: string | null; note?: string | null },
): Promise<PublishResult> {
  const { period, now } = options;
  const graceDays = options.graceDays ?? DEFAULT_GRACE_DAYS;
  const note = options.note?.trim() || null;
  try {
    return await db.transaction(async (tx): Promise<PublishResult> => {
      await tx.query('set transaction isolation level repeatable read');
      const [{ revisions } = { revisions: 0 }] = await tx.query<{ revisions: number }>(
        'select count(*)::int as revisions from measure_publications where period = $1::date',
        [periodDate(period)],
      );
      const refused = publishRefusal({ period, now, graceDays, revisions, note });
      if (refused) return { refused };
      const [counts] = await countAnswersIn(tx, { from: period, to: period, breakdowns: PUBLIC_COUNTED });
      if (!counts) throw new Error(`No counts for ${period}`);
      const evidence = await evidenceCounts(tx, period);
      await tx.query(
        `insert into measure_publications
           (period, revision, published_at, published_by, note, figures, notes, evidence)
         values ($1::date, $2, $3, $4, $5, $6::text::jsonb, $7::text::jsonb, $8::text::jsonb)`,
        [
          periodDate(period),
          revisions + 1,
          now,
          options.by,
          revisions === 0 ? null : note,
          JSON.stringify([...publicScorecard(counts), ...evidenceScorecardRows(period, evidence, 'public')]),
          JSON.stringify(await publicationNotes(tx, period)),
          JSON.stringify(await evidenceToPublish(tx, evidence)),
        ],
      );
      const published = (await publicationsBetween(tx, period, period))[0];
      if (!published) throw new Error(`${period} was not published`);
      return { published };
    });
  } catch (error) {
    // The same revision inserted by another analyst first, or their commit breaking our snapshot.
    const code = (error as { code?: unknown } | null)?.code;
    if (code === '23505' || code === '40001') return { refused: 'conflict' };
    throw error;
  }
}

/** The month's notes, each count protected by the record keys of the responses it counts. */
async function publicationNotes(db: Queryable, period: string): Promise<PublicationNotes> {
  const [late] = await db.query<{ count: number; keySum: number }>(
    `select count(*)::int as count, coalesce(sum(record_key), 0)::int as "keySum"
     from feedback_responses where period = $1::date and arrived_late and exclusion_id is null`,
    [periodDate(period)],
  );
  const excluded = await db.query<{ reason: string; count: number; keySum: number }>(
    `select e.reason, count(r.id)::int as count, coalesce(sum(r.record_key), 0)::int as "keySum"
     from measure_exclusions e join feedback_responses r on r.exclusion_id = e.id
     where e.period = $1::date and e.restored_at is null
     group by e.id, e.reason, e.excluded_at
     order by e.excluded_at`,
    [periodDate(period)],
  );
  return {
    arrivedLate: protectCount(late?.count ?? 0, late?.keySum ?? 0),
    excluded: excluded.map((e) => ({ reason: e.reason, responses: protectCount(e.count, e.keySum) })),
  };
}

/** How many responses count in the month `now` is in so far (answers left out not counted). */
export async function responsesSoFar(db: Queryable, now: Date): Promise<{ period: string; count: number }> {
  const period = ukMonth(now);
  const [row] = await db.query<{ count: number }>(
    `select count(*)::int as count from feedback_responses
     where period = $1::date and exclusion_id is null`,
    [periodDate(period)],
  );
  return { period, count: row?.count ?? 0 };
}
