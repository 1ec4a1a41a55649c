import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../src/testing/index.ts';
import {
  type AuditEntry,
  auditSearch,
  type Demo,
  expectProblem,
  loadDemo,
  type OrgNode,
  type Page,
  PHONES,
  signIn,
} from './helpers.ts';

let t: TestApp;
let demo: Demo;
let admin: TestClient;
let secretary: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t, PHONES.admin);
  secretary = await signIn(t, PHONES.secretaryA);
  demo = await loadDemo(t, admin);
});
afterAll(() => t.close());

let gridSeq = 0;
const createGrid = (c: TestClient, headers: Record<string, string> = {}) =>
  c.post<OrgNode>('/api/org/nodes', { parentId: demo.A.id, type: 'grid', name: `审计网格${++gridSeq}` }, headers);

describe('what an entry records', () => {
  it('names actor, role, node, IP and the request id sent back in x-request-id', async () => {
    const c = t.client();
    c.ip = '10.1.2.3';
    await c.login(PHONES.secretaryA);
    const res = await createGrid(c);
    expect(res.status).toBe(201);
    const requestId = String(res.headers['x-request-id']);
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const entry = (await auditSearch(admin, { action: 'org.node.create' })).find((e) => e.requestId === requestId);
    expect(entry).toMatchObject({
      actorName: '孙丽',
      actorRole: 'community_secretary',
      nodeId: res.body.id,
      nodeName: res.body.name,
      resourceType: 'org_node',
      resourceId: res.body.id,
      ip: '10.1.2.3',
    });
    expect(entry?.actorId).toEqual(expect.any(String));
    // A well-formed request id from the caller (or a proxy) is kept end to end.
    const mine = await createGrid(c, { 'x-request-id': 'trace-0123456789' });
    expect(mine.headers['x-request-id']).toBe('trace-0123456789');
    expect((await auditSearch(admin, { action: 'org.node.create' }))[0]?.requestId).toBe('trace-0123456789');
  });

  it('records reads of personal data, and nothing for a write that failed', async () => {
    const queue = await secretary.get<Page<{ id: string }>>('/api/join-applications');
    const one = await secretary.get(`/api/join-applications/${queue.body.items[0]!.id}`);
    expect(one.status).toBe(200);
    const reads = await auditSearch(admin, { actor: '孙丽', action: 'join.application.' });
    expect(reads.map((e) => e.action)).toEqual(
      expect.arrayContaining(['join.application.list', 'join.application.read']),
    );
    expect(reads.find((e) => e.action === 'join.application.read')).toMatchObject({
      resourceId: queue.body.items[0]!.id,
      requestId: one.headers['x-request-id'],
      nodeId: demo.A.id,
    });
    const failed = await secretary.post('/api/org/nodes', { parentId: demo.A.id, type: 'grid', name: '坏', code: '1' });
    expect(failed.status).toBe(422);
    const all = await auditSearch(admin, {});
    expect(all.filter((e) => e.requestId === failed.headers['x-request-id'])).toEqual([]);
  });
});

describe('searching', () => {
  it('finds entries by actor name or phone, by action prefix, and by time range', async () => {
    const first = await createGrid(secretary);
    const t1 = t.clock.now();
    t.clock.advanceMinutes(10);
    const t2 = t.clock.now();
    const streetStaff = await signIn(t, PHONES.streetStaff);
    const second = await streetStaff.post<OrgNode>('/api/org/nodes', {
      parentId: demo.B.id,
      type: 'grid',
      name: '街道建的网格',
    });
    expect(second.status, second.text).toBe(201);
    const admin2 = await signIn(t, PHONES.admin);

    const byName = await auditSearch(admin2, { actor: '孙丽' });
    const byPhone = await auditSearch(admin2, { actor: PHONES.secretaryA });
    expect(byName.length).toBeGreaterThan(0);
    expect(byName.every((e) => e.actorName === '孙丽')).toBe(true);
    expect(byPhone.map((e) => e.id)).toEqual(byName.map((e) => e.id));
    expect(byName.map((e) => e.resourceId)).toContain(first.body.id);
    expect(byName.map((e) => e.resourceId)).not.toContain(second.body.id);

    const creates = await auditSearch(admin2, { action: 'org.node' });
    expect(creates.every((e) => e.action.startsWith('org.node'))).toBe(true);
    expect(creates.map((e) => e.resourceId)).toEqual(expect.arrayContaining([first.body.id, second.body.id]));

    const after = await auditSearch(admin2, { action: 'org.node.create', from: t2.toISOString() });
    expect(after.map((e) => e.resourceId)).toEqual([second.body.id]);
    const before = await auditSearch(admin2, { action: 'org.node.create', to: t2.toISOString() });
    expect(before.map((e) => e.resourceId)).toContain(first.body.id);
    expect(before.map((e) => e.resourceId)).not.toContain(second.body.id);
    expect(before.every((e) => new Date(e.at) <= t1)).toBe(true);
    // Newest first, and the page carries the total.
    const page = await admin2.get<Page<AuditEntry>>('/api/audit?limit=2');
    expect(page.body.items).toHaveLength(2);
    expect(page.body.total).toBeGreaterThan(2);
    expect(new Date(page.body.items[0]!.at) >= new Date(page.body.items[1]!.at)).toBe(true);
    expectProblem(await admin2.get('/api/audit?from=yesterday'), 422, 'validation_failed', '/query/from');
    // Searching the audit log is itself audited.
    expect((await auditSearch(admin2, { action: 'audit.search' })).length).toBeGreaterThan(3);
  });

  it('is for roles with audit.read only', async () => {
    const sec = await signIn(t, PHONES.secretaryA);
    expectProblem(await sec.get('/api/audit'), 403, 'forbidden');
    expectProblem(await (await signIn(t, PHONES.residentA)).get('/api/audit'), 403, 'forbidden');
    expectProblem(await t.client().get('/api/audit'), 401, 'unauthenticated');
  });
});

describe('append-only', () => {
  it('the database itself refuses UPDATE, DELETE and TRUNCATE on audit_log', async () => {
    const db = t.database.db;
    const count = async () =>
      Number((await sql<{ n: string }>`SELECT count(*) AS n FROM audit_log`.execute(db)).rows[0]!.n);
    const before = await count();
    expect(before).toBeGreaterThan(0);
    await expect(sql`UPDATE audit_log SET action = 'tampered'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE audit_log`.execute(db)).rejects.toThrow(/append-only/);
    expect(await count()).toBe(before);
    const tampered = await sql`SELECT 1 FROM audit_log WHERE action = 'tampered'`.execute(db);
    expect(tampered.rows).toHaveLength(0);
  });
});

describe('retention', () => {
  let r: TestApp;
  beforeAll(async () => {
    r = await createTestApp({ config: { auditRetentionDays: 1 } });
  });
  afterAll(() => r.close());

  const entries = async () =>
    (
      await sql<{ action: string; at: Date }>`SELECT action, at FROM audit_log ORDER BY id`.execute(r.database.db)
    ).rows.map((e) => ({ action: e.action, at: new Date(e.at).getTime() }));

  it('purges entries older than the retention on the job run and keeps newer ones', async () => {
    const start = r.clock.now().getTime();
    expect((await entries()).map((e) => e.action)).toContain('demo.seed');
    r.clock.advanceMinutes(25 * 60);
    await signIn(r, PHONES.admin);
    await r.runJobs();
    let left = await entries();
    expect(left.map((e) => e.action)).toEqual(['auth.login']);
    expect(left.every((e) => e.at > start)).toBe(true);
    // Still inside the window after 23 hours; gone after 25.
    r.clock.advanceMinutes(23 * 60);
    await r.runJobs();
    expect((await entries()).map((e) => e.action)).toEqual(['auth.login']);
    r.clock.advanceMinutes(2 * 60);
    await r.runJobs();
    left = await entries();
    expect(left).toEqual([]);
  });
});
