import { useState } from 'preact/hooks';
import { focusMain } from '../components/focus-main.ts';
import { Icon } from '../components/icons.tsx';
import { useWaitsForNextPage } from '../hooks/use-waits-for-next-page.ts';
import { useTranslation } from '../i18n/use-translation.ts';
import { promptInstall, rememberDismissal } from './install-prompt.ts';
import { useInstallOffer } from './use-install-offer.ts';
import './install.css';

/**
 * A small "Add Signpost to your home screen" banner, shown only where the browser has offered to
 * install the app and the person has not said "Not now" in the last 30 days. Chromium makes its offer a
 * moment after a first visit's page is drawn: the banner then comes with the person's next page.
 */
export function InstallOffer() {
  const offered = useInstallOffer() === 'prompt';
  const waits = useWaitsForNextPage(offered);
  // The text loads only when there is something to offer, so most pages never fetch it.
  return offered && !waits ? <InstallBanner /> : null;
}

function InstallBanner() {
  const { t, ready } = useTranslation('my-list');
  const [asking, setAsking] = useState(false);
  if (!ready) return null;

  const install = async () => {
    setAsking(true);
    try {
      await promptInstall();
    } finally {
      setAsking(false);
      focusMain();
    }
  };

  return (
    <section class="banner install-offer" aria-labelledby="install-offer-title">
      <p id="install-offer-title" class="install-offer__title">
        {t('install.title')}
      </p>
      <p class="install-offer__body">{t('install.body')}</p>
      <div class="banner__actions">
        <button type="button" class="button" disabled={asking} onClick={() => void install()}>
          <Icon name="install" />
          <span>{t('install.add')}</span>
        </button>
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
      </div>
    </section>
  );
}
