/**
 * Generates the cases of the benchmark in bulk SQL. A plan table says, per generated case, which template
 * it copies, where it is (community, place, street), who its people are (a resident of the community, its
 * secretary, the street's dispatcher, a department serving the street and its staff), its category,
 * description and creation time; cases-compile.ts turns each template's rows into expressions over that plan,
 * and one INSERT … SELECT per table writes them all (cases in creation order, events in time order).
 * Secondary indexes are dropped during the load and rebuilt from their own definitions; a superuser skips
 * the foreign-key triggers during the load (the rows are consistent by construction).
 */
import { type RawBuilder, sql } from 'kysely';
import {
  CASE_TABLES,
  type CaseTable,
  type Column,
  type Compiled,
  columnsOf,
  compileTemplate,
  lit,
} from './cases-compile.ts';
import { choices, LOOKUP_TABLES, lookups } from './cases-lookups.ts';
import type { Cast, Template } from './cases-templates.ts';
import { type Linli, rng } from './linli.ts';

type Db = Linli['database']['db'];

const WITH_SLA = ['submitted', 'accepted', 'escalated', 'registered', 'dispatched', 'checking', 'resolved', 'parked'];
const CENTRE = { lat: 31.23, lng: 121.47 };

export interface Generated {
  cases: number;
  rows: Record<CaseTable, number>;
  /** Seconds per phase. */
  seconds: Record<string, number>;
  /** One generated case per template, to check that their pages render. */
  samples: { id: string; template: Template }[];
}

const exec = (db: Db, q: RawBuilder<unknown> | string) => (typeof q === 'string' ? sql.raw(q) : q).execute(db);
const rowsOf = async <T>(db: Db, q: RawBuilder<T>) => (await q.execute(db)).rows;

/** Slot arrays for weighted choices: index = floor(random() * length). */
function slots(weights: number[], length: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const out: number[] = [];
  for (const [i, w] of weights.entries()) for (let n = Math.round((w / sum) * length); n > 0; n--) out.push(i);
  while (out.length < length) out.push(weights.indexOf(Math.max(...weights)));
  return out.slice(0, length);
}

async function plan(db: Db, count: number, compiled: Compiled[], now: Date) {
  const r = rng(20261202);
  const [{ n: communities }] = (await rowsOf(
    db,
    sql<{ n: number }>`SELECT count(*)::int AS n FROM bench_community`,
  )) as [{ n: number }];
  const tplSlots = slots(
    compiled.map((c) => c.template.weight),
    1000,
  );
  // Communities differ in size: weights 0.3–1.7.
  const comSlots = slots(
    Array.from({ length: communities }, () => 0.3 + 1.4 * r()),
    10_000,
  );
  const [{ seq }] = (await rowsOf(db, sql<{ seq: number }>`SELECT nextval('case_no_seq')::int AS seq`)) as [
    { seq: number },
  ];
  await exec(
    db,
    sql`CREATE UNLOGGED TABLE bench_case_plan AS
    SELECT x.*, to_char(x.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD')
      || lpad(n::text, greatest(6, length(n::text)), '0') AS no
    FROM (SELECT y.*, row_number() OVER (ORDER BY y.created_at, y.id) + ${seq}::int AS n FROM (
      SELECT gen_random_uuid() AS id, t.tpl, c.id AS community_id, c.street_id, c.district_id, c.path AS community_path,
        c.street_path, pl.id AS place_id, pl.path AS place_path, re.user_id AS reporter_id, c.secretary_id, c.dispatcher_id,
        sd.dept_id, sd.staff_id AS dept_staff_id, cat.id AS category_id, d.description, d.tokens,
        CASE WHEN g.r_geo < 0.6 THEN ${CENTRE.lat}::float8 + (g.r_lat - 0.5) * 0.1 END AS lat,
        CASE WHEN g.r_geo < 0.6 THEN ${CENTRE.lng}::float8 + (g.r_lng - 0.5) * 0.1 END AS lng,
        g.r_pub < 0.15 AS is_public,
        date_trunc('milliseconds', ${now}::timestamptz
          - make_interval(secs => (tp.min_age + g.r_age * (tp.max_age - tp.min_age)) / 1000.0)) AS created_at
      FROM (SELECT i, random() AS r_tpl, random() AS r_com, random() AS r_place, random() AS r_res, random() AS r_dept,
          random() AS r_cat, random() AS r_desc, random() AS r_geo, random() AS r_lat, random() AS r_lng,
          random() AS r_pub, random() AS r_age FROM generate_series(1, ${count}::int) i) g
      CROSS JOIN LATERAL (SELECT (${tplSlots}::int[])[1 + floor(g.r_tpl * 1000)::int] AS tpl,
        (${comSlots}::int[])[1 + floor(g.r_com * 10000)::int] AS ck) t
      JOIN bench_tpl tp ON tp.tpl = t.tpl
      JOIN bench_community c ON c.k = t.ck
      JOIN bench_place pl ON pl.community_id = c.id AND pl.k = floor(g.r_place * c.nplaces)::int
      JOIN bench_resident re ON re.community_id = c.id AND re.k = floor(g.r_res * c.nresidents)::int
      JOIN bench_street_dept sd ON sd.street_id = c.street_id AND sd.k = floor(g.r_dept * c.ndepts)::int
      JOIN bench_category cat ON cat.grp = tp.grp AND cat.k = floor(g.r_cat * tp.ncat)::int
      JOIN bench_desc d ON d.grp = tp.grp AND d.k = floor(g.r_desc * tp.ndesc)::int) y) x
    ORDER BY x.created_at, x.id`,
  );
  await exec(db, sql`SELECT setval('case_no_seq', ${seq + count}::bigint)`);
}

const quoted = (c: Column) => `"${c.name}"`;

/** One INSERT … SELECT for a table: each generated case gets its template's rows. */
function insertSql(table: CaseTable, cols: Column[], compiled: Compiled[]): string | null {
  if (compiled.every((c) => c.rows[table].length === 0)) return null;
  const names = cols.map(quoted).join(', ');
  if (table === 'case_record') {
    const exprs = cols.map((_, j) => {
      const per = compiled.map((c) => c.rows.case_record[0]![j]!);
      if (new Set(per).size === 1) return per[0]!;
      return `CASE p.tpl ${per.map((e, i) => `WHEN ${i} THEN ${e}`).join(' ')} END`;
    });
    return `INSERT INTO case_record (${names}) SELECT ${exprs.join(', ')} FROM bench_case_plan p`;
  }
  const branches = compiled.flatMap((c, i) =>
    c.rows[table].map(
      (row) => `SELECT ${row.map((e, j) => `${e} AS ${quoted(cols[j]!)}`).join(', ')} WHERE p.tpl = ${i}`,
    ),
  );
  // Events were appended as they happened: in time order.
  const order = table === 'case_event' && cols.some((c) => c.name === 'at') ? ' ORDER BY e."at"' : '';
  return `INSERT INTO ${table} (${names}) SELECT e.* FROM bench_case_plan p CROSS JOIN LATERAL (${branches.join(' UNION ALL ')}) e${order}`;
}

/** The SLA engine's bookkeeping for a case whose current stage went yellow or red before now. */
function withSlaBookkeeping(c: Compiled, cols: Column[], now: string): Compiled {
  if (!c.dueAt || !WITH_SLA.includes(c.template.status)) return c;
  const row = [...c.rows.case_record[0]!];
  const yellow = c.yellowAt ?? 'NULL::timestamptz';
  for (const [j, col] of cols.entries()) {
    if (col.name === 'sla_notified')
      row[j] = `(CASE WHEN ${c.dueAt} < ${now} THEN 'red' WHEN ${yellow} <= ${now} THEN 'yellow' END)::text`;
    if (col.name === 'overdue_count') row[j] = `(CASE WHEN ${c.dueAt} < ${now} THEN 1 ELSE 0 END)::int`;
  }
  return { ...c, rows: { ...c.rows, case_record: [row] } };
}

export async function generateCases(
  db: Db,
  g: { count: number; templates: Template[]; cast: Cast; measuredSecretary: string; now: Date },
): Promise<Generated> {
  const seconds: Record<string, number> = {};
  let t0 = performance.now();
  const lap = (name: string) => {
    seconds[name] = Math.round(performance.now() - t0) / 1000;
    t0 = performance.now();
  };
  return db.connection().execute(async (c) => {
    const [{ su }] = (await rowsOf(
      c,
      sql<{ su: boolean }>`SELECT rolsuper AS su FROM pg_roles WHERE rolname = current_user`,
    )) as [{ su: boolean }];
    for (const setting of ['max_parallel_workers_per_gather = 0', "work_mem = '1GB'", "maintenance_work_mem = '1GB'"])
      await exec(c, `SET ${setting}`);
    await exec(c, 'SELECT setseed(0.2026)');
    const columns = {} as Record<CaseTable, Column[]>;
    for (const t of CASE_TABLES) columns[t] = await columnsOf(c, t);
    const now = `${lit(g.now.toISOString())}::timestamptz`;
    const compiled: Compiled[] = [];
    for (const t of g.templates) {
      const one = await compileTemplate(c, t, columns, g.cast.userIds, g.cast.departmentId);
      compiled.push(withSlaBookkeeping(one, columns.case_record, now));
    }
    await lookups(c, g.measuredSecretary);
    await choices(c, compiled);
    await plan(c, g.count, compiled, g.now);
    lap('plan');
    const indexes = await rowsOf(
      c,
      sql<{ name: string; def: string }>`
      SELECT x.relname AS name, pg_get_indexdef(i.indexrelid) AS def FROM pg_index i JOIN pg_class x ON x.oid = i.indexrelid
      WHERE i.indrelid = ANY(${[...CASE_TABLES]}::regclass[])
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`,
    );
    for (const i of indexes) await exec(c, `DROP INDEX ${i.name}`);
    if (su) await exec(c, 'SET session_replication_role = replica');
    const rows = {} as Record<CaseTable, number>;
    for (const t of CASE_TABLES) {
      const text = insertSql(t, columns[t], compiled);
      rows[t] = text ? Number((await exec(c, text)).numAffectedRows ?? 0) : 0;
      lap(t);
    }
    if (su) await exec(c, 'SET session_replication_role = origin');
    for (const i of indexes) await exec(c, i.def);
    lap('indexes');
    const counts = await rowsOf(
      c,
      sql<{ tpl: number; n: number }>`SELECT tpl, count(*)::int AS n FROM bench_case_plan GROUP BY tpl`,
    );
    for (const t of CASE_TABLES) {
      const want = counts.reduce((sum, x) => sum + x.n * compiled[x.tpl]!.rows[t].length, 0);
      if (rows[t] !== want) throw new Error(`${t}: ${rows[t]} rows written, ${want} expected`);
    }
    const samples = await rowsOf(
      c,
      sql<{ id: string; tpl: number }>`
      SELECT DISTINCT ON (tpl) id, tpl FROM bench_case_plan ORDER BY tpl, created_at DESC`,
    );
    for (const t of ['bench_case_plan', ...LOOKUP_TABLES]) await exec(c, `DROP TABLE ${t}`);
    // As autovacuum would have left a table that grew over three years: visibility map, hint bits, statistics.
    for (const t of CASE_TABLES) await exec(c, `VACUUM ANALYZE ${t}`);
    await exec(c, 'ANALYZE');
    await exec(c, 'RESET ALL');
    lap('vacuum and analyze');
    return {
      cases: rows.case_record,
      rows,
      seconds,
      samples: samples.map((s) => ({ id: s.id, template: compiled[s.tpl]!.template })),
    };
  });
}
