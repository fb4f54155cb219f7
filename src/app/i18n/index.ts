import i18next, { type i18n } from 'i18next';
import {
  chooseLanguage,
  findLanguage,
  LANGUAGES,
  languageOrSource,
  SOURCE_LANGUAGE,
  type Language,
} from '../../domain/languages.ts';
import enCommon from '../../../locales/en/common.json';
import { localeBackend } from './locale-backend.ts';
import { dateTimeFormat } from './intl.ts';

const STORAGE_KEY = 'signpost.language';
export const NAMESPACES = ['common'] as const;

// Every locale file becomes its own small chunk: fetched only when needed, precached for offline use.
const loaders = import.meta.glob<{ default: Record<string, unknown> }>('../../../locales/*/*.json');
const lazyBackend = localeBackend(loaders, (language, ns) => `../../../locales/${language}/${ns}.json`);

function readRemembered(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function rememberLanguage(code: string): void {
  try {
    localStorage.setItem(STORAGE_KEY, code);
  } catch {
    // Private browsing may refuse storage; the choice still holds for this visit.
  }
}

function applyToDocument(language: Language): void {
  document.documentElement.lang = language.htmlLang;
  document.documentElement.dir = language.dir;
  document.documentElement.classList.toggle('easy-read', language.easyRead === true);
}

/** The language the page is in now, with its `<html lang>` tag for Intl and speech. */
export function currentLanguage(): Language {
  return languageOrSource(i18next.language);
}

/** `{{date, longDate}}` in a string: an ISO date in the page's language ("24 listopada 2026"). */
function formatLongDate(value: unknown, code: string | undefined): string {
  const date = new Date(`${String(value)}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return String(value);
  const locale = languageOrSource(code).htmlLang;
  return dateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Europe/London' }).format(date);
}

export async function setupI18n(): Promise<i18n> {
  const url = new URL(location.href);
  const language = chooseLanguage(
    url.searchParams.get('lng'),
    readRemembered(),
    navigator.languages ?? [navigator.language],
  );
  if (url.searchParams.has('lng')) {
    rememberLanguage(language.code);
    url.searchParams.delete('lng');
    history.replaceState(history.state, '', url.pathname + url.search + url.hash);
  }
  i18next.on('languageChanged', (code) => {
    const chosen = findLanguage(code);
    if (chosen) applyToDocument(chosen);
  });
  await i18next.use(lazyBackend).init({
    lng: language.code,
    fallbackLng: SOURCE_LANGUAGE,
    supportedLngs: LANGUAGES.map((l) => l.code),
    // Keeps `en-easy` as written: Intl would otherwise read `easy` as a script and make it `en-Easy`.
    lowerCaseLng: true,
    ns: [...NAMESPACES],
    defaultNS: 'common',
    partialBundledLanguages: true,
    resources: { en: { common: enCommon } },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  i18next.services.formatter?.add('longDate', formatLongDate);
  applyToDocument(language);
  return i18next;
}

export async function changeLanguage(code: string): Promise<void> {
  rememberLanguage(code);
  await i18next.changeLanguage(code);
}
