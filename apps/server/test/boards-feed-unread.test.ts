import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../src/testing/index.ts';
import { post } from './board-helpers.ts';
import { type Demo, loadDemo, PHONES, signIn } from './helpers.ts';

interface Feed {
  items: { type: string; unread: boolean; post?: { id: string } }[];
  unreadCount: number;
}

let t: TestApp;
let demo: Demo;
let residentA: TestClient;
let neighbourA: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  demo = await loadDemo(t, await signIn(t, PHONES.admin));
  residentA = await signIn(t, PHONES.residentA);
  neighbourA = await signIn(t, PHONES.gridWorkerA1);
});
afterAll(() => t.close());

const feed = async (c: TestClient) => {
  const res = await c.get<Feed>(`/api/communities/${demo.A.id}/feed`);
  expect(res.status, res.text).toBe(200);
  return res.body;
};

describe('unread posts on the home feed', () => {
  it('are counted exactly up to 100, then as 100: a busy community is not counted post by post', async () => {
    expect((await residentA.post(`/api/communities/${demo.A.id}/feed/seen`)).status).toBe(200);
    t.clock.advance(1000);
    const notices = (await feed(residentA)).unreadCount; // nothing but unopened notices is unread now
    const write = async (title: string) => {
      t.clock.advance(1000);
      return post(neighbourA, demo.A.id, { title });
    };
    for (let i = 0; i < 99; i++) await write(`楼道灯坏了 ${i}`);
    expect((await feed(residentA)).unreadCount).toBe(notices + 99);
    const last = [await write('第一百条'), await write('第一百零一条')];
    const f = await feed(residentA);
    expect(f.unreadCount).toBe(notices + 100);
    // The markers on the posts themselves stay exact.
    const newest = f.items.filter((i) => i.type === 'post').slice(0, 2);
    expect(newest.map((i) => i.post!.id)).toEqual(last.map((p) => p.id).reverse());
    expect(newest.every((i) => i.unread)).toBe(true);
    // The author's own posts are never unread to them.
    expect((await feed(neighbourA)).items.filter((i) => i.type === 'post').some((i) => i.unread)).toBe(false);
  });
});
