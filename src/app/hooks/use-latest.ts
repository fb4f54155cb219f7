import type { RefObject } from 'preact';
import { useRef } from 'preact/hooks';

/**
 * A ref that always holds this render's value: an effect that should run again only when something else
 * changes can still call the newest callback, rather than one from the render that started it.
 */
export function useLatest<T>(value: T): RefObject<T> {
  const latest = useRef(value);
  latest.current = value;
  return latest;
}
