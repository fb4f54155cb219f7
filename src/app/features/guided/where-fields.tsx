import type { TFunction } from 'i18next';
import { DistrictSelect } from '../../components/district-select.tsx';
import { ErrorMessage } from '../../components/error-message.tsx';

/** The ids of the where step's fields, which its error summary links to. */
export const DISTRICT_FIELD = 'where-district-name';
export const POSTCODE_FIELD = 'where-postcode-text';

/** Which district, shown under "In a district of Essex". */
export function DistrictField(props: {
  t: TFunction;
  value: string;
  error: string | undefined;
  onChange: (district: string) => void;
}) {
  const { t, error } = props;
  return (
    <div class={error ? 'guided-field field--error' : 'guided-field'}>
      <label class="label" for={DISTRICT_FIELD}>
        {t('where.districtLabel')}
      </label>
      <ErrorMessage id={`${DISTRICT_FIELD}-error`} prefix={t('journey.errorPrefix')} message={error} />
      <DistrictSelect
        id={DISTRICT_FIELD}
        name="district"
        value={props.value}
        none={t('where.districtPlaceholder')}
        nameOf={(name) => t(`districts.${name}`)}
        describedBy={error ? `${DISTRICT_FIELD}-error` : undefined}
        onChange={props.onChange}
      />
    </div>
  );
}

/** The postcode, shown under "Near a postcode": typed left to right whatever the page's direction. */
export function PostcodeField(props: {
  t: TFunction;
  value: string;
  error: string | undefined;
  onChange: (postcode: string) => void;
}) {
  const { t, error } = props;
  const hintId = `${POSTCODE_FIELD}-hint`;
  return (
    <div class={error ? 'guided-field field--error' : 'guided-field'}>
      <label class="label" for={POSTCODE_FIELD}>
        {t('where.postcodeLabel')}
      </label>
      <p class="hint" id={hintId}>
        {t('where.postcodeHint')}
      </p>
      <ErrorMessage id={`${POSTCODE_FIELD}-error`} prefix={t('journey.errorPrefix')} message={error} />
      <input
        class="guided-postcode"
        id={POSTCODE_FIELD}
        name="postcode"
        type="text"
        autocomplete="postal-code"
        autocapitalize="characters"
        spellcheck={false}
        dir="ltr"
        value={props.value}
        aria-describedby={error ? `${hintId} ${POSTCODE_FIELD}-error` : hintId}
        onInput={(event) => props.onChange(event.currentTarget.value)}
      />
    </div>
  );
}
