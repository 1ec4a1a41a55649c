/** SQL of registry exports: the requests and, page by page, the people a download writes. */
import { type RawBuilder, type Selectable, type SqlBool, sql } from 'kysely';
import type { Db } from '../../platform/db/engine.ts';
import { PLACE, peopleBase } from '../residents/records-repository.ts';

type Ts = Date | null;
export interface ExportTable {
  id: string;
  node_id: string;
  node_path: string;
  columns: string[];
  reason: string;
  requested_by: string;
  requested_by_name: string;
  requested_at: Date;
  status: string;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: Ts;
  note: string | null;
  expires_at: Ts;
  downloads: number;
  version: number;
}
export type ExportRow = Selectable<ExportTable> & { node_name: string };
const t = (tx: Db) => tx.withTables<{ registry_export: ExportTable }>();

export const insertExport = (
  tx: Db,
  e: Omit<
    ExportTable,
    'status' | 'decided_by' | 'decided_by_name' | 'decided_at' | 'note' | 'expires_at' | 'downloads' | 'version'
  >,
) =>
  t(tx)
    .insertInto('registry_export')
    .values({
      ...e,
      status: 'pending',
      decided_by: null,
      decided_by_name: null,
      decided_at: null,
      note: null,
      expires_at: null,
      downloads: 0,
      version: 1,
    })
    .execute();

const withNode = (tx: Db) =>
  t(tx)
    .selectFrom('registry_export as e')
    .innerJoin('org_node as n', 'n.id', 'e.node_id')
    .selectAll('e')
    .select('n.name as node_name');

export const exportById = (tx: Db, id: string) =>
  withNode(tx).where('e.id', '=', id).executeTakeFirst() as Promise<ExportRow | undefined>;

export const exportsOf = (tx: Db, userId: string) =>
  withNode(tx).where('e.requested_by', '=', userId).orderBy('e.requested_at', 'desc').limit(100).execute() as Promise<
    ExportRow[]
  >;

/** Requests whose area lies within (or is) one of `scopes`, pending first. */
export const exportsUnder = (tx: Db, scopes: readonly string[]) =>
  scopes.length === 0
    ? Promise.resolve([] as ExportRow[])
    : (withNode(tx)
        .where(
          sql<SqlBool>`(${sql.join(
            scopes.map((s) => sql`e.node_path LIKE ${`${s}%`}`),
            sql` OR `,
          )})`,
        )
        .orderBy(sql`e.status = 'pending'`, 'desc')
        .orderBy('e.requested_at', 'desc')
        .limit(200)
        .execute() as Promise<ExportRow[]>);

/** Compare-and-set decision; false when someone decided first. */
export async function decide(
  tx: Db,
  id: string,
  version: number,
  d: { status: string; by: string; name: string; at: Date; note: string | null; expires: Date | null },
) {
  const r = await t(tx)
    .updateTable('registry_export')
    .set({
      status: d.status,
      decided_by: d.by,
      decided_by_name: d.name,
      decided_at: d.at,
      note: d.note,
      expires_at: d.expires,
      version: version + 1,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return r.numUpdatedRows === 1n;
}

export const countDownload = (tx: Db, id: string) =>
  t(tx)
    .updateTable('registry_export')
    .set((eb) => ({ downloads: eb('downloads', '+', 1) }))
    .where('id', '=', id)
    .execute();

/** One page of the people under `where`, in address order, after (address, id) `after`. */
export const peoplePage = (
  tx: Db,
  where: RawBuilder<SqlBool>,
  after: { address: string; id: string } | null,
  limit: number,
) =>
  peopleBase(tx)
    .where(where)
    .where(after ? sql<SqlBool>`(h.address_text, p.id) > (${after.address}, ${after.id})` : sql<SqlBool>`true`)
    .select([
      'p.id',
      'p.name',
      'p.sex',
      'p.birth_date',
      'p.phone',
      'p.relation',
      'p.residence_status',
      'p.id_masked',
      'p.id_cipher',
      'h.address_text',
      'cn.name as community',
      sql<string>`${sql.raw(PLACE)}`.as('place'),
    ])
    .orderBy('h.address_text')
    .orderBy('p.id')
    .limit(limit)
    .execute();
