import { Hono, type Context } from 'hono';
import { z } from 'zod/mini';
import { RespondentGroup } from '../../../domain/feedback/about.ts';
import { BREAKDOWNS } from '../../../domain/measures/compute.ts';
import { toScorecardCsv, toScorecardJson, type Audience } from '../../../domain/measures/scorecard.ts';
import { District } from '../../../domain/service.ts';
import { hasRole, requireRole, sessionUser } from '../../auth/middleware.ts';
import type { Database } from '../../db/database.ts';
import { ApiError } from '../../http/errors.ts';
import { analystDashboard } from '../dashboard.ts';
import { measuresOverview, OVERVIEW_BREAKDOWNS } from '../overview.ts';
import { Period } from '../periods.ts';
import { computeScorecard, measuresFor } from '../scorecard.ts';
import { noStore, readQuery } from './params.ts';

/** What the public may break a month down by; analysts also see the equality answers. */
const PUBLIC_BREAKDOWNS = ['district', 'respondent', 'age', 'channel', 'how-answered'] as const;

const PublicMeasuresQuery = z.object({
  period: Period,
  by: z.optional(z.enum(PUBLIC_BREAKDOWNS)),
});

const AnalystFilter = {
  district: z.optional(District),
  respondent: z.optional(RespondentGroup),
};

const AnalystMeasuresQuery = z.object({
  period: Period,
  by: z.optional(z.enum(BREAKDOWNS)),
  ...AnalystFilter,
});

const OverviewQuery = z.object({
  to: z.optional(Period),
  months: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(24))),
  /** One published group: `district:chelmsford`, `respondent:carer`. */
  for: z.optional(
    z.string().check(
      z.refine((value) => {
        const [breakdown, group] = value.split(':');
        if (breakdown === 'district') return District.safeParse(group).success;
        if (breakdown === 'respondent') return RespondentGroup.safeParse(group).success;
        return false;
      }),
    ),
  ),
});

const DashboardQuery = z.object({ period: z.optional(Period), ...AnalystFilter });

const ScorecardQuery = z.object({
  period: Period,
  version: z.optional(z.enum(['public', 'analyst'])),
});

const ANALYST = 'analyst' as const;

/**
 * The measures: public figures through disclosure control for anyone, unrounded figures for signed-in
 * analysts at their own addresses, and the monthly scorecard as CSV and JSON in either version.
 */
export function measuresRoutes(db: Database): Hono {
  const app = new Hono();

  app.get('/v1/measures', async (c) => {
    const query = readQuery(c, PublicMeasuresQuery);
    const rows = await measuresFor(db, { period: query.period, breakdown: query.by, audience: 'public' });
    c.header('Cache-Control', 'no-cache');
    return c.json({ period: query.period, audience: 'public', breakdown: query.by ?? 'all', rows });
  });

  app.get('/v1/measures/overview', async (c) => {
    const query = readQuery(c, OverviewQuery);
    const [breakdown, group] = query.for?.split(':') ?? [];
    const overview = await measuresOverview(db, {
      audience: 'public',
      months: query.months ?? 12,
      ...(query.to ? { to: query.to } : {}),
      ...(breakdown && group
        ? { group: { breakdown: breakdown as (typeof OVERVIEW_BREAKDOWNS)[number], group } }
        : {}),
    });
    c.header('Cache-Control', 'no-cache');
    return c.json(overview);
  });

  app.get('/v1/measures/scorecard.csv', async (c) => {
    const { period, audience } = scorecardRequest(c);
    const csv = toScorecardCsv(await computeScorecard(db, period, audience));
    scorecardHeaders(c, period, audience, 'csv');
    return c.body(csv, 200, { 'Content-Type': 'text/csv; charset=utf-8; header=present' });
  });

  app.get('/v1/measures/scorecard.json', async (c) => {
    const { period, audience } = scorecardRequest(c);
    const rows = toScorecardJson(await computeScorecard(db, period, audience));
    scorecardHeaders(c, period, audience, 'json');
    return c.json({ period, version: audience, rows });
  });

  app.get('/v1/analyst/measures', requireRole(ANALYST), async (c) => {
    const query = readQuery(c, AnalystMeasuresQuery);
    const filter = { district: query.district, respondent: query.respondent };
    const rows = await measuresFor(db, {
      period: query.period,
      breakdown: query.by,
      audience: 'analyst',
      filter,
    });
    noStore(c);
    return c.json({ period: query.period, audience: 'analyst', breakdown: query.by ?? 'all', filter, rows });
  });

  app.get('/v1/analyst/dashboard', requireRole(ANALYST), async (c) => {
    const query = readQuery(c, DashboardQuery);
    const filter = {
      ...(query.district ? { district: query.district } : {}),
      ...(query.respondent ? { respondent: query.respondent } : {}),
    };
    const dashboard = await analystDashboard(db, {
      ...(query.period ? { period: query.period } : {}),
      filter,
    });
    noStore(c);
    return c.json(dashboard);
  });

  return app;
}

/**
 * Which scorecard to send: the analysts' version only to a signed-in analyst, who gets it by default
 * and may ask for the public one; anyone asking for the analysts' version without being one is refused.
 */
function scorecardRequest(c: Context): { period: string; audience: Audience } {
  const query = readQuery(c, ScorecardQuery);
  const user = sessionUser(c);
  const analyst = hasRole(user, ANALYST);
  if (query.version === 'analyst' && !analyst) {
    if (!user) throw new ApiError(401, 'unauthenticated', 'Sign in as an analyst for this version.');
    throw new ApiError(403, 'forbidden', 'Your account does not allow this.');
  }
  return { period: query.period, audience: query.version ?? (analyst ? 'analyst' : 'public') };
}

function scorecardHeaders(c: Context, period: string, audience: Audience, extension: string): void {
  c.header(
    'Content-Disposition',
    `attachment; filename="signpost-scorecard-${period}-${audience}.${extension}"`,
  );
  c.header('X-Scorecard-Version', audience);
  // The same address answers differently for a signed-in analyst: no cache may mix the two.
  c.header('Vary', 'Cookie');
  c.header('Cache-Control', audience === 'analyst' ? 'no-store' : 'no-cache');
}
