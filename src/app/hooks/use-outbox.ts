import { useEffect, useState } from 'preact/hooks';
import { listOutbox, onOutboxChange, type OutboxItem } from '../../store/outbox.ts';

/** Every item in the outbox, kept up to date as this page, another tab or the service worker sends. */
export function useOutbox(): OutboxItem[] | undefined {
  const [items, setItems] = useState<OutboxItem[] | undefined>(undefined);
  useEffect(() => {
    let live = true;
    const load = () =>
      void listOutbox().then(
        (found) => live && setItems(found),
        () => live && setItems([]),
      );
    load();
    const stop = onOutboxChange(load);
    return () => {
      live = false;
      stop();
    };
  }, []);
  return items;
}
