import { randomUUID } from 'node:crypto';
import { CHANNELS, provenanceOf } from '../../domain/feedback/about.ts';
import { monthEnd, periodDate, previousMonth } from '../../domain/measures/periods.ts';
import {
  DEFAULT_GRACE_DAYS,
  monthState,
  PROVENANCES,
  publishableFrom,
  type Provenance,
} from '../../domain/measures/publication.ts';
import {
  BURST_MIN_RESPONSES,
  BURST_WINDOW_MINUTES,
  FLAG_KINDS,
  PATTERN_MIN_RESPONSES,
  type FlagKind,
} from '../../domain/measures/stuffing.ts';
import type {
  Exclusion,
  Flag,
  MonthReview,
  MonthSummary,
  PublicationEntry,
} from '../../domain/api/analyst.ts';
import type { Database, Queryable } from '../db/database.ts';
import { toIsoTime } from './csv.ts';
import { publicationsBetween } from './publications.ts';

/**
 * A month under review, before an analyst publishes it (docs/measures.md, "Stuffing"): how its answers
 * came, what looks stuffed, what has been left out and why, and whether it may be published yet.
 */

/** The channels a person fills in alone: only these carry a source, and only these make bursts. */
const SELF_COMPLETED = CHANNELS.filter((c) => provenanceOf(c) === 'self-completed');

export async function reviewMonth(
  db: Database,
  options: { period: string; now: Date; graceDays?: number },
): Promise<MonthReview> {
  const { period, now } = options;
  const graceDays = options.graceDays ?? DEFAULT_GRACE_DAYS;
  const date = periodDate(period);
  const publications = await publicationLog(db, period);
  const provenance = Object.fromEntries(PROVENANCES.map((p) => [p, 0])) as Record<Provenance, number>;
  const byChannel = await db.query<{ channel: string; count: number; late: number }>(
    `select channel, count(*)::int as count, count(*) filter (where arrived_late)::int as late
     from feedback_responses where period = $1::date and exclusion_id is null group by channel`,
    [date],
  );
  let arrivedLate = 0;
  for (const row of byChannel) {
    const kind = (CHANNELS as readonly string[]).includes(row.channel)
      ? provenanceOf(row.channel as (typeof CHANNELS)[number])
      : 'self-completed';
    provenance[kind] += row.count;
    arrivedLate += row.late;
  }
  const [later] = await db.query<{ count: number }>(
    `select count(*)::int as count from feedback_responses
     where given_at >= $1 and given_at < $2 and period > $3::date`,
    [monthEnd(previousMonth(period)), monthEnd(period), date],
  );
  return {
    period,
    state: monthState({ period, now, graceDays, published: publications.length > 0 }),
    endsAt: monthEnd(period).toISOString(),
    publishableFrom: publishableFrom(period, graceDays).toISOString(),
    provenance,
    arrivedLate,
    givenHereCountedLater: later?.count ?? 0,
    flags: await monthFlags(db, period),
    exclusions: await exclusionsOf(db, period),
    publications,
  };
}

/** Where each of `periods` stands, in the order given. */
export async function monthStates(
  db: Queryable,
  options: { periods: readonly string[]; now: Date; graceDays?: number },
): Promise<MonthSummary[]> {
  const { periods, now } = options;
  const graceDays = options.graceDays ?? DEFAULT_GRACE_DAYS;
  const dates = periods.map(periodDate);
  const revisions = await db.query<{ period: string; revision: number }>(
    `select to_char(period, 'YYYY-MM') as period, max(revision)::int as revision from measure_publications
     where period = any($1::date[]) group by period`,
    [dates],
  );
  const counts = await db.query<{ period: string; responses: number }>(
    `select to_char(period, 'YYYY-MM') as period, count(*)::int as responses from feedback_responses
     where period = any($1::date[]) and exclusion_id is null group by period`,
    [dates],
  );
  return periods.map((period) => {
    const revision = revisions.find((r) => r.period === period)?.revision ?? null;
    return {
      period,
      state: monthState({ period, now, graceDays, published: revision !== null }),
      publishableFrom: publishableFrom(period, graceDays).toISOString(),
      responses: counts.find((r) => r.period === period)?.responses ?? 0,
      revision,
    };
  });
}

/** Every flag of the month over the responses still counted, largest first. */
export async function monthFlags(db: Queryable, period: string): Promise<Flag[]> {
  const date = periodDate(period);
  type FlagRow = Omit<Flag, 'firstReceivedAt' | 'lastReceivedAt'> & { first: unknown; last: unknown };
  const addressBursts = await db.query<FlagRow>(
    `with self as (
       select source, received_at from feedback_responses
       where period = $1::date and source is not null and exclusion_id is null and channel = any($2::text[])
     ),
     windows as (
       select source, count(*) over (
         partition by source order by received_at
         range between $3::interval preceding and current row) as within
       from self
     ),
     bursts as (select source, max(within)::int as most from windows group by source having max(within) >= $4)
     select 'address-burst' as kind, s.source as key, count(*)::int as responses, b.most as "mostWithinWindow",
            min(s.received_at) as first, max(s.received_at) as last
     from self s join bursts b on b.source = s.source
     group by s.source, b.most`,
    [date, SELF_COMPLETED, `${BURST_WINDOW_MINUTES} minutes`, BURST_MIN_RESPONSES],
  );
  const deviceBursts = await db.query<FlagRow>(
    `select 'device-burst' as kind, sent_together::text as key, count(*)::int as responses,
            count(*)::int as "mostWithinWindow", min(received_at) as first, max(received_at) as last
     from feedback_responses
     where period = $1::date and sent_together is not null and exclusion_id is null and channel = any($2::text[])
     group by sent_together having count(*) >= $3`,
    [date, SELF_COMPLETED, BURST_MIN_RESPONSES],
  );
  const identical = await db.query<FlagRow>(
    `select 'identical-answers' as kind, answer_pattern as key, count(*)::int as responses,
            null::int as "mostWithinWindow", min(received_at) as first, max(received_at) as last
     from feedback_responses
     where period = $1::date and answer_pattern is not null and exclusion_id is null
     group by answer_pattern having count(*) >= $2`,
    [date, PATTERN_MIN_RESPONSES],
  );
  return [...addressBursts, ...deviceBursts, ...identical]
    .map(({ first, last, ...flag }) => ({
      ...flag,
      firstReceivedAt: toIsoTime(first),
      lastReceivedAt: toIsoTime(last),
    }))
    .sort(
      (a, b) =>
        b.responses - a.responses ||
        FLAG_KINDS.indexOf(a.kind) - FLAG_KINDS.indexOf(b.kind) ||
        (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
    );
}

async function exclusionsOf(db: Queryable, period: string): Promise<Exclusion[]> {
  const rows = await db.query<
    Omit<Exclusion, 'excludedAt' | 'restoredAt'> & { excludedAt: unknown; restoredAt: unknown }
  >(
    `select e.id, e.flag, e.flag_key as key, e.reason, e.responses, e.excluded_at as "excludedAt",
            x.email as "excludedBy", e.restored_at as "restoredAt", y.email as "restoredBy"
     from measure_exclusions e
     left join staff_users x on x.id = e.excluded_by
     left join staff_users y on y.id = e.restored_by
     where e.period = $1::date
     order by e.excluded_at`,
    [periodDate(period)],
  );
  return rows.map((r) => ({
    ...r,
    excludedAt: toIsoTime(r.excludedAt),
    restoredAt: r.restoredAt ? toIsoTime(r.restoredAt) : null,
  }));
}

async function publicationLog(db: Queryable, period: string): Promise<PublicationEntry[]> {
  const [publication] = await publicationsBetween(db, period, period);
  if (!publication) return [];
  const by = await db.query<{ revision: number; email: string | null }>(
    `select p.revision, u.email from measure_publications p left join staff_users u on u.id = p.published_by
     where p.period = $1::date order by p.revision`,
    [periodDate(period)],
  );
  return publication.history.map((entry) => ({
    ...entry,
    publishedBy: by.find((b) => b.revision === entry.revision)?.email ?? null,
  }));
}

/** The column each kind of flag groups responses by, and which responses it may cover. */
const FLAG_MATCH: Record<FlagKind, string> = {
  'address-burst': 'source = $2 and channel = any($3::text[])',
  'device-burst': 'sent_together::text = $2 and channel = any($3::text[])',
  // Any way of answering can be stuffed, so this one covers staff channels too ($3 is not needed).
  'identical-answers': 'answer_pattern = $2 and $3::text[] is not null',
};

/**
 * Leaves a flagged group out of the month's figures: every response of the month still counted that the
 * flag's key names, with the analyst's reason (published with the month). Null when none is left to exclude.
 */
export async function excludeGroup(
  db: Database,
  options: { period: string; flag: FlagKind; key: string; reason: string; by: string; now: Date },
): Promise<Exclusion | null> {
  const id = randomUUID();
  const done = await db.transaction(async (tx) => {
    const responses = await tx.query<{ id: string }>(
      `select id from feedback_responses
       where period = $1::date and exclusion_id is null and ${FLAG_MATCH[options.flag]}
       for update`,
      [periodDate(options.period), options.key, SELF_COMPLETED],
    );
    if (responses.length === 0) return false;
    await tx.query(
      `insert into measure_exclusions (id, period, flag, flag_key, reason, responses, excluded_by, excluded_at)
       values ($1, $2::date, $3, $4, $5, $6, $7, $8)`,
      [
        id,
        periodDate(options.period),
        options.flag,
        options.key,
        options.reason.trim(),
        responses.length,
        options.by,
        options.now,
      ],
    );
    const ids = responses.map((r) => r.id);
    await tx.query('update feedback_responses set exclusion_id = $1 where id = any($2::uuid[])', [id, ids]);
    await tx.query('update feedback_answers set exclusion_id = $1 where response_id = any($2::uuid[])', [
      id,
      ids,
    ]);
    return true;
  });
  if (!done) return null;
  return (await exclusionsOf(db, options.period)).find((e) => e.id === id) ?? null;
}

/** Counts a group left out again. Null when there is no such exclusion, or it was restored already. */
export async function restoreGroup(
  db: Database,
  options: { id: string; by: string; now: Date },
): Promise<Exclusion | null> {
  const period = await db.transaction(async (tx) => {
    const [row] = await tx.query<{ period: string }>(
      `update measure_exclusions set restored_at = $2, restored_by = $3
       where id = $1 and restored_at is null
       returning to_char(period, 'YYYY-MM') as period`,
      [options.id, options.now, options.by],
    );
    if (!row) return null;
    await tx.query('update feedback_responses set exclusion_id = null where exclusion_id = $1', [options.id]);
    await tx.query('update feedback_answers set exclusion_id = null where exclusion_id = $1', [options.id]);
    return row.period;
  });
  if (!period) return null;
  return (await exclusionsOf(db, period)).find((e) => e.id === options.id) ?? null;
}
