/**
 * The registry_import tables: an uploaded residents spreadsheet, the job that imports it (status, phase,
 * progress, lease), its row-level errors, the ID numbers met so far and, for all-or-nothing, staged rows.
 */
import { type ColumnType, type Generated, type Selectable, sql } from 'kysely';
import type { Db } from '../../platform/db/engine.ts';

type Json = ColumnType<unknown, string | null, string | null>;
type Ts = ColumnType<Date | null, Date | null, Date | null>;
export type ImportTable = {
  id: string;
  uploaded_by: string;
  file_hash: string | null;
  file_type: string;
  row_count: number | null;
  headers: Json;
  community_id: string | null;
  result: Json;
  created_at: ColumnType<Date, Date, Date>;
  imported_at: Ts;
  status: string;
  size: ColumnType<string, string | number | undefined, string | number>;
  last_row: number | null;
  node_id: string | null;
  mapping: Json;
  mode: string | null;
  dry_run: Generated<boolean>;
  phase: Generated<string>;
  rows_done: Generated<number>;
  created: Generated<number>;
  updated: Generated<number>;
  unchanged: Generated<number>;
  failed: Generated<number>;
  written: Generated<boolean>;
  lease_until: Ts;
  lease_owner: string | null;
  attempts: Generated<number>;
  started_at: Ts;
  finished_at: Ts;
  failure: string | null;
};
export type ImportRow = Selectable<ImportTable>;
type ImportTables = {
  registry_import: ImportTable;
  registry_import_error: { import_id: string; row_n: number; field: string; code: string };
};
const t = (tx: Db) => tx.withTables<ImportTables>();

export const insertImport = (
  tx: Db,
  i: {
    id: string;
    by: string;
    hash: string | null;
    type: string;
    rows: number | null;
    lastRow: number | null;
    headers: string[] | null;
    at: Date;
    status: string;
  },
) =>
  t(tx)
    .insertInto('registry_import')
    .values({
      id: i.id,
      uploaded_by: i.by,
      file_hash: i.hash,
      file_type: i.type,
      row_count: i.rows,
      last_row: i.lastRow,
      headers: JSON.stringify(i.headers ?? []),
      community_id: null,
      result: null,
      created_at: i.at,
      imported_at: null,
      status: i.status,
    })
    .execute();

/** Only the uploader's own upload (anyone else gets 404). */
export const importOf = (tx: Db, id: string, userId: string) =>
  t(tx)
    .selectFrom('registry_import')
    .selectAll()
    .where('id', '=', id)
    .where('uploaded_by', '=', userId)
    .executeTakeFirst();

export const importById = (tx: Db, id: string) =>
  t(tx).selectFrom('registry_import').selectAll().where('id', '=', id).executeTakeFirst();

export const setUploaded = (
  tx: Db,
  id: string,
  f: { hash: string; rows: number; lastRow: number; headers: string[] },
) =>
  t(tx)
    .updateTable('registry_import')
    .set({
      file_hash: f.hash,
      row_count: f.rows,
      last_row: f.lastRow,
      headers: JSON.stringify(f.headers),
      status: 'uploaded',
    })
    .where('id', '=', id)
    .execute();

/** Compare-and-set of the received size of an upload in parts. */
export const grow = async (tx: Db, id: string, from: number, to: number) =>
  (
    await t(tx)
      .updateTable('registry_import')
      .set({ size: to })
      .where('id', '=', id)
      .where('status', '=', 'uploading')
      .where('size', '=', String(from))
      .executeTakeFirst()
  ).numUpdatedRows === 1n;

/** Starts (or, after a failure, resumes) a run: a new run with other settings starts from the top. */
export async function queue(
  tx: Db,
  id: string,
  s: { nodeId: string; communityId: string | null; mapping: unknown; mode: string; dryRun: boolean; resume: boolean },
) {
  await t(tx)
    .updateTable('registry_import')
    .set({
      status: 'queued',
      node_id: s.nodeId,
      community_id: s.communityId,
      mapping: JSON.stringify(s.mapping),
      mode: s.mode,
      dry_run: s.dryRun,
      lease_until: null,
      lease_owner: null,
      attempts: 0,
      failure: null,
      ...(s.resume
        ? {}
        : { phase: 'check', rows_done: 0, created: 0, updated: 0, unchanged: 0, failed: 0, written: false }),
    })
    .where('id', '=', id)
    .execute();
  if (!s.resume) await clearWork(tx, id, true);
}

/** Drops the per-run scratch rows (and, for a new run, the previous report). */
export async function clearWork(tx: Db, id: string, errorsToo: boolean) {
  await sql`DELETE FROM registry_import_key WHERE import_id = ${id}`.execute(tx);
  await sql`DELETE FROM registry_import_row WHERE import_id = ${id}`.execute(tx);
  if (errorsToo) await sql`DELETE FROM registry_import_error WHERE import_id = ${id}`.execute(tx);
}

/**
 * Takes the oldest queued import, or a running one whose worker's lease ran out (it crashed): `owner` holds
 * it until `until`. SKIP LOCKED lets several servers poll without taking the same import.
 */
export async function claim(tx: Db, owner: string, now: Date, until: Date, only?: string) {
  const r = await sql<ImportRow>`UPDATE registry_import SET status = 'running', lease_owner = ${owner},
      lease_until = ${until}, started_at = coalesce(started_at, ${now}), attempts = attempts + 1
    WHERE id = (SELECT id FROM registry_import
      WHERE (status = 'queued' OR (status = 'running' AND lease_until < ${now}))
        ${only ? sql`AND id = ${only}` : sql``}
      ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
    RETURNING *`.execute(tx);
  return r.rows[0];
}

export interface Progress {
  rowsDone: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
}

/** Moves progress on in the batch's own transaction; false when another worker holds the import now. */
export async function advance(tx: Db, id: string, owner: string, p: Progress & { phase?: string }, until: Date) {
  const r = await t(tx)
    .updateTable('registry_import')
    .set({
      rows_done: p.rowsDone,
      created: p.created,
      updated: p.updated,
      unchanged: p.unchanged,
      failed: p.failed,
      lease_until: until,
      ...(p.phase ? { phase: p.phase } : {}),
    })
    .where('id', '=', id)
    .where('lease_owner', '=', owner)
    .executeTakeFirst();
  return r.numUpdatedRows === 1n;
}

export const finish = (tx: Db, id: string, f: { written: boolean; at: Date; result: unknown; failure?: string }) =>
  t(tx)
    .updateTable('registry_import')
    .set({
      status: f.failure ? 'failed' : 'done',
      written: f.written,
      finished_at: f.at,
      imported_at: f.written ? f.at : null,
      result: JSON.stringify(f.result),
      lease_owner: null,
      lease_until: null,
      failure: f.failure ?? null,
    })
    .where('id', '=', id)
    .execute();

/** After an unexpected error: retried after `retryAt`, or failed for good after a few attempts. */
export const backOff = (tx: Db, id: string, owner: string, retryAt: Date, failure: string, giveUp: boolean) =>
  t(tx)
    .updateTable('registry_import')
    .set(giveUp ? { status: 'failed', failure, lease_owner: null } : { lease_until: retryAt, failure })
    .where('id', '=', id)
    .where('lease_owner', '=', owner)
    .execute();

export async function insertErrors(
  tx: Db,
  id: string,
  errors: readonly { row: number; field: string; code: string }[],
) {
  if (errors.length === 0) return;
  await sql`INSERT INTO registry_import_error (import_id, row_n, field, code)
    SELECT ${id}, r, f, c FROM unnest(${errors.map((e) => e.row)}::int[], ${errors.map((e) => e.field)}::text[],
      ${errors.map((e) => e.code)}::text[]) AS t(r, f, c)
    ON CONFLICT DO NOTHING`.execute(tx);
}

export const errorsOf = (tx: Db, id: string, limit: number, offset = 0) =>
  t(tx)
    .selectFrom('registry_import_error')
    .select(['row_n as row', 'field', 'code'])
    .where('import_id', '=', id)
    .orderBy('row_n')
    .orderBy('field')
    .limit(limit)
    .offset(offset)
    .execute();

export const errorCount = async (tx: Db, id: string) =>
  Number(
    (
      await t(tx)
        .selectFrom('registry_import_error')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('import_id', '=', id)
        .executeTakeFirstOrThrow()
    ).n,
  );

/**
 * Records the ID numbers of a batch's rows and answers those met at an earlier row of the file (duplicates).
 * Each number keeps the first row it was met at, so running the statement again for the same rows — a batch
 * redone after a crash, its keys already committed — finds no duplicates that were not there the first time.
 */
export async function meet(tx: Db, id: string, rows: readonly { blind: string; row: number }[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const r = await sql<{ id_blind: string; row_n: number }>`
    INSERT INTO registry_import_key AS k (import_id, id_blind, row_n)
    SELECT ${id}, b, n FROM unnest(${rows.map((x) => x.blind)}::text[], ${rows.map((x) => x.row)}::int[]) AS t(b, n)
    ON CONFLICT (import_id, id_blind) DO UPDATE SET row_n = least(k.row_n, excluded.row_n)
    RETURNING id_blind, row_n`.execute(tx);
  const rowOf = new Map(rows.map((x) => [x.blind, x.row]));
  return new Set(r.rows.filter((x) => x.row_n < rowOf.get(x.id_blind)!).map((x) => x.id_blind));
}

export interface StagedRow {
  row_n: number;
  community_id: string;
  room_id: string;
  name: string;
  id_cipher: string;
  id_blind: string;
  id_masked: string;
  sex: string;
  birth_date: string;
  phone: string | null;
  relation: string | null;
  residence: string | null;
}

export async function stage(tx: Db, id: string, rows: readonly StagedRow[]) {
  if (rows.length === 0) return;
  const c = <K extends keyof StagedRow>(k: K) => rows.map((r) => r[k]);
  await sql`INSERT INTO registry_import_row (import_id, row_n, community_id, room_id, name, id_cipher, id_blind,
      id_masked, sex, birth_date, phone, relation, residence)
    SELECT ${id}, * FROM unnest(${c('row_n')}::int[], ${c('community_id')}::bigint[], ${c('room_id')}::bigint[],
      ${c('name')}::text[], ${c('id_cipher')}::text[], ${c('id_blind')}::text[], ${c('id_masked')}::text[],
      ${c('sex')}::text[], ${c('birth_date')}::text[], ${c('phone')}::text[], ${c('relation')}::text[],
      ${c('residence')}::text[])`.execute(tx);
}

/** Staged rows after `after`, in file order. */
export const staged = async (tx: Db, id: string, after: number, limit: number) =>
  (
    await sql<StagedRow>`SELECT row_n, community_id, room_id, name, id_cipher, id_blind, id_masked, sex, birth_date,
      phone, relation, residence FROM registry_import_row WHERE import_id = ${id} AND row_n > ${after}
      ORDER BY row_n LIMIT ${limit}`.execute(tx)
  ).rows;

/** The uploader's recent imports. */
export const recentOf = (tx: Db, userId: string, limit: number) =>
  t(tx)
    .selectFrom('registry_import')
    .selectAll()
    .where('uploaded_by', '=', userId)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();

/** Refreshes the planner's statistics of the tables an import grows (see import-job.ts). */
export async function analyzeRegistry(db: Db) {
  await sql`ANALYZE person, household`.execute(db);
}

/** VACUUM (ANALYZE) of the tables an import grows: on the pool, outside any transaction. Never throws. */
export async function vacuumRegistry(db: Db): Promise<boolean> {
  try {
    await sql`VACUUM (ANALYZE) person, household, person_change`.execute(db);
    return true;
  } catch (e) {
    // The import has been written and is reported as such; stale statistics only slow reads until autovacuum.
    console.warn(`registry import: VACUUM (ANALYZE) failed: ${e instanceof Error ? e.message : String(e)}`);
    return false;
  }
}
