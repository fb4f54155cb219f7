/**
 * How search reads words, the same for the directory and for what people type: split, folded (lower
 * case, accents and apostrophes gone), then reduced to a stem by the Porter2 (Snowball English)
 * stemmer, so "isolated" and "isolation", "carer" and "carers", "volunteering" and "volunteers" meet.
 */
import { stem } from 'porter2';
import { STOP_WORDS, foldWord, tokenize } from './text.ts';

export { STOP_WORDS, foldWord, tokenize };

const stems = new Map<string, string>();
/** Enough for any directory's vocabulary; cleared rather than grown without end. */
const STEM_CACHE_LIMIT = 100_000;

/** A word's stem. Only plain Latin letters are stemmed: other scripts, numbers and codes stay folded. */
export function stemWord(word: string): string {
  const folded = foldWord(word);
  let stemmed = stems.get(folded);
  if (stemmed === undefined) {
    stemmed = /^[a-z]{3,}$/.test(folded) ? stem(folded) : folded;
    if (stems.size >= STEM_CACHE_LIMIT) stems.clear();
    stems.set(folded, stemmed);
  }
  return stemmed;
}

/** One word of a text: as written (folded), and its stem. */
export interface AnalysedWord {
  folded: string;
  stem: string;
  stop: boolean;
}

/** Every word of a text in order, stop words marked rather than dropped (phrases need them). */
export function analyse(text: string): AnalysedWord[] {
  const words: AnalysedWord[] = [];
  for (const word of tokenize(text)) {
    const folded = foldWord(word);
    if (folded.length === 0) continue;
    words.push({ folded, stem: stemWord(folded), stop: STOP_WORDS.has(folded) });
  }
  return words;
}

/** A phrase as its index key: stems joined by spaces, stop words kept ("hard of hear"). */
export function phraseKey(text: string): string {
  return analyse(text)
    .map((word) => word.stem)
    .join(' ');
}

/** Splits text at punctuation into clauses, so a phrase never spans "…at home. Help…". */
export function clauses(text: string): string[] {
  return text.split(/[.,;:!?()[\]{}"“”/\\|•·–—\n\r\t]+/u).filter((clause) => clause.trim().length > 0);
}
