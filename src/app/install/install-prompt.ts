/**
 * The browser's offer to install Signpost. Chromium fires `beforeinstallprompt` once, early, on any
 * page: it is kept here from the moment the app starts so the offer can be made later, when it suits.
 * https://web.dev/articles/customize-install
 */

/** Not yet in TypeScript's DOM library: https://wicg.github.io/manifest-incubations/#beforeinstallpromptevent-interface */
export interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

const DISMISSED_KEY = 'signpost.install.dismissedAt';
const DISMISSAL_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

let deferred: BeforeInstallPromptEvent | undefined;
const listeners = new Set<() => void>();

function announce(): void {
  for (const listener of listeners) listener();
}

/** Open from the home screen (or iOS's standalone mode), so there is nothing left to offer. */
export function isInstalled(): boolean {
  const iosStandalone = (navigator as Navigator & { standalone?: boolean }).standalone === true;
  return iosStandalone || window.matchMedia('(display-mode: standalone)').matches;
}

/** iPhone and iPad have no install event; Safari adds to the home screen from its Share menu. */
export function isIos(): boolean {
  const ua = navigator.userAgent;
  // iPadOS says it is a Mac; only its touch screen gives it away.
  return /iPhone|iPad|iPod/.test(ua) || (/Macintosh/.test(ua) && navigator.maxTouchPoints > 1);
}

export function dismissedRecently(now = Date.now()): boolean {
  try {
    const at = Number(localStorage.getItem(DISMISSED_KEY));
    return Number.isFinite(at) && at > 0 && now - at < DISMISSAL_DAYS * DAY_MS;
  } catch {
    return false;
  }
}

/** "Not now" is remembered on this device for 30 days. */
export function rememberDismissal(now = Date.now()): void {
  try {
    localStorage.setItem(DISMISSED_KEY, String(now));
  } catch {
    // Storage refused: the offer simply comes back next time.
  }
  announce();
}

/** Whether the browser has an install offer waiting to be shown. */
export function canPromptInstall(): boolean {
  return deferred !== undefined;
}

/** Shows the browser's own install dialog; the kept event can only be used once. */
export async function promptInstall(): Promise<boolean> {
  const event = deferred;
  if (!event) return false;
  deferred = undefined;
  announce();
  const { outcome } = await event.prompt();
  return outcome === 'accepted';
}

export function onInstallOfferChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// Installed, the app is something the person means to keep: ask the browser not to clear its storage.
// Loaded only then, so the directory store stays out of the first page's JavaScript.
function keepStorage(): void {
  void import('../../store/directory.ts')
    .then(({ requestPersistentStorage }) => requestPersistentStorage())
    .catch(() => undefined);
}

if (typeof window !== 'undefined') {
  window.addEventListener('beforeinstallprompt', (event) => {
    // Stops Chromium's own mini-infobar: the offer is made in the page, and can be declined there.
    event.preventDefault();
    deferred = event as BeforeInstallPromptEvent;
    announce();
  });
  window.addEventListener('appinstalled', () => {
    deferred = undefined;
    announce();
    keepStorage();
  });
  if (isInstalled()) keepStorage();
}
