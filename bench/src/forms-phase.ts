/**
 * BENCH_ONLY=forms (issue 7): the prefill of a 30-field bound form for a grid of 500 households (target p99
 * ≤ 200 ms) and the roll-up of a form answered by 600 communities (target ≤ 1 s), each measured through
 * HTTP with one connection against one raw SQL statement computing the same values behind a bare Fastify
 * route, and against Linli's own body served verbatim. The district admin designs the form and sends it to
 * the grid and to every community through the API; the communities' answers are then written in bulk.
 */
import { loadavg } from 'node:os';
import { sql } from 'kysely';
import { prefillSql, rollupSql, startFormBaselines } from './forms-baselines.ts';
import { communityAnswers, formFields, generateForms, WORKER_PHONE } from './forms-data.ts';
import { explainPrefill } from './forms-explain.ts';
import { DEMO_PASSWORD, type Running, rng, type Session, session } from './linli.ts';
import { type Measurement, measure, type Settings } from './measure.ts';
import { DISTRICT_ADMIN } from './plan.ts';

const int = (name: string, dflt: number) => {
  const v = Number(process.env[name] || dflt);
  if (!Number.isInteger(v) || v < 1) throw new Error(`${name} must be a positive integer`);
  return v;
};
const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

async function call<T>(url: string, s: Session, method: string, body?: unknown): Promise<{ json: T; text: string }> {
  const res = await fetch(url, {
    method,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${text.slice(0, 300)}`);
  return { json: JSON.parse(text) as T, text };
}

export async function formsBench(server: Running, settings: Settings): Promise<boolean> {
  const { db } = server.linli.database;
  const size = {
    communities: int('BENCH_FORMS_COMMUNITIES', 600),
    households: int('BENCH_FORMS_HOUSEHOLDS', 500),
    otherHouseholds: int('BENCH_FORMS_OTHER_HOUSEHOLDS', server.databaseUrl ? 200 : 20),
  };
  let t0 = performance.now();
  const world = await generateForms(db, size);
  console.log(`Forms: generated in ${Math.round(performance.now() - t0)} ms: ${JSON.stringify(world.rows)}`);
  console.log(`  measured grid: ${world.community.name} ${world.grid.name} (${world.grid.path})`);

  const fields = formFields();
  if (process.env.BENCH_EXPLAIN) await explainPrefill(db, fields, world.community.id, world.grid.path);
  const admin = await session(server.url, DISTRICT_ADMIN, DEMO_PASSWORD);
  const worker = await session(server.url, WORKER_PHONE, DEMO_PASSWORD);
  const form = await call<{ id: string; version: number }>(`${server.url}/api/forms`, admin, 'POST', {
    ownerNodeId: world.districtId,
    title: '冬季民生摸底(压测)',
    fields,
  });
  const deadline = new Date(Date.now() + 7 * 86_400_000).toISOString();
  const id = form.json.id;
  t0 = performance.now();
  await call(`${server.url}/api/forms/${id}/send`, admin, 'POST', {
    version: form.json.version,
    targetNodeIds: [world.grid.id],
    deadline,
  });
  // Every community, the grid's own included (a separate send: one send may not hold a grid and its community).
  const sent = await call<{ tasks: unknown[] }>(`${server.url}/api/forms/${id}/send`, admin, 'POST', {
    version: form.json.version,
    targetNodeIds: world.communityIds,
    deadline,
  });
  console.log(
    `  sent to the grid and to ${sent.json.tasks.length} communities in ${Math.round(performance.now() - t0)} ms`,
  );

  // The communities answer (bulk): what 600 committees would have submitted, submitted over the last days.
  const r = rng(7);
  const tasks = (
    await sql<{ id: string; target_node_id: string }>`SELECT id::text, target_node_id::text FROM form_task
      WHERE form_id = ${id} AND target_node_id <> ${world.grid.id}`.execute(db)
  ).rows;
  const answered = tasks.map(() => communityAnswers(fields, r));
  await sql`UPDATE form_task t SET status = 'submitted', answers = a.answers::jsonb, prefill = a.prefill::jsonb,
      submitted_at = now() - (a.k || ' minutes')::interval, version = 2, updated_at = now()
    FROM (SELECT unnest(${tasks.map((x) => x.id)}::uuid[]) AS id, unnest(${answered.map((a) => JSON.stringify(a.answers))}::text[]) AS answers,
      unnest(${answered.map((a) => JSON.stringify(a.prefill))}::text[]) AS prefill,
      unnest(${tasks.map((_, i) => String(i * 7))}::text[]) AS k) a
    WHERE t.id = a.id`.execute(db);
  await sql`ANALYZE form_task`.execute(db);
  const answerBytes = answered.reduce((s, a) => s + JSON.stringify(a.answers).length, 0);
  const listRows = answered.reduce(
    (s, a) => s + Object.values(a.answers).reduce<number>((n, v) => n + (Array.isArray(v) ? v.length : 0), 0),
    0,
  );

  // Checks: the baselines answer what Linli answers.
  const task = (
    await sql<{
      id: string;
    }>`SELECT id::text FROM form_task WHERE form_id = ${id} AND target_node_id = ${world.grid.id}`.execute(db)
  ).rows[0]!.id;
  const taskUrl = `${server.url}/api/form-tasks/${task}`;
  const rollupUrl = `${server.url}/api/forms/${id}/rollup`;
  const linliTask = await call<{ prefill: Record<string, unknown> }>(taskUrl, worker, 'GET');
  const linliRollup = await call<{ nodes: { nodeId: string; answered: number; values: Record<string, unknown> }[] }>(
    rollupUrl,
    admin,
    'GET',
  );
  const pre = await prefillSql(db, fields, world.community.id, world.grid.path, new Date());
  const roll = rollupSql(fields, id, world.districtPath.split('/').filter(Boolean).length);
  const base = await startFormBaselines(db, {
    prefillSql: pre,
    rollupSql: roll,
    prefillBody: linliTask.text,
    rollupBody: linliRollup.text,
  });
  const problems: string[] = [];
  try {
    const sqlPrefill = (await (await fetch(`${base.url}/sql/prefill`)).json()) as Record<string, unknown>;
    for (const f of fields) {
      const a = linliTask.json.prefill[f.key];
      const b = sqlPrefill[f.key];
      if (a === undefined && b === undefined) continue;
      const same = Array.isArray(a) ? JSON.stringify(a) === JSON.stringify(b) : Number(a) === Number(b);
      if (!same)
        problems.push(
          `prefill ${f.key}: Linli ${JSON.stringify(a)?.slice(0, 80)}, SQL ${JSON.stringify(b)?.slice(0, 80)}`,
        );
    }
    const sqlRollup = (await (await fetch(`${base.url}/sql/rollup`)).json()) as {
      nodes: { nodeId: string; answered: string; people: string; list_elderly_alone: unknown[] | null }[];
    };
    if (sqlRollup.nodes.length !== linliRollup.json.nodes.length)
      problems.push(`roll-up: Linli ${linliRollup.json.nodes.length} nodes, SQL ${sqlRollup.nodes.length}`);
    const top = linliRollup.json.nodes[0]!;
    const sqlTop = sqlRollup.nodes.find((n) => n.nodeId === top.nodeId);
    if (
      !sqlTop ||
      Number(sqlTop.answered) !== top.answered ||
      Number(sqlTop.people) !== top.values.people ||
      (sqlTop.list_elderly_alone ?? []).length !== (top.values.list_elderly_alone as unknown[]).length
    )
      problems.push('roll-up: the district totals of Linli and SQL differ');
    const counts = Object.values(linliTask.json.prefill).filter((v) => typeof v === 'number');
    const lists = Object.values(linliTask.json.prefill).filter(Array.isArray) as unknown[][];
    console.log(
      `  prefill: ${counts.length} counts + ${lists.length} lists (${lists.map((l) => l.length).join(' + ')} people); ` +
        `people ${linliTask.json.prefill.people}, households ${linliTask.json.prefill.households}; task body ${kb(linliTask.text.length)}`,
    );
    console.log(
      `  roll-up: ${top.answered} answered tasks, ${linliRollup.json.nodes.length} nodes (district, streets, communities), ` +
        `${listRows} list rows in the answers (${kb(answerBytes)} of answers); body ${kb(linliRollup.text.length)}`,
    );
    if (problems.length) console.log(`  CHECKS FAILED:\n    ${problems.join('\n    ')}`);
    else console.log('  checks: the SQL baselines return Linli’s values');

    console.log(`\nMeasuring (1 connection, ${settings.duration} s each); load average ${load()}`);
    const one = (name: string, url: string, s?: Session): Promise<Measurement> =>
      measure(
        {
          name,
          target: 'linli',
          url,
          connections: 1,
          requests: [{ method: 'GET', ...(s ? { headers: { cookie: s.cookie } } : {}) }],
        },
        settings,
      );
    const m = {
      prefill: await one('Linli GET /api/form-tasks/:id (prefill)', taskUrl, worker),
      prefillSql: await one('bare raw SQL prefill (one statement)', `${base.url}/sql/prefill`),
      prefillStatic: await one('bare static JSON (task body)', `${base.url}/static/prefill`),
      rollup: await one('Linli GET /api/forms/:id/rollup', rollupUrl, admin),
      rollupSql: await one('bare raw SQL roll-up (one statement)', `${base.url}/sql/rollup`),
      rollupStatic: await one('bare static JSON (roll-up body)', `${base.url}/static/rollup`),
      // The platform's floor for a signed-in read (session, grants, transaction, serialisation).
      me: await one('Linli GET /api/auth/me (platform floor)', `${server.url}/api/auth/me`, worker),
    };
    const bad = Object.values(m).filter((x) => x.errors + x.non2xx > 0);
    if (bad.length) problems.push(`errors in ${bad.map((x) => x.name).join(', ')}`);
    const ratio = (a: Measurement, b: Measurement) => (b.reqPerSec / a.reqPerSec).toFixed(2);
    const row = (x: Measurement) => `| ${x.name} | ${x.reqPerSec} | ${x.p50} | ${x.p99} |`;
    console.log(`\n| route (1 connection) | req/s | p50 ms | p99 ms |\n|---|---|---|---|`);
    for (const x of Object.values(m)) console.log(row(x));
    const prefillOk = m.prefill.p99 <= 200;
    const rollupOk = m.rollup.p99 <= 1000;
    console.log(
      `\nTargets (${server.engine}, load average ${load()}):\n` +
        `- prefill p99 ${m.prefill.p99} ms ≤ 200 ms: ${prefillOk ? 'met' : 'MISSED'}; ` +
        `Linli/raw SQL throughput ${ratio(m.prefillSql, m.prefill)}, p50 ×${(m.prefill.p50 / Math.max(m.prefillSql.p50, 0.01)).toFixed(1)}\n` +
        `- roll-up p99 ${m.rollup.p99} ms ≤ 1000 ms: ${rollupOk ? 'met' : 'MISSED'}; ` +
        `Linli/raw SQL throughput ${ratio(m.rollupSql, m.rollup)}, p50 ×${(m.rollup.p50 / Math.max(m.rollupSql.p50, 0.01)).toFixed(1)}`,
    );
    if (!prefillOk || !rollupOk) problems.push('a target was missed');
  } finally {
    await base.app.close();
  }
  return problems.length === 0;
}
