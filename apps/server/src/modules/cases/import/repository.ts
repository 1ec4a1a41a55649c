/** The SQL of hotline imports: the upload's row, the street's communities, and orders already imported. */
import { type ColumnType, sql } from 'kysely';
import type { Db } from '../../../platform/db/engine.ts';
import type { DomainEvent } from '../../../platform/outbox/outbox.ts';

type Json = ColumnType<unknown, string, string>;

type ImportTables = {
  case_import: {
    id: string;
    uploaded_by: string;
    file_hash: string;
    file_type: string;
    file_size: number;
    row_count: number;
    headers: Json;
    status: ColumnType<string, string | undefined, string>;
    street_id: string | null;
    result: ColumnType<unknown, string | null, string | null>;
    created_at: ColumnType<Date, Date, Date>;
    imported_at: ColumnType<Date | null, Date | null, Date | null>;
  };
};

const t = (tx: Db) => tx.withTables<ImportTables>();

export interface NewImport {
  id: string;
  uploadedBy: string;
  fileHash: string;
  fileType: 'csv' | 'xlsx';
  fileSize: number;
  rowCount: number;
  headers: readonly string[];
  at: Date;
}

export const insertImport = (tx: Db, i: NewImport) =>
  t(tx)
    .insertInto('case_import')
    .values({
      id: i.id,
      uploaded_by: i.uploadedBy,
      file_hash: i.fileHash,
      file_type: i.fileType,
      file_size: i.fileSize,
      row_count: i.rowCount,
      headers: JSON.stringify(i.headers),
      created_at: i.at,
    })
    .execute();

/** An upload, only for the one who uploaded it. */
export const importOf = (tx: Db, id: string, userId: string) =>
  t(tx)
    .selectFrom('case_import')
    .select(['id', 'file_hash', 'file_type'])
    .where('id', '=', id)
    .where('uploaded_by', '=', userId)
    .executeTakeFirst();

export const recordRun = (tx: Db, id: string, streetId: string, result: Record<string, number>, at: Date) =>
  t(tx)
    .updateTable('case_import')
    .set({ status: 'imported', street_id: streetId, result: JSON.stringify(result), imported_at: at })
    .where('id', '=', id)
    .execute();

/** The communities (and villages) of a street, with their statistical codes. */
export const communitiesOf = (tx: Db, streetPath: string) =>
  tx
    .selectFrom('org_node')
    .select(['id', 'name', 'code', 'path'])
    .where('path', 'like', `${streetPath}%`)
    .where('type', '=', 'community')
    .orderBy('id')
    .execute();

/** Hotline order numbers already cases in these communities (the unique key of migration 0009). */
export async function existingOrders(
  tx: Db,
  communityIds: readonly string[],
  orderNos: readonly string[],
): Promise<Set<string>> {
  if (communityIds.length === 0 || orderNos.length === 0) return new Set();
  const { rows } = await sql<{ external_no: string }>`
    SELECT external_no FROM case_record
    WHERE community_id = ANY(${[...communityIds]}::bigint[]) AND source = 'hotline'
      AND external_no = ANY(${[...orderNos]}::text[])`.execute(tx);
  return new Set(rows.map((r) => r.external_no));
}

/**
 * Domain events in the outbox, as `emitEvent` writes them one by one, in multi-row inserts: an import
 * emits three per case (created, yellow and red SLA checks), and one statement per event would double its time.
 */
export async function insertEvents(tx: Db, at: Date, events: readonly DomainEvent[]): Promise<void> {
  for (let i = 0; i < events.length; i += 1000) {
    await tx
      .insertInto('outbox')
      .values(
        events.slice(i, i + 1000).map((e) => ({
          topic: e.topic,
          payload: JSON.stringify(e.payload),
          community_id: e.communityId ?? null,
          created_at: at,
          available_at: e.availableAt ?? at,
        })),
      )
      .execute();
  }
}
