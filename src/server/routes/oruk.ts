import { Hono } from 'hono';
import { z } from 'zod/mini';
import { fromStoredService, type ServiceSource } from '../../domain/oruk/from-service.ts';
import { orukPage } from '../../domain/oruk/page.ts';
import type { Service } from '../../domain/service.ts';
import type { AppContext } from '../http/context.ts';
import { ApiError } from '../http/errors.ts';
import { isStorableText, queryText, queryTime } from '../http/query.ts';
import { readParam, readQuery, type Invalid } from '../http/validate.ts';

const whole = (min: number, max: number) =>
  z.pipe(
    z.string().check(z.regex(/^\d+$/)),
    z.pipe(
      z.transform((s: string) => Number(s)),
      z.number().check(z.minimum(min), z.maximum(max)),
    ),
  );

const ServicesQuery = z.object({
  page: z._default(whole(1, 1_000_000), 1),
  per_page: z._default(whole(1, 500), 50),
  search: z.optional(queryText(200)),
  modified_after: z.optional(queryTime),
  taxonomy_term_id: z.optional(queryText(200).check(z.minLength(1))),
});

/** The description is served as the feed sent it, so other systems get the council's own words. */
function sourceOf(row: { source_description: string | null }): ServiceSource {
  return row.source_description === null ? {} : { description: row.source_description };
}

/** ORUK clients are told which parameter is wrong and why, in words. */
const invalidQuery: Invalid = (issues) => {
  const details = issues.map((i) => ({ parameter: String(i.path[0] ?? ''), problem: i.message }));
  const names = [...new Set(details.map((d) => d.parameter))].join(', ');
  return new ApiError(400, 'invalid_query', `Check the query parameters: ${names}.`, details);
};

const ServiceId = z.string().check(z.refine(isStorableText));

/**
 * A read-only Open Referral UK 3.0 API, so other council systems can consume Signpost's directory in the
 * standard they already read. Open to any origin: it holds only public directory data.
 */
export function orukRoutes(ctx: AppContext): Hono {
  const app = new Hono();
  app.use('*', async (c, next) => {
    await next();
    c.res.headers.set('Access-Control-Allow-Origin', '*');
  });

  app.get('/', (c) => c.json({ version: '3.0', profile: 'https://openreferraluk.org/' }));

  app.get('/services', async (c) => {
    const q = readQuery(c, ServicesQuery, invalidQuery);
    const where = ['active'];
    const params: unknown[] = [];
    if (q.search) {
      params.push(`%${q.search.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`);
      where.push(`search_text like $${params.length}`);
    }
    if (q.modified_after) {
      params.push(q.modified_after);
      where.push(`coalesce(source_modified, changed_at) > $${params.length}`);
    }
    if (q.taxonomy_term_id) {
      params.push(JSON.stringify([{ id: q.taxonomy_term_id }]));
      where.push(`record -> 'taxonomy' @> $${params.length}::text::jsonb`);
    }
    const filter = where.join(' and ');
    const [count] = await ctx.db.query<{ n: number }>(
      `select count(*)::int as n from services where ${filter}`,
      params,
    );
    const rows = await ctx.db.query<{ record: Service; source_description: string | null }>(
      `select record, source_description from services where ${filter} order by id limit $${params.length + 1} offset $${params.length + 2}`,
      [...params, q.per_page, (q.page - 1) * q.per_page],
    );
    return c.json(
      orukPage(
        rows.map((r) => fromStoredService(r.record, sourceOf(r))),
        { page: q.page, perPage: q.per_page, total: count!.n },
      ),
    );
  });

  app.get('/services/:id', async (c) => {
    const id = readParam(
      c,
      'id',
      ServiceId,
      () => new ApiError(404, 'not_found', 'There is no service with that id.'),
    );
    const [row] = await ctx.db.query<{ record: Service; source_description: string | null }>(
      'select record, source_description from services where id = $1 and active',
      [id],
    );
    if (!row) throw new ApiError(404, 'not_found', `There is no service with id ${id}.`);
    return c.json(fromStoredService(row.record, sourceOf(row)));
  });

  return app;
}
