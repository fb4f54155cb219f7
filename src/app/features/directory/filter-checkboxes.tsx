import type { Filters } from '../../../domain/search/filters.ts';

/** The list with a value ticked on or off; an empty list is no filter at all. */
export function toggled<T extends string>(
  list: readonly T[] | undefined,
  value: T,
  on: boolean,
): T[] | undefined {
  const rest = (list ?? []).filter((item) => item !== value);
  const next = on ? [...rest, value] : rest;
  return next.length > 0 ? next : undefined;
}

/** A filter of several values, any of which may be ticked, shown as a group of checkboxes. */
export function Checkboxes<T extends string>(props: {
  legend: string;
  name: string;
  values: readonly T[];
  chosen: readonly T[] | undefined;
  label: (value: T) => string;
  onToggle: (value: T, on: boolean) => void;
}) {
  return (
    <fieldset class="filter-group">
      <legend>{props.legend}</legend>
      <div class="checkboxes">
        {props.values.map((value) => {
          const id = `filter-${props.name}-${value}`;
          return (
            <div class="checkbox" key={value}>
              <input
                type="checkbox"
                id={id}
                name={props.name}
                value={value}
                checked={props.chosen?.includes(value) ?? false}
                onChange={(event) => props.onToggle(value, event.currentTarget.checked)}
              />
              <label for={id}>{props.label(value)}</label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

type OnOffFilter = 'free' | 'openNow';

/** The filters that are simply on or off: free only, open now. */
export function MoreFilters(props: {
  legend: string;
  filters: Filters;
  label: (filter: OnOffFilter) => string;
  onChange: (next: Filters) => void;
}) {
  const { filters } = props;
  const box = (filter: OnOffFilter, id: string) => (
    <div class="checkbox">
      <input
        type="checkbox"
        id={id}
        checked={filters[filter] ?? false}
        onChange={(event) => {
          const next = { ...filters };
          if (event.currentTarget.checked) next[filter] = true;
          else delete next[filter];
          props.onChange(next);
        }}
      />
      <label for={id}>{props.label(filter)}</label>
    </div>
  );
  return (
    <fieldset class="filter-group">
      <legend>{props.legend}</legend>
      <div class="checkboxes">
        {box('free', 'filter-free')}
        {box('openNow', 'filter-open')}
      </div>
    </fieldset>
  );
}
