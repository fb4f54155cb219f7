import type { Service } from '../../src/domain/service.ts';
import type { Queryable } from '../../src/server/db/database.ts';
import { contentHash, searchTextOf } from '../../src/server/directory/store.ts';

/** Puts services straight into the directory table, so these tests stand apart from the importer's own. */
export async function storeServicesDirectly(db: Queryable, services: readonly Service[]): Promise<void> {
  for (const service of services) {
    await db.query(
      'insert into services (id, record, search_text, content_hash) values ($1, $2::text::jsonb, $3, $4)',
      [service.id, JSON.stringify(service), searchTextOf(service), contentHash(service)],
    );
  }
}
