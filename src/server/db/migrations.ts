/** Forward-only migrations. Never edit one that has shipped: add the next. Same SQL on PGlite and PostgreSQL. */
export interface Migration {
  id: string;
  statements: string[];
}

export const MIGRATIONS: Migration[] = [
  {
    id: '001-meta',
    statements: [
      `create table app_meta (
        key text primary key,
        value jsonb not null,
        updated_at timestamptz not null default now()
      )`,
    ],
  },
];
