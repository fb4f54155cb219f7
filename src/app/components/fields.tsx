import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useLatest } from '../hooks/use-latest.ts';
import { ErrorMessage } from './error-message.tsx';
import { PAGE_HEADING_ID } from './page.tsx';
import './fields.css';

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const present = ids.filter(Boolean);
  return present.length > 0 ? present.join(' ') : undefined;
}

export interface Choice<T extends string> {
  value: T;
  label: string;
  hint?: string;
  /** Shown under the choice while it is chosen (GOV.UK conditional reveal): one level only. */
  conditional?: ComponentChildren;
}

interface ChoiceGroupProps {
  /** The first input's id is `name`, so an error summary links straight to it. */
  name: string;
  legend: string;
  /** The page's `h1` already asks the question: the group is then named by it, with no legend to repeat it. */
  legendHidden?: boolean;
  hint?: string;
  error?: string;
  errorPrefix: string;
  small?: boolean;
}

export function inputId(name: string, index: number): string {
  return index === 0 ? name : `${name}-${index + 1}`;
}

// Not `${id}-hint`: the first input's id is the group's name, whose hint already has that id.
function choiceHintId(inputId: string): string {
  return `${inputId}-choice-hint`;
}

function groupClass(error: string | undefined): string {
  return error ? 'fb-form-group field--error' : 'fb-form-group';
}

/** A group of radios or checkboxes: one question as its legend, with its hint and error. */
function ChoiceFieldset(props: ChoiceGroupProps & { children: ComponentChildren }) {
  const hintId = props.hint ? `${props.name}-hint` : undefined;
  const errorId = props.error ? `${props.name}-error` : undefined;
  return (
    <div class={groupClass(props.error)}>
      <fieldset
        class="fieldset fb-fieldset"
        aria-labelledby={props.legendHidden ? PAGE_HEADING_ID : undefined}
        aria-describedby={describedBy(hintId, errorId)}
      >
        {props.legendHidden ? null : <legend class="fieldset__legend">{props.legend}</legend>}
        {props.hint ? (
          <p class="hint" id={hintId}>
            {props.hint}
          </p>
        ) : null}
        <ErrorMessage id={`${props.name}-error`} message={props.error} prefix={props.errorPrefix} />
        {props.children}
      </fieldset>
    </div>
  );
}

/** A text field's label, hint and error, in GOV.UK's order. */
function LabelHintError(props: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  errorPrefix: string;
}) {
  return (
    <>
      <label class="label" for={props.id}>
        {props.label}
      </label>
      {props.hint ? (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      <ErrorMessage id={`${props.id}-error`} message={props.error} prefix={props.errorPrefix} />
    </>
  );
}

export function Radios<T extends string>(
  props: ChoiceGroupProps & {
    choices: Choice<T>[];
    value: T | undefined;
    onChange: (value: T) => void;
    /** "or" goes before this choice (GOV.UK radios divider), e.g. "Prefer not to say". */
    dividerBefore?: T;
    dividerText?: string;
  },
) {
  return (
    <ChoiceFieldset {...props}>
      <div class={props.small ? 'fb-radios fb-radios--small' : 'fb-radios'}>
        {props.choices.map((choice, index) => {
          const id = inputId(props.name, index);
          const checked = props.value === choice.value;
          return (
            <div key={choice.value}>
              {props.dividerBefore === choice.value ? (
                <p class="fb-radios__divider">{props.dividerText}</p>
              ) : null}
              <div class="fb-radios__item">
                <input
                  class="fb-radios__input"
                  type="radio"
                  id={id}
                  name={props.name}
                  value={choice.value}
                  checked={checked}
                  aria-describedby={choice.hint ? choiceHintId(id) : undefined}
                  onChange={() => props.onChange(choice.value)}
                />
                <label class="fb-radios__label" for={id}>
                  {choice.label}
                </label>
                {choice.hint ? (
                  <p class="hint fb-radios__hint" id={choiceHintId(id)}>
                    {choice.hint}
                  </p>
                ) : null}
              </div>
              {choice.conditional && checked ? (
                <div class="fb-radios__conditional">{choice.conditional}</div>
              ) : null}
            </div>
          );
        })}
      </div>
    </ChoiceFieldset>
  );
}

export function Checkboxes<T extends string>(
  props: ChoiceGroupProps & { choices: Choice<T>[]; values: readonly T[]; onChange: (values: T[]) => void },
) {
  return (
    <ChoiceFieldset {...props}>
      <div class="fb-checkboxes">
        {props.choices.map((choice, index) => {
          const id = inputId(props.name, index);
          const checked = props.values.includes(choice.value);
          return (
            <div class="fb-checkboxes__item" key={choice.value}>
              <input
                class="fb-checkboxes__input"
                type="checkbox"
                id={id}
                name={props.name}
                value={choice.value}
                checked={checked}
                onChange={() =>
                  props.onChange(
                    checked
                      ? props.values.filter((v) => v !== choice.value)
                      : [...props.values, choice.value],
                  )
                }
              />
              <label class="fb-checkboxes__label" for={id}>
                {choice.label}
              </label>
            </div>
          );
        })}
      </div>
    </ChoiceFieldset>
  );
}

/** One checkbox that confirms something, with its own label and error. */
export function Confirmation(props: {
  id: string;
  label: string;
  /** What choosing it does, read with the label. */
  hint?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  error?: string;
  errorPrefix: string;
}) {
  const errorId = props.error ? `${props.id}-error` : undefined;
  const hintId = props.hint ? choiceHintId(props.id) : undefined;
  return (
    <div class={groupClass(props.error)}>
      <ErrorMessage id={`${props.id}-error`} message={props.error} prefix={props.errorPrefix} />
      <div class="fb-checkboxes">
        <div class="fb-checkboxes__item">
          <input
            class="fb-checkboxes__input"
            type="checkbox"
            id={props.id}
            checked={props.checked}
            aria-describedby={describedBy(hintId, errorId)}
            onChange={(event) => props.onChange((event.currentTarget as HTMLInputElement).checked)}
          />
          <label class="fb-checkboxes__label" for={props.id}>
            {props.label}
          </label>
          {props.hint ? (
            <p class="hint fb-radios__hint" id={hintId}>
              {props.hint}
            </p>
          ) : null}
        </div>
      </div>
    </div>
  );
}

export function TextInput(props: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  errorPrefix: string;
  value: string;
  onInput: (value: string) => void;
  type?: 'text' | 'email' | 'tel' | 'password';
  autocomplete?: string;
  spellcheck?: boolean;
  inputMode?: 'email' | 'tel' | 'text';
  /** The text is in a direction of its own (an email address or a phone number in a right-to-left page). */
  dir?: 'ltr' | 'auto';
}) {
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  const errorId = props.error ? `${props.id}-error` : undefined;
  return (
    <div class={groupClass(props.error)}>
      <LabelHintError {...props} />
      <input
        class={props.error ? 'fb-input fb-input--error' : 'fb-input'}
        id={props.id}
        name={props.id}
        type={(props.type ?? 'text') as 'text'}
        value={props.value}
        autocomplete={props.autocomplete}
        spellcheck={props.spellcheck}
        inputMode={props.inputMode}
        dir={props.dir}
        aria-describedby={describedBy(hintId, errorId)}
        aria-invalid={props.error ? 'true' : undefined}
        onInput={(event) => props.onInput((event.currentTarget as HTMLInputElement).value)}
      />
    </div>
  );
}

/**
 * A textarea that says how many characters are left: at once on screen, and after a pause to screen
 * readers, so they are not interrupted at every key (GOV.UK character count).
 */
export function CharacterCount(props: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  errorPrefix: string;
  value: string;
  onInput: (value: string) => void;
  maxLength: number;
  /** The words for what is left, e.g. "You have 4,950 characters remaining". */
  describe: (remaining: number) => string;
}) {
  const remaining = props.maxLength - props.value.length;
  const [announced, setAnnounced] = useState(props.describe(remaining));
  const pause = useRef<ReturnType<typeof setTimeout>>(undefined);
  // The pause restarts when the count changes, not whenever the form draws again.
  const describe = useLatest(props.describe);
  useEffect(() => {
    clearTimeout(pause.current);
    pause.current = setTimeout(() => setAnnounced(describe.current(remaining)), 1000);
    return () => clearTimeout(pause.current);
  }, [remaining, describe]);
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  const errorId = props.error ? `${props.id}-error` : undefined;
  return (
    <div class={groupClass(props.error)}>
      <LabelHintError {...props} />
      <textarea
        class={props.error || remaining < 0 ? 'fb-textarea fb-input--error' : 'fb-textarea'}
        id={props.id}
        name={props.id}
        rows={8}
        value={props.value}
        aria-describedby={describedBy(hintId, errorId, `${props.id}-count`)}
        aria-invalid={props.error ? 'true' : undefined}
        onInput={(event) => props.onInput((event.currentTarget as HTMLTextAreaElement).value)}
      />
      <p
        class={remaining < 0 ? 'fb-character-count fb-character-count--over' : 'fb-character-count'}
        id={`${props.id}-count`}
      >
        {props.describe(remaining)}
      </p>
      <p class="visually-hidden" aria-live="polite">
        {announced}
      </p>
    </div>
  );
}

export function BackLink(props: { href: string; text: string }) {
  return (
    <a class="back-link tap-target" href={props.href}>
      {props.text}
    </a>
  );
}
