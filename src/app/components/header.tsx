import { useTranslation } from '../i18n/use-translation.ts';
import { applyRememberedDisplay } from '../inclusion/display.ts';
import { MyListLink } from '../navigation/my-list-link.tsx';
import { LanguageSwitch } from './language-switch.tsx';

// Before the first render, so a person who chose larger text never sees the page jump.
applyRememberedDisplay();

export function Header() {
  const { t } = useTranslation();
  return (
    <header class="site-header">
      <a class="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <div class="site-header__inner">
        <a class="site-header__name tap-target" href="/">
          <img src="/favicon.svg" alt="" width="32" height="32" />
          <span>
            <span class="site-header__service">{t('service.name')}</span>
            <span class="site-header__council">{t('service.council')}</span>
          </span>
        </a>
        <MyListLink />
        <LanguageSwitch />
      </div>
    </header>
  );
}
