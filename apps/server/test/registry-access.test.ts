/**
 * The registry's access matrix, role by role: who reads full records, who only name/room/phone, who only
 * counts; masked ID numbers revealed by an audited action; every read of a person in the audit log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../src/testing/index.ts';
import { type Demo, expectProblem, loadDemo, type Page, PHONES, signIn } from './helpers.ts';
import {
  auditRows,
  freeRoomsUnder,
  newId,
  type PersonCard,
  type PersonRow,
  register,
  unchanged,
} from './registry-helpers.ts';

let t: TestApp;
let demo: Demo;
let secretary: TestClient;
let grid1Person: PersonCard;
let grid2Person: PersonCard;
let idNumber: string;
let volunteer: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  demo = await loadDemo(t);
  secretary = await signIn(t, PHONES.secretaryA);
  const grid1 = demo.child(demo.A, '第一网格');
  const grid2 = demo.child(demo.A, '第二网格');
  idNumber = newId('19561010');
  grid1Person = await register(secretary, (await freeRoomsUnder(t, demo, demo.A.id, grid1))[0]!, {
    name: '甲一',
    idNumber,
    phone: '13712345601',
  });
  grid2Person = await register(secretary, (await freeRoomsUnder(t, demo, demo.A.id, grid2))[0]!, { name: '乙二' });
  // A micro-grid volunteer (微网格员) for 1号楼 of the first grid.
  const building = demo.child(grid1, '1号楼');
  const res = await secretary.post('/api/people', {
    name: '楼长老刘',
    phone: '13512340001',
    initialPassword: 'Init#Pass2026',
    role: 'microgrid_volunteer',
    nodeId: building.id,
  });
  expect(res.status, res.text).toBe(201);
  volunteer = await signIn(t, '13512340001', 'Init#Pass2026');
});
afterAll(() => t.close());

const all = async (c: TestClient, q = '') => {
  const res = await c.get<Page<PersonRow>>(`/api/registry/people?limit=200${q}`);
  expect(res.status, res.text).toBe(200);
  return res.body;
};
const pathOf = (id: string | null) => demo.byId.get(id ?? '')?.path ?? '';

describe('who reads whom', () => {
  it('the secretary reads the whole community in full, and nothing outside it', async () => {
    const page = await all(secretary);
    expect(page.total).toBeGreaterThan(50);
    expect(page.items.every((p) => !p.contactOnly && p.idMasked)).toBe(true);
    expect(page.items.every((p) => pathOf(p.roomId).startsWith(demo.A.path))).toBe(true);
    expect((await secretary.get(`/api/registry/people/${grid2Person.id}`)).status).toBe(200);
  });

  it('a grid worker reads their grid only; the other grid’s people are 404', async () => {
    const worker = await signIn(t, PHONES.gridWorkerA1);
    const grid1 = demo.child(demo.A, '第一网格');
    const page = await all(worker);
    expect(page.items.map((p) => p.id)).toContain(grid1Person.id);
    expect(page.items.map((p) => p.id)).not.toContain(grid2Person.id);
    expect(page.items.every((p) => pathOf(p.roomId).startsWith(grid1.path))).toBe(true);
    expect((await worker.get(`/api/registry/people/${grid1Person.id}`)).status).toBe(200);
    expectProblem(await worker.get(`/api/registry/people/${grid2Person.id}`), 404, 'not_found');
    expectProblem(
      await worker.get(`/api/registry/people?nodeId=${demo.child(demo.A, '第二网格').id}`),
      404,
      'not_found',
    );
  });

  it('a micro-grid volunteer sees only name, room and phone of their building, and no card', async () => {
    const page = await all(volunteer);
    const building = demo.child(demo.child(demo.A, '第一网格'), '1号楼');
    expect(page.items.length).toBeGreaterThan(0);
    for (const p of page.items) {
      expect(Object.keys(p).sort()).toEqual(['address', 'contactOnly', 'id', 'name', 'phone', 'roomId']);
      expect(p.contactOnly).toBe(true);
      expect(pathOf(p.roomId).startsWith(building.path)).toBe(true);
    }
    expectProblem(await volunteer.get(`/api/registry/people/${grid1Person.id}`), 403, 'forbidden');
    expectProblem(await volunteer.get('/api/registry/people?tag=low_income'), 403, 'forbidden');
    expectProblem(await volunteer.get('/api/registry/stats'), 403, 'forbidden');
    // Searching works on what they may see, never on hidden fields.
    const byId = await all(volunteer, `&q=${idNumber}`);
    expect(byId.items.every((p) => !('idMasked' in p))).toBe(true);
  });

  it('street staff see counts per community, never a person', async () => {
    const street = await signIn(t, PHONES.streetStaff);
    expectProblem(await street.get('/api/registry/people'), 403, 'forbidden');
    expectProblem(await street.get(`/api/registry/people/${grid1Person.id}`), 403, 'forbidden');
    expectProblem(
      await street.post(`/api/registry/people/${grid1Person.id}/reveal-id`, { purpose: '核对' }),
      403,
      'forbidden',
    );
    const stats = await street.get<{
      items: { name: string; people: number; households: number; byTag: Record<string, number> }[];
    }>('/api/registry/stats');
    expect(stats.status, stats.text).toBe(200);
    expect(stats.body.items.map((c) => c.name).sort()).toEqual(['梧桐社区', '银杏社区', '香樟社区'].sort());
    const a = stats.body.items.find((c) => c.name === '银杏社区')!;
    expect(a.people).toBe((await all(secretary)).total);
    expect(a.households).toBeGreaterThan(0);
    expect(JSON.stringify(stats.body)).not.toContain('甲一');
  });

  it('a secretary of another community gets 404 for A’s people and rooms; residents get 403', async () => {
    const secretaryD = await signIn(t, PHONES.secretaryD);
    expectProblem(await secretaryD.get(`/api/registry/people/${grid1Person.id}`), 404, 'not_found');
    expectProblem(await secretaryD.get(`/api/registry/rooms/${grid1Person.roomId}`), 404, 'not_found');
    const dPage = await all(secretaryD);
    expect(dPage.items.every((p) => pathOf(p.roomId).startsWith(demo.D.path))).toBe(true);
    const resident = await signIn(t, PHONES.residentA);
    expectProblem(await resident.get('/api/registry/people'), 403, 'forbidden');
    expectProblem(await resident.get(`/api/registry/people/${grid1Person.id}`), 403, 'forbidden');
  });

  it('writes follow the same reach: a grid worker edits in their grid only', async () => {
    const worker = await signIn(t, PHONES.gridWorkerA1);
    await unchanged(t, async () => {
      expectProblem(
        await worker.patch(`/api/registry/people/${grid2Person.id}`, { version: 1, reason: '越界', phone: null }),
        404,
        'not_found',
      );
      const grid2Room = (await freeRoomsUnder(t, demo, demo.A.id, demo.child(demo.A, '第二网格')))[0]!;
      expectProblem(
        await worker.post('/api/registry/people', {
          roomId: grid2Room,
          name: '越界',
          idNumber: newId('19900101'),
          relation: 'head',
          residenceStatus: 'permanent',
        }),
        422,
        'validation_failed',
        '/roomId',
      );
    });
    const ok = await worker.patch<PersonCard>(`/api/registry/people/${grid1Person.id}`, {
      version: grid1Person.version,
      reason: '电话变更',
      phone: '13712345602',
    });
    expect(ok.status, ok.text).toBe(200);
  });
});

describe('ID numbers and the audit trail', () => {
  it('cards show the masked number; the full one only through an audited reveal with a purpose', async () => {
    const card = await secretary.get<PersonCard>(`/api/registry/people/${grid1Person.id}`);
    expect(card.body.idMasked).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    expect(card.text).not.toContain(idNumber);
    expect(card.body.abilities).toMatchObject({ revealId: true, edit: true });
    const worker = await signIn(t, PHONES.gridWorkerA1);
    const workerCard = await worker.get<PersonCard>(`/api/registry/people/${grid1Person.id}`);
    expect(workerCard.body.abilities.revealId).toBe(false);
    expectProblem(
      await worker.post(`/api/registry/people/${grid1Person.id}/reveal-id`, { purpose: '看看' }),
      403,
      'forbidden',
    );
    const res = await secretary.post<{ idNumber: string }>(`/api/registry/people/${grid1Person.id}/reveal-id`, {
      purpose: '办理高龄津贴',
    });
    expect(res.body.idNumber).toBe(idNumber);
    const [entry] = await auditRows(t, 'registry.person.reveal_id');
    expect(entry).toMatchObject({
      actor_name: '孙丽',
      resource_id: grid1Person.id,
      detail: { purpose: '办理高龄津贴' },
    });
    expect(entry!.node_path!.startsWith(demo.A.path)).toBe(true);
  });

  it('every card, room and listing read names the people it showed', async () => {
    const worker = await signIn(t, PHONES.gridWorkerA1);
    await worker.get(`/api/registry/people/${grid1Person.id}`);
    expect((await auditRows(t, 'registry.person.read'))[0]).toMatchObject({
      actor_name: '李强',
      resource_id: grid1Person.id,
    });
    await volunteer.get(`/api/registry/people?q=${encodeURIComponent('甲一')}`);
    const [listing] = await auditRows(t, 'registry.people.list');
    expect(listing).toMatchObject({ actor_name: '楼长老刘', detail: { ids: [grid1Person.id], search: 'text' } });
    await secretary.get(`/api/registry/rooms/${grid1Person.roomId}`);
    expect((await auditRows(t, 'registry.room.read'))[0]!.detail).toMatchObject({ ids: [grid1Person.id] });
  });
});
