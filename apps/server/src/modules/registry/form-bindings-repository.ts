/**
 * SQL of the registry's answers to data collection forms (docs/adr/0015-data-collection-forms.md): every
 * count and list of people bound by a form, computed for one target (a community or grid) in one statement,
 * and the floor area of its housing.
 */
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Db } from '../../platform/db/engine.ts';
import * as records from '../residents/records.ts';

/** A count of people (or of their households) matching `where`, or the list of them (name and address). */
export type ValueSpec = {
  key: string;
  where: RawBuilder<SqlBool> | null;
  kind: 'count' | 'households' | 'list';
};
export type Target = { communityId: string; path: string };
export type ListRow = { name: string; address_text: string };

/**
 * The people of a target, narrowed so the plan starts from the target's own rows: the community's (by key),
 * and below a community only households whose room lies under the target (a range of the path index).
 * `placeIn` still decides who lives there (the registry's one definition); the narrowing only lets the
 * planner skip the rest of the community instead of testing every person of it.
 */
function peopleOf(tx: Db, t: Target) {
  const whole = t.path.endsWith(`/${t.communityId}/`);
  let q = records
    .peopleBase(tx)
    .where(records.placeIn([t.path]))
    .where(sql<SqlBool>`p.community_id = ${t.communityId}`);
  if (!whole)
    q = q.where(sql<SqlBool>`h.address_node_id IN (SELECT n.id FROM org_node n WHERE n.path LIKE ${`${t.path}%`})`);
  return q;
}

/**
 * Every count and list in one statement over the target's people: `count(*) FILTER (…)` per count, and per
 * list `json_agg(… ORDER BY address, name) FILTER (…)` — a filter inside an aggregate stays a per-row test
 * (a tag's EXISTS in a WHERE would be pulled up into a join the planner may start from the tag table with).
 * Lists are cut to `listMax` rows by `valuesUnder`. Exported for the benchmark's EXPLAIN.
 */
export function valuesQuery(tx: Db, target: Target, specs: readonly ValueSpec[]) {
  const cols = specs.map((s, i) => {
    const agg =
      s.kind === 'list'
        ? sql`json_agg(json_build_object('name', p.name, 'address_text', h.address_text) ORDER BY h.address_text, p.name)`
        : s.kind === 'households'
          ? sql`count(DISTINCT p.household_id)`
          : sql`count(*)`;
    return (s.where ? sql<unknown>`${agg} FILTER (WHERE ${s.where})` : sql<unknown>`${agg}`).as(`c${i}`);
  });
  return peopleOf(tx, target).select(cols);
}

export async function valuesUnder(
  tx: Db,
  target: Target,
  specs: readonly ValueSpec[],
  listMax: number,
): Promise<Map<string, number | ListRow[]>> {
  if (specs.length === 0) return new Map();
  const row = (await valuesQuery(tx, target, specs).executeTakeFirst()) as Record<string, unknown> | undefined;
  return new Map<string, number | ListRow[]>(
    specs.map((s, i): [string, number | ListRow[]] => {
      const v = row?.[`c${i}`];
      if (s.kind !== 'list') return [s.key, Number(v ?? 0)];
      const rows = (typeof v === 'string' ? JSON.parse(v) : (v ?? [])) as ListRow[];
      return [s.key, rows.slice(0, listMax)];
    }),
  );
}

/**
 * People of `communityId` carrying the (stored, not derived) tag `code` today, as the registry's rule SQL
 * reads tags. Inside an aggregate's FILTER this is an uncorrelated subquery: PostgreSQL reads the community's
 * rows of that tag once (by the tag index) and tests each person against a hash — not one probe per person.
 */
export const taggedIn = (communityId: string, code: string, today: string) =>
  sql<SqlBool>`p.id IN (SELECT t.person_id FROM person_tag t WHERE t.community_id = ${communityId}
    AND t.tag_code = ${code} AND t.valid_from <= ${today} AND (t.valid_to IS NULL OR t.valid_to >= ${today}))`;

/** Total floor area (m², two decimals) of the housing units whose room lies under `path`. */
export async function floorAreaUnder(tx: Db, communityId: string, path: string): Promise<number> {
  const r = await sql<{ total: string | null }>`SELECT sum(hu.floor_area) AS total FROM housing_unit hu
    JOIN org_node n ON n.id = hu.node_id
    WHERE hu.community_id = ${communityId} AND n.path LIKE ${`${path}%`}`.execute(tx);
  return Math.round(Number(r.rows[0]?.total ?? 0) * 100) / 100;
}
