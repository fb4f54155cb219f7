import type {
  ListingProblemItem,
  ListingProblemState,
  ListingProblemStatus,
} from '../../domain/api/listing-problems.ts';
import type { Database } from '../db/database.ts';
import { toIsoTime } from './csv.ts';
import { COUNCIL_TIME_ZONE, periodDate } from './periods.ts';

/**
 * Problems people reported with directory listings, as the admins work through them, and what the
 * public may know: the state of a problem by its reference, and how many were fixed in a month.
 */

export const LISTING_QUEUE_LIMIT = 200;

interface Row {
  id: string;
  reference: string;
  service_id: string;
  service_name: string | null;
  problem: string;
  details: string | null;
  contact_method: 'email' | 'phone' | null;
  contact_value: string | null;
  state: ListingProblemState;
  received_at: unknown;
  state_changed_at: unknown;
  fixed_at: unknown;
}

const orNull = (value: unknown) => (value === null || value === undefined ? null : toIsoTime(value));

function toItem(row: Row): ListingProblemItem {
  return {
    id: row.id,
    reference: row.reference,
    serviceId: row.service_id,
    serviceName: row.service_name,
    problem: row.problem,
    details: row.details,
    contact:
      row.contact_method && row.contact_value
        ? { method: row.contact_method, value: row.contact_value }
        : null,
    state: row.state,
    receivedAt: toIsoTime(row.received_at),
    stateChangedAt: orNull(row.state_changed_at),
    fixedAt: orNull(row.fixed_at),
  };
}

const SELECT = `
  select p.id, p.reference, p.service_id, s.record ->> 'name' as service_name, p.problem, p.details,
         p.contact_method, p.contact_value, p.state, p.received_at, p.state_changed_at, p.fixed_at
  from listing_problems p left join services s on s.id = p.service_id`;

/** The queue, oldest first so nothing waits forever; all states when none is given. */
export async function listingProblemQueue(
  db: Database,
  state?: ListingProblemState,
): Promise<ListingProblemItem[]> {
  const rows = await db.query<Row>(
    `${SELECT} where ($1::text is null or p.state = $1)
     order by p.received_at, p.id limit ${LISTING_QUEUE_LIMIT}`,
    [state ?? null],
  );
  return rows.map(toItem);
}

/** Moves a problem to a new state; marking it fixed records when, any other state clears that. */
export async function setListingProblemState(
  db: Database,
  id: string,
  state: ListingProblemState,
): Promise<ListingProblemItem | undefined> {
  const [updated] = await db.query<{ id: string }>(
    `update listing_problems set
       state = $2,
       state_changed_at = now(),
       fixed_at = case when $2 = 'fixed' then coalesce(case when state = 'fixed' then fixed_at end, now()) end
     where id = $1 returning id`,
    [id, state],
  );
  if (!updated) return undefined;
  const [row] = await db.query<Row>(`${SELECT} where p.id = $1`, [id]);
  return row ? toItem(row) : undefined;
}

/** What the person who reported a problem may see by its reference: no details, no contact. */
export async function listingProblemStatus(
  db: Database,
  reference: string,
): Promise<ListingProblemStatus | undefined> {
  const [row] = await db.query<ListingProblemStatus>(
    `select reference, state,
            to_char(received_at at time zone $2, 'YYYY-MM-DD') as "reportedOn",
            to_char(fixed_at at time zone $2, 'YYYY-MM-DD') as "fixedOn"
     from listing_problems where reference = $1 order by received_at desc limit 1`,
    [reference, COUNCIL_TIME_ZONE],
  );
  return row;
}

/** How many listing problems were fixed in a month (UK time). */
export async function problemsFixedIn(db: Database, period: string): Promise<number> {
  const [row] = await db.query<{ fixed: number }>(
    `select count(*)::int as fixed from listing_problems
     where state = 'fixed'
       and fixed_at >= ($1::date)::timestamp at time zone $2
       and fixed_at < (($1::date + interval '1 month')::timestamp) at time zone $2`,
    [periodDate(period), COUNCIL_TIME_ZONE],
  );
  return row?.fixed ?? 0;
}
