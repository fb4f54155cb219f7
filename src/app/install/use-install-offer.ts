import { useEffect, useState } from 'preact/hooks';
import {
  canPromptInstall,
  dismissedRecently,
  isInstalled,
  isIos,
  onInstallOfferChange,
} from './install-prompt.ts';

export type InstallOfferKind = 'prompt' | 'ios' | 'none';

/** Which offer to make: the browser's install dialog, Safari's instructions, or none at all. */
export function useInstallOffer(): InstallOfferKind {
  const [, setTick] = useState(0);
  useEffect(() => {
    const rerender = () => setTick((n) => n + 1);
    const standalone = window.matchMedia('(display-mode: standalone)');
    standalone.addEventListener('change', rerender);
    const unsubscribe = onInstallOfferChange(rerender);
    return () => {
      standalone.removeEventListener('change', rerender);
      unsubscribe();
    };
  }, []);
  if (isInstalled() || dismissedRecently()) return 'none';
  // Safari on iOS never fires the install event: its own Share menu is the only way.
  if (isIos()) return 'ios';
  return canPromptInstall() ? 'prompt' : 'none';
}
