import i18next, { type TFunction } from 'i18next';
import { useEffect, useState } from 'preact/hooks';

/**
 * Re-renders on a change of language and once the namespaces asked for have loaded.
 * (A few lines here instead of react-i18next and preact/compat, which would cost the first page ~10 KB.)
 */
export function useTranslation(...namespaces: string[]): { t: TFunction; ready: boolean; language: string } {
  const [, setTick] = useState(0);
  const ready = namespaces.every((ns) => i18next.hasLoadedNamespace(ns));
  useEffect(() => {
    const rerender = () => setTick((n) => n + 1);
    i18next.on('languageChanged', rerender);
    i18next.on('loaded', rerender);
    return () => {
      i18next.off('languageChanged', rerender);
      i18next.off('loaded', rerender);
    };
  }, []);
  useEffect(() => {
    if (!ready) void i18next.loadNamespaces(namespaces);
  }, [ready, i18next.language]);
  const t = (namespaces.length > 0 ? i18next.getFixedT(null, namespaces) : i18next.t) as TFunction;
  return { t, ready, language: i18next.language };
}
