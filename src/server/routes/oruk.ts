import { Hono } from 'hono';
import { z } from 'zod/mini';
import {
  OrukRootResponse,
  OrukServiceResponse,
  OrukServicesQuery,
  OrukServicesResponse,
} from '../../domain/api/oruk.ts';
import { fromStoredService, type ServiceSource } from '../../domain/oruk/from-service.ts';
import { orukPage } from '../../domain/oruk/page.ts';
import type { Service } from '../../domain/service.ts';
import { isStorableText } from '../../domain/storable-text.ts';
import type { AppContext } from '../http/context.ts';
import { ApiError } from '../http/errors.ts';
import { readParam, readQuery, reply, type Invalid } from '../http/validate.ts';

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

  app.get('/', (c) => reply(c, OrukRootResponse, { version: '3.0', profile: 'https://openreferraluk.org/' }));

  app.get('/services', async (c) => {
    const q = readQuery(c, OrukServicesQuery, invalidQuery);
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
    return reply(
      c,
      OrukServicesResponse,
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
    return reply(c, OrukServiceResponse, fromStoredService(row.record, sourceOf(row)));
  });

  return app;
}
