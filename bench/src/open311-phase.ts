/**
 * Open311 GeoReport v2 under load (issue 8): `POST requests.json` (a form body that becomes a case through
 * the intake rules, with its token check and count, audit entry and outbox events in one transaction) and
 * `GET requests.json` (the default listing of the token's subtree, at most 1000 rows), each compared with a
 * bare Fastify route in the same process doing only the HTTP part (see open311-baselines.ts).
 */
import { sql } from 'kysely';
import { tableSizes } from './data.ts';
import { DEMO_PASSWORD, type Running, session } from './linli.ts';
import { type Load, type MeasuredStep, measureSteps, type Settings } from './measure.ts';
import { startOpen311Baselines } from './open311-baselines.ts';
import { DISTRICT_ADMIN } from './plan.ts';
import type { DataPoint, Scenario } from './report.ts';

export interface Open311Phase {
  steps: MeasuredStep[];
  workload: Record<string, string>;
  close(): Promise<void>;
}

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

async function ok(res: Response, what: string): Promise<string> {
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${text.slice(0, 300)}`);
  return text;
}

/** A token for one community with the benchmark's own (lifted) limit, and form bodies for its buildings. */
async function tokenFor(
  server: Running,
  admin: { cookie: string; csrf: string },
  tree: { id: string; name: string; type: string; path: string }[],
  name: string,
) {
  const community = tree.find((n) => n.name === name)!;
  const buildings = tree.filter((n) => n.type === 'building' && n.path.startsWith(community.path));
  const { token, secret } = JSON.parse(
    await ok(
      await fetch(`${server.url}/api/api-tokens`, {
        method: 'POST',
        headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' },
        body: JSON.stringify({
          name: `12345 热线 (bench, ${name})`,
          nodeId: community.id,
          scopes: ['cases.read', 'cases.write'],
        }),
      }),
      'create token',
    ),
  ) as { token: { id: string }; secret: string };
  // A run at hundreds of requests a second exceeds any per-token limit: lift it for the benchmark only.
  await sql`UPDATE api_token SET rate_per_minute = 2000000000 WHERE id = ${token.id}`.execute(server.linli.database.db);
  // Each POST names a different building and description, so the intake does real work every time.
  const forms = buildings.slice(0, 24).map((b, i) =>
    new URLSearchParams({
      api_key: secret,
      service_code: 'SQ06',
      address_id: b.id,
      description: `楼道漏水,第 ${i + 1} 处,请尽快处理`,
      first_name: '热线',
      last_name: '市民',
    }).toString(),
  );
  if (forms.length === 0) throw new Error(`${name} has no buildings to report from`);
  return { key: secret, forms };
}

/**
 * Seeds `seed` requests through Open311 itself in 银杏社区 and lists them with its token; the POST runs go to
 * 梧桐社区 with another token, so the listing measured stays the same size in every round.
 */
export async function prepareOpen311(server: Running, seed: number): Promise<Open311Phase> {
  const admin = await session(server.url, DISTRICT_ADMIN, DEMO_PASSWORD);
  const tree = (
    JSON.parse(
      await ok(
        await fetch(`${server.url}/api/org/tree?maxType=building`, { headers: { cookie: admin.cookie } }),
        'tree',
      ),
    ) as { nodes: { id: string; name: string; type: string; path: string }[] }
  ).nodes;
  const listed = await tokenFor(server, admin, tree, '银杏社区');
  const posting = await tokenFor(server, admin, tree, '梧桐社区');
  const forms = posting.forms;
  for (let i = 0; i < seed; i++)
    await ok(
      await fetch(`${server.url}/open311/v2/requests.json`, {
        method: 'POST',
        headers: FORM,
        body: listed.forms[i % listed.forms.length],
      }),
      'seed POST',
    );
  const listPath = `/open311/v2/requests.json?api_key=${encodeURIComponent(listed.key)}`;
  const listBody = await ok(await fetch(server.url + listPath), 'GET requests.json');
  const listedCount = (JSON.parse(listBody) as unknown[]).length;
  const postBody = await ok(
    await fetch(`${server.url}/open311/v2/requests.json`, { method: 'POST', headers: FORM, body: forms[0] }),
    'POST requests.json',
  );
  const base = await startOpen311Baselines({ listBody, postBody });

  const linli = (name: string, requests: Load['requests']): Load => ({
    name,
    target: 'linli',
    url: server.url,
    requests,
  });
  const bare = (name: string, requests: Load['requests']): Load => ({
    name,
    target: 'baseline',
    url: base.url,
    requests,
  });
  const posts = (path: string) => forms.map((body) => ({ method: 'POST' as const, path, headers: FORM, body }));
  return {
    workload: {
      open311: `tokens (cases.read, cases.write) of 银杏社区 (listed) and 梧桐社区 (posted to); ${seed} requests seeded in 银杏社区 through POST before the runs`,
      'open311 POST': `form bodies of ${Buffer.byteLength(forms[0]!)} bytes, ${forms.length} buildings of 梧桐社区 in turn; answer ${postBody.length} bytes`,
      'open311 GET': `default listing of 银杏社区 (last 90 days, ≤ 1000): ${listedCount} requests, ${listBody.length} bytes (the same in every round)`,
    },
    steps: [
      {
        name: 'open311 GET requests.json',
        linli: linli('GET /open311/v2/requests.json', [{ method: 'GET', path: listPath }]),
        baselines: [bare('bare static JSON (same body)', [{ method: 'GET', path: '/requests.json' }])],
      },
      {
        name: 'open311 POST requests.json',
        linli: linli('POST /open311/v2/requests.json', posts('/open311/v2/requests.json')),
        baselines: [bare('bare form parse + static JSON', posts('/requests.json'))],
      },
    ],
    close: () => base.app.close(),
  };
}

/** The phase as run.ts runs it (BENCH_ONLY=open311 or all): prepare, print the workload, measure. */
export async function open311Phase(
  server: Running,
  settings: Settings,
  workload: Record<string, string>,
  data: DataPoint[],
): Promise<Scenario[]> {
  const seed = Number(process.env.BENCH_OPEN311_SEED ?? 300);
  console.log(`\nOpen311: seeding ${seed} service requests through POST requests.json…`);
  const phase = await prepareOpen311(server, seed);
  try {
    for (const [k, v] of Object.entries(phase.workload)) console.log(`  ${k}: ${v}`);
    Object.assign(workload, phase.workload);
    data.push({ label: 'before open311 runs', rows: await tableSizes(server.linli.database.db) });
    console.log(`\nMeasuring the Open311 routes`);
    return await measureSteps(phase.steps, settings);
  } finally {
    await phase.close();
  }
}
