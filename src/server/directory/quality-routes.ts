import { Hono } from 'hono';
import { z } from 'zod/mini';
import { QualityKind } from '../../domain/directory-quality.ts';
import { requireRole } from '../auth/middleware.ts';
import type { Database } from '../db/database.ts';
import { noStore, readQuery } from '../insight/http/params.ts';
import { qualityCsv, qualityReport } from './quality.ts';

const QualityQuery = z.object({ kind: z.optional(QualityKind) });

/** The directory's data-quality report for admins and analysts, as JSON for the page and as CSV. */
export function qualityRoutes(db: Database): Hono {
  const app = new Hono();

  app.get('/v1/directory-quality', requireRole('admin', 'analyst'), async (c) => {
    const { kind } = readQuery(c, QualityQuery);
    noStore(c);
    return c.json(await qualityReport(db, kind));
  });

  app.get('/v1/directory-quality.csv', requireRole('admin', 'analyst'), async (c) => {
    const { kind } = readQuery(c, QualityQuery);
    noStore(c);
    c.header(
      'Content-Disposition',
      `attachment; filename="signpost-directory-quality${kind ? `-${kind}` : ''}.csv"`,
    );
    return c.body(await qualityCsv(db, kind), 200, {
      'Content-Type': 'text/csv; charset=utf-8; header=present',
    });
  });

  return app;
}
