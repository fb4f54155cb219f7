import i18next, { type BackendModule, type i18n } from 'i18next';
import {
  chooseLanguage,
  findLanguage,
  LANGUAGES,
  SOURCE_LANGUAGE,
  type Language,
} from '../../domain/languages.ts';
import enCommon from '../../../locales/en/common.json';

const STORAGE_KEY = 'signpost.language';
export const NAMESPACES = ['common'] as const;

// Every locale file becomes its own small chunk: fetched only when needed, precached for offline use.
const loaders = import.meta.glob<{ default: Record<string, unknown> }>('../../../locales/*/*.json');

const lazyBackend: BackendModule = {
  type: 'backend',
  init() {},
  read(language, namespace, callback) {
    const load = loaders[`../../../locales/${language}/${namespace}.json`];
    if (!load) return callback(new Error(`No ${namespace} text for ${language}`), false);
    load().then(
      (module) => callback(null, module.default),
      (error: Error) => callback(error, false),
    );
  },
};

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
    ns: [...NAMESPACES],
    defaultNS: 'common',
    partialBundledLanguages: true,
    resources: { en: { common: enCommon } },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  applyToDocument(language);
  return i18next;
}

export async function changeLanguage(code: string): Promise<void> {
  rememberLanguage(code);
  await i18next.changeLanguage(code);
}
