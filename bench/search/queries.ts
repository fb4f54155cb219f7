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

export const ALL_QUERIES: readonly string[] = Object.values(SEARCH_QUERIES).flat();

/** Each query is run this many times after a warm-up round; the percentiles are over every run. */
export const QUERY_REPEATS = 5;

/** Directory sizes measured. */
export const DIRECTORY_SIZES = [1_000, 10_000, 50_000] as const;
