import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { ListenButton } from '../inclusion/listen-button.tsx';
import { lastArrival } from '../navigation/history-entries.ts';

let firstPage = true;

/** The page's `h1`: a single question's fieldset is labelled by it rather than by a legend that repeats it. */
export const PAGE_HEADING_ID = 'page-heading';

/**
 * Every page has one `h1`. After a navigation, focus moves to it, so a screen reader announces the new
 * page and keyboard users start from its top; on the first load focus is left where the browser put it.
 * `listen` puts a Listen button under the heading that reads the whole page aloud.
 */
export function Page(props: {
  title: string;
  children: ComponentChildren;
  wide?: boolean;
  listen?: boolean;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const { path } = useLocation();
  useEffect(() => {
    document.title = `${props.title} – Signpost`;
  }, [props.title]);
  useEffect(() => {
    if (firstPage) {
      firstPage = false;
      return;
    }
    // Coming back, the page is put back where it was left, and focus on the link that was followed.
    if (lastArrival() === 'pop') {
      const active = document.activeElement;
      if (!active || active === document.body) heading.current?.focus({ preventScroll: true });
      return;
    }
    heading.current?.focus();
  }, [path]);
  return (
    <div class={props.wide ? 'page page--wide' : 'page'} ref={body}>
      <h1 id={PAGE_HEADING_ID} ref={heading} tabIndex={-1}>
        {props.title}
      </h1>
      {props.listen ? <ListenButton target={body} /> : null}
      {props.children}
    </div>
  );
}
