import {
  AGE_BANDS,
  CHANNELS,
  DISABILITY_ANSWERS,
  ETHNIC_GROUPS,
  HOW_ANSWERED,
  PROXY,
  RESPONDENT_GROUPS,
  SEXES,
  type HowAnswered,
} from '../feedback/about.ts';
import {
  PREFER_NOT_TO_SAY,
  QUESTION_IDS,
  QUESTIONS,
  isInBase,
  isPositive,
  type MeasureOutcome,
  type QuestionId,
} from '../feedback/questions.ts';
import { DISTRICTS } from '../service-terms.ts';
import { cellKey } from './cell-key.ts';
import { protectCells, type DisclosureOptions } from './disclosure.ts';
import { wilsonInterval, type Interval } from './wilson.ts';

/**
 * Measure arithmetic (docs/measures.md, "How a measure is computed"): from answer counts the database has
 * already added up, to each measure's base, positive count, share and 95% Wilson interval.
 */

/**
 * What a measure can be broken down by. `how-answered` is the proxy breakdown; `sex`, `ethnicity` and
 * `disability` are the optional equality answers, used for the inequality gap.
 */
export const BREAKDOWNS = [
  'district',
  'respondent',
  'age',
  'channel',
  'how-answered',
  'sex',
  'ethnicity',
  'disability',
] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

/** The breakdown and group of a measure's headline figure. */
export const HEADLINE = 'all';
/** The group of people who left a breakdown's question unanswered (no district given, say). */
export const NOT_STATED = 'not-stated';

/** Each breakdown's groups in the order they are shown; any other group follows, then `not-stated`. */
export const BREAKDOWN_GROUPS: { readonly [B in Breakdown]: readonly string[] } = {
  district: DISTRICTS,
  respondent: RESPONDENT_GROUPS,
  age: AGE_BANDS,
  channel: CHANNELS,
  'how-answered': HOW_ANSWERED,
  sex: SEXES,
  ethnicity: ETHNIC_GROUPS,
  disability: DISABILITY_ANSWERS,
};

/**
 * One line of what the database counts for a period: how many responses gave `answer` to `question`,
 * answered in this way, in this `group` of the breakdown asked for. For a breakdown's counts to add up
 * to the headline, people who did not state the group must be there too (`group` null or absent).
 */
export interface CountRow {
  question: QuestionId;
  answer: string;
  howAnswered: HowAnswered;
  group?: string | null;
  count: number;
  /** The sum of those responses' record keys, for their cell keys (`cell-key.ts`). */
  keySum: number;
}

/** A measure for one group of one breakdown (or the headline), before any disclosure control. */
export interface MeasureCell {
  measure: QuestionId;
  outcome: MeasureOutcome;
  breakdown: Breakdown | typeof HEADLINE;
  group: string;
  /** Base: answers less "prefer not to say" and the answers the question leaves out of the base. */
  n: number;
  /** Answers in the positive set. */
  positive: number;
  /** The cell keys of the base and of the positive answers: analysts never see them, nor does the public. */
  nKey: number;
  positiveKey: number;
  share: number | null;
  interval: Interval | null;
}

/**
 * Computes every measure, for the headline (no breakdown) or for each group of one breakdown.
 *
 * Proxy answers (`on-behalf`) are left out of the headline and of every breakdown except
 * `how-answered`, where they are a group of their own. For `how-answered` the group is the row's
 * `howAnswered` and `group` is not read. Each measure is reported for the groups it has answers in
 * (any answer, even "prefer not to say"); the headline is always reported, with `n = 0` if need be.
 */
export function computeMeasures(rows: readonly CountRow[], breakdown?: Breakdown): MeasureCell[] {
  const groupOf = (row: CountRow): string =>
    breakdown === undefined
      ? HEADLINE
      : breakdown === 'how-answered'
        ? row.howAnswered
        : (row.group ?? NOT_STATED);
  const tallies = new Map<QuestionId, Map<string, Tally>>();
  for (const row of rows) {
    if (row.howAnswered === PROXY && breakdown !== 'how-answered') continue;
    const byGroup = tallies.get(row.question) ?? new Map<string, Tally>();
    tallies.set(row.question, byGroup);
    const group = groupOf(row);
    const tally = byGroup.get(group) ?? emptyTally();
    byGroup.set(group, tally);
    if (isInBase(row.question, row.answer)) {
      tally.n += row.count;
      tally.nKeySum += row.keySum;
    }
    if (isPositive(row.question, row.answer)) {
      tally.positive += row.count;
      tally.positiveKeySum += row.keySum;
    }
  }
  const cells: MeasureCell[] = [];
  for (const measure of QUESTION_IDS) {
    const byGroup = tallies.get(measure) ?? new Map<string, Tally>();
    if (breakdown === undefined && !byGroup.has(HEADLINE)) byGroup.set(HEADLINE, emptyTally());
    const groups = breakdown === undefined ? [HEADLINE] : orderGroups(breakdown, [...byGroup.keys()]);
    for (const group of groups) {
      const { n, positive, nKeySum, positiveKeySum } = byGroup.get(group) ?? emptyTally();
      cells.push({
        measure,
        outcome: QUESTIONS[measure].outcome,
        breakdown: breakdown ?? HEADLINE,
        group,
        n,
        positive,
        nKey: cellKey(nKeySum),
        positiveKey: cellKey(positiveKeySum),
        share: n > 0 ? positive / n : null,
        interval: wilsonInterval(positive, n),
      });
    }
  }
  return cells;
}

interface Tally {
  n: number;
  positive: number;
  nKeySum: number;
  positiveKeySum: number;
}

const emptyTally = (): Tally => ({ n: 0, positive: 0, nKeySum: 0, positiveKeySum: 0 });

function orderGroups(breakdown: Breakdown, groups: readonly string[]): string[] {
  const known = BREAKDOWN_GROUPS[breakdown];
  const rank = (group: string) => {
    if (group === NOT_STATED) return known.length + 1;
    const i = known.indexOf(group);
    return i < 0 ? known.length : i;
  };
  return [...groups].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/** The gap on one measure between the groups with the highest and the lowest share. */
export interface InequalityGap {
  measure: QuestionId;
  breakdown: Breakdown | typeof HEADLINE;
  /** `higher.share − lower.share`, from 0 to 1, on the true counts. */
  gap: number;
  higher: MeasureCell;
  lower: MeasureCell;
}

/**
 * The seventh outcome's measure, for analysts: on one measure and one breakdown, the largest difference
 * in positive share between two groups whose shares the public may see (so at least 10 answers, and
 * nothing withheld), on their true counts. Pass the headline as `total`, as for publication, so a share
 * withheld to protect another is not compared here. People who did not say, or preferred not to, are not
 * a group to compare. Null when fewer than two groups qualify.
 */
export function inequalityGap(
  cells: readonly MeasureCell[],
  options: DisclosureOptions = {},
): InequalityGap | null {
  const first = cells[0];
  if (!first) return null;
  if (cells.some((c) => c.measure !== first.measure || c.breakdown !== first.breakdown)) {
    throw new RangeError('inequalityGap compares the groups of one measure and one breakdown');
  }
  const shown = protectCells(cells, options);
  const comparable = cells.filter(
    (c, i) =>
      shown[i]?.share !== null && c.share !== null && c.group !== NOT_STATED && c.group !== PREFER_NOT_TO_SAY,
  );
  if (comparable.length < 2) return null;
  // Stable sort: among equal shares the group listed first wins.
  const ranked = [...comparable].sort((a, b) => (b.share as number) - (a.share as number));
  const higher = ranked[0] as MeasureCell;
  const lower = ranked[ranked.length - 1] as MeasureCell;
  return {
    measure: first.measure,
    breakdown: first.breakdown,
    gap: (higher.share as number) - (lower.share as number),
    higher,
    lower,
  };
}

interface ShareCell {
  /** A question's id, or any other measure of the scorecard. */
  measure: string;
  breakdown: string;
  group: string;
  share: number | null;
}

/**
 * Each current cell's change in share since the previous month, in share points (0.05 is five
 * percentage points); null where either month has no share for that measure, breakdown and group.
 * Give it published cells for a public figure, so a change never stands in for a withheld share.
 */
export function changeVsPreviousMonth<T extends ShareCell>(
  current: readonly T[],
  previous: readonly ShareCell[],
): (number | null)[] {
  const key = (c: ShareCell) => `${c.measure}\u0000${c.breakdown}\u0000${c.group}`;
  const before = new Map(previous.map((c) => [key(c), c.share]));
  return current.map((c) => {
    const then = before.get(key(c));
    return c.share === null || then === null || then === undefined ? null : c.share - then;
  });
}
