import { z } from 'zod/mini';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Text PostgreSQL can compare: no NUL character and no half of a surrogate pair. */
export function isStorableText(text: string): boolean {
  return !text.includes('\u0000') && !LONE_SURROGATE.test(text);
}

/** A query string's text: bounded, and storable. */
export const queryText = (max: number) =>
  z
    .string()
    .check(z.maxLength(max), z.refine(isStorableText, 'must not contain a NUL character or broken Unicode'));

/** An ISO 8601 time with an offset, in the years a directory can mean (1970 to 9999). */
export const queryTime = z.iso.datetime({ offset: true }).check(
  z.refine((value) => {
    const year = new Date(value).getUTCFullYear();
    return year >= 1970 && year <= 9999;
  }, 'must be a time between 1970 and 9999'),
);
