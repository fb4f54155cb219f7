import { THEMES } from '../../domain/themes.ts';
import { Icon } from '../components/icons.tsx';
import { Page } from '../components/page.tsx';
import { useTranslation } from '../i18n/use-translation.ts';
import { EasyText } from '../inclusion/easy-text.tsx';

export function HomePage() {
  const { t } = useTranslation();
  return (
    <Page title={t('home.title')} listen>
      <EasyText i18nKey="home.intro" class="lead" />
      <form class="search-box" role="search" action="/search" method="get">
        <label for="home-search">{t('home.searchLabel')}</label>
        <div class="search-box__row">
          <input id="home-search" name="q" type="search" autocomplete="off" enterkeyhint="search" />
          <button type="submit" class="button">
            <Icon name="search" />
            <span>{t('home.searchButton')}</span>
          </button>
        </div>
      </form>
      <p class="guided-entry">
        <a class="theme-card theme-card--guided" href="/help-me-find">
          <Icon name="help" size={40} class="theme-card__icon" />
          <span class="theme-card__text">
            <span class="theme-card__title">{t('home.guided.title')}</span>
            <span class="theme-card__hint">{t('home.guided.hint')}</span>
          </span>
        </a>
      </p>
      <h2>{t('home.themesHeading')}</h2>
      <ul class="theme-grid">
        {THEMES.map((theme) => (
          <li key={theme}>
            <a class={`theme-card theme-card--${theme}`} href={`/search?theme=${theme}`}>
              <Icon name={theme} size={40} class="theme-card__icon" />
              <span class="theme-card__text">
                <span class="theme-card__title">{t(`themes.${theme}.title`)}</span>
                <span class="theme-card__hint">{t(`themes.${theme}.hint`)}</span>
              </span>
            </a>
          </li>
        ))}
      </ul>
      <h2>{t('home.moreHeading')}</h2>
      <ul class="action-list">
        <li>
          <a class="action-link tap-target" href="/my-list">
            <Icon name="list" />
            <span>{t('nav.myList')}</span>
          </a>
        </li>
        <li>
          <a class="action-link tap-target" href="/feedback">
            <Icon name="feedback" />
            <span>{t('nav.feedback')}</span>
          </a>
        </li>
      </ul>
    </Page>
  );
}
