import { z } from 'zod/mini';
import { scoreMatch } from '../guided/match.ts';
import type { AnswerMatch } from '../guided/rules.ts';
import type { Service } from '../service.ts';
import { District, DISTRICTS } from '../service-terms.ts';
import { FOUND_NEEDS, FoundNeed } from './found.ts';

/**
 * The unmet-need ("gaps") table: for each need, district and month, how many people said they did not
 * find what they needed, beside how many directory services meet that need there. The definitions are
 * in docs/measures.md ("Unmet need"); this module is the arithmetic, with no database and no clock.
 */

/** One need in one district in one month, as counted from the stored answers. */
export interface UnmetCount {
  period: string;
  need: FoundNeed;
  district: District;
  /** Answers of No that named this need here. */
  no: number;
  /** Answers of Partly that named this need here. */
  partly: number;
}

export interface GapRow extends UnmetCount {
  /** No and Partly together: people who did not find all they needed. */
  unmet: number;
  /** Services in the directory that meet the need and serve the district (or all of Essex). */
  coverage: number;
  /** Unmet answers per service, plus one so a need with no service at all ranks above any with one. */
  score: number;
}

/** "Something else" names no need a service could meet, so it is never a gap in coverage. */
export const GAP_NEEDS = FOUND_NEEDS.filter((need) => need !== 'something-else');

export type Coverage = ReadonlyMap<FoundNeed, ReadonlyMap<District, number>>;

/** What meets each need, as guided help's rules say: the `match` of each answer to its `need` question. */
export type NeedMatches = ReadonlyMap<FoundNeed, AnswerMatch>;

/**
 * Only the part of guided help's rules the table needs, read without the journey's own schema (which
 * brings search with it); the whole file is checked against that schema by the guided-help tests.
 */
const NeedsOfRules = z.object({
  steps: z.array(
    z.object({
      questions: z.array(
        z.object({
          role: z.string(),
          answers: z.array(
            z.object({
              id: z.string(),
              match: z.optional(z.record(z.string(), z.array(z.string()))),
            }),
          ),
        }),
      ),
    }),
  ),
});

export function needMatchesOf(rules: unknown): NeedMatches {
  const matches = new Map<FoundNeed, AnswerMatch>();
  for (const step of NeedsOfRules.parse(rules).steps) {
    for (const question of step.questions) {
      if (question.role !== 'need') continue;
      for (const answer of question.answers) {
        const need = FoundNeed.safeParse(answer.id);
        if (need.success && answer.match) matches.set(need.data, answer.match as AnswerMatch);
      }
    }
  }
  return matches;
}

function servesDistrict(service: Service, district: District): boolean {
  return (
    service.countyWide ||
    service.districts.includes(district) ||
    service.locations.some((location) => location.district === district)
  );
}

/**
 * How many services meet each need in each district, by guided help's rules (the same ones that build
 * a person's shortlist), so coverage means what a person choosing that need would be offered. A service
 * for all of Essex counts in every district.
 */
export function needCoverage(services: readonly Service[], needs: NeedMatches): Coverage {
  const coverage = new Map<FoundNeed, Map<District, number>>();
  for (const need of GAP_NEEDS) {
    const match = needs.get(need);
    const byDistrict = new Map<District, number>(DISTRICTS.map((district) => [district, 0]));
    for (const service of match ? services : []) {
      if (!scoreMatch(service, match!).candidate) continue;
      for (const district of DISTRICTS) {
        if (servesDistrict(service, district)) byDistrict.set(district, (byDistrict.get(district) ?? 0) + 1);
      }
    }
    coverage.set(need, byDistrict);
  }
  return coverage;
}

/**
 * The gaps, worst first: the most unmet answers per service that could meet them; then the most unmet;
 * then the fewest services; then by month, need and district so the order never changes between runs.
 * Needs with no services to compare ("something else") are left out.
 */
export function gapRowsFor(counts: readonly UnmetCount[], coverage: Coverage): GapRow[] {
  const rows: GapRow[] = [];
  for (const count of counts) {
    const byDistrict = coverage.get(count.need);
    if (!byDistrict) continue;
    const unmet = count.no + count.partly;
    if (unmet === 0) continue;
    const services = byDistrict.get(count.district) ?? 0;
    rows.push({ ...count, unmet, coverage: services, score: unmet / (services + 1) });
  }
  return rows.sort(
    (a, b) =>
      b.score - a.score ||
      b.unmet - a.unmet ||
      a.coverage - b.coverage ||
      a.period.localeCompare(b.period) ||
      a.need.localeCompare(b.need) ||
      a.district.localeCompare(b.district),
  );
}

const CSV_COLUMNS = ['rank', 'period', 'need', 'district', 'unmet', 'no', 'partly', 'coverage', 'score'];

/** The table as CSV for spreadsheets: codes, not words, so it reads the same in any language. */
export function gapsCsv(rows: readonly GapRow[]): string {
  const lines = rows.map((row, i) =>
    [
      i + 1,
      row.period,
      row.need,
      row.district,
      row.unmet,
      row.no,
      row.partly,
      row.coverage,
      row.score.toFixed(2),
    ].join(','),
  );
  return [CSV_COLUMNS.join(','), ...lines].join('\r\n') + '\r\n';
}

const Count = z.number().check(z.int(), z.gte(0));
const Month = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/));

/** `GET /api/v1/analyst/gaps`: the ranked table for the months from `from` to `to`, as the page checks it. */
export const GapTable = z.object({
  from: Month,
  to: Month,
  rows: z.array(
    z.object({
      period: Month,
      need: FoundNeed,
      district: District,
      no: Count,
      partly: Count,
      unmet: Count,
      coverage: Count,
      score: z.number().check(z.gte(0)),
    }),
  ),
});
export type GapTable = z.infer<typeof GapTable>;
