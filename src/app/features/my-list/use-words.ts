import type { TFunction } from 'i18next';
import { findLanguage } from '../../../domain/languages.ts';
import { useTranslation } from '../../i18n/use-translation.ts';

export interface Words {
  t: TFunction;
  /** BCP 47 tag for Intl, as on `<html lang>`: "en-GB", "ar". */
  locale: string;
}

/**
 * This namespace's text, and the directory's, whose opening-times phrases are shared so a service
 * reads the same on My list as in search results. Both carry the page language's Intl locale.
 */
export function useWords(): { ready: boolean; words: Words; directoryWords: Words } {
  const mine = useTranslation('my-list');
  const directory = useTranslation('directory');
  const locale = findLanguage(mine.language)?.htmlLang ?? 'en-GB';
  return {
    ready: mine.ready && directory.ready,
    words: { t: mine.t, locale },
    directoryWords: { t: directory.t, locale },
  };
}
