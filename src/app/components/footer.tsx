import { useTranslation } from '../i18n/use-translation.ts';

export function Footer() {
  const { t } = useTranslation();
  return (
    <footer class="site-footer">
      <nav aria-label={t('footer.label')}>
        <ul class="site-footer__links">
          <li>
            <a href="/accessibility">{t('footer.accessibility')}</a>
          </li>
          <li>
            <a href="/privacy">{t('footer.privacy')}</a>
          </li>
        </ul>
      </nav>
      <p class="site-footer__note">{t('footer.note')}</p>
    </footer>
  );
}
