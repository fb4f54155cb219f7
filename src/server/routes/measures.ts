import { Hono, type Context } from 'hono';
import {
  EvidenceQuery,
  OverviewQuery,
  OverviewResponse,
  PublicMeasuresQuery,
  PublicMeasuresResponse,
  PublishedEvidenceResponse,
  ScorecardQuery,
  ScorecardResponse,
  type Audience,
  type OverviewBreakdown,
} from '../../domain/api/measures.ts';
import { unmetNeedCsv, type PublishedEvidence } from '../../domain/evidence/published.ts';
import { toScorecardCsv, toScorecardJson } from '../../domain/measures/scorecard.ts';
import { hasRole, sessionUser, staffSession } from '../auth/middleware.ts';
import type { Database } from '../db/database.ts';
import type { AppContext } from '../http/context.ts';
import { ApiError } from '../http/errors.ts';
import { readQuery, reply } from '../http/validate.ts';
import { publicOverview } from '../insight/overview.ts';
import { publishedRows, type Publication } from '../insight/publications.ts';
import { computeScorecard } from '../insight/scorecard.ts';

const ANALYST = 'analyst' as const;

/**
 * The measures at `/api/v1/measures`: for anyone, only published months, as they were published
 * (docs/measures.md, "Publication"); and the monthly scorecard as CSV and JSON, in the analysts' version
 * (the true figures of the answers stored now) for a signed-in analyst.
 */
export function measuresRoutes(ctx: AppContext): Hono {
  const { db } = ctx;
  const now = () => ctx.clock?.() ?? new Date();
  const app = new Hono();
  app.use(staffSession(ctx));

  app.get('/', async (c) => {
    const query = readQuery(c, PublicMeasuresQuery);
    const publication = await published(db, query.period);
    const breakdown = query.by ?? 'all';
    const rows = toScorecardJson(
      publication.rows.filter((row) => row.breakdown === 'all' || row.breakdown === breakdown),
    );
    c.header('Cache-Control', 'no-cache');
    return reply(c, PublicMeasuresResponse, {
      period: query.period,
      audience: 'public',
      breakdown,
      ...revisionOf(publication),
      rows,
    });
  });

  app.get('/overview', async (c) => {
    const query = readQuery(c, OverviewQuery);
    const [breakdown, group] = query.for?.split(':') ?? [];
    const overview = await publicOverview(db, {
      months: query.months ?? 12,
      now: now(),
      ...(query.to ? { to: query.to } : {}),
      ...(breakdown && group ? { group: { breakdown: breakdown as OverviewBreakdown, group } } : {}),
    });
    c.header('Cache-Control', 'no-cache');
    return reply(c, OverviewResponse, overview);
  });

  app.get('/scorecard.csv', async (c) => {
    const { period, audience } = scorecardRequest(c);
    let csv: string;
    if (audience === 'analyst') csv = toScorecardCsv(await computeScorecard(db, period, audience));
    else {
      const publication = await published(db, period);
      csv = toScorecardCsv(publication.rows, { revision: publication.revision, note: publication.note });
    }
    scorecardHeaders(c, period, audience, 'csv');
    return c.body(csv, 200, { 'Content-Type': 'text/csv; charset=utf-8; header=present' });
  });

  app.get('/scorecard.json', async (c) => {
    const { period, audience } = scorecardRequest(c);
    if (audience === 'analyst') {
      const rows = toScorecardJson(await computeScorecard(db, period, audience));
      scorecardHeaders(c, period, audience, 'json');
      return reply(c, ScorecardResponse, { period, version: 'analyst', rows });
    }
    const publication = await published(db, period);
    scorecardHeaders(c, period, audience, 'json');
    return reply(c, ScorecardResponse, {
      period,
      version: 'public',
      ...revisionOf(publication),
      notes: publication.notes,
      rows: toScorecardJson(publication.rows),
    });
  });

  app.get('/evidence', async (c) => {
    const { period } = readQuery(c, EvidenceQuery);
    const { publication, evidence } = await publishedEvidence(db, period);
    c.header('Cache-Control', 'no-cache');
    return reply(c, PublishedEvidenceResponse, { period, ...revisionOf(publication), ...evidence });
  });

  app.get('/unmet-need.csv', async (c) => {
    const { period } = readQuery(c, EvidenceQuery);
    const { publication, evidence } = await publishedEvidence(db, period);
    c.header('Content-Disposition', `attachment; filename="signpost-unmet-need-${period}.csv"`);
    c.header('Cache-Control', 'no-cache');
    const csv = unmetNeedCsv(period, evidence.unmetNeed, publication);
    return c.body(csv, 200, { 'Content-Type': 'text/csv; charset=utf-8; header=present' });
  });

  return app;
}

/** A published month's evidence, or 404: also for a month published before evidence was. */
async function publishedEvidence(
  db: Database,
  period: string,
): Promise<{ publication: Publication; evidence: PublishedEvidence }> {
  const publication = await published(db, period);
  if (!publication.evidence)
    throw new ApiError(404, 'not_published', 'The figures for this month are not published yet.');
  return { publication, evidence: publication.evidence };
}

/** A published month with its changes since the month before, or 404: the public never sees live figures. */
async function published(db: Database, period: string): Promise<Publication> {
  const publication = await publishedRows(db, period);
  if (!publication)
    throw new ApiError(404, 'not_published', 'The figures for this month are not published yet.');
  return publication;
}

function revisionOf(publication: Publication) {
  return { revision: publication.revision, publishedAt: publication.publishedAt, note: publication.note };
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
