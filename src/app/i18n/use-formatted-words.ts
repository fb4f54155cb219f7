import type { TFunction } from 'i18next';
import { formatsFor, type Formats } from './formats.ts';
import { useTranslation } from './use-translation.ts';

/** Namespaces' words with the page language's number and date formats, as pages of figures need both. */
export interface Words {
  t: TFunction;
  f: Formats;
}

export function useFormattedWords(...namespaces: string[]): { ready: boolean; words: Words } {
  const { t, ready, language } = useTranslation(...namespaces);
  return { ready, words: { t, f: formatsFor(language) } };
}
