/**
 * Word folding shared by search and the guided-help matcher: lower case, accents folded, apostrophes
 * dropped, English stop words. Guided help also uses the small plural rule here ("carers" → "carer");
 * search goes further, with the Porter2 stemmer (`analyse.ts`).
 */

/** Common English function words that carry no meaning in a directory search. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all am an and any are as at be because been before being below ' +
    'between both but by can could did do does doing down during each few for from further had has have ' +
    'having he her here hers herself him himself his how i if in into is it its itself just me more most ' +
    'my myself no nor not now of off on once only or other our ours ourselves out own same she should so ' +
    'some such than that the their theirs them themselves then there these they this those through to too ' +
    'under until up very was we were what when where which while who whom why will with would you your ' +
    'yours yourself yourselves'
  ).split(' '),
);

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const APOSTROPHES = /['’‘`]/g;
const WORD_BREAK = /[^\p{L}\p{M}\p{N}'’‘`]+/u;

/** Splits text into raw words on anything that is not a letter, digit or apostrophe. */
export function tokenize(text: string): string[] {
  return text.split(WORD_BREAK).filter((word) => word.length > 0);
}

/** Lower case, accents folded ("café" → "cafe"), apostrophes removed ("carer's" → "carers"). */
export function foldWord(word: string): string {
  return word.normalize('NFKD').replace(COMBINING_MARKS, '').replace(APOSTROPHES, '').toLowerCase();
}

/**
 * The small plural rule: "-ies" → "-y", a final "s" dropped, except after "s", "u" or "i" ("class",
 * "bus", "crisis") and in words of three letters or fewer. It is idempotent: normalising twice gives the
 * same word.
 */
export function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !/[siu]s$/.test(word)) return word.slice(0, -1);
  return word;
}

/** One word as the index stores it, or null when it is a stop word or empty. */
export function normaliseTerm(word: string): string | null {
  const folded = foldWord(word);
  if (folded.length === 0 || STOP_WORDS.has(folded)) return null;
  const term = singular(folded);
  return STOP_WORDS.has(term) ? null : term;
}

const CLAUSE_BREAK = /[.,;:!?()[\]{}"“”/\\|•·–—\n\r\t]+/u;

/**
 * A text as phrases for whole-phrase matching: each clause (split at punctuation) as its folded, singular
 * words, stop words kept so that words are only adjacent when they were adjacent in the text. Padded
 * with spaces and joined with " | ", so `includes(' home help ')` finds "home help" but not "your home,
 * and help".
 */
export function phraseText(text: string): string {
  const clauses: string[] = [];
  for (const clause of text.split(CLAUSE_BREAK)) {
    const words = tokenize(clause)
      .map((word) => singular(foldWord(word)))
      .filter((word) => word.length > 0);
    if (words.length > 0) clauses.push(words.join(' '));
  }
  return clauses.length > 0 ? ` ${clauses.join(' | ')} ` : ' ';
}

/** A keyword or phrase folded the way `phraseText` folds text. */
export function phraseOf(text: string): string {
  return tokenize(text)
    .map((word) => singular(foldWord(word)))
    .filter((word) => word.length > 0)
    .join(' ');
}
