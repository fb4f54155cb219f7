import type { TFunction } from 'i18next';
import { useFormattedWords, type Words } from '../../i18n/use-formatted-words.ts';
import type { Figure } from '../../../domain/api/measures.ts';

export type { Words };

/** The insight namespace's words with the page language's formats, as every insight page needs both. */
export function useWords(): { ready: boolean; words: Words } {
  return useFormattedWords('insight');
}

/** The name of a group of people within a breakdown, in the page's language. */
export function groupLabel(t: TFunction, breakdown: string, group: string): string {
  if (group === 'all') return t('groups.all');
  if (group === 'not-stated' || group === 'prefer-not-to-say') return t(`groups.${group}`);
  if (breakdown === 'district') return t(`districts.${group}`);
  return t(`groups.${breakdown}.${group}`);
}

/**
 * A figure to draw or put into words: the overview's `Figure`, or a scorecard row's figures. `published`
 * is false for a month the public cannot see yet, and absent for analysts' figures, which are live.
 */
export type FigureLike = Pick<Figure, 'n' | 'share' | 'ciLow' | 'ciHigh' | 'suppressed'> &
  Partial<Pick<Figure, 'published' | 'positive' | 'smallSample'>>;

/** Whether the public sees this figure's share: published, and not withheld. */
export function isShown(figure: FigureLike): boolean {
  return figure.published !== false && !figure.suppressed;
}

/**
 * A figure as words: its share (marked when from a small sample), or why it is not shown ("Withheld",
 * "Not published yet"). An analyst's figure carries the public reason too but is shown: pass
 * `withheld: false` for the analysts' figures.
 */
export function shareText({ t, f }: Words, figure: FigureLike, withheld = true): string {
  if (withheld && figure.published === false) return t('figure.notPublished');
  if (withheld && figure.suppressed) return t(`figure.suppressed.${figure.suppressed}`);
  if (figure.share === null) return t('figure.noAnswers');
  const value = f.percent(figure.share);
  return withheld && figure.smallSample ? t('figure.smallSample', { value }) : value;
}

export function rangeText({ t, f }: Words, figure: FigureLike): string {
  if (figure.ciLow === null || figure.ciHigh === null) return '–';
  return t('figure.range', { low: f.percent(figure.ciLow), high: f.percent(figure.ciHigh) });
}

export function baseText({ t, f }: Words, figure: FigureLike): string {
  if (figure.published === false) return '–';
  return figure.n === null ? t('figure.notShown') : f.count(figure.n);
}

export function changeText({ t, f }: Words, change: number | null): string {
  if (change === null) return t('figure.noComparison');
  return t('figure.points', { points: f.points(change) });
}
