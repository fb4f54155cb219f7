/**
 * For a button that goes away with what it belongs to (a notice's "OK", "Not now"): focus moves on to
 * the page itself, which follows the notices, rather than falling back to the top of the document.
 */
export function focusMain(): void {
  document.getElementById('main')?.focus({ preventScroll: true });
}
