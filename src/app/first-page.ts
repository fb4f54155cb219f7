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

/** However long the first page's own loading takes, what waits for it starts after this long. */
const LONGEST_SETTLE_MS = 10_000;
/** A page whose thread has had no long task for this long has finished what it was doing. */
const QUIET_MS = 1000;
/** Idle moments come a frame or an idle period (50 ms) apart: a longer gap means a long task ran. */
const LONGEST_IDLE_GAP_MS = 100;

const settling: Array<Promise<unknown>> = [];

/** Counts `work` as part of the first page's own loading: see firstPageSettled. */
export function settleFirstPageAfter(work: Promise<unknown>): void {
  settling.push(work.catch(() => undefined));
}

/** Settles once the page's thread has run no long task for QUIET_MS together. */
function quiet(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback !== 'function') return void setTimeout(resolve, QUIET_MS);
    let since = performance.now();
    let last = since;
    const check = () => {
      const now = performance.now();
      if (now - last > LONGEST_IDLE_GAP_MS) since = now;
      last = now;
      if (now - since >= QUIET_MS) resolve();
      else requestIdleCallback(check);
    };
    requestIdleCallback(check);
  });
}

let settled: Promise<void> | undefined;

/**
 * Settles once the first page is drawn, what it counted as its own loading has finished (a directory page's
 * directory) and its thread has then been quiet a moment, or after the longest wait: the time for work the
 * page does not show, which would otherwise compete with it on a phone's few cores and a slow connection.
 */
export function firstPageSettled(): Promise<void> {
  settled ??= new Promise<void>((resolve) => {
    setTimeout(resolve, LONGEST_SETTLE_MS);
    void firstPageReady()
      .then(() => Promise.all(settling))
      .then(quiet)
      .then(resolve);
  });
  return settled;
}
