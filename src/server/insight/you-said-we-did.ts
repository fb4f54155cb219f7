import { randomUUID } from 'node:crypto';
import type { YouSaidWeDid, YouSaidWeDidRequest } from '../../domain/api/you-said-we-did.ts';
import type { Database } from '../db/database.ts';
import { toIsoTime } from './csv.ts';

/**
 * "You said, we did": what the council changed because of what people told it, written by analysts and
 * shown to everyone. Each entry says which language it is written in, so a page in another language
 * can mark it for screen readers.
 */

export const YOU_SAID_WE_DID_LIMIT = 50;

interface Row {
  id: string;
  you_said: string;
  we_did: string;
  language: string;
  area_of_focus: string | null;
  published_on: string;
  created_at: unknown;
}

const toEntry = (row: Row): YouSaidWeDid => ({
  id: row.id,
  youSaid: row.you_said,
  weDid: row.we_did,
  language: row.language,
  areaOfFocus: row.area_of_focus,
  publishedOn: row.published_on,
  createdAt: toIsoTime(row.created_at),
});

const COLUMNS = `id, you_said, we_did, language, area_of_focus, to_char(published_on, 'YYYY-MM-DD') as published_on, created_at`;

export async function listYouSaidWeDid(db: Database): Promise<YouSaidWeDid[]> {
  const rows = await db.query<Row>(
    `select ${COLUMNS} from you_said_we_did order by published_on desc, created_at desc limit ${YOU_SAID_WE_DID_LIMIT}`,
  );
  return rows.map(toEntry);
}

export async function addYouSaidWeDid(
  db: Database,
  entry: YouSaidWeDidRequest,
  analystId: string,
): Promise<YouSaidWeDid> {
  const [row] = await db.query<Row>(
    `insert into you_said_we_did (id, you_said, we_did, language, area_of_focus, published_on, created_by)
     values ($1, $2, $3, $4, $5, (now() at time zone 'Europe/London')::date, $6)
     returning ${COLUMNS}`,
    [randomUUID(), entry.youSaid, entry.weDid, entry.language ?? 'en', entry.areaOfFocus ?? null, analystId],
  );
  return toEntry(row as Row);
}

export async function removeYouSaidWeDid(db: Database, id: string): Promise<boolean> {
  return (await db.query('delete from you_said_we_did where id = $1 returning id', [id])).length > 0;
}
