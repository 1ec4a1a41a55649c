/**
 * BENCH_ONLY=votes: BENCH_VOTES_HOUSEHOLDS (5,000) households of a generated community cast ballots in an
 * owners' vote (art. 278, secret) through Linli's HTTP API, BENCH_VOTES_CONCURRENCY (50) at a time, with
 * every tenth household sending its ballot twice at once. The same driver then runs against a bare Fastify
 * route doing one INSERT … ON CONFLICT DO NOTHING per ballot in the same database. At the end the vote is
 * closed and checked: no elector twice, the chain verifies, and the tally equals what the driver cast.
 */
import { createHash, randomUUID } from 'node:crypto';
import { votes } from '@linli/contracts';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { DEMO_PASSWORD, type Running, type Session, session } from './linli.ts';
import { DISTRICT_ADMIN } from './plan.ts';
import { generateCommunity, type Household } from './votes-data.ts';

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const int = (name: string, dflt: number) => {
  const v = Number(process.env[name] || dflt);
  if (!Number.isInteger(v) || v < 1) throw new Error(`${name} must be a positive integer`);
  return v;
};
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? 0;
};
const r1 = (n: number) => Math.round(n * 10) / 10;

async function call<T>(url: string, s: Session, method: string, body?: unknown): Promise<T> {
  const res = await fetch(url, {
    method,
    headers: {
      cookie: s.cookie,
      'x-csrf-token': s.csrf,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

interface Job {
  i: number;
  choice: number;
}
interface Outcome {
  job: Job;
  status: number;
  ms: number;
}

/** `concurrency` workers take jobs in order until none are left; every request's latency is kept. */
async function drive(jobs: Job[], concurrency: number, send: (j: Job) => Promise<number>) {
  const out: Outcome[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < jobs.length) {
        const job = jobs[next++]!;
        const s = performance.now();
        const status = await send(job);
        out.push({ job, status, ms: performance.now() - s });
      }
    }),
  );
  return { out, seconds: (performance.now() - t0) / 1000 };
}

function summary(label: string, r: Awaited<ReturnType<typeof drive>>) {
  const ok = r.out.filter((o) => o.status === 201);
  const lat = ok.map((o) => o.ms);
  const codes: Record<number, number> = {};
  for (const o of r.out) codes[o.status] = (codes[o.status] ?? 0) + 1;
  const s = {
    ballotsPerSec: r1(ok.length / r.seconds),
    p50: r1(pct(lat, 50)),
    p99: r1(pct(lat, 99)),
    codes,
    seconds: r1(r.seconds),
  };
  console.log(
    `  ${label}: ${ok.length} ballots in ${s.seconds} s = ${s.ballotsPerSec} ballots/s; ` +
      `p50 ${s.p50} ms, p99 ${s.p99} ms; status codes ${JSON.stringify(codes)}`,
  );
  return s;
}

/** The baseline: bare Fastify, no session, access, audit or chain — one INSERT with a unique key. */
async function baseline(server: Running) {
  const db = server.linli.database.db;
  await sql`CREATE TABLE bench_vote_ballot (vote_id uuid, elector int, choice int, PRIMARY KEY (vote_id, elector))`.execute(
    db,
  );
  const app = Fastify({ logger: false });
  const vote = randomUUID();
  app.post<{ Body: { elector: number; choice: number } }>('/ballot', async (req, reply) => {
    const r = await sql`INSERT INTO bench_vote_ballot VALUES (${vote}, ${req.body.elector}, ${req.body.choice})
      ON CONFLICT DO NOTHING RETURNING 1`.execute(db);
    return reply.code(r.rows.length ? 201 : 409).send({ ok: r.rows.length === 1 });
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const a = app.server.address();
  return { app, url: `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}/ballot` };
}

export async function votesBench(server: Running): Promise<boolean> {
  const n = int('BENCH_VOTES_HOUSEHOLDS', 5000);
  const concurrency = int('BENCH_VOTES_CONCURRENCY', 50);
  const db = server.linli.database.db;
  const at = server.linli.platform.clock.now();
  let t0 = performance.now();
  const world = await generateCommunity(db, n, at);
  console.log(
    `Generated a community of ${n} households in ${world.buildings} buildings (accounts, sessions, floor areas) in ${Math.round(performance.now() - t0)} ms.`,
  );
  const admin = await session(server.url, DISTRICT_ADMIN, DEMO_PASSWORD);
  const draft = await call<{ id: string; version: number }>(
    `${server.url}/api/communities/${world.communityId}/votes`,
    admin,
    'POST',
    {
      title: '加装电梯(压测)',
      question: '是否为各楼加装电梯?',
      kind: 'yes_no',
      electorate: 'owners',
      secret: true,
      changeable: false,
      proxyAllowed: true,
      preset: 'art278_major',
      deadline: new Date(at.getTime() + 7 * 86_400_000).toISOString(),
    },
  );
  t0 = performance.now();
  const opened = await call<{ version: number; electors: number }>(
    `${server.url}/api/votes/${draft.id}/open`,
    admin,
    'POST',
    {
      version: draft.version,
    },
  );
  console.log(`Opened the vote: ${opened.electors} electors snapshot in ${Math.round(performance.now() - t0)} ms.`);

  // 3 of 4 households vote yes, the rest no; every tenth household sends its ballot twice at once.
  const jobs: Job[] = [];
  for (let i = 0; i < n; i++) {
    const job = { i, choice: i % 4 === 3 ? 1 : 0 };
    jobs.push(job);
    if (i % 10 === 0) jobs.push(job);
  }
  const byIndex = (i: number): Household => world.households[i]!;
  console.log(`\nCasting ${jobs.length} ballots (${jobs.length - n} duplicates), ${concurrency} at a time`);
  const linli = summary(
    'Linli  POST /api/votes/:id/ballots',
    await drive(jobs, concurrency, async (j) => {
      const h = byIndex(j.i);
      const res = await fetch(`${server.url}/api/votes/${draft.id}/ballots`, {
        method: 'POST',
        headers: { cookie: h.cookie, 'x-csrf-token': h.csrf, 'content-type': 'application/json' },
        body: JSON.stringify({ choices: [j.choice] }),
      });
      await res.arrayBuffer();
      return res.status;
    }),
  );
  const base = await baseline(server);
  let bare: ReturnType<typeof summary>;
  try {
    bare = summary(
      'Bare Fastify + INSERT … ON CONFLICT',
      await drive(jobs, concurrency, async (j) => {
        const res = await fetch(base.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ elector: j.i, choice: j.choice }),
        });
        await res.arrayBuffer();
        return res.status;
      }),
    );
  } finally {
    await base.app.close();
    await sql`DROP TABLE bench_vote_ballot`.execute(db);
  }
  console.log(
    `  Ratio Linli / bare: ${r1((linli.ballotsPerSec / bare.ballotsPerSec) * 100)} % of the throughput; p50 ×${r1(linli.p50 / Math.max(bare.p50, 0.1))}`,
  );

  // Verification: the database, the published result and the chain agree with what the driver cast.
  const problems: string[] = [];
  const dup = await sql<{
    n: number;
  }>`SELECT count(*)::int AS n FROM (SELECT elector_no FROM vote_cast WHERE vote_id = ${draft.id}
    GROUP BY elector_no HAVING count(*) > 1) d`.execute(db);
  const casts = await sql<{ n: number }>`SELECT count(*)::int AS n FROM vote_cast WHERE vote_id = ${draft.id}`.execute(
    db,
  );
  if (dup.rows[0]!.n !== 0) problems.push(`${dup.rows[0]!.n} electors with two casts`);
  if (casts.rows[0]!.n !== n) problems.push(`${casts.rows[0]!.n} casts for ${n} households`);
  if ((linli.codes[201] ?? 0) !== n || (linli.codes[409] ?? 0) !== jobs.length - n)
    problems.push(`status codes ${JSON.stringify(linli.codes)}: expected ${n}×201 and ${jobs.length - n}×409`);
  t0 = performance.now();
  const closed = await call<{
    result: {
      ballots: number;
      adopted: boolean;
      options: { weight: { head: number; area: string } }[];
      participation: { measure: string; part: string; whole: string; met: boolean }[];
    };
  }>(`${server.url}/api/votes/${draft.id}/close`, admin, 'POST', { version: opened.version });
  const closeMs = Math.round(performance.now() - t0);
  const chain = await call<{ head: string; optionCount: number; entries: votes.ChainEntry[] }>(
    `${server.url}/api/votes/${draft.id}/chain`,
    admin,
    'GET',
  );
  const broken = votes.verifyChain(sha256, draft.id, chain.entries, chain.head, chain.optionCount);
  if (broken) problems.push(`chain broken: ${JSON.stringify(broken)}`);
  const expected = [0, 1, 2].map((c) => {
    const hs = world.households.filter((_, i) => (i % 4 === 3 ? 1 : 0) === c);
    return { head: hs.length, area: hs.reduce((s, h) => s + h.area, 0n).toString() };
  });
  const got = closed.result.options.map((o) => o.weight);
  if (JSON.stringify(got) !== JSON.stringify(expected))
    problems.push(`tally ${JSON.stringify(got)} ≠ expected ${JSON.stringify(expected)}`);
  const recomputed = votes
    .tallyChain(chain.entries, chain.optionCount)
    .options.map((w) => ({ head: Number(w.head), area: w.area.toString() }));
  if (JSON.stringify(recomputed) !== JSON.stringify(expected)) problems.push('the chain recomputes to another tally');
  console.log(
    `\nClosed in ${closeMs} ms: ${closed.result.ballots} ballots, chain of ${chain.entries.length} entries verified` +
      `${broken ? ' — BROKEN' : ''}; tally yes ${got[0]!.head} (${votes.formatArea(BigInt(got[0]!.area))} m²), ` +
      `no ${got[1]!.head}; adopted (art. 278 major) = ${closed.result.adopted}`,
  );
  console.log(
    problems.length ? `FAILED: ${problems.join('; ')}` : 'Verified: zero duplicates, exact tally, intact chain.',
  );
  return problems.length === 0;
}
