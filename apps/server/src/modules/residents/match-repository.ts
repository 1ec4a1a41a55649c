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

function condition(c: Condition, today: string, ages: AgeTags): B {
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
    const size = sql`(SELECT count(*) FROM person s WHERE s.community_id = p.community_id AND s.household_id = p.household_id)`;
    return and([
      ...(h.minSize != null ? [sql<SqlBool>`${size} >= ${h.minSize}`] : []),
      ...(h.maxSize != null ? [sql<SqlBool>`${size} <= ${h.maxSize}`] : []),
      ...(h.memberTag ? [otherMember(hasTag('m', h.memberTag, today, ages))] : []),
      ...(h.memberAge ? [otherMember(ageOf('m.birth_date', today, h.memberAge.min, h.memberAge.max))] : []),
    ]);
  }
  const h = c.housing;
  return and([
    ...(h.ownership ? [sql<SqlBool>`hu.ownership IN (${sql.join(h.ownership)})`] : []),
    ...(h.use ? [sql<SqlBool>`hu.use IN (${sql.join(h.use)})`] : []),
    ...(h.minArea != null ? [sql<SqlBool>`hu.floor_area >= ${h.minArea}`] : []),
    ...(h.maxArea != null ? [sql<SqlBool>`hu.floor_area <= ${h.maxArea}`] : []),
  ]);
}

export const ruleWhere = (rule: Rule, today: string, ages: AgeTags): B =>
  and(rule.all.map((c) => condition(c, today, ages)));

/** Matches per community (for the live count). */
export async function countByCommunity(tx: Db, where: B) {
  const rows = await peopleBase(tx)
    .where(where)
    .select(['cn.id', 'cn.name', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['cn.id', 'cn.name'])
    .orderBy('cn.name')
    .execute();
  return rows.map((x) => ({ id: x.id, name: x.name, count: Number(x.n) }));
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
