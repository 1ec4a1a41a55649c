/** The open311 module's SQL. */
import type { Insertable } from 'kysely';
import type { Db } from '../../platform/db/engine.ts';
import type { Open311Tables } from './tables.ts';

const t = (tx: Db) => tx.withTables<Open311Tables>();

export async function insert(tx: Db, row: Insertable<Open311Tables['open311_request']>): Promise<void> {
  await t(tx).insertInto('open311_request').values(row).execute();
}

/** Media URLs of the given cases that came through Open311, by case id. */
export async function mediaOf(tx: Db, caseIds: readonly string[]): Promise<Map<string, string | null>> {
  if (caseIds.length === 0) return new Map();
  const rows = await t(tx)
    .selectFrom('open311_request')
    .select(['case_id', 'media_url'])
    .where('case_id', 'in', [...caseIds])
    .execute();
  return new Map(rows.map((r) => [r.case_id, r.media_url]));
}
