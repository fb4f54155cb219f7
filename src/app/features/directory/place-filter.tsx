import type { Filters } from '../../../domain/search/filters.ts';
import { DistrictSelect } from '../../components/district-select.tsx';
import { ErrorMessage } from '../../components/error-message.tsx';
import { Icon } from '../../components/icons.tsx';
import type { Words } from './opening-words.ts';
import { formatNumber } from './use-words.ts';
import { describedBy, FILTER_FIELD, type FilterForm } from './use-filter-form.ts';

const RADII = [1, 3, 5, 10, 20] as const;

/** Where support should be: a district, or within a distance of a postcode or of this device. */
export function PlaceFilter(props: { filters: Filters; words: Words; form: FilterForm }) {
  const { filters, form } = props;
  const { t, locale } = props.words;
  const { errors, message } = form;
  return (
    <fieldset class="filter-group">
      <legend>{t('filters.place')}</legend>
      <div class="field">
        <label for="filter-district">{t('filters.district')}</label>
        <DistrictSelect
          id="filter-district"
          value={filters.district ?? ''}
          none={t('filters.anywhere')}
          nameOf={(district) => t(`districts.${district}`)}
          onChange={form.chooseDistrict}
        />
      </div>
      <div class={errors.postcode ? 'field field--error' : 'field'}>
        <label for={FILTER_FIELD.postcode}>{t('filters.postcode')}</label>
        <p class="hint" id="filter-postcode-hint">
          {t('filters.postcodeHint')}
        </p>
        <ErrorMessage id="filter-postcode-error" prefix={t('errors.prefix')} message={message('postcode')} />
        <input
          type="text"
          id={FILTER_FIELD.postcode}
          class="input--postcode"
          autocomplete="postal-code"
          autoCapitalize="characters"
          spellcheck={false}
          value={form.postcode}
          aria-describedby={describedBy(
            'filter-postcode-hint',
            Boolean(errors.postcode) && 'filter-postcode-error',
          )}
          aria-invalid={errors.postcode ? true : undefined}
          onInput={(event) => form.setPostcode(event.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for="filter-radius">{t('filters.radius')}</label>
        <select
          id="filter-radius"
          value={String(form.radius)}
          onChange={(event) => form.chooseRadius(Number(event.currentTarget.value))}
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
            id={FILTER_FIELD.location}
            class="button button--secondary"
            aria-describedby={errors.location ? 'filter-location-error' : undefined}
            aria-disabled={form.locating ? true : undefined}
            onClick={() => !form.locating && form.locate()}
          >
            <Icon name="pin" />
            <span>{t(form.locating ? 'filters.locating' : 'filters.useLocation')}</span>
          </button>
        </div>
      ) : null}
    </fieldset>
  );
}
