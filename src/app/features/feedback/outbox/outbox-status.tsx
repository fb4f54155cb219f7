import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { OUTBOX_CHANNEL, OUTBOX_DATABASE, STAFF_DATABASE } from '../../../../store/database-names.ts';
import { holdsSomething, useStoredCount } from '../../../hooks/use-stored-count.ts';
import './outbox-status.css';

// `queue` is where the first release of the app kept what waited; the outbox takes it over when it opens.
const OUTBOX_STORES = ['items', 'queue'] as const;
// A sign-out that could not reach the server, which the outbox ends before it sends anything.
const STAFF_FLAGS = ['flags'] as const;

/**
 * "3 responses waiting to send" / "All sent", on every page. The outbox itself (which sends as the app
 * opens and when the connection comes back) loads after the first paint, and only once something waits
 * in it or is put in it, so a first visit never loads it. The live region is there from the start so
 * screen readers announce what appears in it.
 */
export function OutboxStatus() {
  const [Live, setLive] = useState<ComponentType | null>(null);
  const queued = useStoredCount(OUTBOX_DATABASE, OUTBOX_STORES, OUTBOX_CHANNEL);
  const signOut = useStoredCount(STAFF_DATABASE, STAFF_FLAGS);
  const needed = holdsSomething(queued) || holdsSomething(signOut);
  useEffect(() => {
    if (!needed || Live) return;
    void import('./outbox-status-live.tsx').then(
      (module) => setLive(() => module.OutboxStatusLive),
      () => undefined,
    );
  }, [needed, Live]);
  return (
    <div class="outbox-status" role="status" aria-live="polite">
      {Live ? <Live /> : null}
    </div>
  );
}
