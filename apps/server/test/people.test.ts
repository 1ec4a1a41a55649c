import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../src/testing/index.ts';
import {
  auditSearch,
  type Demo,
  expectProblem,
  loadDemo,
  type Me,
  nothingWritten,
  type Page,
  type PersonRow,
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

const list = async (c: TestClient, query = '') => {
  const res = await c.get<Page<PersonRow>>(`/api/people?limit=200${query}`);
  expect(res.status, res.text).toBe(200);
  return res.body;
};
let phoneSeq = 0;
const staffBody = (role: string, nodeId: string, over: Record<string, unknown> = {}) => ({
  name: `新同事${++phoneSeq}`,
  phone: `1350000${String(phoneSeq).padStart(4, '0')}`,
  initialPassword: 'Init#Pass2026',
  role,
  nodeId,
  ...over,
});
const createStaff = async (c: TestClient, role: string, nodeId: string) => {
  const body = staffBody(role, nodeId);
  const res = await c.post<PersonRow>('/api/people', body);
  expect(res.status, res.text).toBe(201);
  return { ...res.body, password: body.initialPassword };
};
const grid1 = () => demo.child(demo.A, '第一网格');
const grid2 = () => demo.child(demo.A, '第二网格');

describe('listing people', () => {
  it('shows a secretary only the accounts and grants inside their community', async () => {
    const page = await list(secretary);
    const names = page.items.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['孙丽', '李强', '周敏', '王建国', '陈静']));
    for (const outsider of ['吴刚', '冯晓燕', '赵明', '钱芳', '郑伟', '褚卫东']) expect(names).not.toContain(outsider);
    expect(page.total).toBe(page.items.length);
    for (const p of page.items) for (const g of p.grants) expect(g.path.startsWith(demo.A.path)).toBe(true);
    const liqiang = page.items.find((p) => p.name === '李强')!;
    expect(liqiang.grants).toEqual([expect.objectContaining({ role: 'grid_worker', nodeId: grid1().id })]);
    expect(liqiang.abilities['grant.manage']).toBe(true);

    const workers = await list(secretary, '&role=grid_worker');
    expect(workers.items.map((p) => p.name).sort()).toEqual(['李强', '陈静'].sort());
    expectProblem(await secretary.get(`/api/people?nodeId=${demo.D.id}`), 404, 'not_found');
    expect((await list(admin)).items.map((p) => p.name)).toEqual(expect.arrayContaining(['吴刚', '冯晓燕', '郑伟']));
    expectProblem(await (await signIn(t, PHONES.gridWorkerA1)).get('/api/people'), 403, 'forbidden');
    const audit = await auditSearch(admin, { action: 'people.list', actor: '孙丽' });
    expect(audit[0]).toMatchObject({ actorRole: 'community_secretary', nodeId: null });
  });
});

describe('creating staff accounts', () => {
  it('creates a grid worker who must change the password at first sign-in', async () => {
    const body = staffBody('grid_worker', grid1().id);
    const res = await secretary.post<PersonRow>('/api/people', body);
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ name: body.name, phone: body.phone, lastLoginAt: null });
    expect(res.body.grants).toEqual([expect.objectContaining({ role: 'grid_worker', nodeId: grid1().id })]);
    const c = await signIn(t, body.phone, body.initialPassword);
    const me = (await c.get<{ me: Me }>('/api/auth/me')).body.me;
    expect(me.user).toMatchObject({ mustChangePassword: true, isStaff: true });
    expect(
      (await c.post('/api/auth/password', { currentPassword: body.initialPassword, newPassword: 'Mine#2026pw' }))
        .status,
    ).toBe(200);
    expect((await c.get<{ me: Me }>('/api/auth/me')).body.me.user.mustChangePassword).toBe(false);
    const audit = await auditSearch(admin, { action: 'people.create' });
    expect(audit.find((e) => e.resourceId === res.body.userId)).toMatchObject({
      actorName: '孙丽',
      nodeId: grid1().id,
    });
  });

  it('refuses a taken phone, a weak initial password and a role at the wrong node type', async () => {
    await nothingWritten(t, async () => {
      let res = await secretary.post('/api/people', staffBody('grid_worker', grid1().id, { phone: PHONES.residentA }));
      expect(expectProblem(res, 422, 'validation_failed', '/phone').errors?.[0]?.code).toBe('phone_taken');
      res = await secretary.post('/api/people', staffBody('grid_worker', grid1().id, { initialPassword: 'password' }));
      expectProblem(res, 422, 'validation_failed', '/initialPassword');
      res = await secretary.post('/api/people', staffBody('grid_worker', demo.A.id));
      expectProblem(res, 422, 'role_not_allowed_at_node_type', '/role');
    });
  });
});

describe('granting roles', () => {
  let userId: string;
  beforeAll(async () => {
    userId = (await createStaff(secretary, 'microgrid_volunteer', grid2().id)).userId;
  });
  const grant = (c: TestClient, role: string, nodeId: string, uid = userId) =>
    c.post<{ id: string; role: string; nodeId: string }>('/api/grants', { userId: uid, role, nodeId });

  it('lets a secretary grant the roles below them inside their community', async () => {
    const res = await grant(secretary, 'grid_worker', grid2().id);
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ role: 'grid_worker', nodeId: grid2().id, nodeName: '第二网格' });
    const entry = (await auditSearch(admin, { action: 'grant.add' })).find((e) => e.resourceId === res.body.id);
    expect(entry).toMatchObject({ actorName: '孙丽', actorRole: 'community_secretary', nodeId: grid2().id });
    // The same role at the same node again is a conflict.
    expectProblem(await nothingWritten(t, () => grant(secretary, 'grid_worker', grid2().id)), 409, 'grant_exists');
  });

  it('refuses roles above the granter (403 role_not_grantable), wherever they are asked for', async () => {
    await nothingWritten(t, async () => {
      expectProblem(await grant(secretary, 'district_admin', demo.district.id), 403, 'role_not_grantable');
      expectProblem(await grant(secretary, 'district_admin', demo.A.id), 403, 'role_not_grantable');
      expectProblem(await grant(secretary, 'community_secretary', demo.A.id), 403, 'role_not_grantable');
      expectProblem(
        await secretary.post('/api/people', staffBody('district_admin', demo.district.id)),
        403,
        'role_not_grantable',
      );
    });
  });

  it('refuses nodes outside the granter’s area, and grid_worker at a community node (422)', async () => {
    const gridB = demo.child(demo.B, '第一网格');
    await nothingWritten(t, async () => {
      // Another community's node does not exist for the secretary (no hint that it is there).
      expectProblem(await grant(secretary, 'grid_worker', gridB.id), 422, 'validation_failed', '/nodeId');
      expectProblem(await grant(secretary, 'grid_worker', demo.A.id), 422, 'role_not_allowed_at_node_type', '/role');
      expectProblem(
        await grant(secretary, 'grid_worker', grid1().id, '00000000-0000-4000-8000-000000000000'),
        422,
        'validation_failed',
        '/userId',
      );
      expectProblem(
        await grant(admin, 'department_staff', demo.district.id),
        422,
        'department_required',
        '/departmentId',
      );
    });
  });

  it('refuses a node the granter sees but may not grant at (403 node_out_of_scope)', async () => {
    // A secretary of C who also observes the whole street sees B's grids but may grant only inside C.
    const x = await createStaff(admin, 'community_secretary', demo.C.id);
    expect((await grant(admin, 'observer', demo.street1.id, x.userId)).status).toBe(201);
    const c = await signIn(t, x.phone, x.password);
    const gridB = demo.child(demo.B, '第一网格');
    expectProblem(await nothingWritten(t, () => grant(c, 'grid_worker', gridB.id)), 403, 'node_out_of_scope');
    expect((await grant(c, 'grid_worker', demo.child(demo.C, '第一网格').id)).status).toBe(201);
  });
});

describe('revoking roles', () => {
  it('removes the access the role gave, at once, and audits it', async () => {
    const worker = await createStaff(secretary, 'grid_worker', grid2().id);
    const c = await signIn(t, worker.phone, worker.password);
    expect((await c.get('/api/org/tree')).status).toBe(200);
    const grantId = worker.grants[0]!.id;
    const res = await secretary.delete(`/api/grants/${grantId}`);
    expect(res.status, res.text).toBe(200);
    expectProblem(await c.get('/api/org/tree'), 403, 'forbidden');
    expect((await c.get<{ me: Me }>('/api/auth/me')).body.me.grants).toEqual([]);
    const entry = (await auditSearch(admin, { action: 'grant.revoke' })).find((e) => e.resourceId === grantId);
    expect(entry).toMatchObject({
      actorName: '孙丽',
      nodeId: grid2().id,
      detail: { userId: worker.userId, role: 'grid_worker' },
    });
    expectProblem(await nothingWritten(t, () => secretary.delete(`/api/grants/${grantId}`)), 404, 'not_found');
  });

  it('refuses revoking one’s own role, roles above the revoker, and grants in another community', async () => {
    const mine = (await secretary.get<{ me: Me }>('/api/auth/me')).body.me.grants[0]!.id;
    const inD = (await list(admin, `&nodeId=${demo.D.id}&role=community_secretary`)).items[0]!.grants[0]!.id;
    // A second secretary of A (granted by the district admin) is not the first secretary's to remove.
    const wang = (await list(admin, `&nodeId=${demo.A.id}&role=committee_member`)).items.find(
      (p) => p.name === '王建国',
    )!;
    const peer = await admin.post<{ id: string }>('/api/grants', {
      userId: wang.userId,
      role: 'community_secretary',
      nodeId: demo.A.id,
    });
    expect(peer.status, peer.text).toBe(201);
    await nothingWritten(t, async () => {
      expectProblem(await secretary.delete(`/api/grants/${mine}`), 403, 'grant_self_revoke');
      expectProblem(await secretary.delete(`/api/grants/${inD}`), 404, 'not_found');
      expectProblem(await secretary.delete(`/api/grants/${peer.body.id}`), 403, 'role_not_grantable');
    });
  });

  it('lets the secretary remove a resident who moved away: their community home closes at once', async () => {
    const zhou = await signIn(t, PHONES.residentA);
    expect((await zhou.get(`/api/communities/${demo.A.id}/home`)).status).toBe(200);
    const row = (await list(secretary, '&role=resident')).items.find((p) => p.name === '周敏')!;
    const res = await secretary.delete(`/api/grants/${row.grants[0]!.id}`);
    expect(res.status, res.text).toBe(200);
    expect([403, 404]).toContain((await zhou.get(`/api/communities/${demo.A.id}/home`)).status);
    expect((await zhou.get<{ me: Me }>('/api/auth/me')).body.me.homeCommunityId).toBeNull();
  });
});
