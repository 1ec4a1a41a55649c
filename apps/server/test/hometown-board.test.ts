import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../src/testing/index.ts';
import { type PostView, post, publish, refusedCleanly } from './board-helpers.ts';
import { type Demo, expectProblem, loadDemo, PHONES, signIn } from './helpers.ts';

type Affiliation = { id: string; status: string; version: number; kind: string; hometown: Record<string, string> };

let t: TestApp;
let demo: Demo;
let admin: TestClient;
let secretaryF: TestClient; // 桃源村's committee (created here: the demo has none)
let villager: TestClient; // lives in 桃源村
let secretaryA: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t, PHONES.admin);
  demo = await loadDemo(t, admin);
  secretaryA = await signIn(t, PHONES.secretaryA);
  const staff = async (phone: string, role: string) => {
    const res = await admin.post('/api/people', {
      name: role === 'resident' ? '陶大伯' : '陶书记',
      phone,
      initialPassword: 'Init#Pass2026',
      role,
      nodeId: demo.F.id,
    });
    expect(res.status, res.text).toBe(201);
    return signIn(t, phone, 'Init#Pass2026');
  };
  secretaryF = await staff('13500009001', 'community_secretary');
  villager = await staff('13500009002', 'resident');
});
afterAll(() => t.close());

const JOIN = {
  name: '陶小梅',
  phone: '13700001111',
  password: 'Hometown#2026',
  hometown: { tie: 'born', livesIn: '深圳市南山区', note: '在外工作十年，想念家乡' },
};

describe('乡愁乡音: villagers who moved away join their village’s hometown board', () => {
  let wanderer: TestClient;
  let request: Affiliation;

  it('the village’s public page names it; a residential community has no hometown page', async () => {
    const res = await t.client().get(`/api/hometown/${demo.F.id}`);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({ id: demo.F.id, name: '桃源村', street: '白鹭镇', district: '临江区' });
    expectProblem(await t.client().get(`/api/hometown/${demo.A.id}`), 404, 'not_found');
  });

  it('bad input writes nothing: a weak password, an unknown tie, an empty city', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ ...JOIN, password: '123' }, '/password'],
      [{ ...JOIN, hometown: { ...JOIN.hometown, tie: 'friend' } }, '/hometown/tie'],
      [{ ...JOIN, hometown: { ...JOIN.hometown, livesIn: '   ' } }, '/hometown/livesIn'],
    ];
    for (const [body, path] of cases) {
      const res = await refusedCleanly(t, () => t.client().post(`/api/hometown/${demo.F.id}/join`, body));
      expect(res.status, res.text).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(JSON.stringify(res.body)).toContain(path);
    }
  });

  it('someone far away signs up on the page and waits for the village committee', async () => {
    wanderer = t.client();
    const res = await wanderer.post<{ affiliation: Affiliation; csrfToken: string }>(
      `/api/hometown/${demo.F.id}/join`,
      JOIN,
    );
    expect(res.status, res.text).toBe(201);
    request = res.body.affiliation;
    expect(request).toMatchObject({ kind: 'hometown', status: 'pending', hometown: { livesIn: '深圳市南山区' } });
    // Pending: nothing of the village is readable yet.
    expectProblem(await wanderer.get(`/api/communities/${demo.F.id}/posts?board=hometown`), 404, 'not_found');
    const queue = await secretaryF.get<{ items: Affiliation[] }>(
      `/api/communities/${demo.F.id}/affiliations?kind=hometown&status=pending`,
    );
    expect(queue.body.items.map((a) => a.id)).toEqual([request.id]);
    expectProblem(await secretaryA.get(`/api/communities/${demo.F.id}/affiliations?kind=hometown`), 404, 'not_found');
  });

  it('people who live in the village need no hometown membership; residential communities have none', async () => {
    const body = { kind: 'hometown', hometown: JOIN.hometown };
    expectProblem(
      await refusedCleanly(t, () => villager.post(`/api/communities/${demo.F.id}/affiliations`, body)),
      409,
      'already_member',
    );
    const resident = await signIn(t, PHONES.residentA);
    const res = await refusedCleanly(t, () => resident.post(`/api/communities/${demo.A.id}/affiliations`, body));
    expectProblem(res, 422, 'validation_failed', '/kind');
  });

  it('once approved, they read and post on the hometown board and read village affairs — nothing else', async () => {
    const local = await post(villager, demo.F.id, { title: '村口路灯不亮', body: '请村委会看看' });
    const villageMemory = await post(villager, demo.F.id, {
      board: 'hometown',
      kind: 'memory',
      title: '老祠堂修好了',
      body: '欢迎在外的乡亲回来看看',
    });
    const affairs = await publish(secretaryF, {
      nodeId: demo.F.id,
      category: 'affairs_public',
      title: '2026年第三季度村务公开',
      body: '集体收入与支出明细',
    });
    const ordinary = await publish(secretaryF, { nodeId: demo.F.id, title: '本周六村民大会', body: '请村民参加' });
    const ok = await secretaryF.post<Affiliation>(`/api/affiliations/${request.id}/decide`, {
      decision: 'approve',
      version: request.version,
    });
    expect(ok.status, ok.text).toBe(200);

    const board = await wanderer.get<{ items: PostView[] }>(`/api/communities/${demo.F.id}/posts?board=hometown`);
    expect(board.status, board.text).toBe(200);
    expect(board.body.items.map((p) => p.id)).toEqual([villageMemory.id]);
    const mine = await post(wanderer, demo.F.id, {
      board: 'hometown',
      kind: 'voice',
      title: '给村里小学捐一批图书',
      body: '我在深圳联系了几位老乡',
    });
    expect(mine.authorLabel).toBe('陶**·在外乡亲');
    const commented = await wanderer.post<PostView>(`/api/board-posts/${villageMemory.id}/comments`, {
      body: '太好了，春节回去看看！',
    });
    expect(commented.status, commented.text).toBe(201);
    const notices = await wanderer.get<{ items: { id: string }[] }>('/api/notices');
    expect(notices.body.items.map((n) => n.id)).toEqual([affairs.id]);
    expect((await wanderer.get(`/api/notices/${affairs.id}`)).status).toBe(200);

    for (const path of [
      `/api/notices/${ordinary.id}`,
      `/api/board-posts/${local.id}`,
      `/api/communities/${demo.F.id}/posts`,
      `/api/communities/${demo.F.id}/posts?board=local`,
    ])
      expectProblem(await wanderer.get(path), 404, 'not_found');
    // The home feed needs community.read, which a hometown member holds nowhere.
    expectProblem(await wanderer.get(`/api/communities/${demo.F.id}/feed`), 403, 'forbidden');
    const elsewhere = { board: 'local', kind: 'matter', title: '想说说村里的事', body: '……' };
    expectProblem(
      await refusedCleanly(t, () => wanderer.post(`/api/communities/${demo.F.id}/posts`, elsewhere)),
      404,
      'not_found',
    );
    // Villagers see the hometown posts in their own feed.
    const feed = await villager.get<{ items: { post?: { id: string } }[] }>(`/api/communities/${demo.F.id}/feed`);
    expect(feed.body.items.map((i) => i.post?.id)).toContain(mine.id);
  });

  it('other villages’ hometown boards stay closed to them', async () => {
    const other = await refusedCleanly(t, () => t.client().get(`/api/communities/${demo.A.id}/posts?board=hometown`));
    expect(other.status).toBe(401);
  });
});
