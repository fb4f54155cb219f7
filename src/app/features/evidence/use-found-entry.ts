import { useEffect, useState } from 'preact/hooks';
import type { FoundSource } from '../../../domain/evidence/found.ts';
import { foundEntry, onFoundChange, type FoundEntry } from './found-state.ts';

/** The answer given here so far in this tab, re-rendering when it changes. */
export function useFoundEntry(source: FoundSource): FoundEntry | undefined {
  const [entry, setEntry] = useState(() => foundEntry(source));
  useEffect(() => onFoundChange(() => setEntry(foundEntry(source))), [source]);
  return entry;
}
