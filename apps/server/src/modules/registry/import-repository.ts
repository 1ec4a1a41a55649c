/** The registry_import table: an uploaded residents spreadsheet and the outcome of its last run. */
import type { ColumnType } from 'kysely';
import type { Db } from '../../platform/db/engine.ts';

type Json = ColumnType<unknown, string, string>;
type ImportTables = {
  registry_import: {
    id: string;
    uploaded_by: string;
    file_hash: string;
    file_type: string;
    row_count: number;
    headers: Json;
    community_id: string | null;
    result: ColumnType<unknown, string | null, string | null>;
    created_at: ColumnType<Date, Date, Date>;
    imported_at: ColumnType<Date | null, Date | null, Date | null>;
  };
};
const t = (tx: Db) => tx.withTables<ImportTables>();

export const insertImport = (
  tx: Db,
  i: { id: string; by: string; hash: string; type: string; rows: number; headers: string[]; at: Date },
) =>
  t(tx)
    .insertInto('registry_import')
    .values({
      id: i.id,
      uploaded_by: i.by,
      file_hash: i.hash,
      file_type: i.type,
      row_count: i.rows,
      headers: JSON.stringify(i.headers),
      community_id: null,
      result: null,
      created_at: i.at,
      imported_at: null,
    })
    .execute();

/** Only the uploader's own upload (anyone else gets 404). */
export const importOf = (tx: Db, id: string, userId: string) =>
  t(tx)
    .selectFrom('registry_import')
    .select(['id', 'file_hash', 'file_type'])
    .where('id', '=', id)
    .where('uploaded_by', '=', userId)
    .executeTakeFirst();

export const saveResult = (tx: Db, id: string, communityId: string, result: unknown, at: Date) =>
  t(tx)
    .updateTable('registry_import')
    .set({ community_id: communityId, result: JSON.stringify(result), imported_at: at })
    .where('id', '=', id)
    .execute();
