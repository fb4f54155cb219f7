import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { previousMonth } from '../src/domain/measures/periods.ts';
import type { Audience } from '../src/domain/measures/scorecard.ts';
import type { Database } from '../src/server/db/database.ts';
import { migrate } from '../src/server/db/migrate.ts';
import { openPglite } from '../src/server/db/pglite.ts';
import { openPostgres } from '../src/server/db/postgres.ts';
import { computeScorecard } from '../src/server/insight/scorecard.ts';
import { seedFeedback } from '../scripts/seed-feedback.ts';
import { throwawayDatabase } from './postgres.ts';
import type { Section, Table } from './report.ts';
import { count, median, ms, round, timed } from './stats.ts';

/** The month the scorecard is computed for: the last of the twelve seeded months. */
const MONTH = '2025-03';
const SEEDED_MONTHS = 12;
const WARM_RUNS = 5;
const AUDIENCES: readonly Audience[] = ['public', 'analyst'];

/** 1,000,000 as the issue asks; `SIGNPOST_BENCH_ANSWERS=20000` makes a quick smoke run. */
export function answersToStore(env: NodeJS.ProcessEnv = process.env): number {
  const text = env.SIGNPOST_BENCH_ANSWERS;
  if (text === undefined || text === '') return 1_000_000;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`SIGNPOST_BENCH_ANSWERS must be a whole number, not "${text}"`);
  }
  return value;
}

interface AudienceTimes {
  rows: number;
  coldMs: number;
  medianMs: number;
  maxMs: number;
  warmMs: number[];
}

interface BackendFigures {
  measured: true;
  seedSeconds: number;
  answersPerSecond: number;
  responses: number;
  answers: number;
  /** Answers in the month and the month before: what the scorecard's queries actually count. */
  answersCounted: number;
  audiences: Record<Audience, AudienceTimes>;
}

type Outcome = BackendFigures | { measured: false; reason: string };

/** How to get at one backend's database again: each audience's cold run starts on a fresh connection. */
interface Backend {
  open: () => Promise<Database>;
  dispose: () => Promise<void>;
}

async function seed(db: Database, answers: number) {
  await migrate(db);
  const { ms: seedMs, result } = await timed(() =>
    seedFeedback(db, { answers, to: MONTH, months: SEEDED_MONTHS }),
  );
  const [counted] = await db.query<{ n: number }>(
    `select count(*)::int as n from feedback_answers where period between $1::date and $2::date`,
    [`${previousMonth(MONTH)}-01`, `${MONTH}-01`],
  );
  return {
    seedSeconds: round(seedMs / 1000, 1),
    answersPerSecond: Math.round(result.answers / (seedMs / 1000)),
    responses: result.responses,
    answers: result.answers,
    answersCounted: counted?.n ?? 0,
  };
}

/** One cold run on a connection that has not run the scorecard yet, then the warm runs after it. */
async function timeAudience(backend: Backend, audience: Audience): Promise<AudienceTimes> {
  const db = await backend.open();
  try {
    const cold = await timed(() => computeScorecard(db, MONTH, audience));
    if (cold.result.length === 0) throw new Error(`The ${audience} scorecard for ${MONTH} came back empty`);
    const warmMs: number[] = [];
    for (let run = 0; run < WARM_RUNS; run++) {
      warmMs.push((await timed(() => computeScorecard(db, MONTH, audience))).ms);
    }
    return {
      rows: cold.result.length,
      coldMs: round(cold.ms, 1),
      medianMs: round(median(warmMs), 1),
      maxMs: round(Math.max(...warmMs), 1),
      warmMs: warmMs.map((t) => round(t, 1)),
    };
  } finally {
    await db.close();
  }
}

async function measureBackend(backend: Backend, answers: number): Promise<Outcome> {
  try {
    const seeder = await backend.open();
    let seeded: Awaited<ReturnType<typeof seed>>;
    try {
      seeded = await seed(seeder, answers);
    } finally {
      await seeder.close();
    }
    const audiences = {} as Record<Audience, AudienceTimes>;
    for (const audience of AUDIENCES) audiences[audience] = await timeAudience(backend, audience);
    return { measured: true, ...seeded, audiences };
  } catch (error) {
    return { measured: false, reason: (error as Error).message.split('\n')[0]! };
  } finally {
    await backend.dispose();
  }
}

function pgliteBackend(): Backend {
  const folder = mkdtempSync(join(tmpdir(), 'signpost-bench-scorecard-'));
  return {
    open: () => openPglite(folder),
    dispose: async () => rmSync(folder, { recursive: true, force: true }),
  };
}

async function postgresBackend(serverUrl: string): Promise<Backend> {
  const database = await throwawayDatabase(serverUrl);
  return { open: async () => openPostgres(database.url), dispose: () => database.drop() };
}

async function onPostgres(answers: number, serverUrl: string | undefined, why: string): Promise<Outcome> {
  if (!serverUrl) return { measured: false, reason: why };
  try {
    return await measureBackend(await postgresBackend(serverUrl), answers);
  } catch (error) {
    return { measured: false, reason: (error as Error).message.split('\n')[0]! };
  }
}

function tablesFor(answers: number, backends: readonly (readonly [string, Outcome])[]): Table[] {
  const seedRows = backends.map(([name, o]) =>
    o.measured
      ? [name, `${o.seedSeconds.toFixed(1)} s`, `${count(o.answersPerSecond)}/s`, count(o.responses)]
      : [name, 'not measured', '', ''],
  );
  const timeRows = backends.flatMap(([name, o]) =>
    o.measured
      ? AUDIENCES.map((audience) => {
          const t = o.audiences[audience];
          return [`${name}, ${audience}`, count(t.rows), ms(t.coldMs), ms(t.medianMs), ms(t.maxMs)];
        })
      : [[name, 'not measured', '', '', '']],
  );
  return [
    {
      columns: [`seed ${count(answers)} answers`, 'time', 'answers/s', 'responses'],
      rows: seedRows,
    },
    {
      columns: [`scorecard for ${MONTH}`, 'rows', 'cold', `median of ${WARM_RUNS} warm`, 'max warm'],
      rows: timeRows,
    },
  ];
}

/** The full monthly scorecard over a million stored answers, on PGlite and on PostgreSQL. */
export async function measureScorecard(options: {
  postgresUrl?: string;
  postgresReason?: string;
}): Promise<Section> {
  const answers = answersToStore();
  const pglite = await measureBackend(pgliteBackend(), answers);
  const postgresql = await onPostgres(
    answers,
    options.postgresUrl,
    options.postgresReason ?? 'no PostgreSQL',
  );
  const backends = [
    ['PGlite (on disk)', pglite],
    ['PostgreSQL', postgresql],
  ] as const;
  const counted = backends.map(([, o]) => o).find((o): o is BackendFigures => o.measured)?.answersCounted;
  const notes = [
    `Fictional feedback from scripts/seed-feedback.ts over the ${SEEDED_MONTHS} months to ${MONTH}, then VACUUM ANALYZE.` +
      (counted ? ` The scorecard counts ${MONTH} and the month before: ${count(counted)} answers.` : ''),
    `Cold is the first computeScorecard on a new connection after seeding (PGlite reopened from disk; a new PostgreSQL connection, its shared buffers still warm); then ${WARM_RUNS} warm runs.`,
  ];
  for (const [name, o] of backends) if (!o.measured) notes.push(`${name} not measured: ${o.reason}`);
  return {
    name: `full scorecard over ${count(answers)} answers`,
    figures: { answers, month: MONTH, warmRuns: WARM_RUNS, pglite, postgresql },
    budgets: [],
    tables: tablesFor(answers, backends),
    notes,
  };
}
