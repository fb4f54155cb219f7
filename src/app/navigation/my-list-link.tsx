import { useLocation } from 'preact-iso';
import { SAVED_LIST_CHANNEL, SAVED_LIST_DATABASE } from '../../store/database-names.ts';
import { Icon } from '../components/icons.tsx';
import { useStoredCount } from '../hooks/use-stored-count.ts';
import { currentLanguage } from '../i18n/index.ts';
import { numberFormat } from '../i18n/intl.ts';
import { useTranslation } from '../i18n/use-translation.ts';
import './navigation.css';

const SAVED_STORES = ['saved'] as const;

/**
 * My list, one tap from every page, with how many services it holds: a number beside the icon to see
 * (placed over the link, so its arrival moves nothing), and words after the label to hear ("My list,
 * 3 services saved"). The count is read straight from the device's storage after the first paint, so
 * the first page loads none of the list's own code.
 */
export function MyListLink() {
  const { t } = useTranslation();
  const { path } = useLocation();
  const count = useStoredCount(SAVED_LIST_DATABASE, SAVED_STORES, SAVED_LIST_CHANNEL) ?? 0;
  return (
    <a class="my-list-link" href="/my-list" aria-current={path === '/my-list' ? 'page' : undefined}>
      {/* Icon over a short label, as a phone's tab bar has it: narrow enough to share a row with the name. */}
      <Icon name="saved" />
      <span>{t('nav.myList')}</span>
      {count > 0 ? (
        <>
          <span class="my-list-link__count" aria-hidden="true">
            {numberFormat(currentLanguage().htmlLang).format(count)}
          </span>
          <span class="visually-hidden">{t('nav.myListCount', { count })}</span>
        </>
      ) : null}
    </a>
  );
}
