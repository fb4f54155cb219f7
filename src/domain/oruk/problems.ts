/**
 * What a mapping could not use. A `reason` keeps the record out of the directory (no id, no name, a
 * structure that cannot be read); a warning sets one field aside, or records how it was repaired, and
 * the service is listed without it.
 */
export interface FieldWarning {
  /** Where in the record: `url`, `schedules[1].byday`. */
  field: string;
  /** The value as the feed sent it, quoted and shortened: `"http:www.example.org"`. */
  value: string;
  /** What is wrong with it and what was done: `is not a web address like https://www.example.org; left out`. */
  reason: string;
}

/** A warning in one line, for the import's printed summary: `url: "venue" is not a web address…`. */
export function describeWarning(warning: FieldWarning): string {
  return `${warning.field}: ${warning.value} ${warning.reason}`;
}
