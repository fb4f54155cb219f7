import { useEffect, useId, useRef } from 'preact/hooks';

/** One problem on the page, as the error summary lists it. */
export interface ErrorItem {
  /** The id of the field (for radios and checkboxes, of the first one) the message is about. */
  field: string;
  message: string;
  /** A page elsewhere where it is put right (the check answers page links to each question). */
  href?: string;
}

function isChoice(field: HTMLElement): boolean {
  return field instanceof HTMLInputElement && (field.type === 'radio' || field.type === 'checkbox');
}

// A legend scrolled to the top must leave its field on screen too, so only one in the top half counts.
function fitsUnder(legend: Element, field: HTMLElement): boolean {
  const box = field.getBoundingClientRect();
  return box.height > 0 && box.bottom - legend.getBoundingClientRect().top < window.innerHeight / 2;
}

/**
 * The question a field answers, to bring into view with it: its fieldset's legend for a radio or
 * checkbox (or a field just under the legend), else its own label, as govuk-frontend chooses.
 */
function questionOf(field: HTMLElement): Element {
  const legend = field.closest('fieldset')?.querySelector('legend');
  const label = document.querySelector(`label[for="${CSS.escape(field.id)}"]`);
  if (legend && (isChoice(field) || fitsUnder(legend, field))) return legend;
  return label ?? field;
}

function jumpTo(event: MouseEvent, id: string): void {
  const field = document.getElementById(id);
  if (!field) return;
  event.preventDefault();
  questionOf(field).scrollIntoView();
  // The field itself takes focus, not just the scroll position, so typing goes straight into it.
  field.focus({ preventScroll: true });
}

/**
 * GOV.UK's error summary, "There is a problem": it takes focus when errors appear and on every failed
 * submit, so a screen reader reads them out and a keyboard user starts from them; each links to its
 * field. https://design-system.service.gov.uk/components/error-summary/
 *
 * Pass `attempt` (a count of submits) when the same list can come back; without it, each new `errors`
 * array counts as a new attempt.
 */
export function ErrorSummary(props: { title: string; errors: ErrorItem[]; attempt?: number }) {
  const summary = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const hasErrors = props.errors.length > 0;
  const attempt = props.attempt ?? props.errors;
  useEffect(() => {
    if (hasErrors) summary.current?.focus();
  }, [attempt, hasErrors]);
  if (!hasErrors) return null;
  return (
    <div class="error-summary" ref={summary} tabIndex={-1} aria-labelledby={titleId}>
      <div role="alert">
        <h2 class="error-summary__title" id={titleId}>
          {props.title}
        </h2>
        <ul class="error-summary__list link-list">
          {props.errors.map((error) => (
            <li key={`${error.field} ${error.message}`}>
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

/** "Error: " before the page title while errors show, so the title read out on a failed submit says so. */
export function useErrorTitle(title: string, hasErrors: boolean, prefix: string): void {
  useEffect(() => {
    document.title = hasErrors ? `${prefix} ${title} – Signpost` : `${title} – Signpost`;
  }, [title, hasErrors, prefix]);
}
