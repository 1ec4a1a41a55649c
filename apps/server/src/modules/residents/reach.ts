/**
 * The people a set of scopes reaches, resolved before the query that reads them: the communities wholly in
 * reach (the scope is the community or above it) and, for scopes below a community (a grid, a building), that
 * community and the scope's path. The same rule as placeIn (records-repository.ts), but the planner is handed
 * community ids instead of sub-selects it can only guess the size of — with them it walked a district's people
 * in index order for a count, or one community's people per candidate of a name search.
 */
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Db } from '../../platform/db/engine.ts';

export interface Reach {
  whole: string[];
  partial: { communityId: string; path: string }[];
}

export async function reachOf(tx: Db, scopes: readonly string[]): Promise<Reach> {
  if (scopes.length === 0) return { whole: [], partial: [] };
  const under = sql.join(
    scopes.map((p) => sql`c.path LIKE ${`${p}%`}`),
    sql` OR `,
  );
  const above = [...new Set(scopes.flatMap((p) => p.split('/').filter(Boolean)))];
  const r = await sql<{ id: string; path: string; whole: boolean }>`SELECT c.id::text AS id, c.path, (${under}) AS whole
    FROM org_node c WHERE c.type = 'community' AND (c.id IN (${sql.join(above)}) OR ${under})`.execute(tx);
  const whole = r.rows.filter((c) => c.whole);
  const partial: Reach['partial'] = [];
  for (const s of scopes) {
    if (whole.some((c) => s.startsWith(c.path))) continue;
    const c = r.rows.find((x) => s.startsWith(x.path) && s !== x.path);
    if (c) partial.push({ communityId: c.id, path: s });
  }
  return { whole: whole.map((c) => c.id), partial };
}

/** Every community the reach touches (household conditions group the households of these only). */
export const reachedCommunities = (r: Reach) => [...new Set([...r.whole, ...r.partial.map((p) => p.communityId)])];

/** The reach as disjoint parts of at most `size` whole communities (the partial ones go with the first). */
export function splitReach(r: Reach, size: number): Reach[] {
  if (r.whole.length <= size) return [r];
  return Array.from({ length: Math.ceil(r.whole.length / size) }, (_, i) => ({
    whole: r.whole.slice(i * size, (i + 1) * size),
    partial: i === 0 ? r.partial : [],
  }));
}

/**
 * `col` is one of `ids`. A short list is an index condition (a range per community); a long one is tested
 * row by row: as the leading column of a composite index (the primary key among them) it would make every
 * lookup descend the index once per community.
 */
export function communityIn(col: string, ids: readonly string[]): RawBuilder<SqlBool> {
  if (ids.length === 0) return sql<SqlBool>`false`;
  const any = sql<SqlBool>`${sql.ref(col)} = ANY(${ids}::bigint[])`;
  return ids.length <= 16 ? any : sql<SqlBool>`(${any}) IS TRUE`;
}

/** People (alias p) living in reach; a moved-out person (a tombstone) lives nowhere. */
export function inReach(r: Reach): RawBuilder<SqlBool> {
  const parts = [communityIn('p.community_id', r.whole)];
  if (r.partial.length > 0) {
    const paths = sql.join(
      r.partial.map((x) => sql`r2.path LIKE ${`${x.path}%`}`),
      sql` OR `,
    );
    parts.push(sql<SqlBool>`(p.community_id = ANY(${r.partial.map((x) => x.communityId)}::bigint[])
      AND EXISTS (SELECT 1 FROM household h2 JOIN org_node r2 ON r2.id = h2.address_node_id
        WHERE h2.community_id = p.community_id AND h2.id = p.household_id AND (${paths})))`);
  }
  return sql<SqlBool>`(p.moved_out_at IS NULL AND (${sql.join(parts, sql` OR `)}))`;
}
