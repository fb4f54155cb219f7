import type { TFunction } from 'i18next';
import type { Reason } from '../../../domain/guided/shortlist.ts';
import { numberFormat } from '../../i18n/intl.ts';

/** One reason in the page's language: "for carers", "Chelmsford", "2.5 miles away", "free"… */
export function reasonWords(reason: Reason, t: TFunction, locale: string): string {
  switch (reason.code) {
    case 'for-carers':
    case 'county-wide':
    case 'free':
    case 'open-now':
      return t(`reasons.${reason.code}`);
    case 'district':
      return t(`districts.${reason.district}`);
    case 'near': {
      const distance = numberFormat(locale, {
        style: 'unit',
        unit: 'mile',
        unitDisplay: 'long',
        maximumFractionDigits: 1,
      }).format(reason.miles);
      return t('reasons.near', { distance });
    }
    case 'delivery':
      return t(`reasons.delivery.${reason.delivery}`);
    case 'kind':
      return t(`reasons.kind.${reason.kind}`);
  }
}

/** Why a service is on the shortlist, in one line: "For carers · Chelmsford · free · open now". */
export function reasonLine(reasons: readonly Reason[], t: TFunction, locale: string): string {
  const line = reasons.map((reason) => reasonWords(reason, t, locale)).join(' · ');
  return line.charAt(0).toLocaleUpperCase(locale) + line.slice(1);
}
