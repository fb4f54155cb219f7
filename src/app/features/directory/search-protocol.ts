/** The messages between the find-support page and its search worker. */
import type { Filters, ResultItem } from '../../../domain/search/filters.ts';

export interface SearchRequest {
  type: 'search';
  requestId: number;
  filters: Filters;
  /** The page's clock, for "open now" (ms since the epoch). */
  now: number;
  /** How many results to send, from the first: the page shows more on request. */
  limit: number;
}

export type SearchResponse =
  | {
      type: 'results';
      requestId: number;
      /** How many services match in all. */
      total: number;
      items: ResultItem[];
      /** The directory revision searched; undefined when the device holds no directory yet. */
      revision?: string;
    }
  | { type: 'failed'; requestId: number };
