/** The messages between the find-support page and its search worker. */
import type { Filters, ResultItem } from '../../../domain/search/filters.ts';
import type { Correction } from '../../../domain/search/understand.ts';
import type { Theme } from '../../../domain/service-terms.ts';

/** What the worker understood the words to mean, for the page to say so. */
export interface Understood {
  /** About danger, abuse, self-harm, suicide, scams or crisis: "Need help now?" comes first. */
  safety: boolean;
  /** Read through another language's words (a language code): the services are described in English. */
  translatedFrom?: string;
  corrections: Correction[];
  /** Themes near the words, offered when little is found. */
  themes: Theme[];
  /** Services covering all of Essex in those themes, offered when little is found. */
  countyWide: ResultItem[];
}

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
      /** Present when there were words to search. */
      understood?: Understood;
    }
  | { type: 'failed'; requestId: number };
