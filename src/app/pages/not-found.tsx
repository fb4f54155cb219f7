import { Page } from '../components/page.tsx';
import { useTranslation } from '../i18n/use-translation.ts';
import { EasyText } from '../inclusion/easy-text.tsx';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('notFound.title')} listen>
      <EasyText i18nKey="notFound.body" />
      <p>
        <a class="action-link tap-target" href="/">
          {t('notFound.home')}
        </a>
      </p>
    </Page>
  );
}
