import { useEffect, useRef } from 'preact/hooks';

export interface FieldError {
  /** The id of the field (or button) the error is about. */
  field: string;
  message: string;
}

/**
 * GOV.UK's error summary: it takes focus when it appears, so a screen reader reads it at once, and each
 * link moves to its field (https://design-system.service.gov.uk/components/error-summary/).
 */
export function ErrorSummary(props: { title: string; errors: FieldError[]; attempt: number }) {
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (props.errors.length > 0) summary.current?.focus();
  }, [props.attempt]);
  if (props.errors.length === 0) return null;
  return (
    <div class="error-summary" ref={summary} tabIndex={-1} aria-labelledby="error-summary-title">
      <div role="alert">
        <h2 class="error-summary__title" id="error-summary-title">
          {props.title}
        </h2>
        <ul class="error-summary__list">
          {props.errors.map((error) => (
            <li key={error.field}>
              <a
                href={`#${error.field}`}
                onClick={(event) => {
                  // The field itself takes focus, not just the scroll position, as govuk-frontend does.
                  event.preventDefault();
                  const field = document.getElementById(error.field);
                  field?.focus();
                  field?.closest('.field')?.scrollIntoView({ block: 'start' });
                }}
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

/** The message beside a field, named for screen readers by "Error:" in the page's language. */
export function ErrorMessage(props: { id: string; prefix: string; message: string | undefined }) {
  if (!props.message) return null;
  return (
    <p class="error-message" id={props.id}>
      <span class="visually-hidden">{props.prefix}</span> {props.message}
    </p>
  );
}
