import { currentEntry } from './history-entries.ts';

/** Long enough for a cheap phone to read the directory and draw a page of results. */
const GIVE_UP_MS = 8000;
const INTERRUPTIONS = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;

let cancelLast: (() => void) | undefined;

/** Still loading: its results are not drawn yet, so the page is not yet as long as it will be. */
function stillLoading(): boolean {
  return document.querySelector('main .loading, main [aria-busy="true"]') !== null;
}

/**
 * Puts a page back as the person left it: scrolled to where they were and, coming back to it, focus on
 * the link they followed. Results arrive after the page is drawn, so this waits until they are there
 * and the page is long enough; it gives up if the person scrolls, taps or types first.
 */
export function restoreWhereLeft(options: { focus: boolean } = { focus: true }): void {
  cancelLast?.();
  const entry = currentEntry();
  const scrollY = entry.scrollY ?? 0;
  const focus = options.focus ? entry.focus : undefined;
  let scrolled = scrollY === 0;
  let focused = focus === undefined;
  if (scrolled && focused) return;

  const findFocus = (): HTMLElement | null => {
    if (focus?.href) return document.querySelector<HTMLElement>(`main a[href="${CSS.escape(focus.href)}"]`);
    return focus?.id ? document.getElementById(focus.id) : null;
  };
  const attempt = () => {
    if (stillLoading()) return;
    if (!scrolled && document.documentElement.scrollHeight - innerHeight >= scrollY - 1) {
      window.scrollTo(0, scrollY);
      scrolled = true;
    }
    const target = focused ? null : findFocus();
    if (target) {
      target.focus({ preventScroll: true });
      focused = true;
      const box = target.getBoundingClientRect();
      if (box.top < 0 || box.bottom > innerHeight) target.scrollIntoView({ block: 'nearest' });
    }
    if (scrolled && focused) stop();
  };

  const resized = new ResizeObserver(attempt);
  const changed = new MutationObserver(attempt);
  const stop = () => {
    resized.disconnect();
    changed.disconnect();
    clearTimeout(timer);
    for (const type of INTERRUPTIONS) removeEventListener(type, stop, true);
    if (cancelLast === stop) cancelLast = undefined;
  };
  const timer = setTimeout(stop, GIVE_UP_MS);
  for (const type of INTERRUPTIONS) addEventListener(type, stop, { capture: true, passive: true });
  resized.observe(document.body);
  changed.observe(document.body, { childList: true, subtree: true, attributes: true });
  cancelLast = stop;
  attempt();
}

/** Coming back (Back, in the page or the browser) or reloading brings the page back as it was left. */
export function keepPlaces(): void {
  // After the router has drawn the page come back to: the step back is announced before it is drawn.
  addEventListener('popstate', () => setTimeout(() => restoreWhereLeft(), 0));
  if (currentEntry().scrollY) setTimeout(() => restoreWhereLeft({ focus: false }), 0);
}
