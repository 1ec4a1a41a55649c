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
let rooms: string[];
beforeAll(async () => {
  t = await createTestApp();
  demo = await loadDemo(t);
  secretary = await signIn(t, PHONES.secretaryA);
  rooms = await freeRoomsUnder(t, demo, demo.A.id, demo.child(demo.A, '第一网格'));
});
afterAll(() => t.close());

describe('registering people', () => {
  it('derives sex and birth date from the ID number, masks it, and starts the history', async () => {
    const idNumber = newId('19450312');
    const p = await register(secretary, rooms[0]!, { name: '欧阳春', idNumber, phone: '13712340001' });
    expect(p).toMatchObject({ name: '欧阳春', relation: 'head', birthDate: '1945-03-12', phone: '13712340001' });
    expect(p.sex).toBe(Number(idNumber[16]) % 2 === 1 ? 'male' : 'female');
    expect(p.idMasked).toBe(`${idNumber.slice(0, 4)}${'*'.repeat(10)}${idNumber.slice(-4)}`);
    expect(JSON.stringify(p)).not.toContain(idNumber);
    expect(p.address).toMatch(/号楼 \d单元 \d0\d室$/);
    const history = await secretary.get<{ items: { field: string; changedByName: string }[] }>(
      `/api/registry/people/${p.id}/history`,
    );
    expect(history.body.items).toEqual([expect.objectContaining({ field: 'created', changedByName: '孙丽' })]);
    expect((await auditRows(t, 'registry.person.create'))[0]).toMatchObject({ actor_name: '孙丽', resource_id: p.id });
  });

  it('refuses a bad checksum, a future birth date and a malformed number, writing nothing', async () => {
    const good = newId('19800101');
    const bad = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
    await unchanged(t, async () => {
      const post = (idNumber: string) =>
        secretary.post('/api/registry/people', {
          roomId: rooms[1],
          name: '错号',
          idNumber,
          relation: 'head',
          residenceStatus: 'permanent',
        });
      expectProblem(await post(bad), 422, 'id_checksum', '/idNumber');
      expectProblem(await post(newId('20991231')), 422, 'id_birth_date', '/idNumber');
      expectProblem(await post('11010519800101ABCD'), 422, 'id_format', '/idNumber');
    });
  });

  it('a person lives in one household: the same ID number is refused here and in another community', async () => {
    const idNumber = newId('19600606');
    await register(secretary, rooms[2]!, { idNumber });
    const secretaryD = await signIn(t, PHONES.secretaryD);
    const roomD = (await freeRoomsUnder(t, demo, demo.D.id, demo.D))[0]!;
    await unchanged(t, async () => {
      const again = await secretary.post('/api/registry/people', {
        roomId: rooms[3],
        name: '重复',
        idNumber,
        relation: 'head',
        residenceStatus: 'permanent',
      });
      expectProblem(again, 422, 'already_registered', '/idNumber');
      const elsewhere = await secretaryD.post('/api/registry/people', {
        roomId: roomD,
        name: '重复',
        idNumber,
        relation: 'head',
        residenceStatus: 'floating',
      });
      expectProblem(elsewhere, 422, 'already_registered', '/idNumber');
    });
  });

  it('one head per household; members join the household of their room', async () => {
    const head = await register(secretary, rooms[4]!, { name: '林大海' });
    await unchanged(t, async () => {
      const second = await secretary.post('/api/registry/people', {
        roomId: rooms[4],
        householdId: head.householdId,
        name: '林二',
        idNumber: newId('19720101'),
        relation: 'head',
        residenceStatus: 'permanent',
      });
      expectProblem(second, 422, 'head_exists', '/relation');
      const wrongRoom = await secretary.post('/api/registry/people', {
        roomId: rooms[5],
        householdId: head.householdId,
        name: '林二',
        idNumber: newId('19720101'),
        relation: 'spouse',
        residenceStatus: 'permanent',
      });
      expectProblem(wrongRoom, 422, 'not_found', '/householdId');
    });
    const spouse = await register(secretary, rooms[4]!, {
      householdId: head.householdId,
      name: '陈小红',
      relation: 'spouse',
      idNumber: newId('19740202'),
    });
    expect(spouse.household.map((m) => m.name)).toEqual(['林大海', '陈小红']);
  });
});

describe('editing people', () => {
  it('writes only changed fields, each with who, when and why; a stale version is 409', async () => {
    const p = await register(secretary, rooms[6]!, { name: '黄山', phone: '13712340002' });
    t.clock.advance(60_000);
    const res = await secretary.patch<PersonCard>(`/api/registry/people/${p.id}`, {
      version: p.version,
      reason: '入户核实',
      name: '黄山',
      phone: '13712340003',
      residenceStatus: 'away',
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ phone: '13712340003', residenceStatus: 'away', version: p.version + 1 });
    const history = await secretary.get<{
      items: { field: string; oldValue: string; newValue: string; reason: string }[];
    }>(`/api/registry/people/${p.id}/history`);
    expect(history.body.items.filter((c) => c.field !== 'created')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field: 'phone',
          oldValue: '13712340002',
          newValue: '13712340003',
          reason: '入户核实',
        }),
        expect.objectContaining({ field: 'residenceStatus', oldValue: 'permanent', newValue: 'away' }),
      ]),
    );
    expect(history.body.items).toHaveLength(3);
    await unchanged(t, async () => {
      const stale = await secretary.patch(`/api/registry/people/${p.id}`, {
        version: p.version,
        reason: '旧页面',
        phone: '13712340009',
      });
      expectProblem(stale, 409, 'version_conflict');
    });
  });
});

describe('tags', () => {
  it('setters set tags with level, validity and evidence; derived tags follow the birth date', async () => {
    const p = await register(secretary, rooms[7]!, { name: '郭老', idNumber: newId('19400101') });
    expect(
      p.tags
        .filter((x) => x.derived)
        .map((x) => x.code)
        .sort(),
    ).toEqual(['advanced_age', 'elderly']);
    const put = (code: string, body: unknown) =>
      secretary.request<PersonCard>('PUT', `/api/registry/people/${p.id}/tags/${code}`, body);
    await unchanged(t, async () => {
      expectProblem(await put('disabled', { validFrom: '2025-01-01', evidence: '残疾证' }), 422, 'tag_level', '/level');
      expectProblem(
        await put('advanced_age', { validFrom: '2025-01-01', evidence: '手工' }),
        422,
        'tag_derived',
        '/code',
      );
      expectProblem(
        await put('low_income', { validFrom: '2025-06-01', validTo: '2025-01-01', evidence: '审批表' }),
        422,
        'valid_to_before_from',
        '/validTo',
      );
    });
    const res = await put('disabled', { level: '2', validFrom: '2025-01-01', evidence: '残疾证 31011519400101' });
    expect(res.status, res.text).toBe(200);
    expect(res.body.tags.find((x) => x.code === 'disabled')).toMatchObject({
      level: '2',
      evidence: '残疾证 31011519400101',
      canSet: true,
    });
    // An expired tag no longer shows in listings.
    await put('party_member', { validFrom: '2000-01-01', validTo: '2001-01-01', evidence: '已转出' });
    const list = await secretary.get<Page<PersonRow>>(`/api/registry/people?q=${encodeURIComponent('郭老')}`);
    expect(list.body.items[0]!.tags!.map((x) => x.code).sort()).toEqual(['advanced_age', 'disabled', 'elderly']);
  });

  it('a grid worker sets only the tags naming their role, and sees sensitive tags only where the taxonomy allows', async () => {
    const p = await register(secretary, rooms[8]!, { name: '马良' });
    const put = (c: TestClient, code: string) =>
      c.request<PersonCard>('PUT', `/api/registry/people/${p.id}/tags/${code}`, {
        validFrom: '2025-01-01',
        evidence: '核实',
      });
    expect((await put(secretary, 'low_income')).status).toBe(200);
    expect((await put(secretary, 'corrections')).status).toBe(200);
    const worker = await signIn(t, PHONES.gridWorkerA1);
    await unchanged(t, async () => expectProblem(await put(worker, 'party_member'), 403, 'tag_not_settable'));
    expect((await put(worker, 'volunteer')).status).toBe(200);
    const card = await worker.get<PersonCard>(`/api/registry/people/${p.id}`);
    const codes = card.body.tags.map((x) => x.code);
    expect(codes).toEqual(expect.arrayContaining(['low_income', 'volunteer']));
    expect(codes).not.toContain('corrections');
    const history = await worker.get<{ items: { field: string }[] }>(`/api/registry/people/${p.id}/history`);
    expect(history.body.items.map((c) => c.field)).not.toContain('tag:corrections');
    // Filtering by a tag the caller may not see is refused rather than answered.
    expect((await worker.get('/api/registry/people?tag=corrections')).status).toBe(403);
    const mine = await worker.get<Page<PersonRow>>('/api/registry/people?tag=low_income');
    expect(mine.body.items.map((x) => x.id)).toContain(p.id);
  });
});

describe('housing', () => {
  it('records floor area, use and ownership with optimistic concurrency; the room shows its households', async () => {
    const p = await register(secretary, rooms[9]!, { name: '宋江' });
    const put = (version: number, ownership: string) =>
      secretary.request<{ version: number; ownership: string; floorArea: number }>(
        'PUT',
        `/api/registry/rooms/${rooms[9]}/housing`,
        {
          version,
          floorArea: 88.5,
          use: 'residential',
          ownership,
        },
      );
    // The demo recorded every room already (version 1).
    const before = await secretary.get<{ housing: { version: number } }>(`/api/registry/rooms/${rooms[9]}`);
    const v = before.body.housing.version;
    const res = await put(v, 'rented');
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ floorArea: 88.5, ownership: 'rented', version: v + 1 });
    await unchanged(t, async () => expectProblem(await put(v, 'vacant'), 409, 'version_conflict'));
    const room = await secretary.get<{
      households: { id: string; members: PersonRow[] }[];
      housing: { ownership: string };
    }>(`/api/registry/rooms/${rooms[9]}`);
    expect(room.body.housing.ownership).toBe('rented');
    expect(room.body.households).toEqual([
      { id: p.householdId, version: 1, members: [expect.objectContaining({ id: p.id, name: '宋江' })] },
    ]);
  });
});

describe('search', () => {
  it('finds by Chinese name, pinyin initials, phone tail, ID tail, full ID number and address', async () => {
    const idNumber = newId('19881208');
    const p = await register(secretary, rooms[10]!, { name: '诸葛明', idNumber, phone: '13712347788' });
    const find = async (q: string) =>
      (
        await secretary.get<Page<PersonRow>>(`/api/registry/people?q=${encodeURIComponent(q)}&limit=200`)
      ).body.items.map((x) => x.id);
    expect(await find('诸葛')).toContain(p.id);
    expect(await find('zgm')).toContain(p.id);
    expect(await find('7788')).toContain(p.id);
    expect(await find(idNumber.slice(-4))).toContain(p.id);
    expect(await find(idNumber)).toEqual([p.id]);
    expect(await find('13712347788')).toEqual([p.id]);
    expect(await find(p.address)).toContain(p.id);
    expect(await find('%')).toEqual([]);
    const listing = await auditRows(t, 'registry.people.list');
    expect(listing[0]!.detail).toMatchObject({ search: 'text', count: 0 });
  });
});

describe('moving a household', () => {
  it('moves to an empty room of the community; every member’s history keeps the old address', async () => {
    const head = await register(secretary, rooms[11]!, { name: '搬家甲' });
    await register(secretary, rooms[11]!, {
      name: '搬家乙',
      relation: 'child',
      householdId: head.householdId,
      idNumber: newId('20000101'),
    });
    const move = (body: Record<string, unknown>) =>
      secretary.post<{ address: string; version: number }>(`/api/registry/households/${head.householdId}/move`, {
        version: 1,
        reason: '搬迁',
        ...body,
      });
    const roomD = (await freeRoomsUnder(t, demo, demo.D.id, demo.D))[0]!;
    const admin = await signIn(t, PHONES.admin);
    await unchanged(t, async () => {
      expectProblem(await move({ roomId: rooms[2] }), 422, 'room_occupied', '/roomId');
      expectProblem(await move({ roomId: roomD }), 422, 'validation_failed', '/roomId');
      expectProblem(
        await admin.post(`/api/registry/households/${head.householdId}/move`, {
          version: 1,
          roomId: roomD,
          reason: '跨社区',
        }),
        422,
        'other_community',
        '/roomId',
      );
      expectProblem(await move({ roomId: rooms[12], version: 2 }), 409, 'version_conflict');
    });
    const res = await move({ roomId: rooms[12] });
    expect(res.status, res.text).toBe(200);
    const card = await secretary.get<PersonCard>(`/api/registry/people/${head.id}`);
    expect(card.body).toMatchObject({ roomId: rooms[12], address: res.body.address });
    const history = await secretary.get<{
      items: { field: string; oldValue: string; newValue: string; reason: string }[];
    }>(`/api/registry/people/${head.id}/history`);
    expect(history.body.items[0]).toMatchObject({
      field: 'address',
      oldValue: head.address,
      newValue: res.body.address,
      reason: '搬迁',
    });
    const room = await secretary.get<{ households: { id: string; members: PersonRow[] }[] }>(
      `/api/registry/rooms/${rooms[12]}`,
    );
    expect(room.body.households[0]!.members.map((m) => m.name).sort()).toEqual(['搬家乙', '搬家甲']);
  });
});
