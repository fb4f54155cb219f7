import { FOLLOW_UP_ANSWERS, type FollowUpAnswer } from '../../domain/evidence/follow-up.ts';
import {
  helpfulnessRows,
  type FollowUpCounts,
  type FollowUpGroup,
  type HelpfulnessTable,
} from '../../domain/evidence/helpfulness.ts';
import type { Queryable } from '../db/database.ts';
import { monthsEnding, periodDate, THIS_MONTH_SQL } from '../insight/periods.ts';

interface Counted {
  key: string;
  name: string | null;
  answer: FollowUpAnswer;
  n: number;
}

function grouped(rows: readonly Counted[]): FollowUpGroup[] {
  const groups = new Map<string, FollowUpGroup & { counts: FollowUpCounts }>();
  for (const row of rows) {
    if (!(FOLLOW_UP_ANSWERS as readonly string[]).includes(row.answer)) continue;
    const group = groups.get(row.key) ?? { key: row.key, name: row.name, counts: {} };
    group.counts[row.answer] = (group.counts[row.answer] ?? 0) + row.n;
    groups.set(row.key, group);
  }
  return [...groups.values()];
}

/**
 * "Did it help?" for each service and each theme over `months` months ending with `to` (this month, UK
 * time, when not given), for analysts: true counts, with whether the public could be shown each share.
 */
export async function helpfulnessTable(
  db: Queryable,
  options: { to?: string; months: number },
): Promise<HelpfulnessTable> {
  const to =
    options.to ?? (await db.query<{ period: string }>(`select ${THIS_MONTH_SQL} as period`))[0]!.period;
  const from = monthsEnding(to, options.months)[0]!;
  const range = [periodDate(from), periodDate(to)];
  const [services, themes] = await Promise.all([
    db.query<Counted>(
      `select a.service_id as key, s.record ->> 'name' as name, a.answer, count(*)::int as n
       from follow_up_answers a left join services s on s.id = a.service_id and s.active
       where a.period between $1::date and $2::date
       group by a.service_id, s.record ->> 'name', a.answer`,
      range,
    ),
    db.query<Counted>(
      `select theme as key, null as name, answer, count(*)::int as n
       from follow_up_answers
       where period between $1::date and $2::date and theme is not null
       group by theme, answer`,
      range,
    ),
  ]);
  return { from, to, services: helpfulnessRows(grouped(services)), themes: helpfulnessRows(grouped(themes)) };
}
