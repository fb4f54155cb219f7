import { useRegisterSW } from 'virtual:pwa-register/preact';
import { useTranslation } from '../i18n/use-translation.ts';
import { APP_VERSION, fetchDeployedVersion } from './version.ts';

/**
 * Never reloads by itself: a person may be half-way through a form. It says a new version is ready and
 * lets them choose when (the pattern of squoosh's sw-bridge).
 */
export function UpdatePrompt() {
  const { t } = useTranslation();
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    offlineReady: [offlineReady, setOfflineReady],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisteredSW(_url, registration) {
      if (!registration) return;
      const check = async () => {
        // A version declined with "Not now" is offered again when the person comes back to the app.
        if (registration.waiting) return setNeedRefresh(true);
        const deployed = await fetchDeployedVersion();
        if (deployed && deployed !== APP_VERSION) await registration.update();
      };
      void check();
      window.addEventListener('focus', () => void check());
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') void check();
      });
    },
  });

  // The live region stays in the page so screen readers announce what appears in it.
  return (
    <div class="update-region" role="status" aria-live="polite">
      {needRefresh ? (
        <div class="banner banner--update">
          <p>{t('update.ready')}</p>
          <div class="banner__actions">
            <button type="button" class="button" onClick={() => void updateServiceWorker(true)}>
              {t('update.reload')}
            </button>
            <button type="button" class="button button--secondary" onClick={() => setNeedRefresh(false)}>
              {t('update.notNow')}
            </button>
          </div>
        </div>
      ) : offlineReady ? (
        <div class="banner">
          <p>{t('update.offlineReady')}</p>
          <div class="banner__actions">
            <button type="button" class="button button--secondary" onClick={() => setOfflineReady(false)}>
              {t('update.dismiss')}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
