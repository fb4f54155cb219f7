import { z } from 'zod/mini';
import { HEADLINE } from '../measures/compute.ts';
import {
  protectCells,
  protectCount,
  WITHHELD,
  type KeyedCounts,
  type ProtectedFigures,
} from '../measures/disclosure.ts';
import {
  csvField,
  neutraliseFormula,
  scorecardRow,
  type Audience,
  type ScorecardRow,
  type Suppressed,
} from '../measures/scorecard.ts';
import { wilsonInterval } from '../measures/wilson.ts';
import { District, DISTRICTS } from '../service-terms.ts';
import { FOUND_NEEDS, FoundNeed } from './found.ts';
import { GAP_NEEDS, type Coverage } from './gaps.ts';

/**
 * Unmet need and helpfulness as a month publishes them (docs/measures.md, "Unmet need and whether
 * services helped"): computed once, when an analyst publishes the month, through the same disclosure
 * control as every public figure (`protectCells` for shares, `protectCount` for counts on their own),
 * stored with the month and served unchanged.
 */

/** The two measures the scorecard carries beside the questionnaire's. */
export const EVIDENCE_MEASURES = ['unmet-need', 'helped'] as const;
/** Both are about finding and getting support: the plan's "positive experience of care". */
export const EVIDENCE_OUTCOME = 'positive-experience';

/** One need in one district, with the sum of its answers' record keys. */
export interface KeyedUnmet {
  need: FoundNeed;
  district: District;
  /** Answers of No or Partly that named the need and the district. */
  unmet: number;
  keySum: number;
}

/** "Did it help?" answers about one theme (null: a service with none) or one service, keyed. */
export interface KeyedHelped extends KeyedCounts {
  key: string | null;
  name: string | null;
}

/** A month's evidence as counted from the store: every count with the sum of its record keys. */
export interface EvidenceCounts {
  /** "Did you find what you needed?": base Yes, Partly and No; counted, Partly and No. */
  found: KeyedCounts;
  /** "Did it help?": base Yes, Partly and No (people in touch); counted, Yes. */
  helped: KeyedCounts;
  unmet: readonly KeyedUnmet[];
  themes: readonly KeyedHelped[];
  /** Per service and the theme its answers carried, `key` being `theme` or null. */
  services: readonly (KeyedHelped & { serviceId: string })[];
}

/**
 * The two measures' headline rows of the monthly scorecard: for the public, protected like every other
 * row; for analysts, the true counts with the reason the public version withholds them (if it does).
 * For `unmet-need` the counted answers (the `positive` column) are Partly and No: a higher share is worse.
 */
export function evidenceScorecardRows(
  period: string,
  counts: Pick<EvidenceCounts, 'found' | 'helped'>,
  audience: Audience,
): ScorecardRow[] {
  return EVIDENCE_MEASURES.map((measure) => {
    const cell = measure === 'unmet-need' ? counts.found : counts.helped;
    const [shown] = protectCells([cell]) as [ProtectedFigures];
    const figures =
      audience === 'public'
        ? { ...shown, suppressed: shown.suppressed ? WITHHELD : (null as Suppressed | null) }
        : {
            n: cell.n,
            positive: cell.positive,
            share: cell.n === 0 ? null : cell.positive / cell.n,
            interval: wilsonInterval(cell.positive, cell.n),
            suppressed: shown.suppressed,
            smallSample: shown.smallSample,
          };
    return scorecardRow(
      { measure, outcome: EVIDENCE_OUTCOME, breakdown: HEADLINE, group: HEADLINE },
      period,
      figures,
    );
  });
}

const Count = z.nullable(z.number().check(z.int(), z.gte(0)));
const Share = z.nullable(z.number());

/** One need in one district of a published month: the unmet count protected, coverage beside it. */
export const PublicUnmetCell = z.object({
  need: FoundNeed,
  district: District,
  /** Perturbed; null where withheld. */
  unmet: Count,
  suppressed: z.nullable(z.literal(WITHHELD)),
  /** Services in the directory, as it was when the month was published, that meet the need there. */
  coverage: z.number().check(z.int(), z.gte(0)),
});
export type PublicUnmetCell = z.infer<typeof PublicUnmetCell>;

/** Whether one theme or service helped, as published: shares from the protected counts. */
export const PublicHelpedRow = z.object({
  /** The theme, or the service's id. */
  key: z.string(),
  /** The service's name when the month was published; null for a theme. */
  name: z.nullable(z.string()),
  n: Count,
  positive: Count,
  share: Share,
  ciLow: Share,
  ciHigh: Share,
  suppressed: z.nullable(z.literal(WITHHELD)),
  smallSample: z.boolean(),
});
export type PublicHelpedRow = z.infer<typeof PublicHelpedRow>;

/** What a month publishes of the evidence beside its scorecard. */
export const PublishedEvidence = z.object({
  unmetNeed: z.array(PublicUnmetCell),
  helpedByTheme: z.array(PublicHelpedRow),
  /** Only services whose share passes disclosure control: nothing at all of the others. */
  helpedByService: z.array(PublicHelpedRow),
});
export type PublishedEvidence = z.infer<typeof PublishedEvidence>;

const needOrder = (need: FoundNeed) => FOUND_NEEDS.indexOf(need);
const districtOrder = (district: District) => DISTRICTS.indexOf(district);

/**
 * The unmet-need table as published. Each need × district cell with any unmet answers is a count on its
 * own (no total of the table is published): 1 to 4 is withheld, anything more perturbed by its cell
 * key. The ranking uses only published figures, so the order gives nothing away: shown cells by unmet
 * per service, then unmet, then fewest services; withheld cells after them, in need and district order.
 */
export function publicUnmetNeed(cells: readonly KeyedUnmet[], coverage: Coverage): PublicUnmetCell[] {
  const rows = cells
    .filter((cell) => cell.unmet > 0 && (GAP_NEEDS as readonly string[]).includes(cell.need))
    .map((cell): PublicUnmetCell => {
      const unmet = protectCount(cell.unmet, cell.keySum);
      return {
        need: cell.need,
        district: cell.district,
        unmet,
        suppressed: unmet === null ? WITHHELD : null,
        coverage: coverage.get(cell.need)?.get(cell.district) ?? 0,
      };
    });
  const score = (row: PublicUnmetCell) => (row.unmet === null ? -1 : row.unmet / (row.coverage + 1));
  return rows.sort(
    (a, b) =>
      score(b) - score(a) ||
      (b.unmet ?? 0) - (a.unmet ?? 0) ||
      a.coverage - b.coverage ||
      needOrder(a.need) - needOrder(b.need) ||
      districtOrder(a.district) - districtOrder(b.district),
  );
}

function helpedRow(key: string, name: string | null, figures: ProtectedFigures): PublicHelpedRow {
  return {
    key,
    name,
    n: figures.n,
    positive: figures.positive,
    share: figures.share,
    ciLow: figures.interval?.low ?? null,
    ciHigh: figures.interval?.high ?? null,
    suppressed: figures.suppressed ? WITHHELD : null,
    smallSample: figures.smallSample,
  };
}

/**
 * Whether themes and services helped, as published. Themes are one breakdown of the headline, so they
 * get secondary suppression against it (answers about a service with no theme count in the headline
 * and are never shown, which only withholds more). A service is a cell of its theme: published only when
 * its theme is, and with secondary suppression against the theme, so no withheld service can be found
 * by subtracting the others from it. Services that do not pass are left out altogether.
 */
export function publicHelpfulness(
  counts: Pick<EvidenceCounts, 'helped' | 'themes' | 'services'>,
): Pick<PublishedEvidence, 'helpedByTheme' | 'helpedByService'> {
  const themes = protectCells(counts.themes, { total: counts.helped });
  const helpedByTheme: PublicHelpedRow[] = [];
  const helpedByService: PublicHelpedRow[] = [];
  themes.forEach((shown, i) => {
    const theme = counts.themes[i] as KeyedHelped;
    if (theme.key === null || theme.n === 0) return;
    helpedByTheme.push(helpedRow(theme.key, null, shown));
    if (shown.suppressed) return;
    const services = counts.services.filter((s) => s.key === theme.key);
    protectCells(services, { total: theme }).forEach((figures, j) => {
      const service = services[j] as KeyedHelped & { serviceId: string };
      if (figures.suppressed || figures.n === 0) return;
      helpedByService.push(helpedRow(service.serviceId, service.name, figures));
    });
  });
  const mostAnswersFirst = (a: PublicHelpedRow, b: PublicHelpedRow) =>
    (b.n ?? -1) - (a.n ?? -1) || a.key.localeCompare(b.key);
  return {
    helpedByTheme: helpedByTheme.sort(mostAnswersFirst),
    helpedByService: helpedByService.sort(mostAnswersFirst),
  };
}

/** The whole of a month's published evidence. */
export function publishEvidence(counts: EvidenceCounts, coverage: Coverage): PublishedEvidence {
  return { unmetNeed: publicUnmetNeed(counts.unmet, coverage), ...publicHelpfulness(counts) };
}

const CSV_COLUMNS = [
  'period',
  'need',
  'district',
  'unmet',
  'suppressed',
  'coverage',
  'revision',
  'revision_note',
];

/**
 * The published unmet-need table as CSV (RFC 4180, CRLF): codes, not words; a withheld count is empty
 * with `withheld` beside it; the publication's revision and note on every row, as in the scorecard.
 */
export function unmetNeedCsv(
  period: string,
  cells: readonly PublicUnmetCell[],
  revision: { revision: number; note: string | null },
): string {
  const note = revision.note ? csvField(neutraliseFormula(revision.note)) : '';
  const lines = cells.map((cell) =>
    [
      period,
      cell.need,
      cell.district,
      cell.unmet === null ? '' : String(cell.unmet),
      cell.suppressed ?? '',
      String(cell.coverage),
      String(revision.revision),
      note,
    ].join(','),
  );
  return [CSV_COLUMNS.join(','), ...lines].map((line) => `${line}\r\n`).join('');
}
