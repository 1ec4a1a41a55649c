import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { boot, type Linli } from '../src/boot.ts';
import { type Config, loadConfig } from '../src/config.ts';
import { TestClient, TestClock } from '../src/testing/index.ts';
import { type Application, applicant, emptyRooms, PHONES } from './helpers.ts';

// Restarts Linli on the same storage and checks that what was acknowledged is still there, that the
// demo district is not loaded twice, and that encrypted ID numbers can still be read (same key).

const server = process.env.TEST_DATABASE_URL;
const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'linli-persist-'));
  dirs.push(d);
  return d;
};
const drops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const d of drops) await d();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function freshDatabase(): Promise<string> {
  const name = `linli_persist_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  drops.push(async () => {
    const c = new pg.Client({ connectionString: server });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  });
  const u = new URL(server!);
  u.pathname = `/${name}`;
  return u.toString();
}

const counts = async (l: Linli) =>
  (
    await sql<Record<string, string>>`SELECT
      (SELECT count(*) FROM org_node) AS nodes, (SELECT count(*) FROM app_user) AS users,
      (SELECT count(*) FROM household) AS households,
      (SELECT count(*) FROM audit_log WHERE action = 'demo.seed') AS seeds`.execute(l.database.db)
  ).rows[0];

/** Applies to community A on a running Linli and reads the full ID back; returns what to look for later. */
async function applyOnce(l: Linli) {
  const sec = await new TestClient(l.app).login(PHONES.secretaryA);
  const A = (await sec.get<{ me: { grants: { nodeId: string }[] } }>('/api/auth/me')).body.me.grants[0]!.nodeId;
  const token = (await sec.get<{ token: string }>(`/api/communities/${A}/join-link`)).body.token;
  const body = applicant({ addressNodeId: (await emptyRooms(l, A))[0] });
  const res = await new TestClient(l.app).post<{ application: Application }>(`/api/join/${token}/applications`, body);
  expect(res.status, res.text).toBe(201);
  return { id: res.body.application.id, body, token };
}

async function expectStillThere(l: Linli, was: Awaited<ReturnType<typeof applyOnce>>) {
  const sec = await new TestClient(l.app).login(PHONES.secretaryA);
  const one = await sec.get<Application>(`/api/join-applications/${was.id}`);
  expect(one.status, one.text).toBe(200);
  expect(one.body).toMatchObject({ status: 'pending', name: was.body.name, phone: was.body.phone });
  // The same key decrypts the ID number stored before the restart.
  const reveal = await sec.post<{ idNumber: string }>(`/api/join-applications/${was.id}/reveal-id`, {
    purpose: '重启核对',
  });
  expect(reveal.body.idNumber).toBe(was.body.idNumber);
  // The join link and the applicant's account survive too.
  expect((await new TestClient(l.app).get(`/api/join/${was.token}`)).status).toBe(200);
  const applicantClient = await new TestClient(l.app).login(was.body.phone, was.body.password);
  const mine = await applicantClient.get<{ items: Application[] }>('/api/me/applications');
  expect(mine.body.items.map((a) => a.id)).toEqual([was.id]);
}

const restartCheck = async (config: Config) => {
  const first = await boot(config, { clock: new TestClock() });
  let before: Awaited<ReturnType<typeof counts>>;
  let was: Awaited<ReturnType<typeof applyOnce>>;
  try {
    expect(first.seeded).toBe(true);
    was = await applyOnce(first);
    before = await counts(first);
    expect(before?.seeds).toBe('1');
  } finally {
    await first.close();
  }
  const second = await boot(config, { clock: new TestClock() });
  try {
    expect(second.seeded).toBe(false);
    expect(await counts(second)).toEqual(before);
    await expectStillThere(second, was);
  } finally {
    await second.close();
  }
};

describe.skipIf(!!server)('restart on the embedded database (PGlite data dir)', () => {
  it('keeps every application, the key file and the demo district (seeded once)', async () => {
    const dataDir = tempDir();
    const config: Config = { ...loadConfig({}), dataDir, secret: undefined };
    expect(config.demo).toBe(true);
    await restartCheck(config);
    // Without LINLI_SECRET the key lives in the data dir, readable by the owner only.
    expect(existsSync(join(dataDir, 'secret.key'))).toBe(true);
  });
});

describe.runIf(!!server)('restart on a PostgreSQL server', () => {
  it('keeps every application and does not load the demo district twice', async () => {
    const databaseUrl = await freshDatabase();
    const config: Config = {
      ...loadConfig({ DATABASE_URL: databaseUrl, LINLI_DEMO: '1' }),
      dataDir: tempDir(),
      secret: 'persistence-test-secret-0123456789abcdef',
    };
    await restartCheck(config);
  });

  it('never loads the demo district on a server database unless asked', async () => {
    const databaseUrl = await freshDatabase();
    const config: Config = { ...loadConfig({ DATABASE_URL: databaseUrl }), dataDir: tempDir(), secret: 'x'.repeat(40) };
    expect(config.demo).toBe(false);
    const l = await boot(config);
    try {
      expect(l.seeded).toBe(false);
      expect(await counts(l)).toEqual({ nodes: '0', users: '0', households: '0', seeds: '0' });
      expect((await new TestClient(l.app).get('/api/ready')).status).toBe(200);
    } finally {
      await l.close();
    }
  });
});

describe('configuration', () => {
  it('loads the demo by default on the embedded database only', () => {
    expect(loadConfig({}).demo).toBe(true);
    expect(loadConfig({ DATABASE_URL: 'postgres://db/linli' }).demo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://db/linli', LINLI_DEMO: 'true' }).demo).toBe(true);
  });
});
