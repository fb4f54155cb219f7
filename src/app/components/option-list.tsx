import type { ComponentChildren } from 'preact';

export interface Option {
  id: string;
  label: string;
  /** A picture beside the words (guided help's pictograms), hidden from screen readers. */
  icon?: ComponentChildren;
}

/**
 * GOV.UK radios or checkboxes with large targets: the whole row is the label, and the (invisible) input
 * under the drawn box is 44 px square. Content under an answer (a district list, a postcode box) shows
 * only while that answer is chosen, as GOV.UK's conditional reveal.
 */
export function OptionList(props: {
  name: string;
  type: 'radio' | 'checkbox';
  options: Option[];
  checked: readonly string[];
  onChange: (id: string, checked: boolean) => void;
  reveal?: Partial<Record<string, ComponentChildren>>;
}) {
  return (
    <div class={`options options--${props.type}`}>
      {props.options.map((option) => {
        const id = `${props.name}-${option.id || 'none'}`;
        const checked = props.checked.includes(option.id);
        const revealed = checked ? props.reveal?.[option.id] : undefined;
        return (
          <div key={option.id}>
            <div class="option">
              <input
                class="option__input"
                id={id}
                name={props.name}
                type={props.type}
                value={option.id}
                checked={checked}
                onChange={(event) => props.onChange(option.id, event.currentTarget.checked)}
              />
              <label class="option__label" for={id}>
                {option.icon}
                <span>{option.label}</span>
              </label>
            </div>
            {revealed && <div class="option__reveal">{revealed}</div>}
          </div>
        );
      })}
    </div>
  );
}
