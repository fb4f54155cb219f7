import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_RADIUS_MILES, type Filters } from '../../../domain/search/filters.ts';
import { DELIVERY, DISTRICTS, THEMES, WHO_FOR, type District } from '../../../domain/service.ts';
import { ErrorSummary, type ErrorItem } from '../../components/error-summary.tsx';
import { Icon } from '../../components/icons.tsx';
import { ErrorMessage } from '../../components/error-message.tsx';
import { ageText, checkAge, checkPostcode } from './filter-state.ts';
import type { Words } from './opening-words.ts';
import { formatNumber } from './use-words.ts';

const RADII = [1, 3, 5, 10, 20] as const;

const FIELD = { postcode: 'filter-postcode', age: 'filter-age', location: 'filter-location' } as const;
type Field = keyof typeof FIELD;

function toggled<T extends string>(list: readonly T[] | undefined, value: T, on: boolean): T[] | undefined {
  const rest = (list ?? []).filter((item) => item !== value);
  const next = on ? [...rest, value] : rest;
  return next.length > 0 ? next : undefined;
}

function withoutPlace(filters: Filters): Filters {
  const next = { ...filters };
  delete next.district;
  delete next.postcode;
  delete next.near;
  delete next.radius;
  return next;
}

function Checkboxes<T extends string>(props: {
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
}) {
  const { filters, words, onChange } = props;
  const { t, locale } = words;
  const [postcode, setPostcode] = useState(filters.postcode ?? '');
  const [age, setAge] = useState(ageText(filters.age));
  const [radius, setRadius] = useState(filters.radius ?? DEFAULT_RADIUS_MILES);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [attempt, setAttempt] = useState(0);
  const [locating, setLocating] = useState(false);

  // A filter removed elsewhere (a "remove filter" button, a shared link) empties its box here too.
  useEffect(() => setPostcode(filters.postcode ?? ''), [filters.postcode]);
  const ageShown = ageText(filters.age);
  useEffect(() => setAge(ageShown), [ageShown]);

  const fail = (found: Partial<Record<Field, string>>) => {
    setErrors(found);
    setAttempt((n) => n + 1);
  };

  const apply = (event: Event) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    let next: Filters = { ...filters };
    const typedPostcode = postcode.trim();
    if (typedPostcode) {
      const checked = checkPostcode(typedPostcode);
      if ('error' in checked) found.postcode = `errors.postcode-${checked.error}`;
      else next = { ...withoutPlace(next), postcode: checked.postcode, radius };
    } else if (filters.postcode) {
      next = withoutPlace(next);
    }
    const typedAge = age.trim();
    if (typedAge) {
      const checked = checkAge(typedAge);
      if ('error' in checked) found.age = `errors.age-${checked.error}`;
      else next.age = checked.age;
    } else {
      delete next.age;
    }
    if (Object.keys(found).length > 0) return fail(found);
    setErrors({});
    onChange(next);
    props.onApplied();
  };

  const locate = () => {
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        setErrors({});
        setPostcode('');
        onChange({
          ...withoutPlace(filters),
          near: { lat: position.coords.latitude, lng: position.coords.longitude },
          radius,
        });
      },
      (error) => {
        setLocating(false);
        fail({
          location:
            error.code === error.PERMISSION_DENIED ? 'errors.location-denied' : 'errors.location-unavailable',
        });
      },
      { enableHighAccuracy: false, timeout: 20_000, maximumAge: 10 * 60_000 },
    );
  };

  const summary: ErrorItem[] = (Object.keys(FIELD) as Field[])
    .filter((field) => errors[field])
    .map((field) => ({ field: FIELD[field], message: t(errors[field] as string) }));
  const message = (field: Field) => (errors[field] ? t(errors[field] as string) : undefined);
  const described = (...ids: Array<string | false>) => ids.filter(Boolean).join(' ') || undefined;
  const hasOrigin = Boolean(filters.postcode || filters.near);

  return (
    <form class="directory-filters__form" noValidate onSubmit={apply} aria-labelledby={`${props.id}-heading`}>
      <h2 id={`${props.id}-heading`} class="directory-filters__heading">
        {t('filters.heading')}
      </h2>
      <ErrorSummary title={t('errors.summary')} errors={summary} attempt={attempt} />

      <Checkboxes
        legend={t('filters.theme')}
        name="theme"
        values={THEMES}
        chosen={filters.themes}
        label={(theme) => t(`common:themes.${theme}.title`)}
        onToggle={(theme, on) => onChange({ ...filters, themes: toggled(filters.themes, theme, on) })}
      />

      <fieldset class="filter-group">
        <legend>{t('filters.place')}</legend>
        <div class="field">
          <label for="filter-district">{t('filters.district')}</label>
          <select
            id="filter-district"
            value={filters.district ?? ''}
            onChange={(event) => {
              const value = event.currentTarget.value as District | '';
              setPostcode('');
              onChange(value ? { ...withoutPlace(filters), district: value } : withoutPlace(filters));
            }}
          >
            <option value="">{t('filters.anywhere')}</option>
            {DISTRICTS.map((district) => (
              <option key={district} value={district}>
                {t(`districts.${district}`)}
              </option>
            ))}
          </select>
        </div>
        <div class={errors.postcode ? 'field field--error' : 'field'}>
          <label for={FIELD.postcode}>{t('filters.postcode')}</label>
          <p class="hint" id="filter-postcode-hint">
            {t('filters.postcodeHint')}
          </p>
          <ErrorMessage
            id="filter-postcode-error"
            prefix={t('errors.prefix')}
            message={message('postcode')}
          />
          <input
            type="text"
            id={FIELD.postcode}
            class="input--postcode"
            autocomplete="postal-code"
            autoCapitalize="characters"
            spellcheck={false}
            value={postcode}
            aria-describedby={described(
              'filter-postcode-hint',
              Boolean(errors.postcode) && 'filter-postcode-error',
            )}
            aria-invalid={errors.postcode ? true : undefined}
            onInput={(event) => setPostcode(event.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="filter-radius">{t('filters.radius')}</label>
          <select
            id="filter-radius"
            value={String(radius)}
            onChange={(event) => {
              const miles = Number(event.currentTarget.value);
              setRadius(miles);
              if (hasOrigin) onChange({ ...filters, radius: miles });
            }}
          >
            {RADII.map((miles) => (
              <option key={miles} value={String(miles)}>
                {t('filters.radiusOption', { count: miles, n: formatNumber(miles, locale) })}
              </option>
            ))}
          </select>
        </div>
        {typeof navigator !== 'undefined' && 'geolocation' in navigator ? (
          <div class={errors.location ? 'field field--error' : 'field'}>
            <ErrorMessage
              id="filter-location-error"
              prefix={t('errors.prefix')}
              message={message('location')}
            />
            <button
              type="button"
              id={FIELD.location}
              class="button button--secondary"
              aria-describedby={errors.location ? 'filter-location-error' : undefined}
              aria-disabled={locating ? true : undefined}
              onClick={() => !locating && locate()}
            >
              <Icon name="pin" />
              <span>{t(locating ? 'filters.locating' : 'filters.useLocation')}</span>
            </button>
          </div>
        ) : null}
      </fieldset>

      <Checkboxes
        legend={t('filters.whoFor')}
        name="for"
        values={WHO_FOR}
        chosen={filters.whoFor}
        label={(who) => t(`whoFor.${who}`)}
        onToggle={(who, on) => onChange({ ...filters, whoFor: toggled(filters.whoFor, who, on) })}
      />

      <div class={errors.age ? 'field filter-group field--error' : 'field filter-group'}>
        <label for={FIELD.age} class="field__label--bold">
          {t('filters.age')}
        </label>
        <p class="hint" id="filter-age-hint">
          {t('filters.ageHint')}
        </p>
        <ErrorMessage id="filter-age-error" prefix={t('errors.prefix')} message={message('age')} />
        <input
          type="text"
          id={FIELD.age}
          class="input--age"
          inputMode="numeric"
          autocomplete="off"
          spellcheck={false}
          value={age}
          aria-describedby={described('filter-age-hint', Boolean(errors.age) && 'filter-age-error')}
          aria-invalid={errors.age ? true : undefined}
          onInput={(event) => setAge(event.currentTarget.value)}
        />
      </div>

      <Checkboxes
        legend={t('filters.delivery')}
        name="via"
        values={DELIVERY}
        chosen={filters.delivery}
        label={(way) => t(`delivery.${way}`)}
        onToggle={(way, on) => onChange({ ...filters, delivery: toggled(filters.delivery, way, on) })}
      />

      <fieldset class="filter-group">
        <legend>{t('filters.more')}</legend>
        <div class="checkboxes">
          <div class="checkbox">
            <input
              type="checkbox"
              id="filter-free"
              checked={filters.free ?? false}
              onChange={(event) => {
                const next = { ...filters };
                if (event.currentTarget.checked) next.free = true;
                else delete next.free;
                onChange(next);
              }}
            />
            <label for="filter-free">{t('filters.free')}</label>
          </div>
          <div class="checkbox">
            <input
              type="checkbox"
              id="filter-open"
              checked={filters.openNow ?? false}
              onChange={(event) => {
                const next = { ...filters };
                if (event.currentTarget.checked) next.openNow = true;
                else delete next.openNow;
                onChange(next);
              }}
            />
            <label for="filter-open">{t('filters.openNow')}</label>
          </div>
        </div>
      </fieldset>

      <div class="directory-filters__actions">
        <button type="submit" class="button">
          {t('filters.apply')}
        </button>
        {props.activeCount > 0 ? (
          <button
            type="button"
            class="button button--secondary"
            onClick={() => {
              setErrors({});
              props.onClear();
            }}
          >
            {t('filters.clearAll')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
