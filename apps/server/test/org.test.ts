import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../src/testing/index.ts';
import {
  auditSearch,
  type Demo,
  expectProblem,
  loadDemo,
  nothingWritten,
  type OrgNode,
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

const tree = async (c: TestClient, query = '') => {
  const res = await c.get<{ nodes: OrgNode[] }>(`/api/org/tree${query}`);
  expect(res.status, res.text).toBe(200);
  return res.body.nodes;
};
const ids = (nodes: OrgNode[]) => nodes.map((n) => n.id).sort();
const upToBuilding = (nodes: OrgNode[]) => nodes.filter((n) => n.type !== 'unit' && n.type !== 'room');
const create = (c: TestClient, body: Record<string, unknown>) => c.post<OrgNode>('/api/org/nodes', body);

describe('the tree each role sees', () => {
  it('district admin: the whole district; community secretary: only their community', async () => {
    expect(ids(await tree(admin))).toEqual(ids(upToBuilding(demo.nodes)));
    const mine = await tree(secretary);
    expect(ids(mine)).toEqual(ids(upToBuilding([demo.A, ...demo.under(demo.A)])));
    expect(mine.every((n) => n.path.startsWith(demo.A.path))).toBe(true);
    expect(mine.map((n) => n.name)).not.toContain('梧桐社区');
  });

  it('grid worker: their whole community (org.read reaches the community), street roles: their street', async () => {
    const grid = await tree(await signIn(t, PHONES.gridWorkerA1));
    expect(ids(grid)).toEqual(ids(upToBuilding([demo.A, ...demo.under(demo.A)])));
    const street1 = upToBuilding([demo.street1, ...demo.under(demo.street1)]);
    expect(ids(await tree(await signIn(t, PHONES.dispatcher)))).toEqual(ids(street1));
    expect(ids(await tree(await signIn(t, PHONES.department)))).toEqual(ids(street1));
    expectProblem(await (await signIn(t, PHONES.residentA)).get('/api/org/tree'), 403, 'forbidden');
    expectProblem(await t.client().get('/api/org/tree'), 401, 'unauthenticated');
  });

  it('narrows to a root inside the scope and hides roots outside it', async () => {
    const grid1 = demo.child(demo.A, '第一网格');
    expect(ids(await tree(secretary, `?rootId=${grid1.id}&maxType=room`))).toEqual(ids([grid1, ...demo.under(grid1)]));
    expectProblem(await secretary.get(`/api/org/tree?rootId=${demo.D.id}`), 404, 'not_found');
    expectProblem(await secretary.get(`/api/org/nodes/${demo.D.id}`), 404, 'not_found');
    const detail = await secretary.get<{ node: OrgNode; ancestors: { name: string }[]; children: OrgNode[] }>(
      `/api/org/nodes/${demo.A.id}`,
    );
    expect(detail.body.ancestors.map((a) => a.name)).toEqual(['临江区', '青松街道']);
    expect(detail.body.children.map((c) => c.name)).toEqual(['第一网格', '第二网格']);
  });
});

describe('creating nodes', () => {
  it('only creates child types the parent may hold (grid under a street is 422)', async () => {
    const res = await nothingWritten(t, () =>
      create(admin, { parentId: demo.street1.id, type: 'grid', name: '错层网格' }),
    );
    expectProblem(res, 422, 'node_type_not_allowed', '/type');
    expectProblem(
      await nothingWritten(t, () => create(admin, { parentId: demo.A.id, type: 'room', name: '101室' })),
      422,
      'node_type_not_allowed',
    );
  });

  it.each([
    ['not digits', { code: '31019900100X' }, 'pattern'],
    ['11 digits', { code: '31019900100' }, 'code_invalid'],
    ['village number for a residents committee', { code: '310199001250' }, 'code_invalid'],
    ['residents number for a village', { code: '310199001050', kind: 'village' }, 'code_invalid'],
    ['another street prefix', { code: '310199002005' }, 'code_invalid'],
    ['street number 000', { code: '310199000005' }, 'code_invalid'],
    ['kind of another node type', { code: '310199001050', kind: 'courtyard' }, 'kind_invalid'],
  ])('checks a community code: %s', async (_label, over, fieldCode) => {
    const body = { parentId: demo.street1.id, type: 'community', name: '新社区', ...over };
    const p = expectProblem(await nothingWritten(t, () => create(admin, body)), 422, 'validation_failed');
    expect(p.errors?.[0]).toMatchObject({ path: fieldCode === 'kind_invalid' ? '/kind' : '/code', code: fieldCode });
  });

  it('accepts valid community codes (residents 001–199, villages 200–399) and refuses a taken one', async () => {
    const res = await create(admin, {
      parentId: demo.street1.id,
      type: 'community',
      name: '新苑社区',
      code: '310199001050',
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ kind: 'residential', code: '310199001050' });
    const village = await create(admin, {
      parentId: demo.street1.id,
      type: 'community',
      kind: 'village',
      name: '新村',
      code: '310199001250',
    });
    expect(village.status, village.text).toBe(201);
    const taken = { parentId: demo.street1.id, type: 'community', name: '重名社区', code: demo.B.code };
    expectProblem(await nothingWritten(t, () => create(admin, taken)), 422, 'code_taken', '/code');
  });

  it('checks grid codes: the community code plus two digits (not 00), unique', async () => {
    for (const code of [`${demo.B.code}07`, `${demo.A.code}00`, `${demo.A.code}7`]) {
      const p = expectProblem(
        await nothingWritten(t, () => create(secretary, { parentId: demo.A.id, type: 'grid', name: '第七网格', code })),
        422,
        'validation_failed',
        '/code',
      );
      expect(p.errors?.[0]?.code).toBe('code_invalid');
    }
    const grid1 = demo.child(demo.A, '第一网格');
    expectProblem(
      await nothingWritten(t, () =>
        create(secretary, { parentId: demo.A.id, type: 'grid', name: '重复', code: grid1.code }),
      ),
      422,
      'code_taken',
      '/code',
    );
  });

  it('puts a new node in the tree at parent.path + id + "/", and audits it', async () => {
    const res = await create(secretary, {
      parentId: demo.A.id,
      type: 'grid',
      name: '第三网格',
      code: `${demo.A.code}03`,
    });
    expect(res.status, res.text).toBe(201);
    const node = res.body;
    expect(node).toMatchObject({
      parentId: demo.A.id,
      type: 'grid',
      version: 1,
      childCount: 0,
      depth: demo.A.depth + 1,
    });
    expect(node.path).toBe(`${demo.A.path}${node.id}/`);
    const seen = (await tree(secretary)).find((n) => n.id === node.id);
    expect(seen).toEqual(node);
    const parent = await secretary.get<{ node: OrgNode; children: OrgNode[] }>(`/api/org/nodes/${demo.A.id}`);
    expect(parent.body.node.childCount).toBe(3);
    expect(parent.body.children.map((c) => c.id)).toContain(node.id);
    const entry = (await auditSearch(admin, { action: 'org.node.create' })).find((e) => e.resourceId === node.id);
    expect(entry).toMatchObject({
      actorName: '孙丽',
      actorRole: 'community_secretary',
      nodeId: node.id,
      requestId: res.headers['x-request-id'],
    });
  });

  it('refuses parents outside the caller’s area and callers who may not manage the tree', async () => {
    const body = { parentId: demo.B.id, type: 'grid', name: '越界网格' };
    expectProblem(await nothingWritten(t, () => create(secretary, body)), 422, 'validation_failed', '/parentId');
    const grid = await signIn(t, PHONES.gridWorkerA1);
    expectProblem(await nothingWritten(t, () => create(grid, { ...body, parentId: demo.A.id })), 403, 'forbidden');
  });
});

describe('updating and deleting', () => {
  const newGrid = async (name: string) => {
    const res = await create(secretary, { parentId: demo.A.id, type: 'grid', name });
    expect(res.status, res.text).toBe(201);
    return res.body;
  };

  it('renames with the version; a stale version is 409 version_conflict', async () => {
    const g = await newGrid('待改名网格');
    const ok = await secretary.patch<OrgNode>(`/api/org/nodes/${g.id}`, { version: 1, name: '改名网格' });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body).toMatchObject({ name: '改名网格', version: 2 });
    const stale = await nothingWritten(t, () =>
      secretary.patch(`/api/org/nodes/${g.id}`, { version: 1, name: '旧名' }),
    );
    expectProblem(stale, 409, 'version_conflict');
    const entry = (await auditSearch(admin, { action: 'org.node.update' })).find((e) => e.resourceId === g.id);
    expect(entry?.detail).toEqual({ before: { name: '待改名网格', code: null }, after: { name: '改名网格' } });
  });

  it('lets only one of two concurrent updates at the same version win', async () => {
    const g = await newGrid('并发网格');
    const committee = await signIn(t, PHONES.committeeA);
    const [a, b] = await Promise.all([
      secretary.patch<OrgNode>(`/api/org/nodes/${g.id}`, { version: 1, name: '甲' }),
      committee.patch<OrgNode>(`/api/org/nodes/${g.id}`, { version: 1, name: '乙' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const winner = a.status === 200 ? '甲' : '乙';
    const now = await secretary.get<{ node: OrgNode }>(`/api/org/nodes/${g.id}`);
    expect(now.body.node).toMatchObject({ name: winner, version: 2 });
  });

  it('does not let a secretary modify or delete their own community node', async () => {
    const secretaryD = await signIn(t, PHONES.secretaryD);
    await nothingWritten(t, async () => {
      expectProblem(
        await secretary.patch(`/api/org/nodes/${demo.A.id}`, { version: demo.A.version, name: '改' }),
        403,
        'forbidden',
      );
      expectProblem(await secretary.delete(`/api/org/nodes/${demo.A.id}`), 403, 'cannot_delete_root');
      const other = await secretaryD.patch(`/api/org/nodes/${demo.under(demo.A, 'grid')[0]!.id}`, {
        version: 1,
        name: '越界',
      });
      expectProblem(other, 404, 'not_found');
    });
    const detail = await secretary.get<{ abilities: Record<string, boolean> }>(`/api/org/nodes/${demo.A.id}`);
    expect(detail.body.abilities).toMatchObject({ 'org.modify': false, 'org.create_child': true, 'org.manage': true });
  });

  it('refuses to delete a node with children, people or grants (409 node_not_empty)', async () => {
    const occupied = await sql<{ id: string }>`SELECT address_node_id::text AS id FROM household
      WHERE community_id = ${demo.A.id} AND address_node_id IS NOT NULL LIMIT 1`.execute(t.database.db);
    for (const id of [demo.child(demo.A, '第一网格').id, occupied.rows[0]!.id]) {
      expectProblem(await nothingWritten(t, () => secretary.delete(`/api/org/nodes/${id}`)), 409, 'node_not_empty');
    }
    const g = await newGrid('有人网格');
    const grant = await admin.post('/api/grants', {
      userId: (await secretary.get<{ me: { user: { id: string } } }>('/api/auth/me')).body.me.user.id,
      role: 'microgrid_volunteer',
      nodeId: g.id,
    });
    expect(grant.status, grant.text).toBe(201);
    expectProblem(await nothingWritten(t, () => secretary.delete(`/api/org/nodes/${g.id}`)), 409, 'node_not_empty');
  });

  it('deletes an empty node and audits it', async () => {
    const g = await newGrid('空网格');
    const res = await secretary.delete(`/api/org/nodes/${g.id}`);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({ ok: true });
    expectProblem(await secretary.get(`/api/org/nodes/${g.id}`), 404, 'not_found');
    expect((await tree(secretary)).map((n) => n.id)).not.toContain(g.id);
    const entry = (await auditSearch(admin, { action: 'org.node.delete' })).find((e) => e.resourceId === g.id);
    expect(entry).toMatchObject({
      actorName: '孙丽',
      requestId: res.headers['x-request-id'],
      detail: { name: '空网格' },
    });
  });
});
