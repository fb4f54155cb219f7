/**
 * The first Intl formatter made in a page loads the browser's locale data, one task of about 50 ms on a
 * mid-range phone that no formatter after it pays again, in any thread of the page. The search worker
 * imports this first, so that load happens off the page's own thread before the results page formats
 * its first count, time or distance.
 */
try {
  new Intl.NumberFormat().format(1);
  new Intl.DateTimeFormat(undefined, { timeZone: 'Europe/London', hour: 'numeric' }).format(0);
  new Intl.ListFormat().format(['a', 'b']);
} catch {
  // A browser without one of these: the page makes its own formatters as before.
}
