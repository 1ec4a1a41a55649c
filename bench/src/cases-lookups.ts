/** The lookup tables the generation plan draws from (dropped again after the load). */
import { type RawBuilder, sql } from 'kysely';
import type { Compiled } from './cases-compile.ts';
import { DESCRIPTIONS } from './cases-descriptions.ts';
import type { Group } from './cases-templates.ts';
import { type Linli, searchTokens } from './linli.ts';

type Db = Linli['database']['db'];

const DAY = 86_400_000;
const CLOSED_DAYS = 3 * 365;

export const LOOKUP_TABLES = [
  'bench_community',
  'bench_place',
  'bench_resident',
  'bench_street_dept',
  'bench_category',
  'bench_desc',
  'bench_tpl',
];

const exec = (db: Db, q: RawBuilder<unknown> | string) => (typeof q === 'string' ? sql.raw(q) : q).execute(db);

/** The lookup tables the plan draws from: communities with their people, places, residents, departments. */
export async function lookups(db: Db, measuredSecretary: string) {
  await exec(
    db,
    sql`CREATE UNLOGGED TABLE bench_community AS
    SELECT (row_number() OVER (ORDER BY c.id) - 1)::int AS k, c.id, s.id AS street_id, s.parent_id AS district_id,
      c.path, s.path AS street_path,
      (SELECT g.user_id FROM role_grant g WHERE g.node_id = c.id AND g.role = 'community_secretary'
        AND g.user_id <> ${measuredSecretary} ORDER BY g.created_at, g.id LIMIT 1) AS secretary_id,
      (SELECT g.user_id FROM role_grant g WHERE g.node_id = s.id AND g.role = 'street_dispatcher'
        ORDER BY g.created_at, g.id LIMIT 1) AS dispatcher_id, 0 AS nplaces, 0 AS nresidents, 0 AS ndepts
    FROM org_node c JOIN org_node s ON s.id = c.parent_id WHERE c.type = 'community'`,
  );
  await exec(
    db,
    `CREATE UNLOGGED TABLE bench_place AS
    SELECT community_id, (row_number() OVER (PARTITION BY community_id ORDER BY id) - 1)::int AS k, id, path
    FROM org_node WHERE type IN ('community', 'grid', 'building')`,
  );
  await exec(
    db,
    `CREATE UNLOGGED TABLE bench_resident AS
    SELECT n.community_id, (row_number() OVER (PARTITION BY n.community_id ORDER BY g.user_id) - 1)::int AS k, g.user_id
    FROM role_grant g JOIN org_node n ON n.id = g.node_id WHERE g.role = 'resident'`,
  );
  await exec(
    db,
    `CREATE UNLOGGED TABLE bench_street_dept AS
    SELECT ds.street_id, (row_number() OVER (PARTITION BY ds.street_id ORDER BY ds.department_id) - 1)::int AS k,
      ds.department_id AS dept_id, st.user_id AS staff_id
    FROM department_street ds JOIN (SELECT DISTINCT ON (department_id) department_id, user_id FROM role_grant
      WHERE role = 'department_staff' ORDER BY department_id, created_at, id) st ON st.department_id = ds.department_id`,
  );
  await exec(
    db,
    `UPDATE bench_community c SET
    nplaces = (SELECT count(*) FROM bench_place p WHERE p.community_id = c.id),
    nresidents = (SELECT count(*) FROM bench_resident r WHERE r.community_id = c.id),
    ndepts = (SELECT count(*) FROM bench_street_dept d WHERE d.street_id = c.street_id)`,
  );
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM bench_community
    WHERE secretary_id IS NULL OR dispatcher_id IS NULL OR nplaces = 0 OR nresidents = 0 OR ndepts = 0`.execute(db);
  const bad = rows[0]!.n;
  if (bad > 0) throw new Error(`${bad} communities lack a secretary, dispatcher, place, resident or department`);
}

/** Categories (leaves) and descriptions per group, and per template its group and age window. */
export async function choices(db: Db, compiled: Compiled[]) {
  await exec(
    db,
    `CREATE UNLOGGED TABLE bench_category AS
    SELECT grp, (row_number() OVER (PARTITION BY grp ORDER BY id) - 1)::int AS k, id FROM (
      SELECT id, CASE default_level WHEN 'department' THEN 'street' ELSE default_level END AS grp FROM case_category c
      WHERE active AND NOT EXISTS (SELECT 1 FROM case_category x WHERE x.parent_id = c.id)) x`,
  );
  const groups = Object.keys(DESCRIPTIONS) as Group[];
  const descs = groups.flatMap((g) =>
    DESCRIPTIONS[g].map((d, k) => ({ g, k, d, tokens: searchTokens(d).join('\u0001') })),
  );
  await exec(
    db,
    sql`CREATE UNLOGGED TABLE bench_desc AS
    SELECT grp, k, description, string_to_array(tokens, ${'\u0001'}) AS tokens
    FROM unnest(${descs.map((x) => x.g)}::text[], ${descs.map((x) => x.k)}::int[], ${descs.map((x) => x.d)}::text[],
      ${descs.map((x) => x.tokens)}::text[]) AS d(grp, k, description, tokens)`,
  );
  const age = compiled.map((c) => {
    const recent = c.template.recentDays;
    const min = c.duration + (recent ? 60_000 : DAY);
    return [min, recent ? c.duration + recent * DAY : CLOSED_DAYS * DAY];
  });
  await exec(
    db,
    sql`CREATE UNLOGGED TABLE bench_tpl AS
    SELECT t.tpl, t.grp, t.min_age, t.max_age,
      (SELECT count(*) FROM bench_category c WHERE c.grp = t.grp)::int AS ncat,
      (SELECT count(*) FROM bench_desc d WHERE d.grp = t.grp)::int AS ndesc
    FROM unnest(${compiled.map((_, i) => i)}::int[], ${compiled.map((c) => c.template.group)}::text[],
      ${age.map((a) => a[0])}::float8[], ${age.map((a) => a[1])}::float8[]) AS t(tpl, grp, min_age, max_age)`,
  );
}
