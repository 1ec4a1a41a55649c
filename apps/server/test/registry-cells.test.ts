/**
 * Minimum cell size for aggregates-only roles (counts of 1–4 withheld), and grid workers notified of the
 * outreach tasks a new policy gives their grid.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../src/testing/index.ts';
import { type Demo, loadDemo, PHONES, signIn } from './helpers.ts';
import { freeRoomsUnder, newId, register } from './registry-helpers.ts';

type Preview = { count: number | null; byCommunity: { name: string; count: number | null }[] };
type Stats = {
  items: {
    name: string;
    people: number | null;
    households: number | null;
    byResidence: Record<string, number | null>;
    byTag: Record<string, number | null>;
  }[];
  minCell: number;
};
interface Notification {
  kind: string;
  params: Record<string, string | number>;
  link: string;
  text: string;
}

let t: TestApp;
let demo: Demo;
let secretary: TestClient;
let street: TestClient;
const NONAGENARIANS = { all: [{ age: { min: 95 } }] };

beforeAll(async () => {
  t = await createTestApp();
  demo = await loadDemo(t);
  secretary = await signIn(t, PHONES.secretaryA);
  street = await signIn(t, PHONES.streetStaff);
  const g1 = await freeRoomsUnder(t, demo, demo.A.id, demo.child(demo.A, '第一网格'));
  const g2 = await freeRoomsUnder(t, demo, demo.A.id, demo.child(demo.A, '第二网格'));
  // Three people of 95+ in grid 1, and six in grid 2 (a cell of 9 in all, but 3 in one grid).
  for (const [i, room] of [g1[0], g1[1], g1[2]].entries())
    await register(secretary, room!, { name: `长寿${i}`, idNumber: newId(`19250${i + 1}01`) });
  for (let i = 0; i < 6; i++)
    await register(secretary, g2[i]!, {
      name: `高寿${i}`,
      idNumber: newId(`19260${i + 1}11`),
      residenceStatus: 'away',
    });
});
afterAll(() => t.close());

const preview = async (c: TestClient, rule: unknown, nodeId?: string) => {
  const res = await c.post<Preview>('/api/registry/policies/preview', { rule, ...(nodeId ? { nodeId } : {}) });
  expect(res.status, res.text).toBe(200);
  return res.body;
};

describe('minimum cell size', () => {
  it('a rule matching 1–4 people shows "<5" (null) to the street, the exact count to the community', async () => {
    const few = { all: [{ age: { min: 95 } }, { residence: ['permanent'] }] };
    expect((await preview(secretary, few)).count).toBe(3);
    const s = await preview(street, few);
    expect(s.count).toBeNull();
    expect(s.byCommunity).toEqual([expect.objectContaining({ name: '银杏社区', count: null })]);
    // Nine people is not a small cell; zero is not either (it singles nobody out).
    expect((await preview(street, NONAGENARIANS)).count).toBe(9);
    expect((await preview(street, { all: [{ age: { min: 125 } }] })).count).toBe(0);
  });

  it('statistics withhold small cells per community from aggregates-only roles only', async () => {
    const exact = await secretary.get<Stats>(`/api/registry/stats?nodeId=${demo.A.id}`);
    const agg = await street.get<Stats>(`/api/registry/stats?nodeId=${demo.A.id}`);
    expect(exact.status, exact.text).toBe(200);
    expect(agg.body.minCell).toBe(5);
    const mine = exact.body.items.find((c) => c.name === '银杏社区')!;
    const theirs = agg.body.items.find((c) => c.name === '银杏社区')!;
    let withheld = 0;
    const compare = (a: Record<string, number | null>, b: Record<string, number | null>) => {
      for (const [k, v] of Object.entries(a)) {
        expect(typeof v).toBe('number');
        if (v! > 0 && v! < 5) {
          expect(b[k], k).toBeNull();
          withheld++;
        } else expect(b[k], k).toBe(v);
      }
    };
    compare(
      { people: mine.people, households: mine.households },
      { people: theirs.people, households: theirs.households },
    );
    compare(mine.byResidence, theirs.byResidence);
    compare(mine.byTag, theirs.byTag);
    expect(withheld).toBeGreaterThan(0);
  });
});

describe('outreach notifications', () => {
  it('saving a policy notifies each grid worker of their grid’s tasks, nobody else', async () => {
    const res = await secretary.post<{ id: string }>('/api/registry/policies', {
      nodeId: demo.A.id,
      name: '高龄慰问',
      rule: NONAGENARIANS,
    });
    expect(res.status, res.text).toBe(201);
    await t.dispatch();
    const inbox = async (phone: string) => {
      const c = await signIn(t, phone);
      const r = await c.get<{ items: Notification[] }>('/api/notifications');
      expect(r.status, r.text).toBe(200);
      return r.body.items.filter((n) => n.kind === 'outreach.assigned');
    };
    const w1 = await inbox(PHONES.gridWorkerA1);
    expect(w1).toEqual([expect.objectContaining({ params: { policy: '高龄慰问', count: 3 }, link: '/outreach' })]);
    expect(w1[0]!.text).toContain('3 条走访任务');
    const w2 = await inbox(PHONES.gridWorkerA2);
    expect(w2.map((n) => n.params.count)).toEqual([6]);
    expect(await inbox(PHONES.committeeA)).toEqual([]);
    expect(await inbox(PHONES.secretaryA)).toEqual([]);
    // Delivered once: dispatching again adds nothing.
    await t.dispatch();
    expect(await inbox(PHONES.gridWorkerA1)).toHaveLength(1);
  });
});
