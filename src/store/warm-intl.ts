/**
 * The first Intl formatter made in a page loads the browser's locale data, one task of about 50 ms on a
 * mid-range phone that no formatter after it pays again, in any thread of the page; the first
 * Intl.DisplayNames loads the names of languages, as long again. The page's workers import this first
 * (the search worker; the directory download, which starts as a service's page opens), so those loads
 * happen off the page's own thread before it formats its first count, time, distance or language.
 */
try {
  new Intl.NumberFormat().format(1);
  new Intl.DateTimeFormat(undefined, { timeZone: 'Europe/London', hour: 'numeric' }).format(0);
  new Intl.ListFormat().format(['a', 'b']);
  new Intl.DisplayNames(undefined, { type: 'language' }).of('pl');
} catch {
  // A browser without one of these: the page makes its own formatters as before.
}
