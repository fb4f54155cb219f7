import { findLanguage } from '../../../domain/languages.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import type { Words } from './opening-words.ts';
import { numberFormat } from '../../i18n/intl.ts';

/** The directory's text and the page's language as an Intl locale ("en-GB", "ar"). */
export function useDirectoryWords(): Words & { ready: boolean; language: string } {
  const { t, ready, language } = useTranslation('directory', 'common');
  return { t, ready, language, locale: findLanguage(language)?.htmlLang ?? 'en-GB' };
}

/** Numbers in the page's language. */
export function formatNumber(n: number, locale: string): string {
  return numberFormat(locale).format(n);
}

/** "2.4 miles" in the page's language. */
export function formatMiles(miles: number, locale: string): string {
  return numberFormat(locale, {
    style: 'unit',
    unit: 'mile',
    unitDisplay: 'long',
    maximumFractionDigits: miles < 10 ? 1 : 0,
  }).format(miles);
}
