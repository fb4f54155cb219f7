import type { Migration } from '../migration.ts';

/**
 * What the insight pages add to the feedback tables: quotes an analyst approved, the public "You said,
 * we did" list, and the indexes the dashboard and the public counts read through.
 */
const migration: Migration = {
  id: '030-insight',
  statements: [
    // A quote hangs off its story, so retention and erasure take the quote with the words.
    `create table story_quotes (
      response_id uuid primary key references feedback_stories (response_id) on delete cascade,
      text text not null,
      approved_by uuid references staff_users (id) on delete set null,
      approved_at timestamptz not null default now()
    )`,
    `create table you_said_we_did (
      id uuid primary key,
      you_said text not null,
      we_did text not null,
      language text not null default 'en',
      area_of_focus text,
      published_on date not null,
      created_by uuid references staff_users (id) on delete set null,
      created_at timestamptz not null default now()
    )`,
    'create index you_said_we_did_published on you_said_we_did (published_on desc, created_at desc)',
    // The planner's guess of how many groups a breakdown has is the product of each column's own count,
    // far too many, so it sorts; with the real number it hashes, about twice as fast over a million answers.
    // https://www.postgresql.org/docs/current/planner-stats.html#PLANNER-STATS-EXTENDED
    ...['district', 'respondent', 'age_band', 'channel', 'sex', 'ethnic_group', 'disability'].map(
      (column) =>
        `create statistics insight_answers_by_${column} (ndistinct)
         on period, question, answer, how_answered, ${column} from feedback_answers`,
    ),
    // The analysts' list of responses flagged for safety, month by month.
    'create index insight_safety_by_period on feedback_responses (period, received_at) where safety_concern',
    // "Problems fixed this month" on the public page.
    "create index insight_listing_problems_fixed on listing_problems (fixed_at) where state = 'fixed'",
    // Retention finds the reports that still hold words or contact details by age.
    `create index insight_listing_problems_words on listing_problems (received_at)
      where details is not null or contact_method is not null`,
  ],
};

export default migration;
