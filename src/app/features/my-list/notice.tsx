import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/**
 * A success message that takes focus when it appears, as GOV.UK's notification banner does after an
 * action: the button that was pressed may have gone, and focus must not be lost with it. The status
 * region is in the page before any message, so screen readers also hear a message that changes while
 * focus is elsewhere.
 */
export function Notice(props: { children?: ComponentChildren; version: number }) {
  const box = useRef<HTMLDivElement>(null);
  const shown = props.children !== undefined && props.children !== null && props.children !== false;
  useEffect(() => {
    if (shown) box.current?.focus();
  }, [props.version, shown]);
  return (
    <div role="status">
      {shown ? (
        <div class="panel panel--success panel--strong notice" ref={box} tabIndex={-1}>
          {props.children}
        </div>
      ) : null}
    </div>
  );
}
