import type { FollowUpSubmission } from '../../domain/evidence/follow-up.ts';
import type { FoundSubmission } from '../../domain/evidence/found.ts';
import { DatabaseUnavailableError, type Queryable } from '../db/database.ts';
import { contentHash, type StoreOutcome } from '../feedback/store.ts';
import { COUNCIL_TIME_ZONE } from '../insight/periods.ts';

/** An answer to one of the evidence questions: codes only, no words, nothing about the person. */
export type EvidenceSubmission = FoundSubmission | FollowUpSubmission;

export function isEvidence(submission: { kind: string }): submission is EvidenceSubmission {
  return submission.kind === 'found' || submission.kind === 'follow-up';
}

interface Prepared {
  submission: EvidenceSubmission;
  hash: string;
}

/**
 * Stores evidence answers exactly once each, however often they are sent: the same id with the same
 * content again is `already-stored`, with other content a `conflict`. Each counts in the month the
 * server received it (UK time), whatever its device's clock said. One statement stores the batch;
 * should it fail, each is stored on its own, so one the database refuses costs the others nothing.
 */
export async function storeEvidence(
  db: Queryable,
  submissions: readonly EvidenceSubmission[],
  receivedAt: Date,
): Promise<Array<StoreOutcome | Error>> {
  if (submissions.length === 0) return [];
  const prepared = submissions.map((submission) => ({ submission, hash: contentHash(submission) }));
  let inserted: Set<string>;
  try {
    inserted = await insertNew(db, prepared, receivedAt);
  } catch (error) {
    if (error instanceof DatabaseUnavailableError) throw new DatabaseUnavailableError(undefined);
    if (submissions.length === 1) return [withoutDetail(error)];
    const settled: Array<StoreOutcome | Error> = [];
    for (const one of submissions) settled.push(...(await storeEvidence(db, [one], receivedAt)));
    return settled;
  }
  return settle(db, prepared, inserted);
}

/** A database error can quote the statement's values: only its code goes on. */
function withoutDetail(error: unknown): Error {
  const code = (error as { code?: unknown } | null)?.code;
  const known = typeof code === 'string' ? code : 'unknown';
  return Object.assign(new Error(`Storing an evidence answer failed (database error ${known})`), {
    code: known,
  });
}

async function insertNew(
  db: Queryable,
  prepared: readonly Prepared[],
  receivedAt: Date,
): Promise<Set<string>> {
  // An id twice in one batch is inserted from its first item; the later ones compare with it.
  const firsts = new Map<string, Prepared>();
  for (const item of prepared) if (!firsts.has(item.submission.id)) firsts.set(item.submission.id, item);
  const found = [...firsts.values()].flatMap(({ submission: s, hash }) =>
    s.kind === 'found'
      ? [
          {
            id: s.id,
            content_hash: hash,
            source: s.source,
            answer: s.answer,
            district: s.district ?? null,
            for_whom: s.forWhom ?? null,
            needs: s.needs ?? [],
          },
        ]
      : [],
  );
  const followUps = [...firsts.values()].flatMap(({ submission: s, hash }) =>
    s.kind === 'follow-up'
      ? [
          {
            id: s.id,
            content_hash: hash,
            service_id: s.serviceId,
            theme: s.theme ?? null,
            district: s.district ?? null,
            answer: s.answer,
          },
        ]
      : [],
  );
  const rows = await db.query<{ id: string }>(INSERT_NEW, [
    JSON.stringify(found),
    JSON.stringify(followUps),
    receivedAt.toISOString(),
    COUNCIL_TIME_ZONE,
  ]);
  return new Set(rows.map((row) => row.id));
}

async function settle(
  db: Queryable,
  prepared: readonly Prepared[],
  inserted: Set<string>,
): Promise<StoreOutcome[]> {
  const firstSeen = new Set<string>();
  const storedHere = prepared.map((item) => {
    const first = !firstSeen.has(item.submission.id);
    firstSeen.add(item.submission.id);
    return first && inserted.has(item.submission.id);
  });
  const unsettled = [...new Set(prepared.filter((_, i) => !storedHere[i]).map((i) => i.submission.id))];
  const there =
    unsettled.length === 0
      ? []
      : await db.query<{ id: string; kind: string; content_hash: string }>(
          `select id::text as id, 'found' as kind, content_hash from found_answers where id = any($1::uuid[])
           union all
           select id::text, 'follow-up', content_hash from follow_up_answers where id = any($1::uuid[])`,
          [unsettled],
        );
  return prepared.map((item, i): StoreOutcome => {
    if (storedHere[i]) return 'stored';
    const row = there.find((r) => r.id === item.submission.id);
    return row && row.kind === item.submission.kind && row.content_hash === item.hash
      ? 'already-stored'
      : 'conflict';
  });
}

/**
 * Inserts the answers whose ids are new, in id order so concurrent batches wait rather than deadlock,
 * and each found answer's needs beside it with its month, district and record key.
 */
const INSERT_NEW = `
  with found as (
    select * from jsonb_to_recordset($1::text::jsonb) as f (
      id uuid, content_hash text, source text, answer text, district text, for_whom text, needs text[])
  ),
  found_rows as (
    insert into found_answers (id, content_hash, received_at, period, source, answer, district, for_whom, needs)
    select f.id, f.content_hash, $3::timestamptz,
           date_trunc('month', $3::timestamptz at time zone $4)::date,
           f.source, f.answer, f.district, f.for_whom, f.needs
    from found f
    where not exists (select 1 from follow_up_answers u where u.id = f.id)
    order by f.id
    on conflict (id) do nothing
    returning id, period, answer, district, for_whom, needs, record_key
  ),
  needs as (
    insert into found_needs (answer_id, need, period, district, answer, for_whom, record_key)
    select r.id, n.need, r.period, r.district, r.answer, r.for_whom, r.record_key
    from found_rows r cross join unnest(r.needs) as n (need)
  ),
  follow_up_rows as (
    insert into follow_up_answers (id, content_hash, received_at, period, service_id, theme, district, answer)
    select u.id, u.content_hash, $3::timestamptz,
           date_trunc('month', $3::timestamptz at time zone $4)::date,
           u.service_id, u.theme, u.district, u.answer
    from jsonb_to_recordset($2::text::jsonb) as u (
      id uuid, content_hash text, service_id text, theme text, district text, answer text)
    where not exists (select 1 from found_answers f where f.id = u.id)
    order by u.id
    on conflict (id) do nothing
    returning id
  )
  select id::text as id from found_rows
  union all
  select id::text from follow_up_rows`;
