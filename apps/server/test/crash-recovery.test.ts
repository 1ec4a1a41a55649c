import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeIdNumber } from '@linli/contracts';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Kills a real server process (SIGKILL, no shutdown hooks) in the middle of a burst of join
// applications, restarts it on the same data, and checks nothing acknowledged was lost or half written.

const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'linli-crash-'));
const port = 41_000 + Math.floor(Math.random() * 2000);
const base = `http://127.0.0.1:${port}`;
let databaseUrl: string | undefined;
let dropDb: (() => Promise<void>) | undefined;
let proc: ChildProcess | null = null;

async function startServer(): Promise<void> {
  proc = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: {
      ...process.env,
      PORT: String(port),
      LINLI_DATA_DIR: dataDir,
      LINLI_SECRET: 'crash-test-secret-0123456789abcdef0123',
      LINLI_DEMO: '1',
      LINLI_LOGIN_RATE_LIMIT: '1000',
      LOG_LEVEL: 'warn',
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATABASE_URL: '' }),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${base}/api/ready`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server did not start');
}

async function login(phone: string): Promise<{ cookie: string; csrf: string } | null> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone, password: 'Linli@2026' }),
  });
  if (!res.ok) return null;
  const body = (await res.json()) as { csrfToken: string };
  return { cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrf: body.csrfToken };
}

const getJson = async <T>(url: string, s: { cookie: string }) =>
  (await (await fetch(base + url, { headers: { cookie: s.cookie } })).json()) as T;

beforeAll(async () => {
  const server = process.env.TEST_DATABASE_URL;
  if (server) {
    const name = `linli_crash_${randomBytes(4).toString('hex')}`;
    const c = new pg.Client({ connectionString: server });
    await c.connect();
    await c.query(`CREATE DATABASE ${name}`);
    await c.end();
    const u = new URL(server);
    u.pathname = `/${name}`;
    databaseUrl = u.toString();
    dropDb = async () => {
      const d = new pg.Client({ connectionString: server });
      await d.connect();
      await d.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await d.end();
    };
  }
  await startServer();
}, 120_000);

afterAll(async () => {
  proc?.kill('SIGKILL');
  await dropDb?.();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('crash during a burst of applications', () => {
  it('keeps every acknowledged application, whole, across a SIGKILL and restart', async () => {
    const sec = (await login('13800000003'))!;
    const me = await getJson<{ me: { grants: { nodeId: string }[] } }>('/api/auth/me', sec);
    const communityId = me.me.grants[0]!.nodeId;
    const link = await getJson<{ token: string }>(`/api/communities/${communityId}/join-link`, sec);
    const info = await getJson<{ addressTree: { id: string; type: string }[] }>(`/api/join/${link.token}`, sec);
    const rooms = info.addressTree.filter((n) => n.type === 'room');

    const acknowledged: { id: string; phone: string }[] = [];
    let sent = 0;
    let killed = false;
    const applyOne = async (i: number) => {
      const phone = `1370000${String(i).padStart(4, '0')}`;
      sent++;
      const res = await fetch(`${base}/api/join/${link.token}/applications`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          name: `测试${i}`,
          idNumber: makeIdNumber('310199', '19850101', i),
          phone,
          password: 'Apply@2026',
          addressNodeId: rooms[i % rooms.length]!.id,
        }),
      }).catch(() => null);
      if (res?.status === 201) {
        const body = (await res.json()) as { application: { id: string } };
        acknowledged.push({ id: body.application.id, phone });
      }
    };
    // Ten clients keep applying; the server is killed once a dozen have been acknowledged.
    const workers = Array.from({ length: 10 }, async (_, w) => {
      for (let i = w; i < 400 && !killed; i += 10) {
        await applyOne(i);
        if (!killed && acknowledged.length >= 12) {
          killed = true;
          proc!.kill('SIGKILL');
        }
      }
    });
    await Promise.all(workers);
    expect(killed).toBe(true);
    expect(sent).toBeGreaterThan(acknowledged.length);

    await startServer();
    const sec2 = (await login('13800000003'))!;
    const queue = await getJson<{ items: { id: string; phone: string }[]; total: number }>(
      '/api/join-applications?status=pending&limit=200',
      sec2,
    );
    const stored = new Set(queue.items.map((a) => a.id));
    for (const a of acknowledged) expect(stored.has(a.id)).toBe(true);

    // Nothing half written: every stored burst application has its account and its audit entry.
    const burst = queue.items.filter((a) => a.phone.startsWith('1370000'));
    const admin = (await login('13800000001'))!;
    const audit = await getJson<{ items: { resourceId: string | null }[] }>(
      '/api/audit?action=join.apply&limit=200',
      admin,
    );
    const audited = new Set(audit.items.map((e) => e.resourceId));
    for (const a of burst) {
      expect(audited.has(a.id)).toBe(true);
      const res = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ phone: a.phone, password: 'Apply@2026' }),
      });
      expect(res.status).toBe(200);
    }
    expect(audited.size).toBe(burst.length);
  }, 180_000);
});
