import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
// @linli/server exports only `./testing` (and a `.` entry without a file), so the bench reaches into its
// sources; every such import goes through this module.
import { boot, type Linli } from '../../apps/server/src/boot.ts';
import { loadConfig } from '../../apps/server/src/config.ts';
import type { Clock } from '../../apps/server/src/platform/clock.ts';

export type { Linli } from '../../apps/server/src/boot.ts';
export { DEMO_ACCOUNTS, DEMO_APPLICANTS, DEMO_PASSWORD } from '../../apps/server/src/modules/demo/accounts.ts';
export { personName, rng } from '../../apps/server/src/modules/demo/names.ts';
export type { JoinTables } from '../../apps/server/src/modules/join/tables.ts';
export { protectIdNumber } from '../../apps/server/src/modules/residents/service.ts';
export { searchTokens } from '../../apps/server/src/platform/text/tokens.ts';

/** The system clock, which the case templates set to the past while they are written. */
export class OffsetClock implements Clock {
  offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  /** Makes `now()` read `at` (time then runs on from there). */
  set(at: Date): void {
    this.offsetMs = at.getTime() - Date.now();
  }
  reset(): void {
    this.offsetMs = 0;
  }
}

export interface Running {
  linli: Linli;
  url: string;
  /** Where the database lives when it is a PostgreSQL server (null for PGlite). */
  databaseUrl: string | null;
  clock: OffsetClock;
  engine: string;
  /** Where the data lives, credentials hidden. */
  where: string;
  close(): Promise<void>;
}

const hidePassword = (url: string) => url.replace(/:[^:@/]*@/, ':***@');

/** A fresh, uniquely named database on the server at `serverUrl`, dropped again by `drop()`. */
async function freshDatabase(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `linli_bench_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = async (statement: string) => {
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    try {
      await c.query(statement);
    } finally {
      await c.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  // BENCH_KEEP=1 leaves the data behind for reading query plans (EXPLAIN) on it afterwards.
  const drop = process.env.BENCH_KEEP
    ? async () => console.log(`kept database ${name} (BENCH_KEEP)`)
    : () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  return { url: u.toString(), drop };
}

/**
 * Boots Linli with the demo district on a real port: embedded in-memory PGlite by default, or a fresh
 * database on the PostgreSQL server named by BENCH_DATABASE_URL (dropped when the run ends).
 */
export async function startLinli(serverUrl: string | undefined): Promise<Running> {
  const dataDir = mkdtempSync(join(tmpdir(), 'linli-bench-'));
  const fresh = serverUrl ? await freshDatabase(serverUrl) : null;
  const config = {
    ...loadConfig({}),
    dataDir,
    databaseUrl: fresh?.url ?? null,
    secret: 'bench-secret-for-linli-load-measurements-0000',
    demo: true,
    // Every login comes from 127.0.0.1; the per-IP limit (20/min by default) would turn them into 429s.
    loginRateLimitPerMinute: 1_000_000_000,
    logLevel: 'warn',
  };
  const clock = new OffsetClock();
  let linli: Linli;
  try {
    linli = await boot(config, { seed: true, memory: true, logger: false, clock });
  } catch (e) {
    await fresh?.drop();
    rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
  await linli.app.listen({ port: 0, host: '127.0.0.1' });
  // The outbox loop and jobs run as in production.
  linli.startBackground();
  const address = linli.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    linli,
    url: `http://127.0.0.1:${port}`,
    databaseUrl: fresh?.url ?? null,
    clock,
    engine: linli.platform.engine,
    where: fresh ? hidePassword(fresh.url) : 'in-memory PGlite',
    async close() {
      await linli.close();
      await fresh?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Session {
  /** `linli_sid=...` */
  cookie: string;
  /** The x-csrf-token header writes need. */
  csrf: string;
}

/** Signs in through the public API: the session cookie and its CSRF token. */
export async function session(url: string, phone: string, password: string): Promise<Session> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${phone} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('linli_sid='));
  if (!cookie) throw new Error(`sign-in of ${phone} set no session cookie`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie: cookie.split(';')[0]!, csrf: csrfToken };
}

/** Signs in through the public API and returns the session cookie (`linli_sid=...`). */
export const signIn = async (url: string, phone: string, password: string): Promise<string> =>
  (await session(url, phone, password)).cookie;
