import type { Filters } from '../../../domain/search/filters.ts';
import { DELIVERY, THEMES, WHO_FOR } from '../../../domain/service-terms.ts';
import { ErrorMessage } from '../../components/error-message.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { Checkboxes, MoreFilters, toggled } from './filter-checkboxes.tsx';
import type { Words } from './opening-words.ts';
import { PlaceFilter } from './place-filter.tsx';
import { describedBy, FILTER_FIELD, useFilterForm } from './use-filter-form.ts';

/** The panel's groups, which a closed panel draws a few at a time (see filters-column.tsx). */
export const FILTER_PANEL_PARTS = 7;

/**
 * The find-support filters. Ticking a box or choosing from a list shows its results at once; a typed
 * postcode or age is checked and used on "Apply filters" (or Enter), with GOV.UK's error pattern.
 */
export function FilterPanel(props: {
  id: string;
  filters: Filters;
  words: Words;
  onChange: (next: Filters) => void;
  /** After "Apply filters" worked: on a phone the panel closes and the results take focus. */
  onApplied: () => void;
  /** How many filters are on, for "Clear all filters". */
  activeCount: number;
  onClear: () => void;
  /** How many of its groups to draw, in order: all unless told. */
  parts?: number;
}) {
  const { filters, words, onChange } = props;
  const { t } = words;
  const form = useFilterForm({ filters, t, onChange, onApplied: props.onApplied });
  const { errors } = form;

  return (
    <form
      class="directory-filters__form"
      noValidate
      onSubmit={form.apply}
      aria-labelledby={`${props.id}-heading`}
    >
      <h2 id={`${props.id}-heading`} class="directory-filters__heading">
        {t('filters.heading')}
      </h2>
      <ErrorSummary title={t('errors.summary')} errors={form.summary} attempt={form.attempt} />

      {[
        <Checkboxes
          key="theme"
          legend={t('filters.theme')}
          name="theme"
          values={THEMES}
          chosen={filters.themes}
          label={(theme) => t(`common:themes.${theme}.title`)}
          onToggle={(theme, on) => onChange({ ...filters, themes: toggled(filters.themes, theme, on) })}
        />,
        <PlaceFilter key="place" filters={filters} words={words} form={form} />,
        <Checkboxes
          key="who-for"
          legend={t('filters.whoFor')}
          name="for"
          values={WHO_FOR}
          chosen={filters.whoFor}
          label={(who) => t(`whoFor.${who}`)}
          onToggle={(who, on) => onChange({ ...filters, whoFor: toggled(filters.whoFor, who, on) })}
        />,
        <div key="age" class={errors.age ? 'field filter-group field--error' : 'field filter-group'}>
          <label for={FILTER_FIELD.age} class="field__label--bold">
            {t('filters.age')}
          </label>
          <p class="hint" id="filter-age-hint">
            {t('filters.ageHint')}
          </p>
          <ErrorMessage id="filter-age-error" prefix={t('errors.prefix')} message={form.message('age')} />
          <input
            type="text"
            id={FILTER_FIELD.age}
            class="input--age"
            inputMode="numeric"
            autocomplete="off"
            spellcheck={false}
            value={form.age}
            aria-describedby={describedBy('filter-age-hint', Boolean(errors.age) && 'filter-age-error')}
            aria-invalid={errors.age ? true : undefined}
            onInput={(event) => form.setAge(event.currentTarget.value)}
          />
        </div>,
        <Checkboxes
          key="delivery"
          legend={t('filters.delivery')}
          name="via"
          values={DELIVERY}
          chosen={filters.delivery}
          label={(way) => t(`delivery.${way}`)}
          onToggle={(way, on) => onChange({ ...filters, delivery: toggled(filters.delivery, way, on) })}
        />,
        <MoreFilters
          key="more"
          legend={t('filters.more')}
          filters={filters}
          label={(filter) => t(`filters.${filter}`)}
          onChange={onChange}
        />,
        <div key="actions" class="directory-filters__actions">
          <button type="submit" class="button">
            {t('filters.apply')}
          </button>
          {props.activeCount > 0 ? (
            <button
              type="button"
              class="button button--secondary"
              onClick={() => {
                form.clearErrors();
                props.onClear();
              }}
            >
              {t('filters.clearAll')}
            </button>
          ) : null}
        </div>,
      ].slice(0, props.parts ?? FILTER_PANEL_PARTS)}
    </form>
  );
}
