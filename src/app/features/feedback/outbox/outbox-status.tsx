import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import './outbox-status.css';

/**
 * "3 responses waiting to send" / "All sent", on every page. The part that reads the outbox loads after
 * the page has painted, so the first page stays small; the live region is there from the start so
 * screen readers announce what appears in it.
 */
export function OutboxStatus() {
  const [Live, setLive] = useState<ComponentType | null>(null);
  useEffect(() => {
    const load = () =>
      void import('./outbox-status-live.tsx').then(
        (module) => setLive(() => module.OutboxStatusLive),
        () => undefined,
      );
    if ('requestIdleCallback' in window) requestIdleCallback(load, { timeout: 3000 });
    else setTimeout(load, 500);
  }, []);
  return (
    <div class="outbox-status" role="status" aria-live="polite">
      {Live ? <Live /> : null}
    </div>
  );
}
