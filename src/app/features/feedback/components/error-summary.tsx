import { useEffect, useRef } from 'preact/hooks';

export interface ErrorItem {
  /** The id of the field (for radios and checkboxes, of the first one) the message is about. */
  field: string;
  message: string;
  /** A page elsewhere where it is put right (the check answers page links to each question). */
  href?: string;
}

/** Moves focus to the field and brings its question into view, as govuk-frontend's error summary does. */
function jumpTo(event: MouseEvent, field: string): void {
  const input = document.getElementById(field);
  if (!input) return;
  event.preventDefault();
  // The question (legend or label) is what tells the person what to fix; scroll it into view too.
  const legend = input.closest('fieldset')?.querySelector('legend');
  const label = document.querySelector(`label[for="${CSS.escape(field)}"]`);
  (legend ?? label ?? input).scrollIntoView();
  input.focus({ preventScroll: true });
}

/**
 * "There is a problem": takes focus when errors appear, so a screen reader reads them out and a
 * keyboard user starts from them; each links to its field (GOV.UK error summary pattern).
 */
export function ErrorSummary(props: { errors: ErrorItem[]; title: string }) {
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (props.errors.length > 0) summary.current?.focus();
  }, [props.errors]);
  if (props.errors.length === 0) return null;
  return (
    <div class="fb-error-summary" ref={summary} tabIndex={-1} aria-labelledby="error-summary-title">
      <div role="alert">
        <h2 class="fb-error-summary__title" id="error-summary-title">
          {props.title}
        </h2>
        <ul class="fb-error-summary__list">
          {props.errors.map((error) => (
            <li key={error.field + error.message}>
              <a
                href={error.href ?? `#${error.field}`}
                onClick={error.href ? undefined : (event) => jumpTo(event, error.field)}
              >
                {error.message}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/** "Error: " before the page title while errors show, so the title announced says so too. */
export function useErrorTitle(title: string, hasErrors: boolean, prefix: string): void {
  useEffect(() => {
    document.title = hasErrors ? `${prefix} ${title} – Signpost` : `${title} – Signpost`;
  }, [title, hasErrors, prefix]);
}
