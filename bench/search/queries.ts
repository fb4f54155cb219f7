import judgedFile from './judged-queries.json';
import type { JudgedSet } from './relevance.ts';

/** The judged query set: queries as people type them, with the sample services that answer each. */
export const judgedSet = judgedFile as unknown as JudgedSet;

/**
 * What people type into the search box, fixed so runs compare: whole words, phrases, place names,
 * typos (as typed on a phone) and prefixes (as the results update while someone is still typing).
 */
export const SEARCH_QUERIES = {
  words: ['carers', 'dementia', 'benefits', 'befriending', 'housing', 'volunteering', 'lunch club'],
  phrases: [
    'help with benefits',
    'support for carers in colchester',
    'mental health drop in',
    'young carers',
    'memory cafe basildon',
  ],
  typos: ['demetia', 'benifits', 'carres', 'volunteeer', 'befreinding', 'hosuing'],
  prefixes: ['c', 'car', 'deme', 'befr', 'hous', 'lunch cl', 'colch'],
} as const;

/** The fixed queries, whose match counts are kept so that a change of matching shows up in results.json. */
export const FIXED_QUERIES: readonly string[] = Object.values(SEARCH_QUERIES).flat();

/** Every query timed: the fixed ones and the judged set's (see judged-queries.json), as typed. */
export const ALL_QUERIES: readonly string[] = [
  ...new Set([...FIXED_QUERIES, ...judgedSet.queries.map((query) => query.query)]),
];

/** Each query is run this many times after a warm-up round; the percentiles are over every run. */
export const QUERY_REPEATS = 5;

/** Directory sizes measured. */
export const DIRECTORY_SIZES = [1_000, 10_000, 50_000] as const;
