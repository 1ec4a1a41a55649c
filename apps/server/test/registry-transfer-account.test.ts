/**
 * A household's residents follow it to its new community: once the receiving committee accepts the move, the
 * residents' accounts belong to the new community (home, boards, notices) and no longer to the old one, whose
 * boards keep what they wrote there. Work grants of someone who lived in the household stay where they were.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../src/testing/index.ts';
import {
  type Application,
  applicant,
  type Demo,
  emptyRooms,
  joinToken,
  loadDemo,
  type Me,
  type Page,
  PHONES,
  signIn,
} from './helpers.ts';
import { auditRows, freeRoomsUnder, type PersonRow } from './registry-helpers.ts';

interface Transfer {
  id: string;
  status: string;
  toAddress: string | null;
  version: number;
}
interface Feed {
  items: { type: string; post?: { title: string } }[];
}

let t: TestApp;
let demo: Demo;
let secA: TestClient;
let secD: TestClient;
let admin: TestClient;
let roomsD: string[];
/** A resident who only lives in the household, and one who also works as a grid worker in A. */
let plain: { client: TestClient; id: string; name: string };
let worker: { client: TestClient; id: string; name: string };
let homeA: string;
let gridA: string;

const me = async (c: TestClient) => (await c.get<{ me: Me }>('/api/auth/me')).body.me;

/** Applies through A's join link for a room and is approved by A's secretary; returns the signed-in resident. */
async function joinA(token: string, room: string) {
  const body = applicant({ addressNodeId: room });
  const res = await t.client().post<{ application: Application }>(`/api/join/${token}/applications`, body);
  expect(res.status, res.text).toBe(201);
  const ok = await secA.post(`/api/join-applications/${res.body.application.id}/approve`, { version: 1 });
  expect(ok.status, ok.text).toBe(200);
  const client = await signIn(t, body.phone, body.password);
  return { client, id: (await me(client)).user.id, name: body.name };
}

const feedOf = (c: TestClient, communityId: string) => c.get<Feed>(`/api/communities/${communityId}/feed`);
const inbox = async (c: TestClient, kind: string) =>
  (await c.get<{ items: { kind: string; text: string; link: string }[] }>('/api/notifications')).body.items.filter(
    (n) => n.kind === kind,
  );

beforeAll(async () => {
  t = await createTestApp();
  demo = await loadDemo(t);
  [secA, secD, admin] = await Promise.all([
    signIn(t, PHONES.secretaryA),
    signIn(t, PHONES.secretaryD),
    signIn(t, PHONES.admin),
  ]);
  const token = await joinToken(secA, demo.A.id);
  homeA = (await emptyRooms(t, demo.A.id))[0]!;
  roomsD = await freeRoomsUnder(t, demo, demo.D.id, demo.D);
  plain = await joinA(token, homeA);
  worker = await joinA(token, homeA);
  gridA = demo.child(demo.A, '第一网格').id;
  const g = await secA.post('/api/grants', { userId: worker.id, role: 'grid_worker', nodeId: gridA });
  expect(g.status, g.text).toBe(201);
});
afterAll(() => t.close());

describe('residents follow their household to another community', () => {
  let x: Transfer;

  it('before the move both are residents of A and one of them posts on its board', async () => {
    expect((await me(plain.client)).homeCommunityId).toBe(demo.A.id);
    expect((await feedOf(plain.client, demo.A.id)).status).toBe(200);
    expect((await feedOf(plain.client, demo.D.id)).status).toBe(404);
    const post = await plain.client.post(`/api/communities/${demo.A.id}/posts`, {
      board: 'local',
      kind: 'matter',
      title: '楼道灯坏了',
      body: '3号楼二单元楼道灯不亮，请物业看看。',
    });
    expect(post.status, post.text).toBe(201);
  });

  it('A starts the move, D accepts it; the accounts are in D at once', async () => {
    const found = await secA.get<Page<PersonRow & { householdId?: string }>>(
      `/api/registry/people?q=${encodeURIComponent(plain.name)}`,
    );
    const person = await secA.get<{ householdId: string }>(`/api/registry/people/${found.body.items[0]!.id}`);
    const householdId = person.body.householdId;
    const room = await secA.get<{ households: { id: string; version: number }[] }>(`/api/registry/rooms/${homeA}`);
    const version = room.body.households.find((h) => h.id === householdId)!.version;
    const start = await secA.post<Transfer>(`/api/registry/households/${householdId}/transfer`, {
      version,
      toCommunityId: demo.D.id,
      reason: '购房迁居',
    });
    expect(start.status, start.text).toBe(201);
    // Still pending: nothing has moved for the residents yet.
    expect((await me(plain.client)).homeCommunityId).toBe(demo.A.id);
    const res = await secD.post<Transfer>(`/api/registry/transfers/${start.body.id}/accept`, {
      version: start.body.version,
      roomId: roomsD[0],
    });
    expect(res.status, res.text).toBe(200);
    x = res.body;
    expect(x.status).toBe('accepted');
    // No event delivery needed: the next request already sees the new home.
    const m = await me(plain.client);
    expect(m.homeCommunityId).toBe(demo.D.id);
    expect(m.grants).toEqual([expect.objectContaining({ role: 'resident', nodeId: roomsD[0] })]);
  });

  it('they read D’s boards and home, no longer A’s; what they wrote in A stays there', async () => {
    expect((await feedOf(plain.client, demo.D.id)).status).toBe(200);
    expect((await feedOf(plain.client, demo.A.id)).status).toBe(404);
    expect((await plain.client.get(`/api/communities/${demo.A.id}/posts`)).status).toBe(404);
    const home = await plain.client.get<{ myHome: { address: string } | null }>(`/api/communities/${demo.D.id}/home`);
    expect(home.status, home.text).toBe(200);
    expect(home.body.myHome?.address).toBe(x.toAddress);
    // A's committee still sees the post on A's board.
    const a = await feedOf(secA, demo.A.id);
    expect(a.body.items.some((i) => i.post?.title === '楼道灯坏了')).toBe(true);
    expect((await feedOf(plain.client, demo.D.id)).body.items.some((i) => i.post?.title === '楼道灯坏了')).toBe(false);
  });

  it('a grid worker who lived there keeps the work grant in A; only the resident grant moved', async () => {
    const m = await me(worker.client);
    expect(m.homeCommunityId).toBe(demo.D.id);
    expect(m.grants.map((g) => [g.role, g.nodeId]).sort()).toEqual(
      [
        ['grid_worker', gridA],
        ['resident', roomsD[0]],
      ].sort(),
    );
    // The work grant still reads A's feed.
    expect((await feedOf(worker.client, demo.A.id)).status).toBe(200);
  });

  it('each move is audited with the transfer, and the residents are told', async () => {
    const rows = await auditRows(t, 'grant.relocate');
    expect(rows).toHaveLength(2);
    for (const u of [plain, worker])
      expect(rows).toContainEqual(
        expect.objectContaining({
          actor_name: '冯晓燕',
          detail: expect.objectContaining({
            userId: u.id,
            role: 'resident',
            transferId: x.id,
            from: demo.A.id,
            to: demo.D.id,
            revoked: [expect.objectContaining({ nodeId: homeA })],
          }),
        }),
      );
    const accept = (await auditRows(t, 'registry.household.transfer.accept'))[0]!;
    expect((accept.detail.residents as string[]).sort()).toEqual([plain.id, worker.id].sort());
    await t.dispatch();
    const told = await inbox(plain.client, 'registry.resident_moved');
    expect(told).toEqual([expect.objectContaining({ link: '/home', text: expect.stringContaining('海棠社区') })]);
    expect(await inbox(worker.client, 'registry.resident_moved')).toHaveLength(1);
  });

  it('a move done in one step by the district takes the accounts along too', async () => {
    const rooms = (await emptyRooms(t, demo.A.id)).slice(0, 1);
    const found = await secD.get<Page<PersonRow>>(`/api/registry/people?q=${encodeURIComponent(plain.name)}`);
    const person = await secD.get<{ householdId: string }>(`/api/registry/people/${found.body.items[0]!.id}`);
    const room = await secD.get<{ households: { id: string; version: number }[] }>(`/api/registry/rooms/${roomsD[0]}`);
    const version = room.body.households.find((h) => h.id === person.body.householdId)!.version;
    const back = await admin.post<Transfer>(`/api/registry/households/${person.body.householdId}/transfer`, {
      version,
      toCommunityId: demo.A.id,
      reason: '返迁',
      roomId: rooms[0],
    });
    expect(back.status, back.text).toBe(201);
    expect((await me(plain.client)).homeCommunityId).toBe(demo.A.id);
    expect((await feedOf(plain.client, demo.A.id)).status).toBe(200);
    expect((await feedOf(plain.client, demo.D.id)).status).toBe(404);
    expect((await me(worker.client)).grants.map((g) => [g.role, g.nodeId]).sort()).toEqual(
      [
        ['grid_worker', gridA],
        ['resident', rooms[0]],
      ].sort(),
    );
    const audit = await auditRows(t, 'grant.relocate');
    expect(audit).toHaveLength(4);
    expect(audit[0]).toMatchObject({ detail: { from: demo.D.id, to: demo.A.id, transferId: back.body.id } });
  });
});
