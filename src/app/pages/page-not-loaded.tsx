import { Page } from '../components/page.tsx';
import { useTranslation } from '../i18n/use-translation.ts';
import { EasyText } from '../inclusion/easy-text.tsx';

/** In place of a page whose code could not be fetched. Loading it again fetches every file afresh. */
export function PageNotLoaded() {
  const { t } = useTranslation();
  return (
    <Page title={t('pageNotLoaded.title')}>
      <EasyText i18nKey="pageNotLoaded.body" />
      <p>
        <button type="button" class="button tap-target" onClick={() => window.location.reload()}>
          {t('pageNotLoaded.retry')}
        </button>
      </p>
    </Page>
  );
}
