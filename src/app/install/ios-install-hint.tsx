import { focusMain } from '../components/focus-main.ts';
import { useTranslation } from '../i18n/use-translation.ts';
import { rememberDismissal } from './install-prompt.ts';
import { useInstallOffer } from './use-install-offer.ts';
import './install.css';

/** iPhone and iPad have no install button to offer, so Safari's own steps are given in words. */
export function IosInstallHint() {
  const offer = useInstallOffer();
  const { t, ready } = useTranslation('my-list');
  if (offer !== 'ios' || !ready) return null;
  return (
    <aside class="inset inset--info install-hint" aria-labelledby="install-hint-title">
      <h2 id="install-hint-title" class="install-hint__title">
        {t('install.title')}
      </h2>
      <p>{t('install.iosSteps')}</p>
      <button
        type="button"
        class="button button--secondary"
        onClick={() => {
          rememberDismissal();
          focusMain();
        }}
      >
        {t('install.notNow')}
      </button>
    </aside>
  );
}
