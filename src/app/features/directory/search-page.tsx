import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import {
  DEFAULT_RADIUS_MILES,
  filtersFromSearchParams,
  filtersToSearchParams,
  type Filters,
} from '../../../domain/search/filters.ts';
import { HelpNow } from '../../components/help-now.tsx';
import { Icon } from '../../components/icons.tsx';
import { Page } from '../../components/page.tsx';
import { entryValue, setEntryValue } from '../../navigation/history-entries.ts';
import { DirectoryNotice } from './directory-notice.tsx';
import { FilterPanel } from './filter-panel.tsx';
import { FoundFoot } from './found-foot.tsx';
import { activeFilters, clearFilters, removeFilter } from './filter-state.ts';
import { ResultList } from './result-list.tsx';
import { useSearch } from './search-client.ts';
import { useDirectoryInfo } from './use-directory.ts';
import { formatNumber, useDirectoryWords } from './use-words.ts';
import { useLatest } from '../../hooks/use-latest.ts';
import './directory.css';

/** Results shown at first and added by each "show more": a long list never renders all at once. */
export const PAGE_SIZE = 20;
/** How many results this page showed, kept with its entry in the tab's history. */
const SHOWN_ENTRY = 'results-shown';
/** Typing settles for this long before the results follow. */
const TYPING_PAUSE_MS = 150;

function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function isWide(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(min-width: 60em)').matches;
}

/**
 * Whether to draw the filters panel yet. On a phone it is closed, and drawing its many checkboxes with
 * the first results held up the page: it is drawn once the device is idle, or at once when opened.
 */
function usePanelDrawn(open: boolean): boolean {
  const [drawn, setDrawn] = useState(isWide);
  useEffect(() => {
    if (drawn) return;
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(() => setDrawn(true), { timeout: 2000 });
      return () => cancelIdleCallback(handle);
    }
    const timer = setTimeout(() => setDrawn(true), 200);
    return () => clearTimeout(timer);
  }, [drawn]);
  return drawn || open;
}

/** Find support: search and filter the directory on this device; the filters live in the address. */
export function SearchPage() {
  const words = useDirectoryWords();
  const { t, ready, locale } = words;
  const info = useDirectoryInfo();
  const { url, route } = useLocation();
  const query = url.includes('?') ? url.slice(url.indexOf('?')) : '';
  const filters = useMemo(() => filtersFromSearchParams(new URLSearchParams(query)), [query]);
  const key = JSON.stringify(filters);
  // "Show more" is kept with the page's place in history, so coming back shows as many results as before.
  const [shown, setShown] = useState(() => {
    const kept = entryValue<{ key: string; limit: number }>(SHOWN_ENTRY);
    return kept?.key === key ? kept : { key, limit: PAGE_SIZE };
  });
  const limit = shown.key === key ? shown.limit : PAGE_SIZE;
  const search = useSearch(filters, limit, info.status === 'ready' ? info.revision : undefined);

  const [text, setText] = useState(filters.q ?? '');
  const [panelOpen, setPanelOpen] = useState(false);
  const panelDrawn = usePanelDrawn(panelOpen);
  const resultsHeading = useRef<HTMLHeadingElement | null>(null);
  const latest = useLatest(filters);
  const sentQuery = useRef(filters.q ?? '');

  const setFilters = (next: Filters) => {
    const params = filtersToSearchParams(next).toString();
    route(`/search${params ? `?${params}` : ''}`, true);
  };

  const sendQuery = (typed: string) => {
    const q = tidy(typed);
    sentQuery.current = q;
    if (q === (latest.current.q ?? '')) return;
    const next = { ...latest.current };
    if (q) next.q = q;
    else delete next.q;
    setFilters(next);
  };

  // The pause restarts only when the text changes, not whenever the page draws again.
  const send = useLatest(sendQuery);
  useEffect(() => {
    if (tidy(text) === (latest.current.q ?? '')) return;
    const timer = setTimeout(() => send.current(text), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text, send, latest]);

  // The address changed by other means (back, a "remove filter" button): the box follows it.
  useEffect(() => {
    const q = filters.q ?? '';
    if (q !== sentQuery.current) {
      sentQuery.current = q;
      setText(q);
    }
  }, [filters.q]);

  if (!ready) return <p class="loading">{t('common:loading')}</p>;

  const active = activeFilters(filters, DEFAULT_RADIUS_MILES);
  const focusResults = () => resultsHeading.current?.focus();

  return (
    <Page title={t('search.title')} wide>
      {/* The sample label goes with the results: known only once the directory is read, it then moves nothing. */}
      <DirectoryNotice info={info} words={words} showSample={false} />
      <form
        class="search-box directory-search"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          sendQuery(text);
        }}
      >
        <label for="directory-q">{t('search.label')}</label>
        <p class="hint" id="directory-q-hint">
          {t('search.hint')}
        </p>
        <div class="search-box__row">
          <input
            id="directory-q"
            name="q"
            type="search"
            autocomplete="off"
            enterkeyhint="search"
            maxLength={200}
            aria-describedby="directory-q-hint"
            value={text}
            onInput={(event) => setText(event.currentTarget.value)}
          />
          <button type="submit" class="button">
            <Icon name="search" />
            <span>{t('search.button')}</span>
          </button>
        </div>
      </form>
      {/* Someone searching for danger, abuse, self-harm or crisis sees how to get help before any listing. */}
      {search.understood?.safety ? <HelpNow headingLevel={2} id="search-help-now-heading" /> : null}
      <div class="search-layout">
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
            aria-expanded={panelOpen}
            aria-controls="directory-filters"
            onClick={() => setPanelOpen(!panelOpen)}
          >
            <Icon name="filter" />
            <span>
              {active.length > 0
                ? t('filters.toggleCount', { count: active.length, n: formatNumber(active.length, locale) })
                : t('filters.toggle')}
            </span>
          </button>
          <div id="directory-filters" class={panelOpen ? 'directory-filters is-open' : 'directory-filters'}>
            {panelDrawn ? (
              <FilterPanel
                id="directory-filters-panel"
                filters={filters}
                words={words}
                onChange={setFilters}
                activeCount={active.length}
                onClear={() => setFilters(clearFilters(filters))}
                onApplied={() => {
                  if (!isWide()) setPanelOpen(false);
                  // After the panel closes, so focus lands on what is still there.
                  setTimeout(focusResults, 0);
                }}
              />
            ) : null}
          </div>
        </div>
        <ResultList
          search={search}
          filters={filters}
          active={active}
          words={words}
          ready={info.status === 'ready'}
          waiting={info.status === 'loading'}
          sample={info.sample}
          wordsKey={`${words.language} ${ready}`}
          pageSize={PAGE_SIZE}
          onShowMore={() => {
            const more = { key, limit: limit + PAGE_SIZE };
            setShown(more);
            setEntryValue(SHOWN_ENTRY, more);
          }}
          onRemove={(filter) => {
            setFilters(removeFilter(filters, filter));
            // The button pressed has gone: the results, which changed, are where focus goes.
            setTimeout(focusResults, 0);
          }}
          onClear={() => {
            setFilters(clearFilters(filters));
            setTimeout(focusResults, 0);
          }}
          headingRef={(element) => (resultsHeading.current = element)}
        />
      </div>
      {info.status === 'ready' && <FoundFoot filters={filters} returnTo={`/search${query}`} />}
    </Page>
  );
}
