import { openDB, type DBSchema, type IDBPDatabase, type OpenDBCallbacks } from 'idb';

/**
 * One connection to a database, opened when first needed. When another tab with a newer version of the
 * app wants to upgrade it, this one steps aside rather than block it, and opens again when next needed.
 */
export function databaseOpener<Schema extends DBSchema>(
  name: string,
  version: number,
  upgrade: NonNullable<OpenDBCallbacks<Schema>['upgrade']>,
): () => Promise<IDBPDatabase<Schema>> {
  let database: Promise<IDBPDatabase<Schema>> | undefined;
  return () => {
    database ??= openDB<Schema>(name, version, {
      upgrade,
      blocking() {
        void database?.then((db) => db.close());
        database = undefined;
      },
    });
    return database;
  };
}
