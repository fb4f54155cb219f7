import { useEffect, useRef, useState } from 'preact/hooks';
import type { Filters, ResultItem } from '../../../domain/search/filters.ts';
import type { SearchRequest, SearchResponse, Understood } from './search-protocol.ts';
import { useSameValue } from '../../hooks/use-same-value.ts';

export interface SearchResults {
  total: number;
  items: ResultItem[];
  /** What the words were understood to mean; absent without words. */
  understood?: Understood;
}

interface Waiting {
  requestId: number;
  resolve: (results: SearchResults | null) => void;
  reject: (error: Error) => void;
}

let worker: Worker | undefined;
let nextRequestId = 1;
let waiting: Waiting | undefined;

function searchWorker(): Worker {
  if (worker) return worker;
  const started = new Worker(new URL('./search.worker.ts', import.meta.url), {
    type: 'module',
    name: 'signpost-search',
  });
  started.onmessage = (event: MessageEvent<SearchResponse>) => {
    const response = event.data;
    if (!waiting || response.requestId !== waiting.requestId) return;
    const { resolve, reject } = waiting;
    waiting = undefined;
    if (response.type === 'results') {
      const { total, items, understood } = response;
      resolve(understood ? { total, items, understood } : { total, items });
    } else reject(new Error('The search failed'));
  };
  started.onerror = () => {
    waiting?.reject(new Error('The search worker stopped'));
    waiting = undefined;
    started.terminate();
    if (worker === started) worker = undefined;
  };
  worker = started;
  return started;
}

/**
 * Asks the search worker for the first `limit` results. The latest search wins: one still waiting when
 * a newer one starts resolves with null.
 */
export function searchDirectory(
  filters: Filters,
  limit: number,
  now = Date.now(),
): Promise<SearchResults | null> {
  waiting?.resolve(null);
  const requestId = nextRequestId++;
  const request: SearchRequest = { type: 'search', requestId, filters, now, limit };
  return new Promise((resolve, reject) => {
    waiting = { requestId, resolve, reject };
    searchWorker().postMessage(request);
  });
}

export type SearchPhase = 'searching' | 'done' | 'failed';

export interface SearchState extends SearchResults {
  phase: SearchPhase;
}

/**
 * Results for the filters, re-run when they, the limit or the directory change. The previous results
 * stay on screen while the next ones are worked out, so the list does not flicker as a person types.
 */
export function useSearch(filters: Filters, limit: number, revision: string | undefined): SearchState {
  const [state, setState] = useState<SearchState>({ phase: 'searching', total: 0, items: [] });
  const wanted = useSameValue(filters);
  const latest = useRef(0);
  // Started with the page, not with its first search: the worker is ready (and the page's locale data
  // loaded, see store/warm-intl.ts) by the time the directory is.
  useEffect(() => void searchWorker(), []);
  useEffect(() => {
    if (revision === undefined) return;
    const ticket = ++latest.current;
    setState((previous) => ({ ...previous, phase: 'searching' }));
    searchDirectory(wanted, limit).then(
      (results) => {
        if (results && ticket === latest.current) setState({ phase: 'done', ...results });
      },
      () => {
        if (ticket === latest.current) setState({ phase: 'failed', total: 0, items: [] });
      },
    );
  }, [wanted, limit, revision]);
  return state;
}
