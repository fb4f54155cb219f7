import { z } from 'zod/mini';
import { isStorableText } from '../storable-text.ts';

/** Pieces the request schemas share: text a query may carry, times, and whole numbers. */

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

/** A whole number from a query string, within bounds. */
export const queryWhole = (min: number, max: number) =>
  z.coerce.number().check(z.int(), z.gte(min), z.lte(max));
