import { Page } from '../components/page.tsx';
import { useTranslation } from '../i18n/use-translation.ts';

/** Stands in for a part of the service that is not open yet, and says where to go instead. */
export function ComingSoonPage(props: { titleKey: string }) {
  const { t } = useTranslation();
  return (
    <Page title={t(props.titleKey)}>
      <p>{t('comingSoon.body')}</p>
      <p>
        <a class="tap-target" href="/">
          {t('notFound.home')}
        </a>
      </p>
    </Page>
  );
}
