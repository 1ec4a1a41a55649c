/**
 * Policy rules (政策找人) as SQL over people, households, housing and tags. The rule is validated by its
 * contract schema; every value reaches PostgreSQL as a parameter.
 */
import type { api } from '@linli/contracts';
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Db } from '../../platform/db/engine.ts';
import { birthBounds } from './ages.ts';
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

/** Restricts a community id column to the communities a rule is evaluated in (all of them when not given). */
type Within = (col: string) => B;

function condition(c: Condition, today: string, ages: AgeTags, within: Within): B {
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
    // Sizes and members' ages per household of the communities in reach, not per person (a correlated count
    // per person read the household once for each of its members). Another member is of that age when the
    // household has two of that age, or one and it is not p.
    const kid = (alias: string) => ageOf(`${alias}.birth_date`, today, h.memberAge?.min, h.memberAge?.max);
    const size = sql`${h.minSize != null ? sql`AND g.n >= ${h.minSize}` : sql``}
        ${h.maxSize != null ? sql`AND g.n <= ${h.maxSize}` : sql``}`;
    if (h.memberAge)
      // Only the households with someone of that age (a fraction of all) are grouped and sized.
      return and([
        sql<SqlBool>`EXISTS (SELECT 1 FROM (SELECT s.community_id, s.household_id, count(*) AS k,
            (SELECT count(*) FROM person z WHERE z.community_id = s.community_id
              AND z.household_id = s.household_id) AS n
          FROM person s WHERE ${kid('s')} AND ${within('s.community_id')}
          GROUP BY s.community_id, s.household_id) g
          WHERE g.community_id = p.community_id AND g.household_id = p.household_id ${size}
            AND (g.k >= 2 OR NOT ${kid('p')}))`,
        ...(h.memberTag ? [otherMember(hasTag('m', h.memberTag, today, ages))] : []),
      ]);
    return and([
      sql<SqlBool>`EXISTS (SELECT 1 FROM (SELECT s.community_id, s.household_id, count(*) AS n
        FROM person s WHERE ${within('s.community_id')} GROUP BY s.community_id, s.household_id) g
        WHERE g.community_id = p.community_id AND g.household_id = p.household_id ${size})`,
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

/**
 * The rule as a condition on people (alias p). `communities`, when given, are the only communities the rule
 * is evaluated in (see communitiesOf): household conditions then read the households of those only.
 */
export const ruleWhere = (rule: Rule, today: string, ages: AgeTags, communities?: readonly string[]): B => {
  const within: Within = communities
    ? (col) => sql<SqlBool>`${sql.ref(col)} = ANY(${communities}::bigint[])`
    : () => TRUE;
  return and(rule.all.map((c) => condition(c, today, ages, within)));
};

/** The communities under or above the scopes (those placeIn lets people of). */
export async function communitiesOf(tx: Db, scopes: readonly string[]): Promise<string[]> {
  if (scopes.length === 0) return [];
  const above = [...new Set(scopes.flatMap((p) => p.split('/').filter(Boolean)))];
  const r = await sql<{ id: string }>`SELECT c.id FROM org_node c WHERE c.type = 'community'
    AND (c.id IN (${sql.join(above)}) OR ${sql.join(
      scopes.map((p) => sql`c.path LIKE ${`${p}%`}`),
      sql` OR `,
    )})`.execute(tx);
  return r.rows.map((x) => x.id);
}

/**
 * Matches per community (for the live count). Rules and scopes are conditions on p alone, so people are counted
 * without joining their households and rooms (every person has a household), and named after grouping.
 */
export async function countByCommunity(tx: Db, where: B) {
  // A district-wide count crosses PostgreSQL's JIT threshold, and compiling the plan (about 0.6 s) costs more
  // than the count saves: off for this transaction only.
  await sql`SET LOCAL jit = off`.execute(tx);
  const rows = await sql<{ id: string; name: string; n: string }>`SELECT cn.id, cn.name, x.n
    FROM (SELECT p.community_id, count(*) AS n FROM person p WHERE ${where} GROUP BY p.community_id) x
    JOIN org_node cn ON cn.id = x.community_id
    ORDER BY cn.name`.execute(tx);
  return rows.rows.map((x) => ({ id: x.id, name: x.name, count: Number(x.n) }));
}

/** Every match with its place and the grid above it (whose grid workers get the outreach task). */
export async function matches(tx: Db, where: B) {
  return peopleBase(tx)
    .where(where)
    .select([
      'p.community_id',
      'p.id',
      sql<string>`${sql.raw(PLACE)}`.as('place'),
      sql<string | null>`(SELECT g.id FROM org_node g WHERE g.type = 'grid' AND g.community_id = p.community_id
        AND ${sql.raw(PLACE)} LIKE g.path || '%' LIMIT 1)`.as('grid_id'),
    ])
    .execute();
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
