import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useLocation } from 'preact-iso';

let firstPage = true;

/**
 * Every page has one `h1`. After a navigation, focus moves to it, so a screen reader announces the new
 * page and keyboard users start from its top; on the first load focus is left where the browser put it.
 */
export function Page(props: { title: string; children: ComponentChildren; wide?: boolean }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const { path } = useLocation();
  useEffect(() => {
    document.title = `${props.title} – Signpost`;
  }, [props.title]);
  useEffect(() => {
    if (firstPage) {
      firstPage = false;
      return;
    }
    heading.current?.focus();
  }, [path]);
  return (
    <div class={props.wide ? 'page page--wide' : 'page'}>
      <h1 ref={heading} tabIndex={-1}>
        {props.title}
      </h1>
      {props.children}
    </div>
  );
}
