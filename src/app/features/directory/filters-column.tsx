import { useEffect, useRef, useState } from 'preact/hooks';
import type { Filters } from '../../../domain/search/filters.ts';
import { Icon } from '../../components/icons.tsx';
import { FILTER_PANEL_PARTS, FilterPanel } from './filter-panel.tsx';
import { clearFilters, type ActiveFilter } from './filter-state.ts';
import type { Words } from './opening-words.ts';
import { formatNumber } from './use-words.ts';

function isWide(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(min-width: 60em)').matches;
}

/**
 * How many of the filters panel's groups to draw yet. On a phone it is closed, and drawing its many
 * checkboxes with the first results held up the page, and all at once still held a phone's thread for a
 * fifth of a second: its groups are drawn one in each idle moment after the results (`soon`), or all at
 * once when it is opened.
 */
function usePanelPartsDrawn(open: boolean, soon: boolean): number {
  const [drawn, setDrawn] = useState(() => (isWide() ? FILTER_PANEL_PARTS : 0));
  // Once opened it stays whole: closing it must not take away groups the person has seen.
  const opened = useRef(false);
  if (open) opened.current = true;
  useEffect(() => {
    if (opened.current || drawn >= FILTER_PANEL_PARTS || !soon) return;
    const drawOneMore = () => setDrawn((parts) => parts + 1);
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(drawOneMore, { timeout: 2000 });
      return () => cancelIdleCallback(handle);
    }
    const timer = setTimeout(drawOneMore, 200);
    return () => clearTimeout(timer);
  }, [drawn, soon]);
  return opened.current ? FILTER_PANEL_PARTS : drawn;
}

/**
 * The filters beside the results (above them on a phone, behind a button): a link past them to the
 * results, the button that opens them with how many are on, and the panel itself.
 */
export function FiltersColumn(props: {
  filters: Filters;
  active: ActiveFilter[];
  words: Words;
  onChange: (next: Filters) => void;
  /** Moves focus to the results' heading. */
  focusResults: () => void;
  /**
   * The results are drawn: a closed panel may now be drawn when the device is idle. Before them it could
   * be the first number format the page makes, whose locale data the search worker loads first.
   */
  resultsDrawn: boolean;
}) {
  const { filters, active, words, onChange, focusResults } = props;
  const { t, locale } = words;
  const [open, setOpen] = useState(false);
  const drawn = usePanelPartsDrawn(open, props.resultsDrawn);
  return (
    <div class="search-layout__filters">
      <a
        class="skip-to-results tap-target"
        href="#results-heading"
        onClick={(event) => {
          event.preventDefault();
          focusResults();
        }}
      >
        {t('search.skipToResults')}
      </a>
      <button
        type="button"
        class="button button--secondary directory-filters__toggle"
        aria-expanded={open}
        aria-controls="directory-filters"
        onClick={() => setOpen(!open)}
      >
        <Icon name="filter" />
        <span>
          {active.length > 0
            ? t('filters.toggleCount', { count: active.length, n: formatNumber(active.length, locale) })
            : t('filters.toggle')}
        </span>
      </button>
      <div id="directory-filters" class={open ? 'directory-filters is-open' : 'directory-filters'}>
        {drawn > 0 ? (
          <FilterPanel
            id="directory-filters-panel"
            parts={drawn}
            filters={filters}
            words={words}
            onChange={onChange}
            activeCount={active.length}
            onClear={() => onChange(clearFilters(filters))}
            onApplied={() => {
              if (!isWide()) setOpen(false);
              // After the panel closes, so focus lands on what is still there.
              setTimeout(focusResults, 0);
            }}
          />
        ) : null}
      </div>
    </div>
  );
}
