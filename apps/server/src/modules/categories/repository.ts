import { type Insertable, sql, type Updateable } from 'kysely';
import type { Db } from '../../platform/db/engine.ts';
import type { CategoryTables } from './tables.ts';

const c = (tx: Db) => tx.withTables<CategoryTables>();

export const all = (tx: Db, includeInactive: boolean) =>
  c(tx)
    .selectFrom('case_category')
    .selectAll()
    .$if(!includeInactive, (q) => q.where('active', '=', true))
    .orderBy(sql`length(code)`)
    .orderBy('sort_key')
    .orderBy('id')
    .execute();

export const byId = (tx: Db, id: string) =>
  c(tx).selectFrom('case_category').selectAll().where('id', '=', id).executeTakeFirst();

export const byIds = (tx: Db, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : c(tx).selectFrom('case_category').selectAll().where('id', 'in', ids).execute();

export const codeTaken = async (tx: Db, code: string) =>
  !!(await c(tx).selectFrom('case_category').select('id').where('code', '=', code).executeTakeFirst());

export const departmentExists = async (tx: Db, code: string) =>
  !!(await tx.selectFrom('department').select('id').where('code', '=', code).executeTakeFirst());

export async function insert(tx: Db, row: Omit<Insertable<CategoryTables['case_category']>, 'id'>): Promise<string> {
  const id = (await sql<{ id: string }>`SELECT nextval('case_category_id_seq')::text AS id`.execute(tx)).rows[0]!.id;
  await c(tx)
    .insertInto('case_category')
    .values({ ...row, id })
    .execute();
  return id;
}

export async function update(
  tx: Db,
  id: string,
  version: number,
  patch: Omit<Updateable<CategoryTables['case_category']>, 'id' | 'version'>,
): Promise<boolean> {
  const r = await c(tx)
    .updateTable('case_category')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
