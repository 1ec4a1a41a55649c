/**
 * Registry export notifications: a request tells the nearest level that may approve it (the community
 * secretary for a grid, the street for a community; never the requester), the decision tells the requester.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../src/testing/index.ts';
import { type Demo, loadDemo, PHONES, signIn } from './helpers.ts';

interface Export {
  id: string;
  version: number;
}
interface Note {
  kind: string;
  text: string;
  link: string;
  params: Record<string, string | number>;
}

let t: TestApp;
let demo: Demo;
let worker: TestClient;
let secretary: TestClient;
let street: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  demo = await loadDemo(t);
  [worker, secretary, street] = await Promise.all([
    signIn(t, PHONES.gridWorkerA1),
    signIn(t, PHONES.secretaryA),
    signIn(t, PHONES.streetStaff),
  ]);
});
afterAll(() => t.close());

const ask = async (c: TestClient, nodeId: string) => {
  const res = await c.post<Export>('/api/registry/exports', {
    nodeId,
    columns: ['name', 'phone'],
    reason: '走访名单核对',
  });
  expect(res.status, res.text).toBe(201);
  return res.body;
};

async function inbox(phone: string, kind: string): Promise<Note[]> {
  const c = await signIn(t, phone);
  const r = await c.get<{ items: Note[] }>('/api/notifications');
  expect(r.status, r.text).toBe(200);
  return r.body.items.filter((n) => n.kind === kind);
}

describe('export requests notify whoever may approve them', () => {
  let fromWorker: Export;
  let fromSecretary: Export;

  it('a grid worker’s request goes to the community secretary; a secretary’s to the street', async () => {
    fromWorker = await ask(worker, demo.child(demo.A, '第一网格').id);
    await t.dispatch();
    const toSecretary = await inbox(PHONES.secretaryA, 'registry.export_requested');
    expect(toSecretary).toEqual([
      expect.objectContaining({ link: '/console/registry/exports', params: expect.objectContaining({ by: '李强' }) }),
    ]);
    expect(toSecretary[0]!.text).toContain('李强');
    expect(toSecretary[0]!.text).toContain('第一网格');
    // The nearest level only: the street and the committee member are not disturbed, nor the requester.
    expect(await inbox(PHONES.streetStaff, 'registry.export_requested')).toEqual([]);
    expect(await inbox(PHONES.committeeA, 'registry.export_requested')).toEqual([]);
    expect(await inbox(PHONES.gridWorkerA1, 'registry.export_requested')).toEqual([]);

    fromSecretary = await ask(secretary, demo.A.id);
    await t.dispatch();
    const toStreet = await inbox(PHONES.streetStaff, 'registry.export_requested');
    expect(toStreet.map((n) => n.params.area)).toEqual(['银杏社区']);
    // Not to herself, though she may approve exports of her community.
    expect(await inbox(PHONES.secretaryA, 'registry.export_requested')).toHaveLength(1);
    // Another street's or community's cadres hear nothing.
    expect(await inbox(PHONES.secretaryD, 'registry.export_requested')).toEqual([]);
  });

  it('the decision tells the requester, with the reason of a refusal; delivered once', async () => {
    const ok = await secretary.post(`/api/registry/exports/${fromWorker.id}/decision`, {
      version: fromWorker.version,
      approve: true,
    });
    expect(ok.status, ok.text).toBe(200);
    const no = await street.post(`/api/registry/exports/${fromSecretary.id}/decision`, {
      version: fromSecretary.version,
      approve: false,
      note: '范围过大,请按网格申请',
    });
    expect(no.status, no.text).toBe(200);
    await t.dispatch();
    await t.dispatch();
    const approved = await inbox(PHONES.gridWorkerA1, 'registry.export_decided');
    expect(approved).toEqual([
      expect.objectContaining({
        link: '/console/registry/exports',
        params: expect.objectContaining({ decision: 'approved' }),
      }),
    ]);
    expect(approved[0]!.text).toContain('72 小时');
    const refused = await inbox(PHONES.secretaryA, 'registry.export_decided');
    expect(refused).toHaveLength(1);
    expect(refused[0]!.text).toContain('范围过大,请按网格申请');
    expect(await inbox(PHONES.streetStaff, 'registry.export_decided')).toEqual([]);
  });

  it('English readers get the English sentence', async () => {
    const c = await signIn(t, PHONES.gridWorkerA1);
    const r = await c.get<{ items: Note[] }>('/api/notifications', { 'accept-language': 'en' });
    const n = r.body.items.find((x) => x.kind === 'registry.export_decided')!;
    expect(n.text).toContain('was approved; download it within 72 hours');
  });
});
