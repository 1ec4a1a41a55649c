import { type Insertable, type Selectable, type SqlBool, sql, type Updateable } from 'kysely';
import type { Db } from '../../platform/db/engine.ts';
import { tsQueryOf } from '../../platform/text/tokens.ts';
import type { GuideTables } from './tables.ts';

const g = (tx: Db) => tx.withTables<GuideTables>();

export type GuideRow = Selectable<GuideTables['service_guide']> & { node_name: string };
type Insert = Omit<Insertable<GuideTables['service_guide']>, 'search'>;

export const insert = (tx: Db, row: Insert, tokens: string[]) =>
  g(tx)
    .insertInto('service_guide')
    .values({ ...row, search: sql`array_to_tsvector(${tokens}::text[])` })
    .execute();

const base = (tx: Db) =>
  g(tx)
    .selectFrom('service_guide as s')
    .innerJoin('org_node as o', 'o.id', 's.node_id')
    .selectAll('s')
    .select('o.name as node_name');

export const byId = (tx: Db, id: string) =>
  base(tx).where('s.id', '=', id).executeTakeFirst() as Promise<GuideRow | undefined>;

/** Active guides at exactly these nodes, matching the query when given (tokens, or title initials). */
export const atPaths = (
  tx: Db,
  paths: string[],
  q: { tokens: string[]; initials: string | null } | null,
  category?: string,
) =>
  base(tx)
    .where('s.node_path', 'in', paths)
    .where('s.active', '=', true)
    .$if(!!category, (x) => x.where('s.category', '=', category!))
    .$if(!!q, (x) =>
      x.where(
        sql<SqlBool>`(${q!.tokens.length ? sql`s.search @@ ${tsQueryOf(q!.tokens)}::tsquery` : sql`false`} OR ${
          q!.initials ? sql`s.initials LIKE ${`%${q!.initials}%`}` : sql`false`
        })`,
      ),
    )
    .orderBy('s.category')
    .orderBy('s.title')
    .execute() as Promise<GuideRow[]>;

/** District items a community has overridden (active overrides only). */
export const overriddenAt = async (tx: Db, communityPath: string): Promise<Set<string>> =>
  new Set(
    (
      await g(tx)
        .selectFrom('service_guide')
        .select('base_id')
        .where('node_path', '=', communityPath)
        .where('base_id', 'is not', null)
        .where('active', '=', true)
        .execute()
    ).map((r) => r.base_id!),
  );

export async function update(
  tx: Db,
  id: string,
  version: number,
  patch: Omit<Updateable<GuideTables['service_guide']>, 'id' | 'version' | 'search'>,
  tokens: string[],
): Promise<boolean> {
  const r = await g(tx)
    .updateTable('service_guide')
    .set((eb) => ({ ...patch, search: sql`array_to_tsvector(${tokens}::text[])`, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
