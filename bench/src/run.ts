import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { startBaselines } from './baselines.ts';
import { addApplications, tableSizes } from './data.ts';
import { DEMO_PASSWORD, type Running, signIn, startLinli } from './linli.ts';
import { combine, type Measurement, measure, type Settings } from './measure.ts';
import { DISTRICT_ADMIN, LISTING, plan, SECRETARY, TREE } from './plan.ts';
import { buildReport, markdown, type Scenario, writeJson } from './report.ts';

const num = (name: string, dflt: number, min = 1): number => {
  const v = process.env[name];
  if (v === undefined || v === '') return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer ≥ ${min}, got "${v}"`);
  return n;
};

const settings: Settings = {
  duration: num('BENCH_DURATION', 10),
  warmup: num('BENCH_WARMUP', 2, 0),
  connections: num('BENCH_CONNECTIONS', 10),
  rounds: num('BENCH_ROUNDS', 1),
};
const applications = num('BENCH_APPLICATIONS', 5000, 0);
const RESULTS = fileURLToPath(new URL('../results', import.meta.url));

type Listing = { items: { id: string }[]; total: number };

async function fetchOk(url: string, cookie?: string): Promise<string> {
  const res = await fetch(url, cookie ? { headers: { cookie } } : {});
  const text = await res.text();
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${text.slice(0, 300)}`);
  return text;
}

async function bench(server: Running): Promise<boolean> {
  const { db } = server.linli.database;
  const t0 = performance.now();
  await addApplications(db, server.linli.platform.keys, applications);
  console.log(
    `Added ${applications} join applications (and their applicants) in ${Math.round(performance.now() - t0)} ms.`,
  );
  const before = await tableSizes(db);
  console.log(
    `Rows: ${Object.entries(before)
      .map(([t, n]) => `${t}=${n}`)
      .join(' ')}`,
  );

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
    const workload = {
      listing: `孙丽 (secretary, 银杏社区) sees ${list.items.length} of ${list.total} pending; ${listingBody.length} bytes`,
      tree: `赵明 (district admin) sees ${nodes} nodes down to buildings; ${treeBody.length} bytes`,
      login: 'the 11 demo accounts in turn; argon2id m=19 MiB, t=2, p=1',
    };
    for (const line of Object.values(workload)) console.log(`  ${line}`);

    const loadBefore = Math.round(loadavg()[0]! * 100) / 100;
    console.log(
      `\nMeasuring ${settings.duration} s each after ${settings.warmup} s warm-up, ${settings.connections} connections, ` +
        `${settings.rounds} round(s)`,
    );
    const steps = plan({ linli: server.url, base: base.url, secretary, admin });
    // Alternating Linli and its baselines round by round spreads drift in the machine's load over both.
    const runs = steps.map(() => [] as Measurement[][]);
    for (let round = 1; round <= settings.rounds; round++) {
      if (settings.rounds > 1) console.log(`round ${round} of ${settings.rounds}`);
      for (const [i, step] of steps.entries()) {
        const got: Measurement[] = [];
        for (const load of [step.linli, ...step.baselines]) got.push(await measure(load, settings));
        runs[i]!.push(got);
      }
    }
    const scenarios: Scenario[] = steps.map((step, i) => {
      const [linli, ...baselines] = [step.linli, ...step.baselines].map((_, j) => combine(runs[i]!.map((r) => r[j]!)));
      return { name: step.name, linli: linli!, baselines };
    });

    const report = buildReport(
      { engine: server.engine, database: server.where, settings, loadBefore, workload },
      { before, after: await tableSizes(db) },
      scenarios,
    );
    console.log(`\n${markdown(report)}`);
    console.log(`Results written to ${writeJson(report, RESULTS)}`);
    return report.failures.length === 0;
  } finally {
    await base.app.close();
  }
}

console.log(`Linli benchmark: booting on ${process.env.BENCH_DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'}…`);
const server = await startLinli(process.env.BENCH_DATABASE_URL || undefined);
let ok = false;
try {
  ok = await bench(server);
} finally {
  await server.close();
}
process.exit(ok ? 0 : 1);
