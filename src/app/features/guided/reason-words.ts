import type { TFunction } from 'i18next';
import type { Reason } from '../../../domain/guided/shortlist.ts';
import { numberFormat } from '../../i18n/intl.ts';

function miles(value: number, locale: string): string {
  return numberFormat(locale, {
    style: 'unit',
    unit: 'mile',
    unitDisplay: 'long',
    maximumFractionDigits: 1,
  }).format(value);
}

/**
 * One reason in the page's language: "for carers", "Chelmsford", "2.5 miles away", "by phone anywhere
 * in Essex", "in Braintree, 12 miles away", "free"…
 */
export function reasonWords(reason: Reason, t: TFunction, locale: string): string {
  switch (reason.code) {
    case 'for-carers':
    case 'free':
    case 'open-now':
      return t(`reasons.${reason.code}`);
    case 'county-wide':
      return t(reason.via ? `reasons.county-wide-via.${reason.via}` : 'reasons.county-wide');
    case 'remote':
      return t(`reasons.remote.${reason.via}`);
    case 'neighbouring':
      return t('reasons.neighbouring', {
        district: t(`districts.${reason.district}`),
        distance: miles(reason.miles, locale),
      });
    case 'district':
      return t(`districts.${reason.district}`);
    case 'near':
      return t('reasons.near', { distance: miles(reason.miles, locale) });
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
