import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/**
 * A message after an action that takes focus, as GOV.UK's notification banner does: the control that
 * was used may have gone, and focus must not be lost with it.
 */
export function Notice(props: {
  children: ComponentChildren;
  version: number;
  tone?: 'success' | 'problem';
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.focus();
  }, [props.version]);
  return (
    <div
      class={props.tone === 'problem' ? 'panel panel--error' : 'panel panel--success'}
      ref={box}
      tabIndex={-1}
      role={props.tone === 'problem' ? 'alert' : 'status'}
    >
      {props.children}
    </div>
  );
}
