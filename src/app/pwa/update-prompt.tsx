import { useRef, useState } from 'preact/hooks';
import { focusMain } from '../components/focus-main.ts';
import { useTranslation } from '../i18n/use-translation.ts';
import { useRegisterSWWhenSettled } from './register-when-settled.ts';
import { APP_VERSION, fetchDeployedVersion } from './version.ts';

const HANDOVER_WAIT_MS = 3000;

/**
 * A page with no service worker yet is the first visit: the worker's first install ends with the notice
 * that Signpost works offline, so the notice takes its place from the first paint and nothing on the page
 * moves when the install finishes.
 */
function firstInstallUnderway(): boolean {
  return 'serviceWorker' in navigator && !navigator.serviceWorker.controller;
}

/**
 * Never reloads by itself: a person may be half-way through a form. It says a new version is ready and
 * lets them choose when (the pattern of squoosh's sw-bridge).
 */
export function UpdatePrompt() {
  const { t } = useTranslation();
  // Declined until the person leaves the app and comes back, whatever else says a version waits.
  const [declined, setDeclined] = useState(false);
  const [saving, setSaving] = useState(firstInstallUnderway);
  const [offlineNoticeDismissed, setOfflineNoticeDismissed] = useState(false);
  const away = useRef(false);
  const [needRefresh, setNeedRefresh] = useState(false);
  const [offlineReady, setOfflineReady] = useState(false);
  const updateServiceWorker = useRegisterSWWhenSettled({
    // The reload is ours (below): the library's skips a page that was not yet controlled when it opened.
    onNeedReload() {},
    onNeedRefresh: () => setNeedRefresh(true),
    onOfflineReady: () => setOfflineReady(true),
    onRegisterError() {
      setSaving(false);
    },
    onRegisteredSW(_url, registration) {
      const installing = registration?.installing;
      // Installed on an earlier visit (a reload that bypassed it) or failing to install: nothing to wait for.
      if (!installing) setSaving(false);
      installing?.addEventListener('statechange', () => {
        if (installing.state === 'redundant') setSaving(false);
      });
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
      // A worker installing now is the deployed version or newer (always so on a first visit): the next
      // check is when the person comes back to the app.
      if (!installing) void check();
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
      ) : (offlineReady || saving) && !offlineNoticeDismissed ? (
        <div class="banner">
          <p class="banner__message">
            <span>{offlineReady ? t('update.offlineReady') : t('update.offlineSaving')}</span>
            {/* The other wording keeps its room, so the notice is the same size before and after. */}
            <span class="banner__room" aria-hidden="true">
              {offlineReady ? t('update.offlineSaving') : t('update.offlineReady')}
            </span>
          </p>
          <div class="banner__actions">
            <button
              type="button"
              class="button button--secondary"
              onClick={() => {
                setOfflineReady(false);
                setSaving(false);
                setOfflineNoticeDismissed(true);
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
