import type { TFunction } from 'i18next';
import { formatsFor, type Formats } from '../../i18n/formats.ts';
import { useTranslation } from '../../i18n/use-translation.ts';

/** The staff accounts page's words (the staff namespace) with the page language's dates. */
export interface Words {
  t: TFunction;
  f: Formats;
}

export function useAccountWords(): { ready: boolean; words: Words } {
  const { t, ready, language } = useTranslation('staff');
  return { ready, words: { t, f: formatsFor(language) } };
}
