/** Policies (政策找人) and their outreach tasks. */
import { type Insertable, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Db } from '../../platform/db/engine.ts';
import type { OutreachTables } from './outreach-tables.ts';

const r = (tx: Db) => tx.withTables<OutreachTables>();

/** `column LIKE p%` for each scope. */
export const under = (column: string, scopes: readonly string[]): RawBuilder<SqlBool> =>
  scopes.length === 0
    ? sql<SqlBool>`false`
    : sql<SqlBool>`(${sql.join(
        scopes.map((p) => sql`${sql.ref(column)} LIKE ${`${p}%`}`),
        sql` OR `,
      )})`;

export const insertPolicy = (tx: Db, p: Insertable<OutreachTables['outreach_policy']>) =>
  r(tx).insertInto('outreach_policy').values(p).execute();

export async function insertTasks(
  tx: Db,
  policyId: string,
  rows: { community_id: string; id: string; place: string; grid_id: string | null }[],
  at: Date,
) {
  for (let i = 0; i < rows.length; i += 500)
    await r(tx)
      .insertInto('outreach_task')
      .values(
        rows.slice(i, i + 500).map((m) => ({
          community_id: m.community_id,
          policy_id: policyId,
          person_id: m.id,
          grid_id: m.grid_id,
          place_path: m.place,
          created_at: at,
        })),
      )
      .execute();
}

const COVERAGE = [
  sql<number>`count(*)`.as('total'),
  sql<number>`count(*) FILTER (WHERE t.status = 'pending')`.as('pending'),
  sql<number>`count(*) FILTER (WHERE t.status = 'informed')`.as('informed'),
  sql<number>`count(*) FILTER (WHERE t.status = 'applied')`.as('applied'),
  sql<number>`count(*) FILTER (WHERE t.status = 'not_eligible')`.as('not_eligible'),
  sql<number>`count(*) FILTER (WHERE t.status = 'unreachable')`.as('unreachable'),
] as const;

/** Policies defined inside the scopes or with tasks there, newest first, with coverage inside the scopes. */
export async function policiesIn(tx: Db, scopes: string[], limit: number, offset: number) {
  const tasksIn = under('t.place_path', scopes);
  const visible = sql<SqlBool>`(${under('p.node_path', scopes)} OR EXISTS (SELECT 1 FROM outreach_task t
    WHERE t.policy_id = p.id AND ${tasksIn}))`;
  const base = r(tx).selectFrom('outreach_policy as p').where(visible);
  const [rows, total] = await Promise.all([
    base
      .innerJoin('org_node as n', 'n.id', 'p.node_id')
      .leftJoin('app_user as u', 'u.id', 'p.created_by')
      .select([
        'p.id',
        'p.name',
        'p.description',
        'p.node_id',
        'n.name as node_name',
        'p.rule',
        'p.created_at',
        'u.name as creator',
      ])
      .orderBy('p.created_at', 'desc')
      .orderBy('p.id')
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}

export const policyById = (tx: Db, id: string) =>
  r(tx)
    .selectFrom('outreach_policy as p')
    .innerJoin('org_node as n', 'n.id', 'p.node_id')
    .leftJoin('app_user as u', 'u.id', 'p.created_by')
    .select([
      'p.id',
      'p.name',
      'p.description',
      'p.node_id',
      'p.node_path',
      'n.name as node_name',
      'p.rule',
      'p.created_at',
      'u.name as creator',
    ])
    .where('p.id', '=', id)
    .executeTakeFirst();

export const hasTasksIn = async (tx: Db, policyId: string, scopes: string[]) =>
  !!(await r(tx)
    .selectFrom('outreach_task as t')
    .select('t.person_id')
    .where('t.policy_id', '=', policyId)
    .where(under('t.place_path', scopes))
    .limit(1)
    .executeTakeFirst());

/** Outcome counts per policy (and per grid when asked), inside the scopes. */
export async function coverage(tx: Db, policyIds: string[], scopes: string[], byGrid: boolean) {
  if (policyIds.length === 0) return [];
  const q = r(tx)
    .selectFrom('outreach_task as t')
    .innerJoin('org_node as c', 'c.id', 't.community_id')
    .leftJoin('org_node as g', 'g.id', 't.grid_id')
    .where('t.policy_id', 'in', policyIds)
    .where(under('t.place_path', scopes));
  const rows = byGrid
    ? await q
        .select([
          't.policy_id',
          't.grid_id',
          'g.name as grid_name',
          'c.id as community_id',
          'c.name as community_name',
          ...COVERAGE,
        ])
        .groupBy(['t.policy_id', 't.grid_id', 'g.name', 'c.id', 'c.name'])
        .orderBy('c.name')
        .orderBy('g.name')
        .execute()
    : await q
        .select([
          't.policy_id',
          sql<string | null>`null`.as('grid_id'),
          sql<string | null>`null`.as('grid_name'),
          sql<string | null>`null`.as('community_id'),
          sql<string | null>`null`.as('community_name'),
          ...COVERAGE,
        ])
        .groupBy('t.policy_id')
        .execute();
  return rows;
}

export async function tasksIn(
  tx: Db,
  scopes: string[],
  f: { policyId?: string; status?: string; limit: number; offset: number },
) {
  const base = r(tx)
    .selectFrom('outreach_task as t')
    .where(under('t.place_path', scopes))
    .$if(!!f.policyId, (q) => q.where('t.policy_id', '=', f.policyId!))
    .$if(!!f.status, (q) => q.where('t.status', '=', f.status!));
  const [rows, total] = await Promise.all([
    base
      .innerJoin('outreach_policy as p', 'p.id', 't.policy_id')
      .leftJoin('org_node as g', 'g.id', 't.grid_id')
      .select([
        't.community_id',
        't.policy_id',
        'p.name as policy_name',
        't.person_id',
        't.place_path',
        'g.name as grid_name',
        't.status',
        't.note',
        't.outcome_at',
        't.version',
      ])
      .orderBy(sql`t.status = 'pending'`, 'desc')
      .orderBy('t.place_path')
      .orderBy('t.person_id')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}

export const taskOf = (tx: Db, policyId: string, personId: string) =>
  r(tx)
    .selectFrom('outreach_task as t')
    .innerJoin('outreach_policy as p', 'p.id', 't.policy_id')
    .leftJoin('org_node as g', 'g.id', 't.grid_id')
    .select([
      't.community_id',
      't.policy_id',
      'p.name as policy_name',
      't.person_id',
      't.place_path',
      'g.name as grid_name',
      't.status',
      't.note',
      't.outcome_at',
      't.version',
    ])
    .where('t.policy_id', '=', policyId)
    .where('t.person_id', '=', personId)
    .executeTakeFirst();

export async function saveOutcome(
  tx: Db,
  k: { community_id: string; policy_id: string; person_id: string },
  version: number,
  set: { status: string; note: string | null; outcome_by: string; outcome_at: Date },
): Promise<boolean> {
  const res = await r(tx)
    .updateTable('outreach_task')
    .set({ ...set, version: version + 1 })
    .where('community_id', '=', k.community_id)
    .where('policy_id', '=', k.policy_id)
    .where('person_id', '=', k.person_id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Open tasks follow people who moved: their new place and grid. */
export const retarget = (tx: Db, communityId: string, personIds: string[], place: string, gridId: string | null) =>
  personIds.length === 0
    ? Promise.resolve()
    : r(tx)
        .updateTable('outreach_task')
        .set({ place_path: place, grid_id: gridId })
        .where('community_id', '=', communityId)
        .where('person_id', 'in', personIds)
        .where('status', '=', 'pending')
        .execute()
        .then(() => undefined);
