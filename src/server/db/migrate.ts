import type { Database } from './database.ts';
import type { Migration } from './migration.ts';
import { MIGRATIONS } from './migrations.ts';

/**
 * Applies the migrations not yet recorded, all in one transaction under an advisory lock,
 * so several server processes starting together on one PostgreSQL apply each exactly once.
 */
export async function migrate(
  db: Database,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<string[]> {
  return db.transaction(async (tx) => {
    await tx.query("select pg_advisory_xact_lock(hashtext('signpost:migrate'))");
    await tx.query(
      'create table if not exists schema_migrations (id text primary key, applied_at timestamptz not null default now())',
    );
    const done = new Set(
      (await tx.query<{ id: string }>('select id from schema_migrations')).map((r) => r.id),
    );
    const pending = migrations.filter((m) => !done.has(m.id));
    refuseOutOfOrder(migrations, done, pending);
    for (const migration of pending) {
      for (const statement of migration.statements) await tx.query(statement);
      await tx.query('insert into schema_migrations (id) values ($1)', [migration.id]);
    }
    return pending.map((m) => m.id);
  });
}

/**
 * A pending migration listed before one this database has applied was inserted into the list rather
 * than appended: applying it now would run it in a different order here than on a fresh database.
 */
function refuseOutOfOrder(
  migrations: readonly Migration[],
  done: ReadonlySet<string>,
  pending: readonly Migration[],
): void {
  const first = pending[0];
  if (!first) return;
  const later = migrations.slice(migrations.indexOf(first) + 1).find((m) => done.has(m.id));
  if (later) {
    throw new Error(
      `Migration ${first.id} is listed before ${later.id}, which this database has already applied. ` +
        'Add new migrations at the end of the list in src/server/db/migrations.ts.',
    );
  }
}
