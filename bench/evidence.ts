import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '../src/server/db/database.ts';
import { migrate } from '../src/server/db/migrate.ts';
import { openPglite } from '../src/server/db/pglite.ts';
import { openPostgres } from '../src/server/db/postgres.ts';
import { loadSampleIfEmpty } from '../src/server/directory/sample.ts';
import { gapTable } from '../src/server/evidence/gaps.ts';
import { throwawayDatabase } from './postgres.ts';
import type { Section, Table } from './report.ts';
import { answersToStore } from './scorecard.ts';
import { count, median, ms, round, timed } from './stats.ts';

/** The table is made for the last of twelve seeded months, over the three months analysts see first. */
const TO = '2025-03';
const SEEDED_MONTHS = 12;
const TABLE_MONTHS = 3;
const WARM_RUNS = 5;

/**
 * A year of fictional "Did you find what you needed?" answers, made in the database itself: about half
 * Yes; the rest No or Partly naming one to three of guided help's needs, most with a district. The
 * answers spread evenly over the months, so a three-month table counts about a quarter of them.
 */
const SEED = `
  with made as (
    select gen_random_uuid() as id,
           ($2::date - floor(random() * $3)::int * interval '1 month')::date as period,
           case when random() < 0.5 then 'yes' when random() < 0.6 then 'no' else 'partly' end as answer,
           (array['basildon','braintree','brentwood','castle-point','chelmsford','colchester','epping-forest',
                  'harlow','maldon','rochford','tendring','uttlesford'])[1 + floor(random() * 12)::int] as district,
           random() < 0.85 as gave_district,
           floor(random() * 11)::int as first_need,
           1 + floor(random() * 3)::int as how_many
    from generate_series(1, $1::int)
  ),
  answers as (
    select id, period, answer,
           case when answer <> 'yes' and gave_district then district end as district,
           case when answer = 'yes' then '{}'::text[] else (
             select array_agg(distinct (array['everyday-tasks','looking-after-myself','staying-safe','hospital',
               'out-and-about','lonely-or-low','money','somewhere-to-live','work-learning-volunteering','caring',
               'something-else'])[1 + (first_need + step * 4) % 11])
             from generate_series(0, how_many - 1) as step) end as needs
    from made
  ),
  stored as (
    insert into found_answers (id, content_hash, received_at, period, source, answer, district, needs)
    select id, 'bench', period::timestamptz + interval '12 hours', period, 'search', answer, district, needs
    from answers
    returning id, period, answer, district, needs, record_key
  )
  insert into found_needs (answer_id, need, period, district, answer, record_key)
  select s.id, n.need, s.period, s.district, s.answer, s.record_key
  from stored s cross join unnest(s.needs) as n (need)`;

interface Times {
  rows: number;
  coldMs: number;
  medianMs: number;
  maxMs: number;
}

type Outcome =
  | { measured: true; seedSeconds: number; answers: number; needRows: number; times: Times }
  | { measured: false; reason: string };

interface Backend {
  open: () => Promise<Database>;
  /** Seeding a million answers takes longer than the API's own deadline for one statement. */
  openSeeder?: () => Promise<Database>;
  dispose: () => Promise<void>;
}

async function seed(db: Database, answers: number) {
  await migrate(db);
  await loadSampleIfEmpty(db);
  const { ms: seedMs } = await timed(() => db.query(SEED, [answers, `${TO}-01`, SEEDED_MONTHS]));
  await db.query('vacuum analyze found_answers');
  await db.query('vacuum analyze found_needs');
  const [row] = await db.query<{ n: number }>('select count(*)::int as n from found_needs');
  return { seedSeconds: round(seedMs / 1000, 1), needRows: row?.n ?? 0 };
}

async function time(backend: Backend): Promise<Times> {
  const db = await backend.open();
  try {
    const table = () => gapTable(db, { to: TO, months: TABLE_MONTHS });
    const cold = await timed(table);
    if (cold.result.rows.length === 0) throw new Error('The gap table came back empty');
    const warm: number[] = [];
    for (let run = 0; run < WARM_RUNS; run++) warm.push((await timed(table)).ms);
    return {
      rows: cold.result.rows.length,
      coldMs: round(cold.ms, 1),
      medianMs: round(median(warm), 1),
      maxMs: round(Math.max(...warm), 1),
    };
  } finally {
    await db.close();
  }
}

async function measureBackend(backend: Backend, answers: number): Promise<Outcome> {
  try {
    const seeder = await (backend.openSeeder ?? backend.open)();
    let seeded: Awaited<ReturnType<typeof seed>>;
    try {
      seeded = await seed(seeder, answers);
    } finally {
      await seeder.close();
    }
    return { measured: true, answers, ...seeded, times: await time(backend) };
  } catch (error) {
    return { measured: false, reason: (error as Error).message.split('\n')[0]! };
  } finally {
    await backend.dispose();
  }
}

function pgliteBackend(): Backend {
  const folder = mkdtempSync(join(tmpdir(), 'signpost-bench-gaps-'));
  return {
    open: () => openPglite(folder),
    dispose: async () => rmSync(folder, { recursive: true, force: true }),
  };
}

async function onPostgres(answers: number, serverUrl: string | undefined, why: string): Promise<Outcome> {
  if (!serverUrl) return { measured: false, reason: why };
  try {
    const database = await throwawayDatabase(serverUrl);
    return await measureBackend(
      {
        open: async () => openPostgres(database.url),
        openSeeder: async () => openPostgres(database.url, { queryDeadlineMs: 30 * 60_000 }),
        dispose: () => database.drop(),
      },
      answers,
    );
  } catch (error) {
    return { measured: false, reason: (error as Error).message.split('\n')[0]! };
  }
}

function tablesFor(answers: number, backends: readonly (readonly [string, Outcome])[]): Table[] {
  return [
    {
      columns: [`seed ${count(answers)} answers`, 'time', 'need rows'],
      rows: backends.map(([name, o]) =>
        o.measured ? [name, `${o.seedSeconds.toFixed(1)} s`, count(o.needRows)] : [name, 'not measured', ''],
      ),
    },
    {
      columns: [
        `gap table, ${TABLE_MONTHS} months to ${TO}`,
        'rows',
        'cold',
        `median of ${WARM_RUNS} warm`,
        'max warm',
      ],
      rows: backends.map(([name, o]) =>
        o.measured
          ? [name, count(o.times.rows), ms(o.times.coldMs), ms(o.times.medianMs), ms(o.times.maxMs)]
          : [name, 'not measured', '', '', ''],
      ),
    },
  ];
}

/** The analysts' unmet-need table over a million stored answers, on PGlite and on PostgreSQL. */
export async function measureGapTable(options: {
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
  const notes = [
    `Fictional "Did you find what you needed?" answers over the ${SEEDED_MONTHS} months to ${TO}, made in the database, then VACUUM ANALYZE; the sample directory gives coverage.`,
    `Each run is gapTable(): the unmet counts by need, district and month, coverage from the directory, and the ranking. Cold is the first run on a new connection; then ${WARM_RUNS} warm runs.`,
  ];
  for (const [name, o] of backends) if (!o.measured) notes.push(`${name} not measured: ${o.reason}`);
  return {
    name: `unmet-need gap table over ${count(answers)} answers`,
    figures: { answers, to: TO, months: TABLE_MONTHS, warmRuns: WARM_RUNS, pglite, postgresql },
    budgets: [],
    tables: tablesFor(answers, backends),
    notes,
  };
}
