import type { ComponentChildren, FunctionComponent } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import {
  DEFAULT_RADIUS_MILES,
  filtersFromSearchParams,
  filtersToSearchParams,
  type Filters,
} from '../../../domain/search/filters.ts';
import { HelpNow } from '../../components/help-now.tsx';
import { Page } from '../../components/page.tsx';
import { entryValue, setEntryValue } from '../../navigation/history-entries.ts';
import { DirectoryNotice } from './directory-notice.tsx';
import { FiltersColumn } from './filters-column.tsx';
import type { FoundFoot } from './found-foot.tsx';
import { activeFilters, clearFilters, removeFilter } from './filter-state.ts';
import { ResultList } from './result-list.tsx';
import { SearchBox } from './search-box.tsx';
import { useSearch } from './search-client.ts';
import { useDirectoryInfo } from './use-directory.ts';
import { useDirectoryWords } from './use-words.ts';
import './directory.css';

/** Results shown at first and added by each "show more": a long list never renders all at once. */
export const PAGE_SIZE = 20;
/** How many results this page showed, kept with its entry in the tab's history. */
const SHOWN_ENTRY = 'results-shown';

/**
 * "Did you find what you needed?", once `wanted`. It comes after the first results are drawn: it then
 * appears below them rather than pushing them down, and its code (with the feedback rules it checks
 * answers by) is not fetched and run before the page's first screenful.
 */
function useFoundFoot(wanted: boolean): FunctionComponent<Parameters<typeof FoundFoot>[0]> | undefined {
  const [foot, setFoot] = useState<typeof FoundFoot>();
  useEffect(() => {
    if (!wanted || foot) return;
    let live = true;
    // Cached for offline use with the rest of the app; without it the page simply goes without.
    import('./found-foot.tsx').then(
      (module) => live && setFoot(() => module.FoundFoot),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [wanted, foot]);
  return wanted ? foot : undefined;
}

/** Something that happens once and then stays so, such as a search's first results being all drawn. */
interface Once {
  readonly happened: boolean;
  happen(): void;
  listen(listener: () => void): () => void;
}

function createOnce(): Once {
  let happened = false;
  const listeners = new Set<() => void>();
  return {
    get happened() {
      return happened;
    },
    happen() {
      if (happened) return;
      happened = true;
      for (const listener of listeners) listener();
    },
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Draws its children again when `once` happens: only they, not the whole page around them. */
function AfterOnce(props: { once: Once; children: (happened: boolean) => ComponentChildren }) {
  const { once } = props;
  const [happened, setHappened] = useState(once.happened);
  useEffect(() => {
    if (once.happened) setHappened(true);
    return once.listen(() => setHappened(true));
  }, [once]);
  return <>{props.children(happened)}</>;
}

function FoundFootAfterResults(props: { wanted: boolean; filters: Filters; returnTo: string }) {
  const Foot = useFoundFoot(props.wanted);
  return Foot ? <Foot filters={props.filters} returnTo={props.returnTo} /> : null;
}

/** Find support: search and filter the directory on this device; the filters live in the address. */
export function SearchPage() {
  const words = useDirectoryWords();
  const { t, ready } = words;
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
  // Once results have been drawn in full the question stays, however the search changes after; telling
  // only what waits for them spares the page a whole redraw just as its results have finished.
  const [resultsDrawn] = useState(createOnce);
  const resultsHeading = useRef<HTMLHeadingElement | null>(null);

  const setFilters = (next: Filters) => {
    const params = filtersToSearchParams(next).toString();
    route(`/search${params ? `?${params}` : ''}`, true);
  };

  if (!ready) return <p class="loading">{t('common:loading')}</p>;

  const active = activeFilters(filters, DEFAULT_RADIUS_MILES);
  const focusResults = () => resultsHeading.current?.focus();

  return (
    <Page title={t('search.title')} wide>
      {/* The sample label goes with the results: known only once the directory is read, it then moves nothing. */}
      <DirectoryNotice info={info} words={words} showSample={false} />
      <SearchBox filters={filters} words={words} onChange={setFilters} />
      {/* Someone searching for danger, abuse, self-harm or crisis sees how to get help before any listing. */}
      {search.understood?.safety ? <HelpNow headingLevel={2} id="search-help-now-heading" /> : null}
      <div class="search-layout">
        <AfterOnce once={resultsDrawn}>
          {(drawn) => (
            <FiltersColumn
              filters={filters}
              active={active}
              words={words}
              onChange={setFilters}
              focusResults={focusResults}
              resultsDrawn={drawn}
            />
          )}
        </AfterOnce>
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
          onAllDrawn={resultsDrawn.happen}
          headingRef={(element) => (resultsHeading.current = element)}
        />
      </div>
      <AfterOnce once={resultsDrawn}>
        {(drawn) => (
          <FoundFootAfterResults
            wanted={drawn && info.status === 'ready'}
            filters={filters}
            returnTo={`/search${query}`}
          />
        )}
      </AfterOnce>
    </Page>
  );
}
