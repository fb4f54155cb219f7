import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  gapRowsFor,
  needCoverage,
  needMatchesOf,
  type NeedMatches,
  type Coverage,
  type GapTable,
  type UnmetCount,
} from '../../domain/evidence/gaps.ts';
import { projectRoot } from '../config.ts';
import type { Queryable } from '../db/database.ts';
import { directoryVersion, readDirectory } from '../directory/snapshot.ts';
import { monthsEnding, periodDate, THIS_MONTH_SQL } from '../insight/periods.ts';

let needs: NeedMatches | undefined;

/** Guided help's needs and what meets them, read once, as people's shortlists use them. */
function guidedNeeds(): NeedMatches {
  needs ??= needMatchesOf(JSON.parse(readFileSync(join(projectRoot, 'data/guided-help.json'), 'utf8')));
  return needs;
}

/**
 * Unmet need from the answers stored for these months: one `group by` over the needs' own index. Only
 * No and Partly name needs; a need with no district given has no coverage to set it beside.
 */
export async function unmetCounts(db: Queryable, from: string, to: string): Promise<UnmetCount[]> {
  return db.query<UnmetCount>(
    `select to_char(period, 'YYYY-MM') as period, need, district,
            (count(*) filter (where answer = 'no'))::int as no,
            (count(*) filter (where answer = 'partly'))::int as partly
     from found_needs
     where period between $1::date and $2::date and district is not null and answer in ('no', 'partly')
     group by period, need, district`,
    [periodDate(from), periodDate(to)],
  );
}

const coverageByDatabase = new WeakMap<Queryable, { version: string; coverage: Coverage }>();

/**
 * Coverage from the directory as it is now, counted by guided help's rules. Matching every service to
 * every need is the slow part of the table, so it is kept until an import changes the directory.
 */
export async function currentCoverage(db: Queryable): Promise<Coverage> {
  const version = await directoryVersion(db);
  const kept = coverageByDatabase.get(db);
  if (kept?.version === version) return kept.coverage;
  const { services } = await readDirectory(db);
  const coverage = needCoverage(services, guidedNeeds());
  coverageByDatabase.set(db, { version, coverage });
  return coverage;
}

/** The ranked gaps for `months` months ending with `to` (this month, in UK time, when not given). */
export async function gapTable(db: Queryable, options: { to?: string; months: number }): Promise<GapTable> {
  const to =
    options.to ?? (await db.query<{ period: string }>(`select ${THIS_MONTH_SQL} as period`))[0]!.period;
  const from = monthsEnding(to, options.months)[0]!;
  const [counts, coverage] = await Promise.all([unmetCounts(db, from, to), currentCoverage(db)]);
  return { from, to, rows: gapRowsFor(counts, coverage) };
}
