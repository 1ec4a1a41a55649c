/**
 * Moving a household to another community (迁出 → 迁入): started by the old committee, accepted or refused by the
 * new one, or done in one step by an editor of both; the people arrive with their whole history and tags, and
 * the old community keeps a tombstone that is readable but no longer counted, listed, searched or matched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { electorateOf } from '../src/modules/registry/electorate.ts';
import { createTestApp, type TestApp, type TestClient } from '../src/testing/index.ts';
import { type Demo, expectProblem, loadDemo, type Page, PHONES, signIn } from './helpers.ts';
import { auditRows, freeRoomsUnder, newId, type PersonCard, type PersonRow, register } from './registry-helpers.ts';

interface Transfer {
  id: string;
  householdId: string;
  status: string;
  toCommunityName: string;
  fromAddress: string;
  toAddress: string | null;
  toRoomId: string | null;
  newHouseholdId: string | null;
  note: string | null;
  members: { id: string; name: string }[];
  version: number;
  canDecide: boolean;
  canCancel: boolean;
}
interface History {
  items: { field: string; oldValue: string | null; newValue: string | null; reason: string }[];
}
interface Stats {
  items: { communityId: string; people: number | null; households: number | null }[];
}

let t: TestApp;
let demo: Demo;
let secA: TestClient;
let secD: TestClient;
let admin: TestClient;
let roomsA: string[];
let roomsD: string[];
let policyId: string;

beforeAll(async () => {
  t = await createTestApp();
  demo = await loadDemo(t);
  [secA, secD, admin] = await Promise.all([
    signIn(t, PHONES.secretaryA),
    signIn(t, PHONES.secretaryD),
    signIn(t, PHONES.admin),
  ]);
  roomsA = await freeRoomsUnder(t, demo, demo.A.id, demo.child(demo.A, '第一网格'));
  roomsD = await freeRoomsUnder(t, demo, demo.D.id, demo.D);
});
afterAll(() => t.close());

/** A household of two in community A: a centenarian head (低保, phone changed once) and a child. */
async function household(name: string, room: string) {
  const head = await register(secA, room, { name, idNumber: newId('19210101') });
  const child = await register(secA, room, {
    name: `${name}子`,
    relation: 'child',
    householdId: head.householdId,
    idNumber: newId('20120601'),
  });
  const tag = await secA.request('PUT', `/api/registry/people/${head.id}/tags/low_income`, {
    validFrom: '2025-01-01',
    evidence: '低保证 2025-101',
  });
  expect(tag.status, tag.text).toBe(200);
  const edit = await secA.request('PATCH', `/api/registry/people/${head.id}`, {
    version: tag.body ? (tag.body as PersonCard).version : 2,
    phone: '13712345678',
    reason: '电话更新',
  });
  expect(edit.status, edit.text).toBe(200);
  return { head, child };
}

const versionOf = async (c: TestClient, room: string, householdId: string) =>
  (await c.get<{ households: { id: string; version: number }[] }>(`/api/registry/rooms/${room}`)).body.households.find(
    (h) => h.id === householdId,
  )!.version;

const count = async (c: TestClient, q: string) =>
  (await c.get<Page<PersonRow>>(`/api/registry/people?q=${encodeURIComponent(q)}`)).body.total;

const peopleIn = async (c: TestClient, communityId: string) =>
  (await c.get<Stats>(`/api/registry/stats?nodeId=${communityId}`)).body.items.find(
    (i) => i.communityId === communityId,
  )!;

const inbox = async (phone: string, kind: string) => {
  const c = await signIn(t, phone);
  return (
    await c.get<{ items: { kind: string; text: string; link: string }[] }>('/api/notifications')
  ).body.items.filter((n) => n.kind === kind);
};

describe('moving a household to another community in two steps', () => {
  let h: Awaited<ReturnType<typeof household>>;
  let x: Transfer;

  it('the old committee starts it; until settled the household cannot be edited or moved again', async () => {
    h = await household('迁户甲', roomsA[0]!);
    const policy = await admin.post<{ id: string }>('/api/registry/policies', {
      nodeId: demo.district.id,
      name: '百岁老人慰问',
      rule: { all: [{ age: { min: 100 } }] },
    });
    expect(policy.status, policy.text).toBe(201);
    policyId = policy.body.id;
    const version = await versionOf(secA, roomsA[0]!, h.head.householdId);
    const start = (over: Record<string, unknown> = {}) =>
      secA.post<Transfer>(`/api/registry/households/${h.head.householdId}/transfer`, {
        version,
        toCommunityId: demo.D.id,
        reason: '购房迁居',
        ...over,
      });
    // The receiving community is found by a part of its name; nothing is listed without one.
    const none = await secA.get<{ items: unknown[] }>('/api/registry/transfer-destinations');
    expect(none.body.items).toEqual([]);
    const found = await secA.get<{ items: { id: string; name: string; streetName: string }[] }>(
      `/api/registry/transfer-destinations?q=${encodeURIComponent('海棠')}`,
    );
    expect(found.body.items).toEqual([expect.objectContaining({ id: demo.D.id, name: '海棠社区' })]);
    expectProblem(await start({ toCommunityId: demo.A.id }), 422, 'same_community', '/toCommunityId');
    expectProblem(await start({ toCommunityId: demo.street1.id }), 422, 'validation_failed', '/toCommunityId');
    expectProblem(await start({ version: version + 1 }), 409, 'version_conflict');
    // One step needs edit rights over the receiving community too.
    expectProblem(await start({ roomId: roomsD[0] }), 403, 'forbidden');
    const res = await start();
    expect(res.status, res.text).toBe(201);
    x = res.body;
    expect(x).toMatchObject({ status: 'pending', toCommunityName: '海棠社区', canCancel: true, canDecide: false });
    expect(x.members.map((m) => m.name)).toEqual(['迁户甲', '迁户甲子']);
    expectProblem(await start({ version: version + 1 }), 409, 'transfer_pending');
    const card = await secA.get<PersonCard>(`/api/registry/people/${h.head.id}`);
    expectProblem(
      await secA.request('PATCH', `/api/registry/people/${h.head.id}`, {
        version: card.body.version,
        phone: '13700000000',
        reason: '改号',
      }),
      409,
      'transfer_pending',
    );
    expectProblem(
      await secA.post(`/api/registry/households/${h.head.householdId}/move`, {
        version: version + 1,
        roomId: roomsA[5],
        reason: '换房',
      }),
      409,
      'transfer_pending',
    );
    expect((await auditRows(t, 'registry.household.transfer'))[0]).toMatchObject({
      actor_name: '孙丽',
      resource_id: h.head.householdId,
      detail: { transferId: x.id, reason: '购房迁居' },
    });
  });

  it('the receiving committee is told and sees it; others do not', async () => {
    await t.dispatch();
    const told = await inbox(PHONES.secretaryD, 'registry.transfer_incoming');
    expect(told).toHaveLength(1);
    expect(told[0]!.text).toContain('银杏社区');
    expect(told[0]!.link).toContain('/console/registry');
    const incoming = await secD.get<{ items: Transfer[] }>('/api/registry/transfers?direction=incoming&pending=true');
    expect(incoming.body.items).toEqual([expect.objectContaining({ id: x.id, canDecide: true, canCancel: false })]);
    expect((await secA.get<{ items: Transfer[] }>('/api/registry/transfers?direction=incoming')).body.items).toEqual(
      [],
    );
    // A grid worker of the old community may not start or decide transfers.
    const worker = await signIn(t, PHONES.gridWorkerA1);
    expectProblem(
      await worker.post(`/api/registry/households/${h.head.householdId}/transfer`, {
        version: 1,
        toCommunityId: demo.D.id,
        reason: '越权',
      }),
      403,
      'forbidden',
    );
    expectProblem(
      await worker.post(`/api/registry/transfers/${x.id}/accept`, { version: x.version, roomId: roomsD[0] }),
      403,
      'forbidden',
    );
    // The old side may not accept its own transfer; a resident may not touch transfers at all.
    expectProblem(
      await secA.post(`/api/registry/transfers/${x.id}/accept`, { version: x.version, roomId: roomsD[0] }),
      403,
      'forbidden',
    );
    const resident = await signIn(t, PHONES.residentA);
    expectProblem(await resident.get('/api/registry/transfers?direction=incoming'), 403, 'forbidden');
    // Another community's committee cannot even see the household to move it.
    expectProblem(
      await secD.post(`/api/registry/households/${h.head.householdId}/transfer`, {
        version: 1,
        toCommunityId: demo.B.id,
        reason: '越界',
      }),
      404,
      'not_found',
    );
  });

  it('accepts only into an empty room of the receiving community; a second accept is 409', async () => {
    const occupied = (await secD.get<Page<PersonRow>>(`/api/registry/people?nodeId=${demo.D.id}`)).body.items.find(
      (p) => p.roomId,
    )!.roomId!;
    const accept = (roomId: string, version = x.version) =>
      secD.post<Transfer>(`/api/registry/transfers/${x.id}/accept`, { version, roomId });
    expectProblem(await accept(occupied), 422, 'room_occupied', '/roomId');
    expectProblem(await accept(roomsA[3]!), 422, 'validation_failed', '/roomId');
    expectProblem(await accept(roomsD[0]!, x.version + 1), 409, 'version_conflict');
    const before = { a: await peopleIn(secA, demo.A.id), d: await peopleIn(secD, demo.D.id) };
    const [r1, r2] = await Promise.all([accept(roomsD[0]!), accept(roomsD[1]!)]);
    const ok = [r1, r2].filter((r) => r.status === 200);
    expect(ok).toHaveLength(1);
    const lost = [r1, r2].find((r) => r.status !== 200)!;
    expect(lost.status, lost.text).toBe(409);
    x = ok[0]!.body;
    expect(x).toMatchObject({ status: 'accepted', canDecide: false });
    expect(x.newHouseholdId).not.toBe(h.head.householdId);
    // Counted in the new community, no longer in the old one.
    const after = { a: await peopleIn(secA, demo.A.id), d: await peopleIn(secD, demo.D.id) };
    expect(after.a.people).toBe(before.a.people! - 2);
    expect(after.a.households).toBe(before.a.households! - 1);
    expect(after.d.people).toBe(before.d.people! + 2);
    expect(after.d.households).toBe(before.d.households! + 1);
    const audit = (await auditRows(t, 'registry.household.transfer.accept'))[0]!;
    expect(audit).toMatchObject({ actor_name: '冯晓燕', resource_id: x.newHouseholdId, detail: { tasks: 1 } });
    await t.dispatch();
    expect(await inbox(PHONES.secretaryA, 'registry.transfer_decided')).toEqual([
      expect.objectContaining({ text: expect.stringContaining('已接收') }),
    ]);
  });

  it('the people arrive with their whole history and tags; the old community keeps a readable tombstone', async () => {
    const head = x.members.find((m) => m.name === '迁户甲')!;
    expect(head.id).not.toBe(h.head.id);
    const card = await secD.get<PersonCard>(`/api/registry/people/${head.id}`);
    expect(card.status, card.text).toBe(200);
    expect(card.body).toMatchObject({ communityId: demo.D.id, roomId: x.toRoomId, address: x.toAddress });
    expect(card.body.tags.map((g) => g.code)).toContain('low_income');
    expect(card.body.household.map((m) => m.name).sort()).toEqual(['迁户甲', '迁户甲子']);
    const newHistory = (await secD.get<History>(`/api/registry/people/${head.id}/history`)).body.items;
    expect(newHistory[0]).toMatchObject({
      field: 'address',
      oldValue: `银杏社区 ${h.head.address}`,
      newValue: `海棠社区 ${x.toAddress}`,
      reason: '迁入(购房迁居)',
    });
    expect(newHistory.map((c) => c.field)).toEqual(['address', 'phone', 'tag:low_income', 'created']);
    // The old community's cadres still read the history, ending with the move out.
    const oldHistory = (await secA.get<History>(`/api/registry/people/${h.head.id}/history`)).body.items;
    expect(oldHistory[0]).toMatchObject({ field: 'address', reason: '迁出(购房迁居)' });
    expect(oldHistory.map((c) => c.field)).toEqual(['address', 'phone', 'tag:low_income', 'created']);
    // …but may not change it, and nobody in A finds, lists or matches it any more.
    const old = await secA.get<PersonCard>(`/api/registry/people/${h.head.id}`);
    expect(old.body).toMatchObject({ movedOutAt: expect.any(String), abilities: { edit: false, setTags: false } });
    expectProblem(
      await secA.request('PATCH', `/api/registry/people/${h.head.id}`, {
        version: old.body.version,
        phone: '13700000001',
        reason: '改号',
      }),
      409,
      'moved_out',
    );
    expect(await count(secA, '迁户甲')).toBe(0);
    expect(await count(secD, '迁户甲')).toBe(2);
    const room = await secA.get<{ households: unknown[] }>(`/api/registry/rooms/${roomsA[0]}`);
    expect(room.body.households).toEqual([]);
    const preview = async (c: TestClient) =>
      (await c.post<{ count: number }>('/api/registry/policies/preview', { rule: { all: [{ age: { min: 100 } }] } }))
        .body.count;
    expect(await preview(secA)).toBe(0);
    expect(await preview(secD)).toBe(1);
    // A households vote of either community counts the household where it lives now.
    const electors = async (c: { id: string; path: string }) =>
      (await electorateOf(t.database.db, c.id, 'households', [c.path])).electors.map((e) => e.label);
    expect(await electors(demo.A)).not.toContain(h.head.address);
    expect(await electors(demo.D)).toContain(x.toAddress);
    // The pending outreach task followed the head; tasks list the new person in the new community.
    const tasks = await admin.get<Page<{ personId: string; name: string }>>(
      `/api/registry/outreach?policyId=${policyId}`,
    );
    expect(tasks.body.items.map((i) => i.personId)).toEqual([head.id]);
  });

  it('a moved-out ID number is not registered any more: the household can move back into its old room', async () => {
    const version = await versionOf(secD, x.toRoomId!, x.newHouseholdId!);
    const back = await admin.post<Transfer>(`/api/registry/households/${x.newHouseholdId}/transfer`, {
      version,
      toCommunityId: demo.A.id,
      reason: '返迁',
      roomId: roomsA[0],
    });
    expect(back.status, back.text).toBe(201);
    expect(back.body).toMatchObject({ status: 'accepted', toAddress: h.head.address });
    expect(await count(secA, '迁户甲')).toBe(2);
    expect(await count(secD, '迁户甲')).toBe(0);
    // One step: both committees are told, the one who did it is not.
    await t.dispatch();
    expect(await inbox(PHONES.admin, 'registry.transfer_decided')).toEqual([]);
    const toD = await inbox(PHONES.secretaryD, 'registry.transfer_decided');
    expect(toD.some((n) => n.text.includes('返迁') || n.text.includes('已接收'))).toBe(true);
    expect((await inbox(PHONES.secretaryA, 'registry.transfer_decided')).length).toBe(2);
  });
});

describe('refusing and withdrawing', () => {
  it('a refusal with a reason tells the old committee and frees the household', async () => {
    const h = await household('迁户乙', roomsA[1]!);
    const version = await versionOf(secA, roomsA[1]!, h.head.householdId);
    const x = (
      await secA.post<Transfer>(`/api/registry/households/${h.head.householdId}/transfer`, {
        version,
        toCommunityId: demo.D.id,
        reason: '投靠子女',
      })
    ).body;
    expectProblem(
      await secD.post(`/api/registry/transfers/${x.id}/refuse`, { version: x.version, reason: '' }),
      422,
      'validation_failed',
      '/reason',
    );
    const res = await secD.post<Transfer>(`/api/registry/transfers/${x.id}/refuse`, {
      version: x.version,
      reason: '该户尚未在本社区购房',
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ status: 'refused', note: '该户尚未在本社区购房' });
    expectProblem(
      await secD.post(`/api/registry/transfers/${x.id}/accept`, { version: res.body.version, roomId: roomsD[2] }),
      409,
      'transfer_decided',
    );
    await t.dispatch();
    const told = await inbox(PHONES.secretaryA, 'registry.transfer_decided');
    expect(told.some((n) => n.text.includes('该户尚未在本社区购房'))).toBe(true);
    expect((await auditRows(t, 'registry.household.transfer.refuse'))[0]).toMatchObject({ actor_name: '冯晓燕' });
    // Editable again, still counted in A.
    const card = await secA.get<PersonCard>(`/api/registry/people/${h.head.id}`);
    const edit = await secA.request('PATCH', `/api/registry/people/${h.head.id}`, {
      version: card.body.version,
      phone: '13700000002',
      reason: '改号',
    });
    expect(edit.status, edit.text).toBe(200);
    expect(await count(secA, '迁户乙')).toBe(2);
    // Started again and withdrawn by the old side: the receiving committee hears of it.
    const again = await secA.post<Transfer>(`/api/registry/households/${h.head.householdId}/transfer`, {
      version: version + 1,
      toCommunityId: demo.D.id,
      reason: '投靠子女',
    });
    expect(again.status, again.text).toBe(201);
    const cancelled = await secA.post<Transfer>(`/api/registry/transfers/${again.body.id}/cancel`, {
      version: again.body.version,
    });
    expect(cancelled.body.status).toBe('cancelled');
    await t.dispatch();
    // (the first one told her of the district's one-step move back)
    expect(
      (await inbox(PHONES.secretaryD, 'registry.transfer_decided')).filter((n) => n.text.includes('已撤回')),
    ).toHaveLength(1);
  });
});
