import { Hono } from 'hono';
import { z } from 'zod/mini';
import { QualityKind, QualityReport } from '../../domain/directory-quality.ts';
import { requireRole, staffSession } from '../auth/middleware.ts';
import { qualityCsv, qualityReport } from '../directory/quality.ts';
import type { AppContext } from '../http/context.ts';
import { noStore, readQuery, reply } from '../http/validate.ts';

const QualityQuery = z.object({ kind: z.optional(QualityKind) });

/** `/api/v1/directory-quality`: the directory's data-quality report, for admins and analysts. */
export function directoryQualityRoutes(ctx: AppContext): Hono {
  const app = new Hono();
  app.use(staffSession(ctx));

  app.get('/', requireRole('admin', 'analyst'), async (c) => {
    const { kind } = readQuery(c, QualityQuery);
    noStore(c);
    return reply(c, QualityReport, await qualityReport(ctx.db, kind));
  });

  return app;
}

/** `/api/v1/directory-quality.csv`: the same report as a spreadsheet. */
export function directoryQualityCsvRoutes(ctx: AppContext): Hono {
  const app = new Hono();
  app.use(staffSession(ctx));

  app.get('/', requireRole('admin', 'analyst'), async (c) => {
    const { kind } = readQuery(c, QualityQuery);
    noStore(c);
    c.header(
      'Content-Disposition',
      `attachment; filename="signpost-directory-quality${kind ? `-${kind}` : ''}.csv"`,
    );
    return c.body(await qualityCsv(ctx.db, kind), 200, {
      'Content-Type': 'text/csv; charset=utf-8; header=present',
    });
  });

  return app;
}
