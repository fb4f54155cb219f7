import type { KeyedCounts } from '../../domain/measures/disclosure.ts';
import {
  publishEvidence,
  type EvidenceCounts,
  type KeyedHelped,
  type KeyedUnmet,
  type PublishedEvidence,
} from '../../domain/evidence/published.ts';
import type { Queryable } from '../db/database.ts';
import { periodDate } from '../insight/periods.ts';
import { currentCoverage } from './gaps.ts';

/**
 * A month's evidence counts with the sums of their record keys, for publishing and for the scorecard.
 * Record keys never leave the server: only the protected figures made from them do.
 */
export async function evidenceCounts(db: Queryable, period: string): Promise<EvidenceCounts> {
  const month = [periodDate(period)];
  const [found, helped, unmet, themes, services] = await Promise.all([
    db.query<KeyedCounts>(
      `select count(*)::int as n, coalesce(sum(record_key), 0)::int as "nKey",
              (count(*) filter (where answer <> 'yes'))::int as positive,
              coalesce(sum(record_key) filter (where answer <> 'yes'), 0)::int as "positiveKey"
       from found_answers where period = $1::date`,
      month,
    ),
    db.query<KeyedCounts>(`select ${HELPED} from follow_up_answers where ${IN_TOUCH}`, month),
    db.query<KeyedUnmet>(
      `select need, district, count(*)::int as unmet, coalesce(sum(record_key), 0)::int as "keySum"
       from found_needs
       where period = $1::date and district is not null and answer in ('no', 'partly')
       group by need, district`,
      month,
    ),
    db.query<KeyedHelped>(
      `select theme as key, null as name, ${HELPED} from follow_up_answers where ${IN_TOUCH}
       group by theme order by theme nulls last`,
      month,
    ),
    db.query<KeyedHelped & { serviceId: string }>(
      `select theme as key, service_id as "serviceId",
              (select s.record ->> 'name' from services s where s.id = service_id and s.active) as name,
              ${HELPED}
       from follow_up_answers where ${IN_TOUCH}
       group by theme, service_id order by service_id`,
      month,
    ),
  ]);
  const none = { n: 0, positive: 0, nKey: 0, positiveKey: 0 };
  return { found: found[0] ?? none, helped: helped[0] ?? none, unmet, themes, services };
}

/** People in touch with the service (Yes, Partly, No), in the month. */
const IN_TOUCH = `period = $1::date and answer in ('yes', 'partly', 'no')`;
/** Base and "Yes", each with its cell key's sum. */
const HELPED = `count(*)::int as n, coalesce(sum(record_key), 0)::int as "nKey",
  (count(*) filter (where answer = 'yes'))::int as positive,
  coalesce(sum(record_key) filter (where answer = 'yes'), 0)::int as "positiveKey"`;

/** What publishing `period` stores of the evidence: its figures protected, beside coverage as it is now. */
export async function evidenceToPublish(db: Queryable, counts: EvidenceCounts): Promise<PublishedEvidence> {
  return publishEvidence(counts, await currentCoverage(db));
}
