/** Update campaigns: items per grid, confirm as is or with corrections (only changed fields, with history). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../src/testing/index.ts';
import { type Demo, expectProblem, loadDemo, type Page, PHONES, signIn } from './helpers.ts';
import { auditRows, unchanged } from './registry-helpers.ts';

interface Item {
  campaignId: string;
  personId: string;
  name: string;
  phone: string | null;
  residenceStatus: string;
  personVersion: number;
  status: string;
  version: number;
}
interface Campaign {
  id: string;
  name: string;
  progress: { total: number; pending: number; confirmed: number; changed: number };
}

let t: TestApp;
let demo: Demo;
let secretary: TestClient;
let worker1: TestClient;
let worker2: TestClient;
let campaign: Campaign;
beforeAll(async () => {
  t = await createTestApp();
  demo = await loadDemo(t);
  secretary = await signIn(t, PHONES.secretaryA);
  worker1 = await signIn(t, PHONES.gridWorkerA1);
  worker2 = await signIn(t, PHONES.gridWorkerA2);
});
afterAll(() => t.close());

const items = async (c: TestClient, q = '') =>
  (await c.get<Page<Item>>(`/api/registry/campaign-items?limit=200${q}`)).body;

describe('update campaigns', () => {
  it('a campaign at the community gives each grid worker their grid’s people', async () => {
    const res = await secretary.post<Campaign>('/api/registry/campaigns', {
      nodeId: demo.A.id,
      name: '2026 年第四季度核实',
    });
    expect(res.status, res.text).toBe(201);
    campaign = res.body;
    const people = await secretary.get<Page<unknown>>('/api/registry/people?limit=1');
    expect(campaign.progress).toEqual({
      total: people.body.total,
      pending: people.body.total,
      confirmed: 0,
      changed: 0,
    });
    const mine = await items(worker1, `&campaignId=${campaign.id}`);
    const theirs = await items(worker2, `&campaignId=${campaign.id}`);
    expect(mine.total + theirs.total).toBe(campaign.progress.total);
    expect(mine.items.map((i) => i.personId)).not.toEqual(expect.arrayContaining([theirs.items[0]!.personId]));
    const street = await signIn(t, PHONES.streetStaff);
    expectProblem(await street.get('/api/registry/campaign-items'), 403, 'forbidden');
    expectProblem(await worker1.post('/api/registry/campaigns', { nodeId: demo.A.id, name: 'x' }), 403, 'forbidden');
  });

  it('confirming as is writes no person field; a correction writes only the changed field with history', async () => {
    const [a, b] = (await items(worker1, `&campaignId=${campaign.id}`)).items;
    const ok = await worker1.post<Item>(`/api/registry/campaigns/${campaign.id}/items/${a!.personId}`, {
      version: a!.version,
      personVersion: a!.personVersion,
      phone: a!.phone,
      residenceStatus: a!.residenceStatus,
    });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body).toMatchObject({ status: 'confirmed', personVersion: a!.personVersion, version: 2 });
    const next = b!.residenceStatus === 'away' ? 'permanent' : 'away';
    const changed = await worker1.post<Item>(`/api/registry/campaigns/${campaign.id}/items/${b!.personId}`, {
      version: b!.version,
      personVersion: b!.personVersion,
      phone: b!.phone,
      residenceStatus: next,
    });
    expect(changed.body).toMatchObject({
      status: 'changed',
      residenceStatus: next,
      personVersion: b!.personVersion + 1,
    });
    const history = await worker1.get<{ items: { field: string; reason: string; changedByName: string }[] }>(
      `/api/registry/people/${b!.personId}/history`,
    );
    expect(history.body.items[0]).toMatchObject({
      field: 'residenceStatus',
      reason: '信息核实(2026 年第四季度核实)',
      changedByName: '李强',
    });
    expect(history.body.items.filter((h) => h.reason.startsWith('信息核实')).map((h) => h.field)).toEqual([
      'residenceStatus',
    ]);
    expect((await auditRows(t, 'registry.campaign.confirm'))[0]).toMatchObject({
      resource_id: b!.personId,
      detail: { changed: true },
    });
    const list = await secretary.get<Page<Campaign>>('/api/registry/campaigns');
    expect(list.body.items.find((c) => c.id === campaign.id)!.progress).toMatchObject({ confirmed: 1, changed: 1 });
  });

  it('another grid’s item is 404; a stale item or person version is 409 and writes nothing', async () => {
    const theirs = (await items(worker2, `&campaignId=${campaign.id}&status=pending`)).items[0]!;
    const mine = (await items(worker1, `&campaignId=${campaign.id}&status=pending`)).items[0]!;
    await unchanged(t, async () => {
      expectProblem(
        await worker1.post(`/api/registry/campaigns/${campaign.id}/items/${theirs.personId}`, {
          version: 1,
          personVersion: theirs.personVersion,
        }),
        404,
        'not_found',
      );
      expectProblem(
        await worker1.post(`/api/registry/campaigns/${campaign.id}/items/${mine.personId}`, {
          version: 2,
          personVersion: mine.personVersion,
        }),
        409,
        'version_conflict',
      );
      expectProblem(
        await worker1.post(`/api/registry/campaigns/${campaign.id}/items/${mine.personId}`, {
          version: 1,
          personVersion: mine.personVersion + 5,
          residenceStatus: 'floating',
        }),
        409,
        'version_conflict',
      );
    });
  });
});
