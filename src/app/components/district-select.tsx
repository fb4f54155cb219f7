import { DISTRICTS, type District } from '../../domain/service-terms.ts';

/**
 * A choice of one of Essex's districts, after a first, empty choice in the caller's words ("Any
 * district", "Not sure"). The label, hint and error stay with the caller, and so do the districts' names:
 * each namespace has its own.
 */
export function DistrictSelect(props: {
  id: string;
  name?: string;
  /** As the page holds it: a district, '' for none, or whatever an address gave. */
  value: string;
  none: string;
  nameOf: (district: District) => string;
  describedBy?: string | undefined;
  onChange: (district: District | '') => void;
}) {
  return (
    <select
      id={props.id}
      name={props.name}
      value={props.value}
      aria-describedby={props.describedBy}
      // Only the options below can be chosen: the empty one or a district.
      onChange={(event) => props.onChange(event.currentTarget.value as District | '')}
    >
      <option value="">{props.none}</option>
      {DISTRICTS.map((district) => (
        <option key={district} value={district}>
          {props.nameOf(district)}
        </option>
      ))}
    </select>
  );
}
