import i18next, { type TFunction } from 'i18next';
import { useEffect, useRef, useState } from 'preact/hooks';
import { languageOrSource, SOURCE_LANGUAGE } from '../../domain/languages.ts';
import { useSameValue } from '../hooks/use-same-value.ts';
import { cachedT } from './cached-t.ts';

/** What i18next's `loaded` event says: each language's namespaces that have just loaded. */
type LoadedNamespaces = Record<string, Record<string, boolean | undefined>>;

/** The namespace `t` reads when a component names none. */
const DEFAULT_NAMESPACE = 'common';

/**
 * `lang` for content shown in English because its namespace is not yet translated into the page's
 * language, so a screen reader pronounces it as English (WCAG 3.1.2); undefined when no part falls back.
 */
function fallbackLang(namespaces: string[]): string | undefined {
  const current = languageOrSource(i18next.language);
  if (current.htmlLang.startsWith(SOURCE_LANGUAGE)) return undefined;
  const untranslated = namespaces.some(
    (ns) => Object.keys(i18next.getResourceBundle(current.code, ns) ?? {}).length === 0,
  );
  return untranslated ? languageOrSource(SOURCE_LANGUAGE).htmlLang : undefined;
}

/**
 * Re-renders on a change of language and once the namespaces asked for have loaded.
 * (A few lines here instead of react-i18next and preact/compat, which would cost the first page ~10 KB.)
 */
export function useTranslation(...namespaces: string[]): {
  t: TFunction;
  ready: boolean;
  language: string;
  /** Put on the element that holds this namespace's words: `<div lang={fallbackLang}>`. */
  fallbackLang: string | undefined;
} {
  const [, setTick] = useState(0);
  const ready = namespaces.every((ns) => i18next.hasLoadedNamespace(ns));
  const wanted = useSameValue(namespaces);
  useEffect(() => {
    const rerender = () => setTick((n) => n + 1);
    // Only this component's own words: a page loading another namespace redraws only what shows it.
    const own = wanted.length > 0 ? wanted : [DEFAULT_NAMESPACE];
    const rerenderIfOwn = (loaded: LoadedNamespaces) => {
      if (Object.values(loaded).some((byNamespace) => own.some((ns) => byNamespace[ns]))) rerender();
    };
    i18next.on('languageChanged', rerender);
    i18next.on('loaded', rerenderIfOwn);
    return () => {
      i18next.off('languageChanged', rerender);
      i18next.off('loaded', rerenderIfOwn);
    };
  }, [wanted]);
  const language = i18next.language;
  // Asked again in a new language: `ready` may already have been false in the old one.
  const drawnReady = useRef(ready);
  drawnReady.current = ready;
  useEffect(() => {
    if (ready) return;
    // Drawn again when they are in, even if they loaded between this render and the listener above.
    void i18next.loadNamespaces(wanted).then(() => {
      if (!drawnReady.current) setTick((n) => n + 1);
    });
  }, [ready, wanted, language]);
  const t = cachedT(namespaces);
  return { t, ready, language: i18next.language, fallbackLang: ready ? fallbackLang(namespaces) : undefined };
}
