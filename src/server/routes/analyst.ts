import { Hono, type Context } from 'hono';
import {
  AnalystMeasuresQuery,
  AnalystMeasuresResponse,
  DashboardQuery,
  DashboardResponse,
  GapsQuery,
  GapsResponse,
  HelpfulnessResponse,
} from '../../domain/api/analyst.ts';
import { gapsCsv } from '../../domain/evidence/gaps.ts';
import { requireRole, staffSession } from '../auth/middleware.ts';
import type { Database } from '../db/database.ts';
import { gapTable } from '../evidence/gaps.ts';
import { helpfulnessTable } from '../evidence/helpfulness.ts';
import type { AppContext } from '../http/context.ts';
import { noStore, readQuery, reply } from '../http/validate.ts';
import { analystDashboard } from '../insight/dashboard.ts';
import { analystMeasures } from '../insight/scorecard.ts';
import { monthsRoutes } from './months.ts';

async function readGaps(db: Database, c: Context) {
  const query = readQuery(c, GapsQuery);
  return gapTable(db, { months: query.months ?? 3, ...(query.to ? { to: query.to } : {}) });
}

/**
 * `/api/v1/analyst`: unrounded figures, the dashboard, the unmet-need table, and the review and
 * publication of a month, for signed-in analysts only.
 */
export function analystRoutes(ctx: AppContext): Hono {
  const { db } = ctx;
  const app = new Hono();
  app.use(staffSession(ctx));
  app.route('/', monthsRoutes(ctx));

  app.get('/measures', requireRole('analyst'), async (c) => {
    const query = readQuery(c, AnalystMeasuresQuery);
    const filter = { district: query.district, respondent: query.respondent };
    const rows = await analystMeasures(db, { period: query.period, breakdown: query.by, filter });
    noStore(c);
    return reply(c, AnalystMeasuresResponse, {
      period: query.period,
      audience: 'analyst',
      breakdown: query.by ?? 'all',
      filter,
      rows,
    });
  });

  app.get('/dashboard', requireRole('analyst'), async (c) => {
    const query = readQuery(c, DashboardQuery);
    const filter = {
      ...(query.district ? { district: query.district } : {}),
      ...(query.respondent ? { respondent: query.respondent } : {}),
    };
    const dashboard = await analystDashboard(db, {
      ...(query.period ? { period: query.period } : {}),
      filter,
      now: ctx.clock?.() ?? new Date(),
    });
    noStore(c);
    return reply(c, DashboardResponse, dashboard);
  });

  // Evidence for commissioners: the unmet-need table, ranked. Its counts are exact, so they stay on the
  // analysts' side; the public sees them only through disclosure control.
  app.get('/gaps', requireRole('analyst'), async (c) => {
    const table = await readGaps(db, c);
    noStore(c);
    return reply(c, GapsResponse, table);
  });

  // Whether services helped, with true counts and what disclosure control would let the public see.
  app.get('/helpfulness', requireRole('analyst'), async (c) => {
    const query = readQuery(c, GapsQuery);
    const table = await helpfulnessTable(db, {
      months: query.months ?? 3,
      ...(query.to ? { to: query.to } : {}),
    });
    noStore(c);
    return reply(c, HelpfulnessResponse, table);
  });

  app.get('/gaps.csv', requireRole('analyst'), async (c) => {
    const table = await readGaps(db, c);
    noStore(c);
    c.header('Content-Disposition', `attachment; filename="signpost-gaps-${table.from}-to-${table.to}.csv"`);
    return c.body(gapsCsv(table.rows), 200, { 'Content-Type': 'text/csv; charset=utf-8; header=present' });
  });

  return app;
}
