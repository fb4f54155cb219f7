import { useEffect, useState } from 'preact/hooks';
import { listSaved, onSavedListChange, type SavedService } from '../../../store/saved-list.ts';

/** One copy of the saved list for the whole page, so a page of results with many save buttons reads it once. */
let current: SavedService[] | undefined;
let generation = 0;
let watching = false;
const rerenders = new Set<() => void>();

function refresh(): void {
  const asked = ++generation;
  listSaved().then(
    (list) => {
      if (asked !== generation) return;
      current = list;
      for (const rerender of rerenders) rerender();
    },
    () => {
      // Storage refused (some private modes): behave as an empty list rather than never loading.
      if (asked !== generation) return;
      current ??= [];
      for (const rerender of rerenders) rerender();
    },
  );
}

/** The saved list, first saved first; `undefined` until it has been read from the device. */
export function useSavedList(): SavedService[] | undefined {
  const [, setTick] = useState(0);
  const rendered = current;
  useEffect(() => {
    const rerender = () => setTick((n) => n + 1);
    rerenders.add(rerender);
    if (!watching) {
      watching = true;
      onSavedListChange(refresh);
      refresh();
    }
    // The list may have arrived between this render and now, before this component was listening.
    if (current !== rendered) rerender();
    return () => {
      rerenders.delete(rerender);
    };
    // Only on mount: `rendered` is what the first render showed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return current;
}
