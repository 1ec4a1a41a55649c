/**
 * Policy rules (政策找人) as SQL over people, households, housing and tags. The rule is validated by its
 * contract schema; every value reaches PostgreSQL as a parameter.
 */
import type { api } from '@linli/contracts';
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Db } from '../../platform/db/engine.ts';
import { birthBounds } from './ages.ts';
import { communityIn } from './reach.ts';
import { PLACE, peopleBase } from './records-repository.ts';

type Rule = api.registryOutreach.Rule;
type Condition = api.registryOutreach.RuleCondition;
type B = RawBuilder<SqlBool>;

/** What the compiler needs to know about the taxonomy: age bounds of the derived tags. */
export type AgeTags = ReadonlyMap<string, { min: number | null; max: number | null }>;

const TRUE = sql<SqlBool>`true`;
export const sqlAnd = (xs: B[]): B => and(xs);
const and = (xs: B[]): B => (xs.length === 0 ? TRUE : sql<SqlBool>`(${sql.join(xs, sql` AND `)})`);

function ageOf(col: string, today: string, min?: number | null, max?: number | null): B {
  const { by, after } = birthBounds(today, min, max);
  return and([
    ...(by ? [sql<SqlBool>`${sql.ref(col)} <= ${by}`] : []),
    ...(after ? [sql<SqlBool>`${sql.ref(col)} > ${after}`] : []),
  ]);
}

/** A tag currently valid on the person in `alias`; derived (age) tags test the birth date instead. */
function hasTag(alias: string, code: string, today: string, ages: AgeTags): B {
  const a = ages.get(code);
  if (a) return ageOf(`${alias}.birth_date`, today, a.min, a.max);
  return sql<SqlBool>`EXISTS (SELECT 1 FROM person_tag t WHERE t.community_id = ${sql.ref(`${alias}.community_id`)}
    AND t.person_id = ${sql.ref(`${alias}.id`)} AND t.tag_code = ${code}
    AND t.valid_from <= ${today} AND (t.valid_to IS NULL OR t.valid_to >= ${today}))`;
}

/** Someone else in p's household meeting `cond` (over alias m). */
const otherMember = (cond: B): B => sql<SqlBool>`EXISTS (SELECT 1 FROM person m WHERE m.community_id = p.community_id
    AND m.household_id = p.household_id AND m.id <> p.id AND ${cond})`;

/** Window columns over p's household that household conditions read (see peopleOf). */
type Windows = RawBuilder<unknown>[];
const SIZE = sql`count(*) OVER hh AS hh_n`;

function condition(c: Condition, today: string, ages: AgeTags, windows: Windows): B {
  if ('tag' in c) {
    const has = hasTag('p', c.tag, today, ages);
    return c.has ? has : sql<SqlBool>`NOT ${has}`;
  }
  if ('anyTag' in c)
    return sql<SqlBool>`(${sql.join(
      c.anyTag.map((t) => hasTag('p', t, today, ages)),
      sql` OR `,
    )})`;
  if ('age' in c) return ageOf('p.birth_date', today, c.age.min, c.age.max);
  if ('sex' in c) return sql<SqlBool>`p.sex = ${c.sex}`;
  if ('residence' in c) return sql<SqlBool>`p.residence_status IN (${sql.join(c.residence)})`;
  if ('household' in c) {
    const h = c.household;
    if (h.minSize == null && h.maxSize == null && !h.memberAge)
      return h.memberTag ? otherMember(hasTag('m', h.memberTag, today, ages)) : TRUE;
    // Sizes and members' ages of p's household come with p itself, as window columns over the household
    // index (which carries the birth dates): one pass over the people in reach, in household order. Another
    // member is of that age when the household has two of that age, or one and it is not p.
    if (!windows.includes(SIZE)) windows.push(SIZE);
    const kid = (alias: string) => ageOf(`${alias}.birth_date`, today, h.memberAge?.min, h.memberAge?.max);
    const k = sql.ref(`p.hh_k${windows.length}`);
    if (h.memberAge)
      windows.push(sql`count(*) FILTER (WHERE ${kid('p')}) OVER hh AS ${sql.ref(`hh_k${windows.length}`)}`);
    return and([
      ...(h.minSize != null ? [sql<SqlBool>`p.hh_n >= ${h.minSize}`] : []),
      ...(h.maxSize != null ? [sql<SqlBool>`p.hh_n <= ${h.maxSize}`] : []),
      ...(h.memberAge ? [sql<SqlBool>`${k} > 0 AND (${k} >= 2 OR NOT ${kid('p')})`] : []),
      ...(h.memberTag ? [otherMember(hasTag('m', h.memberTag, today, ages))] : []),
    ]);
  }
  const h = c.housing;
  const facts = [
    ...(h.ownership ? [sql<SqlBool>`hu.ownership IN (${sql.join(h.ownership)})`] : []),
    ...(h.use ? [sql<SqlBool>`hu.use IN (${sql.join(h.use)})`] : []),
    ...(h.minArea != null ? [sql<SqlBool>`hu.floor_area >= ${h.minArea}`] : []),
    ...(h.maxArea != null ? [sql<SqlBool>`hu.floor_area <= ${h.maxArea}`] : []),
  ];
  // A condition on p alone (no joins needed around it): the housing facts of p's household's room, if any.
  return facts.length === 0
    ? TRUE
    : sql<SqlBool>`EXISTS (SELECT 1 FROM household hh JOIN housing_unit hu ON hu.community_id = hh.community_id
        AND hu.node_id = hh.address_node_id WHERE hh.community_id = p.community_id AND hh.id = p.household_id
        AND ${and(facts)})`;
}

/** A rule compiled: its condition on people (alias p), and where p comes from (see peopleOf). */
export interface Compiled {
  where: B;
  from: RawBuilder<unknown>;
}

/**
 * The rule over the people of `communities` (those in the caller's reach: see reachedCommunities). Household
 * sizes and members' ages need p's household alongside p: people then come from a window over the households
 * of those communities, with only the columns conditions and scopes test (all in the household index), read
 * as one index range per community (a part of a district's count reads its part only).
 */
export function compileRule(rule: Rule, today: string, ages: AgeTags, communities: readonly string[]): Compiled {
  const windows: Windows = [];
  const where = and(rule.all.map((c) => condition(c, today, ages, windows)));
  if (windows.length === 0) return { where, from: sql`person p` };
  return {
    where,
    from: sql`(SELECT p.community_id, p.id, p.household_id, p.birth_date, p.sex, p.residence_status, p.moved_out_at,
        ${sql.join(windows)}
      FROM person p WHERE p.moved_out_at IS NULL AND p.community_id = ANY(${communities}::bigint[])
      WINDOW hh AS (PARTITION BY p.community_id, p.household_id)) p`,
  };
}

/** A rule with no household size or member age (a tag, an age: the filters of listings) as a condition on p. */
export function ruleWhere(rule: Rule, today: string, ages: AgeTags): B {
  const windows: Windows = [];
  const where = and(rule.all.map((c) => condition(c, today, ages, windows)));
  if (windows.length > 0) throw new Error('household sizes and ages need compileRule');
  return where;
}

/**
 * Matches per community (for the live count). Rules and scopes are conditions on p alone, so people are counted
 * without joining their households and rooms (every person has a household), and named after grouping.
 */
export async function countByCommunity(tx: Db, where: B, from: RawBuilder<unknown> = sql`person p`) {
  const rows = await sql<{ id: string; name: string; n: string }>`SELECT cn.id, cn.name, x.n
    FROM (SELECT p.community_id, count(*) AS n FROM ${from} WHERE ${where} GROUP BY p.community_id) x
    JOIN org_node cn ON cn.id = x.community_id
    ORDER BY cn.name`.execute(tx);
  return rows.rows.map((x) => ({ id: x.id, name: x.name, count: Number(x.n) }));
}

/** Every match with its place and the grid above it (whose grid workers get the outreach task). */
export async function matches(tx: Db, where: B, from: RawBuilder<unknown> = sql`person p`) {
  const r = await sql<{ community_id: string; id: string; place: string; grid_id: string | null }>`
    SELECT p.community_id, p.id, ${sql.raw(PLACE)} AS place,
      (SELECT g.id FROM org_node g WHERE g.type = 'grid' AND g.community_id = p.community_id
        AND ${sql.raw(PLACE)} LIKE g.path || '%' LIMIT 1) AS grid_id
    FROM ${from}
    JOIN household h ON h.community_id = p.community_id AND h.id = p.household_id
    LEFT JOIN org_node rn ON rn.id = h.address_node_id
    JOIN org_node cn ON cn.id = p.community_id
    WHERE ${where}`.execute(tx);
  return r.rows;
}

/** Aggregates only: households, people, by residence status and by tag (tags valid today), per community. */
export async function statsByCommunity(tx: Db, scope: B, today: string) {
  const people = await peopleBase(tx)
    .where(scope)
    .select(['cn.id', 'cn.name', 'p.residence_status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['cn.id', 'cn.name', 'p.residence_status'])
    .execute();
  const tags = await peopleBase(tx)
    .innerJoin('person_tag as t', (j) =>
      j.onRef('t.community_id', '=', 'p.community_id').onRef('t.person_id', '=', 'p.id'),
    )
    .where(scope)
    .where(sql<SqlBool>`t.valid_from <= ${today} AND (t.valid_to IS NULL OR t.valid_to >= ${today})`)
    .select(['cn.id', 't.tag_code', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['cn.id', 't.tag_code'])
    .execute();
  const households = await peopleBase(tx)
    .where(scope)
    .select(['cn.id', sql<number>`count(DISTINCT p.household_id)`.as('n')])
    .groupBy('cn.id')
    .execute();
  return { people, tags, households };
}
