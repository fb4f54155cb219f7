import { z } from 'zod/mini';
import { OrukService } from '../oruk/schema.ts';
import { queryText, queryTime } from './query.ts';

/**
 * The read-only Open Referral UK 3.0 API at `/api/oruk`, for other council systems. Its shapes are
 * ORUK's own; its services read back with the same schema the importer reads a feed with.
 */

const whole = (min: number, max: number) =>
  z.pipe(
    z.string().check(z.regex(/^\d+$/)),
    z.pipe(
      z.transform((s: string) => Number(s)),
      z.number().check(z.minimum(min), z.maximum(max)),
    ),
  );

/** `GET /api/oruk/services`. */
export const OrukServicesQuery = z.object({
  page: z._default(whole(1, 1_000_000), 1),
  per_page: z._default(whole(1, 500), 50),
  search: z.optional(queryText(200)),
  modified_after: z.optional(queryTime),
  taxonomy_term_id: z.optional(queryText(200).check(z.minLength(1))),
});

/** `GET /api/oruk/`: which standard this is. */
export const OrukRootResponse = z.object({
  version: z.literal('3.0'),
  profile: z.string(),
});

/** ORUK 3.0's paged list envelope, the shape of `GET /services` and of the sample directory file. */
export function orukPageOf<T extends z.ZodMiniType>(item: T) {
  return z.object({
    total_items: z.number(),
    total_pages: z.number(),
    page_number: z.number(),
    /** The number of items on this page (ORUK's definition), not the page size asked for. */
    size: z.number(),
    first_page: z.boolean(),
    last_page: z.boolean(),
    empty: z.boolean(),
    contents: z.array(item),
  });
}

/** `GET /api/oruk/services`. */
export const OrukServicesResponse = orukPageOf(OrukService);

/** `GET /api/oruk/services/{id}`. */
export const OrukServiceResponse = OrukService;
