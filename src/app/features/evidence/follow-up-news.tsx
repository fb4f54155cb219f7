import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';

/** The pages where someone looks for support: the question waits for them there, never mid-task elsewhere. */
function isFindingPage(path: string): boolean {
  return path === '/' || path === '/search' || path === '/my-list' || path.startsWith('/services/');
}

/**
 * "Did it help?" news, when a service saved or called at least 14 days ago is due a question. The part
 * that reads the device's memory loads after the page has painted, so the first page stays small.
 */
export function FollowUpNews() {
  const { path } = useLocation();
  const [Live, setLive] = useState<ComponentType | null>(null);
  const wanted = isFindingPage(path);
  useEffect(() => {
    if (!wanted || Live) return;
    const load = () =>
      void import('./follow-up-news-live.tsx').then(
        (module) => setLive(() => module.FollowUpNewsLive),
        () => undefined,
      );
    if ('requestIdleCallback' in window) requestIdleCallback(load, { timeout: 3000 });
    else setTimeout(load, 500);
  }, [wanted, Live]);
  return wanted && Live ? <Live /> : null;
}
