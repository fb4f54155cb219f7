import { useEffect, useRef } from 'preact/hooks';
import { registerSW, type RegisterSWOptions } from 'virtual:pwa-register';
import { firstPageSettled } from '../first-page.ts';
import { useLatest } from '../hooks/use-latest.ts';

type UpdateServiceWorker = (reloadPage?: boolean) => Promise<void>;

/**
 * Registers the service worker once the page opened first has finished its own loading. Its first install
 * downloads the whole app, which on a slow connection and a phone's few cores would otherwise compete with
 * the page a person is waiting for. Returns what tells a waiting worker to take over.
 */
export function useRegisterSWWhenSettled(options: RegisterSWOptions): UpdateServiceWorker {
  const update = useRef<UpdateServiceWorker>(() => Promise.resolve());
  const latest = useLatest(options);
  useEffect(() => {
    let live = true;
    void firstPageSettled().then(() => {
      if (!live) return;
      update.current = registerSW({
        immediate: true,
        onNeedReload: () => latest.current.onNeedReload?.(),
        onNeedRefresh: () => latest.current.onNeedRefresh?.(),
        onOfflineReady: () => latest.current.onOfflineReady?.(),
        onRegisteredSW: (url, registration) => latest.current.onRegisteredSW?.(url, registration),
        onRegisterError: (error: unknown) => latest.current.onRegisterError?.(error),
      });
    });
    return () => {
      live = false;
    };
  }, [latest]);
  return (reloadPage) => update.current(reloadPage);
}
