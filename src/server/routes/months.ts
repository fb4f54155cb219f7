import { Hono, type Context } from 'hono';
import { isPeriod, monthsEnding, ukMonth } from '../../domain/measures/periods.ts';
import { DEFAULT_GRACE_DAYS, type PublishRefusal } from '../../domain/measures/publication.ts';
import {
  ExclusionRequest,
  ExclusionResponse,
  MonthReview,
  MonthsResponse,
  PublicationResponse,
  PublishRequest,
} from '../../domain/api/analyst.ts';
import { toScorecardJson } from '../../domain/measures/scorecard.ts';
import { requireRole, staffMember } from '../auth/middleware.ts';
import type { AppContext } from '../http/context.ts';
import { ApiError } from '../http/errors.ts';
import { noStore, notFound, readBody, reply, uuidParam } from '../http/validate.ts';
import { publishMonth } from '../insight/publications.ts';
import { excludeGroup, monthStates, restoreGroup, reviewMonth } from '../insight/review.ts';

/** How many months the analysts' list of months goes back, this one included. */
export const MONTHS_LISTED = 13;

/** Each refusal as the status and code a client acts on, with words for anyone reading the JSON. */
const REFUSALS: Record<PublishRefusal | 'conflict', [400 | 409, string, string]> = {
  'month-not-over': [409, 'month_not_over', 'The month has not ended yet.'],
  'in-grace': [409, 'in_grace', 'The month is still in its grace period for devices that were offline.'],
  'note-required': [400, 'note_required', 'Say what changed and why before publishing again.'],
  conflict: [409, 'conflict', 'Another analyst published this month a moment ago. Look again.'],
};

/**
 * `/api/v1/analyst/months` and `/api/v1/analyst/exclusions`, mounted by the analysts' router: the review
 * of a month before publishing it (docs/measures.md, "Stuffing" and "Publication"), its provenance and
 * flags, leaving a flagged group out and counting it again, and publishing. The server's clock decides
 * whether a month may be published, never the request.
 */
export function monthsRoutes(ctx: AppContext): Hono {
  const { db } = ctx;
  const now = () => ctx.clock?.() ?? new Date();
  const graceDays = ctx.graceDays ?? DEFAULT_GRACE_DAYS;
  const app = new Hono();
  const analyst = requireRole('analyst');

  app.get('/months', analyst, async (c) => {
    const at = now();
    const months = monthsEnding(ukMonth(at), MONTHS_LISTED).reverse();
    noStore(c);
    return reply(c, MonthsResponse, {
      months: await monthStates(db, { periods: months, now: at, graceDays }),
    });
  });

  app.get('/months/:period', analyst, async (c) => {
    const review = await reviewMonth(db, { period: periodParam(c), now: now(), graceDays });
    noStore(c);
    return reply(c, MonthReview, review);
  });

  app.post('/months/:period/exclusions', analyst, async (c) => {
    const period = periodParam(c);
    const body = await readBody(c, ExclusionRequest);
    const by = staffMember(c).id;
    const exclusion = await excludeGroup(db, { period, ...body, by, now: now() });
    noStore(c);
    if (!exclusion) throw notFound('group of answers still counted in this month');
    return reply(c, ExclusionResponse, { exclusion }, 201);
  });

  app.post('/exclusions/:id/restore', analyst, async (c) => {
    const id = uuidParam(c, 'id', 'exclusion');
    const exclusion = await restoreGroup(db, { id, by: staffMember(c).id, now: now() });
    noStore(c);
    if (!exclusion) throw notFound('exclusion still in force');
    return reply(c, ExclusionResponse, { exclusion });
  });

  app.post('/months/:period/publications', analyst, async (c) => {
    const period = periodParam(c);
    const { note } = await readBody(c, PublishRequest);
    const result = await publishMonth(db, { period, now: now(), graceDays, by: staffMember(c).id, note });
    noStore(c);
    if ('refused' in result) {
      const [status, code, message] = REFUSALS[result.refused];
      throw new ApiError(status, code, message);
    }
    // The rows go out as the scorecard's JSON rows, as every answer with figures sends them.
    // The evidence tables are served publicly at /api/v1/measures/evidence; this answer is the scorecard.
    const { rows, evidence: _evidence, ...published } = result.published;
    return reply(c, PublicationResponse, { publication: { ...published, rows: toScorecardJson(rows) } }, 201);
  });

  return app;
}

/** The month in the path: 400 for anything but `YYYY-MM` in the years a month may be in. */
function periodParam(c: Context): string {
  const period = c.req.param('period') ?? '';
  if (!isPeriod(period)) {
    throw new ApiError(400, 'invalid_period', 'A month is written YYYY-MM, from 2000 to 2099.', [
      { path: 'period', code: 'invalid' },
    ]);
  }
  return period;
}
