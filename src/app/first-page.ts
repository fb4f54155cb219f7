/**
 * What the page opened first needs before the app draws anything: its lazily loaded code, its words and
 * (for a service's page) its service.
 * Drawn with them, the page's first paint is the page itself rather than an empty frame, and the work of
 * drawing it happens once, before that paint, instead of in long tasks after it while a person may tap.
 */

/** However slow a request, the frame and a "Loading" line are drawn after this long. */
const LONGEST_WAIT_MS = 3000;

const needs: Array<Promise<unknown>> = [];

/** Holds the first draw until `need` settles; one that fails is left to the page to report when drawn. */
export function drawFirstPageAfter(need: Promise<unknown>): void {
  needs.push(need.catch(() => undefined));
}

/** Settles when everything the first page asked for has, or after the longest wait. */
export function firstPageReady(): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const waited = new Promise<void>((resolve) => (timer = setTimeout(resolve, LONGEST_WAIT_MS)));
  return Promise.race([Promise.all(needs).then(() => undefined), waited]).finally(() => clearTimeout(timer));
}
