/**
 * The forms phase's bare routes: plain Fastify on the same database pool, no session, access, audit or
 * scoping — the prefill of the grid's task as ONE SQL statement, the roll-up of the 600 answers as ONE SQL
 * statement, and Linli's own bodies served verbatim (the HTTP floor).
 */
import Fastify from 'fastify';
import { sql } from 'kysely';
import type { FormField } from './forms-data.ts';
import type { Linli } from './linli.ts';

type Db = Linli['database']['db'];
type Bound = { kind: string; tag?: string; minAge?: number };
const bindingOf = (f: FormField) => (f as { binding?: Bound }).binding;

const chinaToday = (now: Date) => new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
/** The latest birth date of someone at least `years` old today (as the registry computes it). */
function bornBy(today: string, years: number) {
  const y = Number(today.slice(0, 4)) - years;
  const md = today.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${String(y).padStart(4, '0')}-${md === '02-29' && !leap ? '02-28' : md}`;
}
const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Every bound value of the form for the grid at `path` in community `cid`, in one statement. */
export async function prefillSql(db: Db, fields: readonly FormField[], cid: string, path: string, now: Date) {
  const today = chinaToday(now);
  const derived = new Map(
    (
      await sql<{ code: string; min_age: number | null; max_age: number | null }>`
      SELECT code, min_age, max_age FROM registry_tag WHERE min_age IS NOT NULL OR max_age IS NOT NULL`.execute(db)
    ).rows.map((t) => [t.code, t]),
  );
  const age = (alias: string, min: number | null, max: number | null) =>
    [
      ...(min != null ? [`${alias}.birth_date <= ${q(bornBy(today, min))}`] : []),
      ...(max != null ? [`${alias}.birth_date > ${q(bornBy(today, max + 1))}`] : []),
    ].join(' AND ') || 'true';
  const tag = (alias: string, code: string) => {
    const d = derived.get(code);
    if (d) return age(alias, d.min_age, d.max_age);
    // Uncorrelated: the community's rows of the tag read once, each person tested against a hash.
    return `${alias}.id IN (SELECT t.person_id FROM person_tag t WHERE t.community_id = ${cid}
      AND t.tag_code = ${q(code)} AND t.valid_from <= ${q(today)} AND (t.valid_to IS NULL OR t.valid_to >= ${q(today)}))`;
  };
  const under = (p: string, h: string, r: string) => `FROM person ${p}
    JOIN household ${h} ON ${h}.community_id = ${p}.community_id AND ${h}.id = ${p}.household_id
    JOIN org_node ${r} ON ${r}.id = ${h}.address_node_id
    WHERE ${p}.community_id = ${cid} AND ${r}.path LIKE ${q(`${path}%`)}`;
  const cols = fields.flatMap((f) => {
    const b = bindingOf(f);
    if (!b) return [];
    const k = q(f.key);
    if (b.kind === 'people') return [`${k}, count(*)`];
    if (b.kind === 'households') return [`${k}, count(DISTINCT p.household_id)`];
    if (b.kind === 'age_count') return [`${k}, count(*) FILTER (WHERE ${age('p', b.minAge!, null)})`];
    if (b.kind === 'tag_count') return [`${k}, count(*) FILTER (WHERE ${tag('p', b.tag!)})`];
    if (b.kind === 'floor_area')
      return [
        `${k}, (SELECT round(coalesce(sum(hu.floor_area), 0), 2) FROM housing_unit hu JOIN org_node n ON n.id = hu.node_id
          WHERE hu.community_id = ${cid} AND n.path LIKE ${q(`${path}%`)})`,
      ];
    // A list in the same pass: an aggregate's FILTER stays a per-row test (as Linli does; see its repository).
    return [
      `${k}, coalesce((json_agg(json_build_object('name', p.name, 'address', h.address_text) ORDER BY h.address_text, p.name)
        FILTER (WHERE ${tag('p', b.tag!)}))::jsonb, '[]')`,
    ];
  });
  // json_build_object takes at most 100 arguments: two objects merged.
  const half = Math.ceil(cols.length / 2);
  return `SELECT json_build_object(${cols.slice(0, half).join(', ')})::jsonb
      || json_build_object(${cols.slice(half).join(', ')})::jsonb AS v ${under('p', 'h', 'r')}`;
}

/** The roll-up in one statement: latest answer per target, added to the target and its ancestors below the owner. */
export function rollupSql(fields: readonly FormField[], formId: string, ownerDepth: number) {
  const nums = fields.filter((f) => f.type === 'number');
  const choices = fields.filter((f) => f.type === 'choice');
  const tables = fields.filter((f) => f.type === 'table');
  const cte = [
    `latest AS (SELECT DISTINCT ON (target_node_id) target_path, answers FROM form_task
      WHERE form_id = ${q(formId)} AND status IN ('submitted', 'registry') ORDER BY target_node_id, submitted_at DESC)`,
    `chain AS (SELECT x.node::bigint AS node_id, l.answers FROM latest l,
      unnest(string_to_array(trim(both '/' from l.target_path), '/')) WITH ORDINALITY x(node, ord) WHERE x.ord >= ${ownerDepth})`,
    `nums AS (SELECT node_id, count(*) AS answered, ${nums
      .map((f) => `sum((answers->>${q(f.key)})::numeric) AS ${JSON.stringify(f.key)}`)
      .join(', ')} FROM chain GROUP BY node_id)`,
    ...choices.map(
      (f, i) => `c${i} AS (SELECT node_id, json_object_agg(o, k) AS v FROM (SELECT node_id, answers->>${q(f.key)} AS o,
        count(*) AS k FROM chain WHERE answers ? ${q(f.key)} GROUP BY 1, 2) z GROUP BY node_id)`,
    ),
    ...tables.map(
      (
        f,
        i,
      ) => `t${i} AS (SELECT node_id, json_agg(e) AS v FROM chain, jsonb_array_elements(chain.answers->${q(f.key)}) e
        GROUP BY node_id)`,
    ),
  ];
  return `WITH ${cte.join(',\n')}
    SELECT n.id::text AS "nodeId", n.name, n.type, n.path, nums.*,
      ${[...choices.map((f, i) => `c${i}.v AS ${JSON.stringify(f.key)}`), ...tables.map((f, i) => `t${i}.v AS ${JSON.stringify(f.key)}`)].join(', ')}
    FROM nums JOIN org_node n ON n.id = nums.node_id
    ${choices.map((_, i) => `LEFT JOIN c${i} ON c${i}.node_id = nums.node_id`).join(' ')}
    ${tables.map((_, i) => `LEFT JOIN t${i} ON t${i}.node_id = nums.node_id`).join(' ')}
    ORDER BY n.path`;
}

export async function startFormBaselines(
  db: Db,
  s: { prefillSql: string; rollupSql: string; prefillBody: string; rollupBody: string },
) {
  const app = Fastify({ logger: false });
  const json = (body: string) => (_: unknown, reply: { type: (t: string) => { send: (b: string) => void } }) =>
    reply.type('application/json').send(body);
  app.get('/static/prefill', json(s.prefillBody));
  app.get('/static/rollup', json(s.rollupBody));
  app.get('/sql/prefill', async () => (await sql.raw<{ v: unknown }>(s.prefillSql).execute(db)).rows[0]!.v);
  app.get('/sql/rollup', async () => ({ nodes: (await sql.raw(s.rollupSql).execute(db)).rows }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const a = app.server.address();
  return { app, url: `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}` };
}
