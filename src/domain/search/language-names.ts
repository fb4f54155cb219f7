/**
 * The languages a service offers, as words people search with: "Polish", "British Sign Language",
 * "BSL". English is left out: every service speaks it, so it would match everything.
 */
const NAMES: Readonly<Record<string, string>> = {
  ar: 'Arabic',
  bfi: 'British Sign Language. BSL. sign language',
  bg: 'Bulgarian',
  bn: 'Bengali. Bangla',
  fa: 'Farsi. Persian',
  gu: 'Gujarati',
  hi: 'Hindi',
  lt: 'Lithuanian',
  pa: 'Punjabi',
  pl: 'Polish',
  pt: 'Portuguese',
  ro: 'Romanian',
  so: 'Somali',
  ta: 'Tamil',
  tr: 'Turkish',
  uk: 'Ukrainian',
  ur: 'Urdu',
  zh: 'Chinese',
};

let english: Intl.DisplayNames | undefined;

export function languageWords(code: string): string {
  const lower = code.toLowerCase();
  if (lower === 'en' || lower.startsWith('en-')) return '';
  const known = NAMES[lower];
  if (known) return known;
  try {
    english ??= new Intl.DisplayNames(['en'], { type: 'language' });
    const name = english.of(lower);
    return name && name.toLowerCase() !== lower ? name : '';
  } catch {
    return '';
  }
}
