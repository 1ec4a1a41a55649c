/** An inbox over several scopes (a secretary of two communities) is one newest-first list, page by page. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../src/testing/index.ts';
import { type CasePage, type CaseSummary, categoryByCode, placesOfA, report } from './case-helpers.ts';
import { type Demo, loadDemo, PHONES, signIn } from './helpers.ts';

let t: TestApp;
let demo: Demo;
let admin: TestClient;
let secretaryD: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t, PHONES.admin);
  demo = await loadDemo(t, admin);
  secretaryD = await signIn(t, PHONES.secretaryD);
  const me = await secretaryD.get<{ me: { user: { id: string } } }>('/api/auth/me');
  const grant = await admin.post('/api/grants', {
    userId: me.body.me.user.id,
    role: 'community_secretary',
    nodeId: demo.A.id,
  });
  expect(grant.status, grant.text).toBe(201);
  secretaryD = await signIn(t, PHONES.secretaryD); // grants are loaded per request; a fresh session anyway
  const residentA = await signIn(t, PHONES.residentA);
  const residentD = await signIn(t, PHONES.residentD);
  const leaks = await categoryByCode(residentA, 'SQ06');
  const { building } = placesOfA(demo);
  const buildingD = demo.under(demo.D, 'building')[0]!;
  // Interleaved reports, one minute apart, so the two communities' cases alternate in time.
  for (let i = 0; i < 6; i++) {
    t.clock.advance(60_000);
    const [who, placeId] = i % 2 === 0 ? [residentA, building.id] : [residentD, buildingD.id];
    await report(who, { categoryId: leaks.id, placeId, description: `第${i + 1}件：楼道漏水，天花板滴水` });
  }
});
afterAll(() => t.close());

async function everyPage(c: TestClient, box: string, limit: number) {
  const out: CaseSummary[] = [];
  let cursor: string | null = null;
  do {
    const q: string = `/api/cases?box=${box}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
    const res = await c.get<CasePage>(q);
    expect(res.status, res.text).toBe(200);
    out.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return out;
}

it('merges both communities newest first, page by page, without repeats or gaps', async () => {
  const merged = await everyPage(secretaryD, 'all', 4);
  const everything = await everyPage(admin, 'all', 50);
  const expected = everything.filter((c) => c.communityId === demo.A.id || c.communityId === demo.D.id);
  expect(expected.length).toBeGreaterThanOrEqual(6);
  expect(new Set(expected.map((c) => c.communityId))).toEqual(new Set([demo.A.id, demo.D.id]));
  expect(merged.map((c) => c.id)).toEqual(expected.map((c) => c.id));
  const times = merged.map((c) => Date.parse(c.createdAt));
  expect(times).toEqual([...times].sort((a, b) => b - a));
});

it('a status box over both communities holds the new reports of both', async () => {
  const toAccept = await everyPage(secretaryD, 'to_accept', 2);
  const fresh = toAccept.filter((c) => /^第\d件/.test(c.title));
  expect(fresh.map((c) => c.title.slice(0, 3))).toEqual(['第6件', '第5件', '第4件', '第3件', '第2件', '第1件']);
  expect(new Set(fresh.map((c) => c.communityId))).toEqual(new Set([demo.A.id, demo.D.id]));
});
