import {
  QUALITY_KINDS,
  type QualityKind,
  type QualityReport,
  type QualityRow,
} from '../../domain/directory-quality.ts';
import type { Database } from '../db/database.ts';
import { toCsv, toIsoTime } from '../insight/csv.ts';
import { lastSyncRun } from './sync.ts';

/** Rows the page shows at once; the CSV has them all. */
export const QUALITY_PAGE_ROWS = 500;
/** Warnings and quarantined records come from this many of the latest finished imports. */
const RECENT_RUNS = 5;

// The listing's last check as a date, or null when absent or not a date at all.
const CHECKED_AS = (table?: string) => {
  const record = table ? `${table}.record` : 'record';
  return `case when ${record} ->> 'lastChecked' ~ '^\\d{4}-\\d{2}-\\d{2}'
  then substr(${record} ->> 'lastChecked', 1, 10)::date end`;
};
const CHECKED = CHECKED_AS();

const RECENT = `run_id in (select id from import_runs where finished_at is not null and error is null
  order by id desc limit ${RECENT_RUNS})`;

/**
 * "Could not reach them" answers count from the later of this long ago and the listing's last check, so
 * a listing someone has checked since starts again from nothing.
 */
const REACH_WINDOW = `interval '3 months'`;

/** One query per kind, each giving service_id, name, detail, code, date, listed and, if counted, answers. */
const QUERIES: Record<QualityKind, string> = {
  'not-checked-12': `select service_id, name, null as detail, null as code, checked::text as date, true as listed from (
      select id as service_id, record ->> 'name' as name, ${CHECKED} as checked from services where active
    ) s where checked is null or checked < current_date - interval '12 months' order by checked nulls first, name`,
  'not-checked-6': `select service_id, name, null as detail, null as code, checked::text as date, true as listed from (
      select id as service_id, record ->> 'name' as name, ${CHECKED} as checked from services where active
    ) s where checked >= current_date - interval '12 months' and checked < current_date - interval '6 months'
    order by checked, name`,
  quarantined: `select distinct on (coalesce(q.record_id, q.id::text), q.reasons::text)
      q.record_id as service_id, coalesce(q.record ->> 'name', s.record ->> 'name') as name,
      (select string_agg(r, '; ') from jsonb_array_elements_text(q.reasons) r) as detail, null as code,
      q.created_at as date, coalesce(s.active, false) as listed
    from import_quarantine q left join services s on s.id = q.record_id
    where q.kind = 'quarantined' and ${RECENT}
    order by coalesce(q.record_id, q.id::text), q.reasons::text, q.id desc`,
  warning: `select distinct on (q.record_id, q.field, q.reason)
      q.record_id as service_id, s.record ->> 'name' as name,
      (select string_agg(r, '; ') from jsonb_array_elements_text(q.reasons) r) as detail, q.field as code,
      q.created_at as date, coalesce(s.active, false) as listed
    from import_quarantine q left join services s on s.id = q.record_id
    where q.kind = 'warning' and ${RECENT}
    order by q.record_id, q.field, q.reason, q.id desc`,
  'no-theme': `select id as service_id, record ->> 'name' as name, null as detail, null as code, null as date, true as listed
    from services where active and jsonb_array_length(coalesce(record -> 'themes', '[]'::jsonb)) = 0
    order by record ->> 'name'`,
  'no-contact': `select id as service_id, record ->> 'name' as name, null as detail, null as code, null as date, true as listed
    from services where active and coalesce(record ->> 'phone', '') = '' and coalesce(record ->> 'email', '') = ''
      and coalesce(record ->> 'url', '') = ''
    order by record ->> 'name'`,
  'open-problem': `select p.service_id, s.record ->> 'name' as name, null as detail, p.problem as code,
      p.received_at as date, coalesce(s.active, false) as listed
    from listing_problems p left join services s on s.id = p.service_id
    where p.state in ('new', 'in-hand') order by p.received_at`,
  'could-not-reach': `select a.service_id, s.record ->> 'name' as name, null as detail, null as code,
      max(a.received_at) as date, coalesce(s.active, false) as listed, count(*)::int as answers
    from follow_up_answers a left join services s on s.id = a.service_id
    where a.answer = 'could-not-reach'
      and a.received_at >= greatest(now() - ${REACH_WINDOW}, coalesce(${CHECKED_AS('s')}, '-infinity'::date))
    group by a.service_id, s.record ->> 'name', s.active
    order by count(*) desc, max(a.received_at) desc, a.service_id`,
};

interface Row {
  service_id: string | null;
  name: string | null;
  detail: string | null;
  code: string | null;
  date: unknown;
  listed: boolean;
  answers?: number;
}

async function rowsOf(db: Database, kind: QualityKind): Promise<QualityRow[]> {
  const rows = await db.query<Row>(QUERIES[kind]);
  return rows.map((row) => ({
    kind,
    serviceId: row.service_id,
    name: row.name,
    detail: row.detail,
    code: row.code,
    listed: row.listed,
    // A last-checked date stays a date; the others are moments.
    date:
      row.date === null || row.date === undefined
        ? null
        : kind.startsWith('not-checked')
          ? String(row.date).slice(0, 10)
          : toIsoTime(row.date),
    ...(row.answers === undefined ? {} : { answers: row.answers }),
  }));
}

async function allRows(db: Database, kinds: readonly QualityKind[]): Promise<Map<QualityKind, QualityRow[]>> {
  const found = new Map<QualityKind, QualityRow[]>();
  for (const kind of kinds) found.set(kind, await rowsOf(db, kind));
  return found;
}

/** The report: counts of every kind, and the rows of one kind or of all, up to the page's limit. */
export async function qualityReport(db: Database, kind?: QualityKind): Promise<QualityReport> {
  const found = await allRows(db, QUALITY_KINDS);
  const counts = Object.fromEntries(QUALITY_KINDS.map((k) => [k, found.get(k)!.length])) as Record<
    QualityKind,
    number
  >;
  const rows = (kind ? found.get(kind)! : QUALITY_KINDS.flatMap((k) => found.get(k)!)).slice();
  const [services] = await db.query<{ n: number }>('select count(*)::int as n from services where active');
  return {
    counts,
    services: services?.n ?? 0,
    rows: rows.slice(0, QUALITY_PAGE_ROWS),
    truncated: rows.length > QUALITY_PAGE_ROWS,
    lastSync: (await lastSyncRun(db)) ?? null,
  };
}

/** Every row of one kind or of all, as CSV with the path of each listed service's page. */
export async function qualityCsv(db: Database, kind?: QualityKind): Promise<string> {
  const kinds = kind ? [kind] : QUALITY_KINDS;
  const found = await allRows(db, kinds);
  const rows = kinds.flatMap((k) => found.get(k)!);
  return toCsv(
    ['kind', 'service_id', 'name', 'detail', 'code', 'date', 'service_page', 'answers'],
    rows.map((row) => [
      row.kind,
      row.serviceId ?? '',
      row.name ?? '',
      row.detail ?? '',
      row.code ?? '',
      row.date ?? '',
      row.serviceId && row.listed ? `/services/${encodeURIComponent(row.serviceId)}` : '',
      row.answers === undefined ? '' : String(row.answers),
    ]),
  );
}
