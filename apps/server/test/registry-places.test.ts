/**
 * Organisations in the community and compound profiles (docs/adr/0009-registry.md): the committee and grid
 * workers record them in their reach, streets read them with masked phones, residents do not see them; every
 * write is audited with its event, a stale version is 409 and bad input writes nothing.
 */
import { makeCreditCode } from '@linli/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../src/testing/index.ts';
import { type Demo, dbState, expectProblem, loadDemo, type Page, PHONES, signIn } from './helpers.ts';
import { auditRows } from './registry-helpers.ts';

interface Org {
  id: string;
  communityId: string;
  kind: string;
  name: string;
  creditCode: string | null;
  nodeId: string;
  place: string;
  contactPhone: string | null;
  partyOrg: boolean;
  status: string;
  version: number;
  abilities: Record<string, boolean>;
}
interface Compound {
  nodeId: string;
  management: string;
  companyName: string | null;
  contactPhone: string | null;
  entrances: { name: string; guarded: boolean }[];
  facilities: { kind: string; count: number }[];
  providers: { name: string; phone: string | null }[];
  entranceCount: number;
  guardedCount: number;
  organisationCount: number;
  version: number;
  abilities: Record<string, boolean>;
}

let t: TestApp;
let demo: Demo;
let secretary: TestClient;
const CODE = makeCreditCode('91310199MA1TEQ601');
const ORGS = '/api/registry/organisations';

const orgBody = (over: Record<string, unknown> = {}) => ({
  kind: 'firm',
  name: '银杏科技有限公司',
  creditCode: CODE,
  nodeId: demo.child(demo.child(demo.A, '第一网格'), '1号楼').id,
  address: '银杏路 30 号',
  contactName: '王经理',
  contactPhone: '13912345678',
  employees: 12,
  partyOrg: true,
  notes: '楼下底商',
  ...over,
});

/** Rows and version sums of the two tables, with audit and outbox counts. */
async function state() {
  const r = await sql<Record<string, string>>`SELECT
    (SELECT count(*) FROM registry_organisation) AS orgs,
    (SELECT coalesce(sum(version), 0) FROM registry_organisation) AS org_versions,
    (SELECT count(*) FROM registry_compound) AS compounds,
    (SELECT coalesce(sum(version), 0) FROM registry_compound) AS compound_versions`.execute(t.database.db);
  return { ...(await dbState(t)), ...r.rows[0] };
}
async function unchanged<T>(fn: () => Promise<T>) {
  const before = await state();
  const out = await fn();
  expect(await state()).toEqual(before);
  return out;
}
const events = async (topic: string) =>
  (await sql<{ n: string }>`SELECT count(*) AS n FROM outbox WHERE topic = ${topic}`.execute(t.database.db)).rows[0]!.n;

beforeAll(async () => {
  t = await createTestApp();
  demo = await loadDemo(t);
  secretary = await signIn(t, PHONES.secretaryA);
});
afterAll(() => t.close());

const list = async (c: TestClient, q = '') => {
  const res = await c.get<Page<Org>>(`${ORGS}?limit=200${q}`);
  expect(res.status, res.text).toBe(200);
  return res.body.items;
};
const under = (nodeId: string, node: { path: string }) => demo.byId.get(nodeId)!.path.startsWith(node.path);

describe('organisations', () => {
  it('the secretary records, finds, changes, closes and deletes one — each write audited with its event', async () => {
    const made = await secretary.post<Org>(ORGS, orgBody());
    expect(made.status, made.text).toBe(201);
    expect(made.body).toMatchObject({ kind: 'firm', creditCode: CODE, place: '第一网格 1号楼', version: 1 });
    expect(made.body.contactPhone).toBe('13912345678');
    expect(made.body.abilities.edit).toBe(true);
    const [created] = await auditRows(t, 'registry.organisation.create');
    expect(created!.resource_id).toBe(made.body.id);
    expect(await events('registry.organisation.created')).toBe('1');

    expect((await list(secretary, `&q=${encodeURIComponent('科技')}`)).map((o) => o.id)).toEqual([made.body.id]);
    expect((await list(secretary, `&q=${CODE.toLowerCase()}`)).map((o) => o.id)).toEqual([made.body.id]);
    const shops = await list(secretary, '&kind=shop');
    expect(shops.map((o) => o.name)).toEqual(expect.arrayContaining(['银杏便利店', '小蜜蜂家政服务部']));
    expect(shops.every((o) => o.kind === 'shop' && o.communityId === demo.A.id)).toBe(true);
    // A percent sign is searched for, not a wildcard.
    expect(await list(secretary, `&q=${encodeURIComponent('%')}`)).toEqual([]);

    const grid2 = demo.child(demo.A, '第二网格');
    const edited = await secretary.patch<Org>(`${ORGS}/${made.body.id}`, {
      version: 1,
      employees: 15,
      nodeId: grid2.id,
      contactPhone: '021-56781111',
    });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.body).toMatchObject({ version: 2, place: '第二网格', contactPhone: '021-56781111' });
    const [upd] = await auditRows(t, 'registry.organisation.update');
    expect(upd!.detail).toMatchObject({ before: { employees: 12 }, after: { employees: 15, node_id: grid2.id } });
    expect(await events('registry.organisation.updated')).toBe('1');

    const closed = await secretary.patch<Org>(`${ORGS}/${made.body.id}`, { version: 2, status: 'closed' });
    expect(closed.body).toMatchObject({ status: 'closed', version: 3 });
    expect((await list(secretary, '&status=active')).map((o) => o.id)).not.toContain(made.body.id);

    expectProblem(await secretary.delete(`${ORGS}/${made.body.id}?version=2`), 409, 'version_conflict');
    expect((await secretary.delete(`${ORGS}/${made.body.id}?version=3`)).status).toBe(200);
    expectProblem(await secretary.get(`${ORGS}/${made.body.id}`), 404, 'not_found');
    expect((await auditRows(t, 'registry.organisation.delete'))[0]!.detail).toMatchObject({ creditCode: CODE });
    expect(await events('registry.organisation.deleted')).toBe('1');
  });

  it('a concurrent edit is 409 and leaves the first one standing', async () => {
    const made = await secretary.post<Org>(ORGS, orgBody({ creditCode: null, name: '并发测试商铺', kind: 'shop' }));
    const other = await signIn(t, PHONES.committeeA);
    expect((await secretary.patch(`${ORGS}/${made.body.id}`, { version: 1, name: '先改的名字' })).status).toBe(200);
    await unchanged(async () =>
      expectProblem(
        await other.patch(`${ORGS}/${made.body.id}`, { version: 1, name: '后改的名字' }),
        409,
        'version_conflict',
      ),
    );
    expect((await secretary.get<Org>(`${ORGS}/${made.body.id}`)).body.name).toBe('先改的名字');
  });

  it('refuses bad input with the field’s path and writes nothing', async () => {
    const good = orgBody();
    const wrongCheck = `${CODE.slice(0, 17)}${CODE[17] === '0' ? '1' : '0'}`;
    const d = demo.child(demo.D, '第一网格');
    const cases: [Record<string, unknown>, string, string][] = [
      [{ creditCode: wrongCheck }, '/creditCode', 'credit_code_checksum'],
      [{ creditCode: '91310199MA1TESTO1X' }, '/creditCode', 'credit_code_format'],
      [{ nodeId: d.id }, '/nodeId', 'not_found'],
      [{ nodeId: demo.A.id }, '/nodeId', 'node_kind'],
      [{ nodeId: '999999999' }, '/nodeId', 'not_found'],
      [{ kind: 'bank' }, '/kind', 'enum'],
      [{ name: '长'.repeat(61) }, '/name', 'maxLength'],
      [{ name: '<script>alert(1)</script>' }, '/name', 'markup'],
      [{ notes: '见 <a href="http://x">链接</a>' }, '/notes', 'markup'],
      [{ name: '   ' }, '/name', 'required'],
      [{ contactPhone: '12345' }, '/contactPhone', 'pattern'],
      [{ employees: -1 }, '/employees', 'minimum'],
      [{ extra: 1 }, '/extra', 'additionalProperties'],
    ];
    for (const [over, path, code] of cases) {
      const res = await unchanged(() => secretary.post(ORGS, { ...good, ...over }));
      expect([400, 422], `${path}: ${res.text}`).toContain(res.status);
      const errors = (res.body as { errors?: { path: string; code?: string }[] }).errors ?? [];
      expect(
        errors.map((e) => e.path),
        res.text,
      ).toContain(path);
      if (res.status === 422 && !['enum', 'maxLength', 'pattern', 'minimum', 'additionalProperties'].includes(code))
        expect(errors.map((e) => e.code)).toContain(code);
    }
    // The same credit code twice in a community.
    const seeded = (await list(secretary, '&q=青松物业'))[0]!;
    const dup = await unchanged(() => secretary.post(ORGS, orgBody({ creditCode: seeded.creditCode })));
    expectProblem(dup, 409, 'credit_code_taken', '/creditCode');
  });
  it('a node that still has an organisation cannot be deleted; its compound profile goes with it', async () => {
    const grid1 = demo.child(demo.A, '第一网格');
    const node = await secretary.post<{ id: string }>('/api/org/nodes', {
      parentId: grid1.id,
      type: 'building',
      name: '临时商铺楼',
    });
    expect(node.status, node.text).toBe(201);
    const made = await secretary.post<Org>(ORGS, orgBody({ creditCode: null, nodeId: node.body.id }));
    const profile = { version: 0, management: 'none', entrances: [], facilities: [], providers: [] };
    expect((await secretary.request('PUT', `/api/registry/compounds/${node.body.id}`, profile)).status).toBe(200);
    expectProblem(await secretary.delete(`/api/org/nodes/${node.body.id}`), 409, 'node_not_empty');
    expect((await secretary.delete(`${ORGS}/${made.body.id}?version=1`)).status).toBe(200);
    expect((await secretary.delete(`/api/org/nodes/${node.body.id}`)).status).toBe(200);
    const left = await sql<{
      n: string;
    }>`SELECT count(*) AS n FROM registry_compound WHERE node_id = ${node.body.id}`.execute(t.database.db);
    expect(left.rows[0]!.n).toBe('0');
  });
});

describe('who may do what', () => {
  it('grid workers read and edit their grid’s organisations only', async () => {
    const worker = await signIn(t, PHONES.gridWorkerA1);
    const grid1 = demo.child(demo.A, '第一网格');
    const grid2 = demo.child(demo.A, '第二网格');
    const mine = await list(worker);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((o) => under(o.nodeId, grid1))).toBe(true);
    const theirs = (await list(secretary)).find((o) => under(o.nodeId, grid2))!;
    expectProblem(await worker.get(`${ORGS}/${theirs.id}`), 404, 'not_found');
    await unchanged(async () =>
      expectProblem(
        await worker.patch(`${ORGS}/${theirs.id}`, { version: theirs.version, notes: '越界' }),
        404,
        'not_found',
      ),
    );
    await unchanged(async () =>
      expectProblem(
        await worker.post(ORGS, orgBody({ creditCode: null, nodeId: grid2.id })),
        422,
        'validation_failed',
        '/nodeId',
      ),
    );
    const made = await worker.post<Org>(ORGS, orgBody({ creditCode: null, name: '网格员登记的小店', kind: 'shop' }));
    expect(made.status, made.text).toBe(201);
    const edited = await worker.patch<Org>(`${ORGS}/${made.body.id}`, { version: 1, partyOrg: false });
    expect(edited.body).toMatchObject({ partyOrg: false, version: 2 });
  });

  it('another community’s secretary gets 404 on A’s organisations and sees none of them', async () => {
    const d = await signIn(t, PHONES.secretaryD);
    const a = (await list(secretary))[0]!;
    expect((await list(d)).every((o) => o.communityId === demo.D.id)).toBe(true);
    expect((await list(d)).map((o) => o.name)).toContain('海棠农贸市场');
    expectProblem(await d.get(`${ORGS}/${a.id}`), 404, 'not_found');
    await unchanged(async () => {
      expectProblem(await d.patch(`${ORGS}/${a.id}`, { version: a.version, name: '越界' }), 404, 'not_found');
      expectProblem(await d.delete(`${ORGS}/${a.id}?version=${a.version}`), 404, 'not_found');
      expectProblem(await d.post(ORGS, orgBody({ creditCode: null })), 422, 'validation_failed', '/nodeId');
    });
    expectProblem(await d.get(`${ORGS}?nodeId=${demo.A.id}`), 404, 'not_found');
  });

  it('residents are refused', async () => {
    const resident = await signIn(t, PHONES.residentA);
    await unchanged(async () => {
      expectProblem(await resident.get(ORGS), 403, 'forbidden');
      expectProblem(await resident.post(ORGS, orgBody({ creditCode: null })), 403, 'forbidden');
      expectProblem(await resident.get(`/api/registry/compounds/${demo.A.id}`), 403, 'forbidden');
    });
  });

  it('the street reads its communities with masked phones and may not write', async () => {
    const street = await signIn(t, PHONES.streetStaff);
    const seen = await list(street);
    expect(new Set(seen.map((o) => o.communityId))).toEqual(new Set([demo.A.id]));
    const shop = seen.find((o) => o.name === '银杏便利店')!;
    expect(shop.contactPhone).toBe('137****1201');
    expect(shop.abilities.edit).toBe(false);
    expect((await street.get<Org>(`${ORGS}/${shop.id}`)).body.contactPhone).toBe('137****1201');
    const building = demo.child(demo.child(demo.A, '第一网格'), '1号楼');
    const profile = await street.get<Compound>(`/api/registry/compounds/${building.id}`);
    expect(profile.body.contactPhone).toBe('021-****1234');
    expect(profile.body.providers.every((p) => p.phone?.includes('****'))).toBe(true);
    await unchanged(async () => {
      expectProblem(await street.post(ORGS, orgBody({ creditCode: null })), 403, 'forbidden');
      expectProblem(await street.patch(`${ORGS}/${shop.id}`, { version: shop.version, notes: 'x' }), 403, 'forbidden');
      const put = await street.request('PUT', `/api/registry/compounds/${building.id}`, {
        version: profile.body.version,
        management: 'none',
        entrances: [],
        facilities: [],
        providers: [],
      });
      expectProblem(put, 403, 'forbidden');
    });
    // The district reads every community.
    const admin = await signIn(t, PHONES.admin);
    const all = await list(admin);
    expect(new Set(all.map((o) => o.communityId)).size).toBeGreaterThanOrEqual(3);
  });
});

describe('compound profiles', () => {
  const profile = (over: Record<string, unknown> = {}) => ({
    version: 0,
    management: 'company',
    companyName: '银杏物业服务有限公司',
    contactName: '赵经理',
    contactPhone: '13912340000',
    entrances: [
      { name: '西门', hours: '24 小时', guarded: true, vehicles: true },
      { name: '南侧小门', hours: '06:00–21:00', guarded: false },
    ],
    facilities: [
      { kind: 'elevator', count: 4 },
      { kind: 'charging', count: 20, notes: '电动自行车' },
    ],
    providers: [{ name: '银杏物业服务有限公司', service: '保洁、安保', phone: '021-56780000' }],
    ...over,
  });

  it('a building with no profile reads as version 0; the secretary records it and edits it under its version', async () => {
    const building = demo.child(demo.child(demo.A, '第一网格'), '2号楼');
    const url = `/api/registry/compounds/${building.id}`;
    const eventsBefore = Number(await events('registry.compound.updated'));
    const empty = await secretary.get<Compound>(url);
    expect(empty.body).toMatchObject({ version: 0, entrances: [], abilities: { edit: true } });
    const saved = await secretary.request<Compound>('PUT', url, profile());
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body).toMatchObject({ version: 1, entranceCount: 2, guardedCount: 1, management: 'company' });
    expect(saved.body.entrances[1]).toMatchObject({ name: '南侧小门', guarded: false, vehicles: false });
    const [audit] = await auditRows(t, 'registry.compound.update');
    expect(audit!.resource_id).toBe(building.id);
    expect(Number(await events('registry.compound.updated'))).toBe(eventsBefore + 1);
    // A second editor still holding version 0 is refused; the first profile stands.
    await unchanged(async () =>
      expectProblem(
        await secretary.request('PUT', url, profile({ management: 'none', companyName: null })),
        409,
        'version_conflict',
      ),
    );
    const changed = await secretary.request<Compound>(
      'PUT',
      url,
      profile({ version: 1, management: 'self', companyName: null }),
    );
    expect(changed.body).toMatchObject({ version: 2, management: 'self', companyName: null });
    expect((await secretary.get<Compound>(url)).body.version).toBe(2);
  });

  it('the demo compound counts its organisations; a grid worker of another grid cannot read it', async () => {
    const building = demo.child(demo.child(demo.A, '第一网格'), '1号楼');
    const p = (await secretary.get<Compound>(`/api/registry/compounds/${building.id}`)).body;
    expect(p).toMatchObject({ management: 'company', companyName: '青松物业管理有限公司', entranceCount: 2 });
    expect(p.organisationCount).toBeGreaterThanOrEqual(1);
    const worker2 = await signIn(t, PHONES.gridWorkerA2);
    expectProblem(await worker2.get(`/api/registry/compounds/${building.id}`), 404, 'not_found');
    const listed = await secretary.get<Page<Compound>>('/api/registry/compounds');
    expect(listed.body.items.map((c) => c.nodeId)).toContain(building.id);
    expect(listed.body.items.every((c) => under(c.nodeId, demo.A))).toBe(true);
  });

  it('refuses bad profiles with the field’s path and writes nothing', async () => {
    const building = demo.child(demo.child(demo.A, '第二网格'), '4号楼');
    const url = `/api/registry/compounds/${building.id}`;
    const cases: [Record<string, unknown>, string][] = [
      [{ companyName: null }, '/companyName'],
      [{ management: 'none' }, '/companyName'],
      [{ entrances: [{ name: '<img src=x onerror=alert(1)>', guarded: true }] }, '/entrances/0/name'],
      [{ facilities: [{ kind: 'spaceport', count: 1 }] }, '/facilities/0/kind'],
      [
        {
          facilities: [
            { kind: 'elevator', count: 1 },
            { kind: 'elevator', count: 2 },
          ],
        },
        '/facilities/1/kind',
      ],
      [{ providers: [{ name: '某公司', service: '保洁', phone: 'call me' }] }, '/providers/0/phone'],
      [{ notes: 'x'.repeat(501) }, '/notes'],
    ];
    for (const [over, path] of cases) {
      const res = await unchanged(() => secretary.request('PUT', url, profile(over)));
      expect(res.status, `${path}: ${res.text}`).toBe(422);
      expect(((res.body as { errors: { path: string }[] }).errors ?? []).map((e) => e.path)).toContain(path);
    }
    const room = demo.under(building, 'room')[0]!;
    await unchanged(async () =>
      expectProblem(
        await secretary.request('PUT', `/api/registry/compounds/${room.id}`, profile()),
        422,
        'not_a_compound',
        '/nodeId',
      ),
    );
    const d = demo.under(demo.D, 'building')[0]!;
    await unchanged(async () =>
      expectProblem(await secretary.request('PUT', `/api/registry/compounds/${d.id}`, profile()), 404, 'not_found'),
    );
  });
});
