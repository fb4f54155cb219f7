/** The languages Signpost speaks. `en` is the source; each other file mirrors its keys. */
export interface Language {
  code: string;
  /** The language's name in itself, so a person can find their own. */
  nativeName: string;
  dir: 'ltr' | 'rtl';
  /** The BCP 47 tag for `<html lang>`, speech and the Intl formatters. */
  htmlLang: string;
  /** Easy Read: English in short lines, one idea a line, each with a picture. */
  easyRead?: true;
}

/** Easy Read English: a variant of English, so any text it lacks falls back to plain English. */
export const EASY_READ = 'en-easy';

export const SOURCE_LANGUAGE = 'en';

/**
 * English and Easy Read first, then the others in the Latin spelling of their own names (Arabiya, Bangla,
 * Lietuvių, Polski, Português, Română, Türkçe, Urdu), the order Wikipedia uses for its own list of languages.
 */
export const LANGUAGES: readonly Language[] = [
  { code: 'en', nativeName: 'English', dir: 'ltr', htmlLang: 'en-GB' },
  { code: EASY_READ, nativeName: 'Easy Read English', dir: 'ltr', htmlLang: 'en-GB', easyRead: true },
  { code: 'ar', nativeName: 'العربية', dir: 'rtl', htmlLang: 'ar' },
  { code: 'bn', nativeName: 'বাংলা', dir: 'ltr', htmlLang: 'bn' },
  { code: 'lt', nativeName: 'Lietuvių', dir: 'ltr', htmlLang: 'lt' },
  { code: 'pl', nativeName: 'Polski', dir: 'ltr', htmlLang: 'pl' },
  { code: 'pt', nativeName: 'Português', dir: 'ltr', htmlLang: 'pt' },
  { code: 'ro', nativeName: 'Română', dir: 'ltr', htmlLang: 'ro' },
  { code: 'tr', nativeName: 'Türkçe', dir: 'ltr', htmlLang: 'tr' },
  { code: 'ur', nativeName: 'اردو', dir: 'rtl', htmlLang: 'ur' },
];

/** Only English has been checked by a native speaker; the statement says so, and each file's `_meta` too. */
export const REVIEWED_LANGUAGES: readonly string[] = [SOURCE_LANGUAGE];

export function findLanguage(code: string | null | undefined): Language | undefined {
  if (!code) return undefined;
  const lower = code.toLowerCase().replace(/_/g, '-');
  return LANGUAGES.find((l) => l.code === lower) ?? LANGUAGES.find((l) => l.code === lower.split('-')[0]);
}

/** The language to use for a code, English when the code is unknown. */
export function languageOrSource(code: string | null | undefined): Language {
  return findLanguage(code) ?? (findLanguage(SOURCE_LANGUAGE) as Language);
}

export function isEasyRead(code: string | null | undefined): boolean {
  return findLanguage(code)?.easyRead === true;
}

/** A link's `lng` wins, then the choice remembered on this device, then the browser's own order. */
export function chooseLanguage(
  requested: string | null,
  remembered: string | null,
  browser: readonly string[],
): Language {
  return (
    findLanguage(requested) ??
    findLanguage(remembered) ??
    browser.map((tag) => findLanguage(tag)).find((l) => l !== undefined) ??
    languageOrSource(SOURCE_LANGUAGE)
  );
}
