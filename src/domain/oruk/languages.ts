/** Languages are kept as ISO 639 codes ("bfi" is British Sign Language); feeds giving names map through this. */
export const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  en: 'English',
  ar: 'Arabic',
  bfi: 'British Sign Language',
  bg: 'Bulgarian',
  bn: 'Bengali',
  cy: 'Welsh',
  es: 'Spanish',
  fa: 'Persian',
  fr: 'French',
  gu: 'Gujarati',
  hi: 'Hindi',
  ku: 'Kurdish',
  lt: 'Lithuanian',
  lv: 'Latvian',
  pa: 'Punjabi',
  pl: 'Polish',
  pt: 'Portuguese',
  ro: 'Romanian',
  ru: 'Russian',
  so: 'Somali',
  sq: 'Albanian',
  ta: 'Tamil',
  tr: 'Turkish',
  uk: 'Ukrainian',
  ur: 'Urdu',
  zh: 'Chinese',
};

// ISO 639-2 codes some feeds use, to the two-letter code kept for the same language.
const TWO_LETTER: Readonly<Record<string, string>> = {
  eng: 'en',
  ara: 'ar',
  bul: 'bg',
  ben: 'bn',
  cym: 'cy',
  wel: 'cy',
  spa: 'es',
  fas: 'fa',
  per: 'fa',
  fra: 'fr',
  fre: 'fr',
  guj: 'gu',
  hin: 'hi',
  kur: 'ku',
  lit: 'lt',
  lav: 'lv',
  pan: 'pa',
  pol: 'pl',
  por: 'pt',
  ron: 'ro',
  rum: 'ro',
  rus: 'ru',
  som: 'so',
  sqi: 'sq',
  alb: 'sq',
  tam: 'ta',
  tur: 'tr',
  ukr: 'uk',
  urd: 'ur',
  zho: 'zh',
  chi: 'zh',
};

const CODE_BY_NAME = new Map(
  Object.entries(LANGUAGE_NAMES).map(([code, name]) => [name.toLowerCase(), code]),
);
CODE_BY_NAME.set('bsl', 'bfi');

/** A language given by code or by name → its code, or the name as given when it is not in the table. */
export function languageCode(language: { code?: string; name?: string }): string | undefined {
  const code = language.code?.trim().toLowerCase();
  if (code) return TWO_LETTER[code] ?? code;
  const name = language.name?.trim();
  if (!name) return undefined;
  return CODE_BY_NAME.get(name.toLowerCase()) ?? name;
}

export function languageName(code: string): string {
  return LANGUAGE_NAMES[code] ?? code;
}
