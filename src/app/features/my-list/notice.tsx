import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/**
 * A success message that takes focus when it appears, as GOV.UK's notification banner does after an
 * action: the button that was pressed may have gone, and focus must not be lost with it.
 */
export function Notice(props: { children: ComponentChildren; version: number }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.focus();
  }, [props.version]);
  return (
    <div class="notice" ref={box} tabIndex={-1}>
      {props.children}
    </div>
  );
}
