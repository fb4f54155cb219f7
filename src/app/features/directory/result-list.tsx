import { useEffect, useRef, useState } from 'preact/hooks';
import type { Filters } from '../../../domain/search/filters.ts';
import type { ActiveFilter } from './filter-state.ts';
import { SampleNotice } from './directory-notice.tsx';
import type { Words } from './opening-words.ts';
import { ResultCard } from './result-card.tsx';
import type { SearchState } from './search-client.ts';
import { NearSuggestions, UnderstoodNotes } from './search-understood.tsx';
import { useLatest } from '../../hooks/use-latest.ts';

/** Fewer results than this for some words, and what is near is offered too. */
const FEW = 3;
import { formatNumber } from './use-words.ts';

/** A filter that is on, in words: "Free only", "In Chelmsford", "Within 5 miles of CM1 1QH". */
export function activeFilterWords(filter: ActiveFilter, words: Words): string {
  const { t, locale } = words;
  switch (filter.kind) {
    case 'theme':
      return t(`common:themes.${filter.value}.title`);
    case 'district':
      return t('active.district', { district: t(`districts.${filter.value}`) });
    case 'postcode':
      return t('active.postcode', {
        count: filter.radius,
        n: formatNumber(filter.radius, locale),
        postcode: filter.value,
      });
    case 'near':
      return t('active.near', { count: filter.radius, n: formatNumber(filter.radius, locale) });
    case 'whoFor':
      return t(`whoFor.${filter.value}`);
    case 'age': {
      const { from, to } = filter.value;
      if (from === to) return t('active.age', { age: formatNumber(from, locale) });
      if (to >= 120) return t('active.ageFrom', { from: formatNumber(from, locale) });
      return t('active.ageBand', { from: formatNumber(from, locale), to: formatNumber(to, locale) });
    }
    case 'free':
      return t('active.free');
    case 'delivery':
      return t(`delivery.${filter.value}`);
    case 'openNow':
      return t('active.openNow');
  }
}

function RemoveButtons(props: {
  active: ActiveFilter[];
  words: Words;
  onRemove: (filter: ActiveFilter) => void;
}) {
  const { t } = props.words;
  return (
    <ul class="filter-tags">
      {props.active.map((filter) => {
        const words = activeFilterWords(filter, props.words);
        return (
          <li key={`${filter.kind}-${'value' in filter ? JSON.stringify(filter.value) : ''}`}>
            <button
              type="button"
              class="filter-tag"
              aria-label={t('active.remove', { filter: words })}
              onClick={() => props.onRemove(filter)}
            >
              <span>{words}</span>
              <span aria-hidden="true" class="filter-tag__cross">
                ×
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * Results drawn at once when a new set arrives: the top of a phone's screen. The first cards also make
 * the formatters and rules that every card after them uses, so four in one task held a mid-range phone's
 * thread about 1.7 times as long as two; each card after them has a frame of its own.
 */
const DRAWN_AT_ONCE = 2;

/** When a value first arrived, kept for as long as the same value comes back. */
function useTimeOf(value: unknown): Date {
  const seen = useRef({ value, at: new Date() });
  if (seen.current.value !== value) seen.current = { value, at: new Date() };
  return seen.current.at;
}

/**
 * How many of a set of results to draw. A new set draws its first cards, then the rest one card at a
 * time, each once the last has painted and in a task of its own: a screenful at a time still blocked a
 * mid-range phone's main thread for a hundred milliseconds and more per screenful. More of a set already
 * drawn in full ("show more") is drawn at once, so focus can move to the first new one.
 */
function useDrawnCount(items: SearchState['items']): number {
  const firstId = items[0]?.service.id;
  const [stage, setStage] = useState({ firstId, drawn: DRAWN_AT_ONCE, all: false });
  const current = stage.firstId === firstId ? stage : { firstId, drawn: DRAWN_AT_ONCE, all: false };
  const { drawn, all } = current;
  useEffect(() => {
    if (all || drawn >= items.length) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        const next = drawn + 1;
        setStage({ firstId, drawn: next, all: next >= items.length });
      }, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [firstId, drawn, all, items.length]);
  return all ? items.length : Math.min(items.length, drawn);
}

/**
 * The results: a count that screen readers hear as it changes (a polite live region that is always in
 * the page), the filters that are on, a page of results and "show more", or suggestions when none match.
 */
export function ResultList(props: {
  search: SearchState;
  filters: Filters;
  active: ActiveFilter[];
  words: Words;
  /** False until the directory is on the device: the count stays silent. */
  ready: boolean;
  /** The directory is on its way to the device. */
  waiting: boolean;
  /** The directory on the device is the fictional sample. */
  sample: boolean;
  /** Changes whenever the words do: cards are drawn again only when it, or their result, changes. */
  wordsKey: string;
  pageSize: number;
  onShowMore: () => void;
  onRemove: (filter: ActiveFilter) => void;
  onClear: () => void;
  /** Told once a search's results are all drawn (or it found none): what follows them may then appear. */
  onAllDrawn?: () => void;
  headingRef: (element: HTMLHeadingElement | null) => void;
}) {
  const { search, words, active } = props;
  const { t, locale } = words;
  const links = useRef<Array<HTMLAnchorElement | null>>([]);
  const focusFrom = useRef<number | undefined>(undefined);
  // One time for a set of results, so a card redrawn for another reason keeps the same opening words.
  const now = useTimeOf(search.items);
  const drawn = useDrawnCount(search.items);
  const allDrawn = props.ready && search.phase !== 'searching' && drawn >= search.items.length;
  const onAllDrawn = useLatest(props.onAllDrawn);
  useEffect(() => {
    if (allDrawn) onAllDrawn.current?.();
  }, [allDrawn, onAllDrawn]);

  // After "show more", focus goes to the first new result, so a keyboard user carries on from there.
  useEffect(() => {
    const index = focusFrom.current;
    if (index !== undefined && search.items.length > index) {
      focusFrom.current = undefined;
      links.current[index]?.focus();
    }
  }, [search.items.length]);

  let status = '';
  if (props.ready) {
    if (search.phase === 'failed') status = t('results.failed');
    else if (search.phase === 'searching' && search.items.length === 0 && search.total === 0) {
      status = t('results.searching');
    } else status = t('results.count', { count: search.total, n: formatNumber(search.total, locale) });
  }
  const remaining = search.total - search.items.length;
  const more = Math.min(props.pageSize, remaining);
  const empty = props.ready && search.phase === 'done' && search.total === 0;

  return (
    <section
      class="directory-results"
      aria-labelledby="results-heading"
      aria-busy={props.waiting || (props.ready && search.phase === 'searching') ? true : undefined}
    >
      <h2 id="results-heading" tabIndex={-1} ref={props.headingRef}>
        {t('results.heading')}
      </h2>
      <p class="directory-results__count" role="status">
        {status}
      </p>
      {props.sample ? <SampleNotice text={t('directory.sample')} /> : null}
      {search.phase === 'done' ? <UnderstoodNotes understood={search.understood} words={words} /> : null}
      {active.length > 0 && !empty ? (
        <RemoveButtons active={active} words={words} onRemove={props.onRemove} />
      ) : null}
      {empty ? (
        <div class="directory-empty">
          <h3>{t('results.emptyHeading')}</h3>
          <p>{t('results.emptyIntro')}</p>
          <ul class="bullets">
            {props.filters.q ? <li>{t('results.emptySpelling')}</li> : null}
            {active.length > 0 ? (
              <li>
                {t('results.emptyRemove')}
                <RemoveButtons active={active} words={words} onRemove={props.onRemove} />
                <button type="button" class="button button--secondary" onClick={props.onClear}>
                  {t('filters.clearAll')}
                </button>
              </li>
            ) : null}
            <li>
              <a href="/">{t('results.emptyBrowse')}</a>
            </li>
          </ul>
        </div>
      ) : null}
      {search.items.length > 0 ? (
        <ol class="result-list">
          {search.items.slice(0, drawn).map((item, index) => (
            <ResultCard
              key={item.service.id}
              item={item}
              words={words}
              wordsKey={props.wordsKey}
              now={now}
              index={index}
              links={links.current}
            />
          ))}
        </ol>
      ) : null}
      {props.ready && search.phase === 'done' && props.filters.q && search.total < FEW ? (
        <NearSuggestions understood={search.understood} words={words} />
      ) : null}
      {remaining > 0 && search.phase !== 'failed' ? (
        <div class="directory-results__more">
          <p class="meta">
            {t('results.showing', {
              shown: formatNumber(search.items.length, locale),
              total: formatNumber(search.total, locale),
            })}
          </p>
          <button
            type="button"
            class="button button--secondary"
            onClick={() => {
              focusFrom.current = search.items.length;
              props.onShowMore();
            }}
          >
            {t('results.showMore', { count: more, n: formatNumber(more, locale) })}
          </button>
        </div>
      ) : null}
    </section>
  );
}
