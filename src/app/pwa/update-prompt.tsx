import { useRef, useState } from 'preact/hooks';
import { useRegisterSW } from 'virtual:pwa-register/preact';
import { focusMain } from '../components/focus-main.ts';
import { useTranslation } from '../i18n/use-translation.ts';
import { APP_VERSION, fetchDeployedVersion } from './version.ts';

const HANDOVER_WAIT_MS = 3000;

/**
 * Never reloads by itself: a person may be half-way through a form. It says a new version is ready and
 * lets them choose when (the pattern of squoosh's sw-bridge).
 */
export function UpdatePrompt() {
  const { t } = useTranslation();
  // Declined until the person leaves the app and comes back, whatever else says a version waits.
  const [declined, setDeclined] = useState(false);
  const away = useRef(false);
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    offlineReady: [offlineReady, setOfflineReady],
    updateServiceWorker,
  } = useRegisterSW({
    // The reload is ours (below): the library's skips a page that was not yet controlled when it opened.
    onNeedReload() {},
    onRegisteredSW(_url, registration) {
      if (!registration) return;
      const check = async () => {
        // A version declined with "Not now" is offered again when the person comes back to the app, not
        // when a click on the page itself gives the window focus.
        if (registration.waiting) {
          if (away.current) setDeclined(false);
          away.current = false;
          return setNeedRefresh(true);
        }
        const deployed = await fetchDeployedVersion();
        if (deployed && deployed !== APP_VERSION) await registration.update();
      };
      void check();
      window.addEventListener('blur', () => (away.current = true));
      window.addEventListener('focus', () => void check());
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'hidden') away.current = true;
        else void check();
      });
    },
  });

  const reloadIntoNewVersion = async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    // Another tab may already have switched to the new version: then a reload is all that is left.
    if (!registration?.waiting) return window.location.reload();
    const controlling = new Promise((resolve) =>
      navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
    );
    await updateServiceWorker(true);
    // A person who pressed "Reload now" sees a reload, even if the old version is slow to hand over.
    await Promise.race([controlling, new Promise((resolve) => setTimeout(resolve, HANDOVER_WAIT_MS))]);
    window.location.reload();
  };

  // The live region stays in the page so screen readers announce what appears in it.
  return (
    <div class="update-region" role="status" aria-live="polite">
      {needRefresh && !declined ? (
        <div class="banner banner--update">
          <p>{t('update.ready')}</p>
          <div class="banner__actions">
            <button type="button" class="button" onClick={() => void reloadIntoNewVersion()}>
              {t('update.reload')}
            </button>
            <button
              type="button"
              class="button button--secondary"
              onClick={() => {
                setDeclined(true);
                away.current = false;
                setNeedRefresh(false);
                focusMain();
              }}
            >
              {t('update.notNow')}
            </button>
          </div>
        </div>
      ) : offlineReady ? (
        <div class="banner">
          <p>{t('update.offlineReady')}</p>
          <div class="banner__actions">
            <button
              type="button"
              class="button button--secondary"
              onClick={() => {
                setOfflineReady(false);
                focusMain();
              }}
            >
              {t('update.dismiss')}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
