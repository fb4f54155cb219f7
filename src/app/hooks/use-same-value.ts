import { useRef } from 'preact/hooks';

/**
 * The value from an earlier render for as long as its content is the same, so an effect that depends on
 * an array or object made afresh on every render runs again only when what it holds has changed.
 */
export function useSameValue<T>(value: T): T {
  const key = JSON.stringify(value);
  const kept = useRef({ key, value });
  if (kept.current.key !== key) kept.current = { key, value };
  return kept.current.value;
}
