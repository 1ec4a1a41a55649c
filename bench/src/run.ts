import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { startBaselines } from './baselines.ts';
import { boardsPhase, boardTargets } from './boards-phase.ts';
import { caseTargets, prepareCases } from './cases-phase.ts';
import { addApplications, tableSizes } from './data.ts';
import { formsBench } from './forms-phase.ts';
import { DEMO_PASSWORD, type Running, signIn, startLinli } from './linli.ts';
import { measureSteps, type Settings } from './measure.ts';
import { open311Phase } from './open311-phase.ts';
import { DISTRICT_ADMIN, LISTING, plan, SECRETARY, TREE } from './plan.ts';
import { registryBench } from './registry-phase.ts';
import { buildReport, type DataPoint, markdown, type Scenario, writeJson } from './report.ts';
import { votesBench } from './votes-phase.ts';

const num = (name: string, dflt: number, min = 1): number => {
  const v = process.env[name];
  if (v === undefined || v === '') return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer ≥ ${min}, got "${v}"`);
  return n;
};

const serverUrl = process.env.BENCH_DATABASE_URL || undefined;
const settings: Settings = {
  duration: num('BENCH_DURATION', 10),
  warmup: num('BENCH_WARMUP', 2, 0),
  connections: num('BENCH_CONNECTIONS', 10),
  rounds: num('BENCH_ROUNDS', 1),
};
const only = process.env.BENCH_ONLY || 'all';
if (!['all', 'platform', 'cases', 'open311', 'boards', 'registry', 'votes', 'forms'].includes(only))
  throw new Error(`BENCH_ONLY must be all, platform, cases, open311, boards, registry, votes or forms, got "${only}"`);
const applications = num('BENCH_APPLICATIONS', 5000, 0);
// A million cases need a PostgreSQL server; the in-memory PGlite gets a smaller district by default.
const cases = num('BENCH_CASES', serverUrl ? 1_000_000 : 20_000, 0);
const org = {
  streets: num('BENCH_STREETS', serverUrl ? 30 : 6, 3),
  communities: num('BENCH_COMMUNITIES', serverUrl ? 600 : 60, 7),
  gridsPerCommunity: 4,
  buildingsPerGrid: 6,
  residentsPerCommunity: 50,
  secretaryCommunities: 20,
};
const RESULTS = fileURLToPath(new URL('../results', import.meta.url));

type Listing = { items: { id: string }[]; total: number };

async function fetchOk(url: string, cookie?: string): Promise<string> {
  const res = await fetch(url, cookie ? { headers: { cookie } } : {});
  const text = await res.text();
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${text.slice(0, 300)}`);
  return text;
}

const rowsLine = (rows: Record<string, number>) =>
  `Rows: ${Object.entries(rows)
    .map(([t, n]) => `${t}=${n}`)
    .join(' ')}`;

/** Login, join-application listing and org tree on the demo district (plus join applications). */
async function platformPhase(
  server: Running,
  workload: Record<string, string>,
  data: DataPoint[],
): Promise<Scenario[]> {
  const { db } = server.linli.database;
  const t0 = performance.now();
  await addApplications(db, server.linli.platform.keys, applications);
  console.log(
    `Added ${applications} join applications (and their applicants) in ${Math.round(performance.now() - t0)} ms.`,
  );
  const before = await tableSizes(db);
  console.log(rowsLine(before));
  data.push({ label: 'before platform runs', rows: before });

  const secretary = await signIn(server.url, SECRETARY, DEMO_PASSWORD);
  const admin = await signIn(server.url, DISTRICT_ADMIN, DEMO_PASSWORD);
  const listingBody = await fetchOk(server.url + LISTING, secretary);
  const treeBody = await fetchOk(server.url + TREE, admin);
  const paths = await db
    .selectFrom('org_node')
    .select(['name', 'type', 'path'])
    .where((eb) => eb.or([eb('name', '=', '银杏社区'), eb('type', '=', 'district')]))
    .execute();
  const { password_hash } = await db
    .selectFrom('app_user')
    .select('password_hash')
    .where('phone', '=', SECRETARY)
    .executeTakeFirstOrThrow();
  const base = await startBaselines({
    db,
    passwordHash: password_hash,
    communityPath: paths.find((p) => p.name === '银杏社区')!.path,
    districtPath: paths.find((p) => p.type === 'district')!.path,
    listingBody,
    treeBody,
  });
  try {
    // The SQL baselines must answer what Linli answers, or the comparison means nothing.
    const list = JSON.parse(listingBody) as Listing;
    const sqlList = JSON.parse(await fetchOk(`${base.url}/sql/listing`)) as Listing;
    if (list.items.map((i) => i.id).join() !== sqlList.items.map((i) => i.id).join() || list.total !== sqlList.total)
      throw new Error('the SQL listing baseline does not return what Linli returns');
    const nodes = (JSON.parse(treeBody) as { nodes: unknown[] }).nodes.length;
    const sqlNodes = (JSON.parse(await fetchOk(`${base.url}/sql/tree`)) as { nodes: unknown[] }).nodes.length;
    if (nodes !== sqlNodes) throw new Error(`the SQL tree baseline returns ${sqlNodes} nodes, Linli ${nodes}`);
    const mine = {
      listing: `孙丽 (secretary, 银杏社区) sees ${list.items.length} of ${list.total} pending; ${listingBody.length} bytes`,
      tree: `赵明 (district admin) sees ${nodes} nodes down to buildings; ${treeBody.length} bytes`,
      login: 'the 11 demo accounts in turn; argon2id m=19 MiB, t=2, p=1',
    };
    for (const line of Object.values(mine)) console.log(`  ${line}`);
    Object.assign(workload, mine);
    console.log(`\nMeasuring the platform routes`);
    return await measureSteps(plan({ linli: server.url, base: base.url, secretary, admin }), settings);
  } finally {
    await base.app.close();
  }
}

/** Inboxes, case pages and intake on a district grown to `org` with `cases` generated cases. */
async function casesPhase(server: Running, workload: Record<string, string>, data: DataPoint[]): Promise<Scenario[]> {
  console.log(`\nCases: growing the district to ${org.communities} communities, generating ${cases} cases…`);
  const phase = await prepareCases(server, { cases, org });
  try {
    for (const [k, v] of Object.entries(phase.workload)) console.log(`  ${k}: ${v}`);
    Object.assign(workload, phase.workload);
    const before = await tableSizes(server.linli.database.db);
    console.log(rowsLine(before));
    data.push({ label: 'before cases runs', rows: before });
    console.log(`\nMeasuring the cases routes`);
    return await measureSteps(phase.steps, settings);
  } finally {
    await phase.close();
  }
}

async function bench(server: Running): Promise<boolean> {
  const workload: Record<string, string> = {};
  const data: DataPoint[] = [];
  const scenarios: Scenario[] = [];
  const loadBefore = Math.round(loadavg()[0]! * 100) / 100;
  console.log(
    `Measuring ${settings.duration} s each after ${settings.warmup} s warm-up, ${settings.connections} connections, ` +
      `${settings.rounds} round(s)`,
  );
  if (only === 'all' || only === 'platform') scenarios.push(...(await platformPhase(server, workload, data)));
  if (only === 'all' || only === 'open311') scenarios.push(...(await open311Phase(server, settings, workload, data)));
  if ((only === 'all' || only === 'cases') && cases > 0) scenarios.push(...(await casesPhase(server, workload, data)));
  if (only === 'all' || only === 'boards')
    scenarios.push(...(await boardsPhase(server, org, settings, workload, data)));
  data.push({ label: 'after runs', rows: await tableSizes(server.linli.database.db) });
  const report = buildReport(
    { engine: server.engine, database: server.where, settings, loadBefore, workload },
    data,
    scenarios,
    [...caseTargets(scenarios), ...boardTargets(scenarios)],
  );
  console.log(`\n${markdown(report)}`);
  console.log(`Results written to ${writeJson(report, RESULTS)}`);
  return report.failures.length === 0;
}

console.log(`Linli benchmark: booting on ${serverUrl ? 'PostgreSQL' : 'embedded PGlite'}…`);
const server = await startLinli(serverUrl);
let ok = false;
try {
  ok =
    only === 'registry'
      ? await registryBench(server)
      : only === 'votes'
        ? await votesBench(server)
        : only === 'forms'
          ? await formsBench(server, settings)
          : await bench(server);
} finally {
  await server.close();
}
process.exit(ok ? 0 : 1);
