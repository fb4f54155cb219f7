/** The languages Signpost speaks. `en` is the source; each other file mirrors its keys. */
export interface Language {
  code: string;
  /** The language's name in itself, so a person can find their own. */
  nativeName: string;
  dir: 'ltr' | 'rtl';
  /** The BCP 47 tag for `<html lang>` and the Intl formatters. */
  htmlLang: string;
}

export const LANGUAGES: readonly Language[] = [
  { code: 'en', nativeName: 'English', dir: 'ltr', htmlLang: 'en-GB' },
  { code: 'ar', nativeName: 'العربية', dir: 'rtl', htmlLang: 'ar' },
];

export const SOURCE_LANGUAGE = 'en';

export function findLanguage(code: string | null | undefined): Language | undefined {
  if (!code) return undefined;
  const lower = code.toLowerCase();
  return LANGUAGES.find((l) => l.code === lower) ?? LANGUAGES.find((l) => l.code === lower.split('-')[0]);
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
    (findLanguage(SOURCE_LANGUAGE) as Language)
  );
}
