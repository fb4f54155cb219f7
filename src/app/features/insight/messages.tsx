import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

export interface FieldError {
  /** The id of the field the error is about. */
  field: string;
  text: string;
}

/**
 * GOV.UK error summary: on a failed submit it takes focus, so a screen reader reads the problems at
 * once, and each link moves focus to its field. https://design-system.service.gov.uk/components/error-summary/
 */
export function ErrorSummary(props: { title: string; errors: FieldError[]; attempt: number }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.focus();
  }, [props.attempt]);
  return (
    <div class="insight-error-summary" ref={box} tabIndex={-1}>
      <div role="alert">
        <h2 class="insight-error-summary__title">{props.title}</h2>
        <ul class="insight-error-summary__list">
          {props.errors.map((error) => (
            <li key={error.field}>
              <a href={`#${error.field}`} onClick={(event) => focusField(event, error.field)}>
                {error.text}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

// Focus the field and bring its label into view with it, rather than scroll the label off the top.
function focusField(event: MouseEvent, id: string): void {
  const field = document.getElementById(id);
  if (!field) return;
  event.preventDefault();
  (document.querySelector(`label[for="${id}"]`) ?? field).scrollIntoView();
  field.focus({ preventScroll: true });
}

/**
 * A message after an action that takes focus, as GOV.UK's notification banner does: the control that
 * was used may have gone, and focus must not be lost with it.
 */
export function Notice(props: {
  children: ComponentChildren;
  version: number;
  tone?: 'success' | 'problem';
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.focus();
  }, [props.version]);
  return (
    <div
      class={props.tone === 'problem' ? 'insight-notice insight-notice--problem' : 'insight-notice'}
      ref={box}
      tabIndex={-1}
      role={props.tone === 'problem' ? 'alert' : 'status'}
    >
      {props.children}
    </div>
  );
}
