import type { CountFilter, FlaggedResponse } from '../../domain/api/analyst.ts';
import type { Database } from '../db/database.ts';
import { periodDate } from './periods.ts';

/** At most this many flagged responses are listed for a month; the count says if there were more. */
export const FLAGGED_LIMIT = 200;

export async function flaggedResponses(
  db: Database,
  period: string,
  filter: CountFilter = {},
): Promise<FlaggedResponse[]> {
  return db.query<FlaggedResponse>(
    `select r.id, r.reference, to_char(r.received_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "receivedAt",
            r.district, r.respondent, r.channel, r.safeguarding_concern as "safeguardingConcern",
            a.answer as safe, s.response_id is not null as "hasStory"
     from feedback_responses r
     left join feedback_answers a on a.response_id = r.id and a.question = 'safe'
     left join feedback_stories s on s.response_id = r.id
     where r.safety_concern and r.period = $1::date
       and ($2::text is null or r.district = $2) and ($3::text is null or r.respondent = $3)
     order by r.safeguarding_concern desc nulls last, r.received_at desc
     limit ${FLAGGED_LIMIT}`,
    [periodDate(period), filter.district ?? null, filter.respondent ?? null],
  );
}
