import { Hono, type Context } from 'hono';
import { z } from 'zod/mini';
import { gapsCsv } from '../../domain/evidence/gaps.ts';
import { requireRole } from '../auth/middleware.ts';
import type { Database } from '../db/database.ts';
import { noStore, readQuery } from '../insight/http/params.ts';
import { Period } from '../insight/periods.ts';
import { gapTable } from './gaps.ts';

const GapsQuery = z.object({
  to: z.optional(Period),
  months: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(24))),
});

async function readGaps(db: Database, c: Context) {
  const query = readQuery(c, GapsQuery);
  return gapTable(db, { months: query.months ?? 3, ...(query.to ? { to: query.to } : {}) });
}

/**
 * Evidence for commissioners, for signed-in analysts: the unmet-need table, ranked, as JSON and CSV. The
 * counts are exact, so they stay on the analysts' side; the public sees them only through disclosure
 * control.
 */
export function evidenceRoutes(db: Database): Hono {
  const app = new Hono();

  app.get('/v1/analyst/gaps', requireRole('analyst'), async (c) => {
    const table = await readGaps(db, c);
    noStore(c);
    return c.json(table);
  });

  app.get('/v1/analyst/gaps.csv', requireRole('analyst'), async (c) => {
    const table = await readGaps(db, c);
    noStore(c);
    c.header('Content-Disposition', `attachment; filename="signpost-gaps-${table.from}-to-${table.to}.csv"`);
    return c.body(gapsCsv(table.rows), 200, { 'Content-Type': 'text/csv; charset=utf-8; header=present' });
  });

  return app;
}
