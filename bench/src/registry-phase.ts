/**
 * BENCH_ONLY=registry: imports BENCH_REGISTRY_PEOPLE generated residents (1,000,000 on PostgreSQL) from a CSV
 * through Linli's HTTP API (upload in parts, background job), against a raw `COPY` of the same file into a
 * comparable table in the same database; samples the process RSS during the import; then the latency of the
 * policy live count over everyone and of person searches (name, pinyin initials, phone tail).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { DEMO_PASSWORD, type Running, type Session, session } from './linli.ts';
import { DISTRICT_ADMIN } from './plan.ts';
import { sameWorkCopy } from './registry-copy.ts';
import { growRegistryWorld, HEADER, writeResidentsCsv } from './registry-data.ts';

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const mb = (b: number) => `${Math.round(b / 1024 / 1024)} MiB`;
const PART = 8 * 1024 * 1024;

async function call<T>(url: string, s: Session, method: string, body?: unknown, type = 'application/json') {
  const res = await fetch(url, {
    method,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, ...(body !== undefined ? { 'content-type': type } : {}) },
    body: body === undefined ? undefined : type === 'application/json' ? JSON.stringify(body) : (body as Buffer),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

/** Raw COPY of the file into a table of its columns keyed by ID number: psql \copy on a server, PGlite's blob. */
async function rawCopy(server: Running, file: string): Promise<number> {
  const ddl = `DROP TABLE IF EXISTS bench_copy; CREATE TABLE bench_copy (community text, name text,
    id_number text PRIMARY KEY, room text, phone text, relation text)`;
  const copy = `COPY bench_copy (${HEADER.map((_, i) => ['community', 'name', 'id_number', 'room', 'phone', 'relation'][i]).join(', ')})`;
  if (server.databaseUrl) {
    spawnSync('psql', [server.databaseUrl, '-q', '-c', ddl], { stdio: 'inherit' });
    const t0 = performance.now();
    const r = spawnSync(
      'psql',
      [server.databaseUrl, '-q', '-c', `\\copy ${copy.slice(5)} FROM '${file}' WITH (FORMAT csv, HEADER true)`],
      {
        stdio: 'inherit',
      },
    );
    if (r.status !== 0) throw new Error('psql \\copy failed');
    return performance.now() - t0;
  }
  const lite = await PGlite.create();
  await lite.exec(ddl);
  const blob = new Blob([readFileSync(file)]);
  const t0 = performance.now();
  await lite.query(`${copy} FROM '/dev/blob' WITH (FORMAT csv, HEADER true)`, [], { blob });
  const ms = performance.now() - t0;
  await lite.close();
  return ms;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
async function latencies(n: number, fn: (i: number) => Promise<unknown>) {
  await fn(0); // warm the plan cache
  const xs: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn(i);
    xs.push(performance.now() - t0);
  }
  return { p50: pct(xs, 50), p99: pct(xs, 99), n };
}

export async function registryBench(server: Running): Promise<boolean> {
  const { db } = server.linli.database;
  const people = Number(process.env.BENCH_REGISTRY_PEOPLE) || (server.databaseUrl ? 1_000_000 : 20_000);
  const communities = Number(process.env.BENCH_REGISTRY_COMMUNITIES) || (server.databaseUrl ? 300 : 20);
  const dir = mkdtempSync(join(tmpdir(), 'linli-registry-bench-'));
  const file = join(dir, 'residents.csv');
  let ok = true;
  try {
    let t0 = performance.now();
    const world = await growRegistryWorld(db, people, communities);
    const rooms =
      world.communities.length *
      world.communities[0]!.buildings.length *
      world.unitsPerBuilding *
      world.floors *
      world.roomsPerFloor;
    console.log(
      `\nRegistry: grew ${world.communities.length} communities, ${fmt(rooms)} rooms in ${fmt(performance.now() - t0)} ms`,
    );
    t0 = performance.now();
    const csv = await writeResidentsCsv(file, world, people);
    console.log(`  wrote ${fmt(csv.rows)} residents (${mb(csv.bytes)}) in ${fmt(performance.now() - t0)} ms`);

    const copyMs = await rawCopy(server, file);
    const copyRate = (csv.rows / copyMs) * 1000;
    console.log(
      `  raw COPY of the file (${fmt(csv.rows)} rows, ${mb(csv.bytes)}): ${fmt(copyMs)} ms, ${fmt(copyRate)} rows/s`,
    );

    const admin = await session(server.url, DISTRICT_ADMIN, DEMO_PASSWORD);
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const sampler = setInterval(() => {
      rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
    }, 50);
    const importStart = new Date();
    t0 = performance.now();
    const handle = await import('node:fs/promises').then((fs) => fs.open(file));
    let id: string | undefined;
    let offset = 0;
    const buf = Buffer.alloc(PART);
    for (;;) {
      const { bytesRead } = await handle.read(buf, 0, PART, offset);
      if (bytesRead === 0) break;
      const q = new URLSearchParams({ offset: String(offset), ...(id ? { id } : {}) });
      id = (
        await call<{ id: string }>(
          `${server.url}/api/registry/imports/parts?${q}`,
          admin,
          'POST',
          buf.subarray(0, bytesRead),
          'text/csv',
        )
      ).id;
      offset += bytesRead;
    }
    await handle.close();
    const preview = await call<{ rowCount: number; suggestedMapping: Record<string, string> }>(
      `${server.url}/api/registry/imports/${id}/finish`,
      admin,
      'POST',
      {},
    );
    const uploadMs = performance.now() - t0;
    const t1 = performance.now();
    await call(`${server.url}/api/registry/imports/${id}/run`, admin, 'POST', {
      communityId: world.districtId,
      mapping: preview.suggestedMapping,
      mode: 'valid_only',
      background: true,
    });
    type Status = {
      status: string;
      rowsDone: number;
      lastRow: number;
      created: number;
      failed: number;
      failure: string | null;
    };
    let st: Status;
    let shown = 0;
    for (;;) {
      await new Promise((r) => setTimeout(r, 500));
      st = await call<Status>(`${server.url}/api/registry/imports/${id}`, admin, 'GET');
      if (st.rowsDone - shown >= st.lastRow / 10) {
        shown = st.rowsDone;
        console.log(`    … ${fmt(st.rowsDone)} / ${fmt(st.lastRow)} rows, RSS ${mb(process.memoryUsage().rss)}`);
      }
      if (st.status === 'done' || st.status === 'failed') break;
    }
    const jobMs = performance.now() - t1;
    clearInterval(sampler);
    const totalMs = uploadMs + jobMs;
    const rate = (csv.rows / totalMs) * 1000;
    console.log(
      `  Linli import: ${st.status}, ${fmt(st.created)} created, ${fmt(st.failed)} failed${st.failure ? ` (${st.failure})` : ''}; ` +
        `upload+preview ${fmt(uploadMs)} ms, job ${fmt(jobMs)} ms → ${fmt(rate)} rows/s end to end (job alone ${fmt((csv.rows / jobMs) * 1000)} rows/s)`,
    );
    const ratio = rate / copyRate;
    console.log(`  ratio to raw COPY: ${ratio.toFixed(3)} (target ≥ 0.5)${ratio >= 0.5 ? '' : '  ← MISSED'}`);
    console.log(`  RSS: ${mb(rssBefore)} before, peak ${mb(rssPeak)} during the import (+${mb(rssPeak - rssBefore)})`);
    if (st.status !== 'done' || st.created !== csv.rows) ok = false;
    const same = await sameWorkCopy(server, dir, importStart);
    const sameRate = (same.rows / same.ms) * 1000;
    console.log(
      `  same database work (${same.how} of the imported households, people and history, ${fmt(same.rows)} people, ` +
        `${mb(same.bytes)}, into LIKE … INCLUDING ALL tables with the same foreign keys): ${fmt(same.ms)} ms, ${fmt(sameRate)} rows/s`,
    );
    console.log(
      `  ratio to the same database work: ${(rate / sameRate).toFixed(3)} end to end, ${(((csv.rows / jobMs) * 1000) / sameRate).toFixed(3)} job alone`,
    );
    await sql`ANALYZE`.execute(db);

    // Policy live count over everyone in the district.
    const rules = [
      { all: [{ age: { min: 80 } }] },
      { all: [{ age: { min: 60 } }, { sex: 'female' }] },
      { all: [{ household: { minSize: 4, memberAge: { min: 6, max: 15 } } }] },
      { all: [{ tag: 'school_age', has: true }, { residence: ['permanent', 'floating'] }] },
    ];
    let count = 0;
    const policy = await latencies(20, async (i) => {
      const r = await call<{ count: number }>(`${server.url}/api/registry/policies/preview`, admin, 'POST', {
        rule: rules[i % rules.length],
        nodeId: world.districtId,
      });
      count = Math.max(count, r.count);
    });
    console.log(
      `  policy live count over the district (largest match ${fmt(count)}): p50 ${fmt(policy.p50)} ms, p99 ${fmt(policy.p99)} ms (target ≤ 1000)${policy.p99 <= 1000 ? '' : '  ← MISSED'}`,
    );
    if (policy.p99 > 1000) ok = false;

    // Searches as a community's secretary (their ~1/N of the people) and as the district admin (everyone).
    const c = world.communities[Math.floor(world.communities.length / 2)]!;
    const sample = (
      await sql<{ name: string; name_initials: string; phone: string }>`SELECT name, name_initials, phone FROM person
        WHERE community_id = ${c.id} AND phone IS NOT NULL ORDER BY id LIMIT 50`.execute(db)
    ).rows;
    const { phone } = (
      await sql<{ phone: string }>`SELECT u.phone FROM role_grant g JOIN app_user u ON u.id = g.user_id
        WHERE g.node_id = ${c.id} AND g.role = 'community_secretary' LIMIT 1`.execute(db)
    ).rows[0]!;
    const secretary = await session(server.url, phone, DEMO_PASSWORD);
    const queries = sample.flatMap((p) => [p.name, p.name_initials.slice(0, 3), p.phone.slice(-4)]);
    for (const [who, s] of [
      ['secretary of one community', secretary],
      ['district admin', admin],
    ] as const) {
      const kinds = ['name', 'initials', 'phone tail'];
      for (const [k, kind] of kinds.entries()) {
        const qs = queries.filter((_, i) => i % 3 === k);
        const lat = await latencies(60, (i) =>
          call(`${server.url}/api/registry/people?q=${encodeURIComponent(qs[i % qs.length]!)}&limit=20`, s, 'GET'),
        );
        const miss = lat.p99 > 50;
        if (miss && who !== 'district admin') ok = false;
        console.log(
          `  search by ${kind} as ${who}: p50 ${lat.p50.toFixed(1)} ms, p99 ${lat.p99.toFixed(1)} ms (target ≤ 50)${miss ? '  ← MISSED' : ''}`,
        );
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return ok;
}
