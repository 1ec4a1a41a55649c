import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../src/testing/index.ts';
import { post, publish } from './board-helpers.ts';
import { type Demo, expectProblem, loadDemo, PHONES, signIn } from './helpers.ts';

type Item =
  | { type: 'notice'; at: string; unread: boolean; notice: { id: string; title: string } }
  | { type: 'post'; at: string; unread: boolean; post: { id: string; title: string } };
interface Feed {
  pinned: Item[];
  items: Item[];
  nextCursor: string | null;
  unreadCount: number;
}
const idOf = (i: Item) => (i.type === 'notice' ? i.notice.id : i.post.id);

let t: TestApp;
let demo: Demo;
let admin: TestClient;
let secretaryA: TestClient;
let residentA: TestClient;
let neighbourA: TestClient;
let residentD: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t, PHONES.admin);
  demo = await loadDemo(t, admin);
  secretaryA = await signIn(t, PHONES.secretaryA);
  residentA = await signIn(t, PHONES.residentA);
  neighbourA = await signIn(t, PHONES.gridWorkerA1);
  residentD = await signIn(t, PHONES.residentD);
});
afterAll(() => t.close());

const feed = async (c: TestClient, communityId: string, q = '') => {
  const res = await c.get<Feed>(`/api/communities/${communityId}/feed${q}`);
  expect(res.status, res.text).toBe(200);
  return res.body;
};

describe('the community home feed', () => {
  it('the demo community is alive: notices from every level and neighbours talking', async () => {
    const f = await feed(residentA, demo.A.id, '?limit=50');
    const titles = f.items.map((i) => (i.type === 'notice' ? i.notice.title : i.post.title));
    expect(titles).toEqual(
      expect.arrayContaining([
        '关于做好冬季燃气安全的告知书',
        '青松街道部分区域计划停水通知',
        '银杏社区 2026 年第三季度居务公开',
        '第一网格:本周五楼道堆物集中清理',
        '1 号楼门口路灯不亮了',
        '送:九成新婴儿推车',
      ]),
    );
    expect(f.pinned.map((i) => (i.type === 'notice' ? i.notice.title : ''))).toContain(
      '重阳敬老:社区为 80 岁以上老人上门送温暖',
    );
    // 海棠社区 gets the district's notices but nothing of 银杏社区 or 青松街道.
    const d = await feed(residentD, demo.D.id, '?limit=50');
    const dTitles = d.items.map((i) => (i.type === 'notice' ? i.notice.title : i.post.title));
    expect(dTitles).toContain('关于做好冬季燃气安全的告知书');
    expect(dTitles).not.toContain('青松街道部分区域计划停水通知');
    expect(dTitles).not.toContain('1 号楼门口路灯不亮了');
  });

  it('merges notices from every level with neighbour posts, newest first, pinned items apart', async () => {
    const street2 = await signIn(t, PHONES.secretaryD); // 海棠社区 (白鹭镇): never in A's feed
    const district = await publish(admin, { nodeId: demo.district.id, title: '区里的通知' });
    t.clock.advance(60_000);
    const elsewhere = await publish(street2, { nodeId: demo.D.id, title: '海棠社区的通知' });
    t.clock.advance(60_000);
    const local = await post(neighbourA, demo.A.id, { title: '邻居的帖子' });
    t.clock.advance(60_000);
    const pinned = await publish(secretaryA, { nodeId: demo.A.id, title: '置顶的社区通知', pinned: true });
    t.clock.advance(60_000);
    const grid2 = await publish(secretaryA, { nodeId: demo.child(demo.A, '第二网格').id, title: '二网格通知' });
    t.clock.advance(60_000);

    const f = await feed(residentA, demo.A.id, '?limit=50');
    const ids = f.items.map(idOf);
    // Newest first: the pinned notice (also listed in time order), the post, the district notice.
    expect(ids.indexOf(pinned.id)).toBeLessThan(ids.indexOf(local.id));
    expect(ids.indexOf(local.id)).toBeLessThan(ids.indexOf(district.id));
    expect(ids).not.toContain(elsewhere.id);
    expect(ids).not.toContain(grid2.id); // 周敏 lives in 第一网格
    expect(f.pinned.map(idOf)).toContain(pinned.id);
    expect(f.pinned.every((i) => i.type !== 'notice' || i.notice.id !== district.id)).toBe(true);
    const times = f.items.map((i) => Date.parse(i.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    // The secretary's feed of the same community has the grid notice too.
    expect((await feed(secretaryA, demo.A.id, '?limit=50')).items.map(idOf)).toContain(grid2.id);
  });

  it('marks notices unread until opened and posts until the feed is marked seen', async () => {
    const n = await publish(secretaryA, { nodeId: demo.A.id, title: '未读测试通知' });
    const p = await post(neighbourA, demo.A.id, { title: '未读测试帖子' });
    t.clock.advance(60_000);
    const before = await feed(residentA, demo.A.id, '?limit=50');
    const item = (f: Feed, id: string) => f.items.find((i) => idOf(i) === id)!;
    expect(item(before, n.id).unread).toBe(true);
    expect(item(before, p.id).unread).toBe(true);
    expect(before.unreadCount).toBeGreaterThanOrEqual(2);
    await residentA.post(`/api/notices/${n.id}/read`, {});
    expect((await residentA.post(`/api/communities/${demo.A.id}/feed/seen`)).status).toBe(200);
    const after = await feed(residentA, demo.A.id, '?limit=50');
    expect(item(after, n.id).unread).toBe(false);
    expect(item(after, p.id).unread).toBe(false);
    // What stays unread is exactly the notices not opened yet (the feed holds everything on one page here).
    expect(after.unreadCount).toBe(after.items.filter((i) => i.unread).length);
    expect(after.items.filter((i) => i.unread).every((i) => i.type === 'notice')).toBe(true);
    // Own posts are never unread to their author.
    expect(item(await feed(neighbourA, demo.A.id, '?limit=50'), p.id).unread).toBe(false);
  });

  it('pages with a cursor without gaps or repeats', async () => {
    for (let i = 0; i < 7; i++) {
      await post(residentA, demo.A.id, { title: `分页帖子${i}` });
      await publish(secretaryA, { nodeId: demo.A.id, title: `分页通知${i}` });
    }
    const whole = (await feed(residentA, demo.A.id, '?limit=50')).items.map(idOf);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const f: Feed = await feed(residentA, demo.A.id, cursor ? `?limit=4&cursor=${cursor}` : '?limit=4');
      paged.push(...f.items.map(idOf));
      cursor = f.nextCursor;
    } while (cursor);
    expect(paged).toEqual(whole);
  });

  it("another community's feed is not found; a malformed cursor is a 400-class problem", async () => {
    expectProblem(await residentD.get(`/api/communities/${demo.A.id}/feed`), 404, 'not_found');
    expectProblem(await residentD.post(`/api/communities/${demo.A.id}/feed/seen`), 404, 'not_found');
    const res = await residentA.get(`/api/communities/${demo.A.id}/feed?cursor=${encodeURIComponent("1' OR 1=1")}`);
    expect(res.status).toBe(422);
  });
});
