import { useEffect, useState } from 'preact/hooks';
import type { TFunction } from 'i18next';
import { DEFAULT_RADIUS_MILES, type Filters } from '../../../domain/search/filters.ts';
import type { District } from '../../../domain/service-terms.ts';
import type { ErrorItem } from '../../components/error-summary.tsx';
import { ageText, checkAge, checkPostcode } from './filter-state.ts';

/** The filter fields that can be wrong, by the id the error summary links to. */
export const FILTER_FIELD = {
  postcode: 'filter-postcode',
  age: 'filter-age',
  location: 'filter-location',
} as const;
export type FilterField = keyof typeof FILTER_FIELD;

/** The ids that describe a field: its hint, and its error while it has one. */
export function describedBy(...ids: Array<string | false>): string | undefined {
  return ids.filter(Boolean).join(' ') || undefined;
}

function withoutPlace(filters: Filters): Filters {
  const next = { ...filters };
  delete next.district;
  delete next.postcode;
  delete next.near;
  delete next.radius;
  return next;
}

/**
 * What the filters hold before they are applied: the typed postcode and age, the distance, the device's
 * location being found, and each field's error (a locale key) with GOV.UK's error-summary attempt count.
 */
export function useFilterForm(props: {
  filters: Filters;
  t: TFunction;
  onChange: (next: Filters) => void;
  onApplied: () => void;
}) {
  const { filters, t, onChange } = props;
  const [postcode, setPostcode] = useState(filters.postcode ?? '');
  const [age, setAge] = useState(ageText(filters.age));
  const [radius, setRadius] = useState(filters.radius ?? DEFAULT_RADIUS_MILES);
  const [errors, setErrors] = useState<Partial<Record<FilterField, string>>>({});
  const [attempt, setAttempt] = useState(0);
  const [locating, setLocating] = useState(false);

  // A filter removed elsewhere (a "remove filter" button, a shared link) empties its box here too.
  useEffect(() => setPostcode(filters.postcode ?? ''), [filters.postcode]);
  const ageShown = ageText(filters.age);
  useEffect(() => setAge(ageShown), [ageShown]);

  const fail = (found: Partial<Record<FilterField, string>>) => {
    setErrors(found);
    setAttempt((n) => n + 1);
  };

  const apply = (event: Event) => {
    event.preventDefault();
    const found: Partial<Record<FilterField, string>> = {};
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

  // A district is a place of its own: it replaces a postcode or location rather than narrowing it.
  const chooseDistrict = (district: District | '') => {
    setPostcode('');
    onChange(district ? { ...withoutPlace(filters), district } : withoutPlace(filters));
  };

  // A distance only changes the results once there is a postcode or location to measure it from.
  const chooseRadius = (miles: number) => {
    setRadius(miles);
    if (filters.postcode || filters.near) onChange({ ...filters, radius: miles });
  };

  const summary: ErrorItem[] = (Object.keys(FILTER_FIELD) as FilterField[])
    .filter((field) => errors[field])
    .map((field) => ({ field: FILTER_FIELD[field], message: t(errors[field] as string) }));
  const message = (field: FilterField) => (errors[field] ? t(errors[field] as string) : undefined);

  return {
    postcode,
    setPostcode,
    age,
    setAge,
    radius,
    chooseRadius,
    chooseDistrict,
    locating,
    locate,
    apply,
    errors,
    attempt,
    summary,
    message,
    clearErrors: () => setErrors({}),
  };
}

export type FilterForm = ReturnType<typeof useFilterForm>;
