/**
 * 政策找人: a rule's live count in the caller's reach, saving it creates outreach tasks for the grids of the
 * people it matches, grid workers record outcomes, coverage by grid and community.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../src/testing/index.ts';
import { type Demo, expectProblem, loadDemo, type Page, PHONES, signIn } from './helpers.ts';
import { auditRows, freeRoomsUnder, newId, type PersonCard, register, unchanged } from './registry-helpers.ts';

interface Task {
  policyId: string;
  policyName: string;
  personId: string;
  name: string;
  phone: string | null;
  gridName: string;
  status: string;
  version: number;
}
interface Coverage {
  total: number;
  pending: number;
  informed: number;
  applied: number;
  notEligible: number;
  unreachable: number;
}
interface Policy {
  id: string;
  name: string;
  coverage: Coverage;
}

let t: TestApp;
let demo: Demo;
let secretary: TestClient;
let worker1: TestClient;
let worker2: TestClient;
/** People over 100 (the demo has nobody that old): two in grid 1, one in grid 2, one in community B. */
let old1: PersonCard;
let old2: PersonCard;
let old3: PersonCard;
let oldB: PersonCard;
let child: PersonCard;
const CENTENARIANS = { all: [{ age: { min: 100 } }] };

beforeAll(async () => {
  t = await createTestApp();
  demo = await loadDemo(t);
  secretary = await signIn(t, PHONES.secretaryA);
  worker1 = await signIn(t, PHONES.gridWorkerA1);
  worker2 = await signIn(t, PHONES.gridWorkerA2);
  const g1 = await freeRoomsUnder(t, demo, demo.A.id, demo.child(demo.A, '第一网格'));
  const g2 = await freeRoomsUnder(t, demo, demo.A.id, demo.child(demo.A, '第二网格'));
  old1 = await register(secretary, g1[0]!, { name: '百岁甲', idNumber: newId('19200101'), phone: '13712349901' });
  old2 = await register(secretary, g1[1]!, { name: '百岁乙', idNumber: newId('19210505') });
  old3 = await register(secretary, g2[0]!, { name: '百岁丙', idNumber: newId('19220808') });
  // A 低保 household with a school-age child (the head is 102 and has the tag).
  child = await register(secretary, g1[0]!, {
    name: '小明',
    idNumber: newId('20160901'),
    relation: 'grandchild',
    householdId: old1.householdId,
  });
  const tag = await secretary.request('PUT', `/api/registry/people/${old1.id}/tags/low_income`, {
    validFrom: '2025-01-01',
    evidence: '低保证 2025-017',
  });
  expect(tag.status, tag.text).toBe(200);
  const admin = await signIn(t, PHONES.admin);
  const bRoom = (await freeRoomsUnder(t, demo, demo.B.id, demo.B))[0]!;
  oldB = await register(admin, bRoom, { name: '百岁丁', idNumber: newId('19230303') });
});
afterAll(() => t.close());

describe('the rule builder', () => {
  it('counts live in the caller’s reach: the street sees its communities, the secretary only hers', async () => {
    const street = await signIn(t, PHONES.streetStaff);
    const s = await street.post<{ count: number; byCommunity: { name: string; count: number }[] }>(
      '/api/registry/policies/preview',
      { rule: CENTENARIANS },
    );
    expect(s.status, s.text).toBe(200);
    // The street sees aggregates only: cells of fewer than 5 people are withheld (registry-cells.test.ts).
    expect(s.body.count).toBeNull();
    expect(s.body.byCommunity).toEqual([
      expect.objectContaining({ name: '梧桐社区', count: null }),
      expect.objectContaining({ name: '银杏社区', count: null }),
    ]);
    const a = await secretary.post<{ count: number }>('/api/registry/policies/preview', { rule: CENTENARIANS });
    expect(a.body.count).toBe(3);
  });

  it('combines tags, age, sex, residence, household composition and housing', async () => {
    const preview = async (rule: unknown) => {
      const res = await secretary.post<{ count: number }>('/api/registry/policies/preview', { rule });
      expect(res.status, res.text).toBe(200);
      return res.body.count;
    };
    expect(await preview({ all: [{ age: { min: 100 } }, { tag: 'low_income', has: true }] })).toBe(1);
    expect(await preview({ all: [{ age: { min: 100 } }, { tag: 'low_income', has: false }] })).toBe(2);
    // "School-age children of 低保 households": the derived tag on the child, the stored tag on another member.
    expect(
      await preview({
        all: [{ tag: 'school_age', has: true }, { household: { memberTag: 'low_income', memberAge: { min: 100 } } }],
      }),
    ).toBe(1);
    expect(await preview({ all: [{ age: { min: 100 } }, { household: { minSize: 2 } }] })).toBe(1);
    // "Another member" of an age: the centenarian's own age does not count, the grandchild's does.
    expect(await preview({ all: [{ age: { min: 100 } }, { household: { memberAge: { min: 100 } } }] })).toBe(0);
    expect(
      await preview({ all: [{ age: { min: 100 } }, { household: { minSize: 2, memberAge: { min: 6, max: 15 } } }] }),
    ).toBe(1);
    expect(await preview({ all: [{ age: { min: 100 } }, { household: { maxSize: 1 } }] })).toBe(2);
    expect(await preview({ all: [{ age: { min: 100 } }, { anyTag: ['low_income', 'veteran'] }] })).toBe(1);
    const sexOf1 = old1.sex;
    const sameSex = [old1, old2, old3].filter((p) => p.sex === sexOf1).length;
    expect(await preview({ all: [{ age: { min: 100 } }, { sex: sexOf1 }] })).toBe(sameSex);
    expect(await preview({ all: [{ age: { min: 100 } }, { residence: ['floating', 'away'] }] })).toBe(0);
    // Housing: the demo recorded every room; make one of them rented.
    const room = await secretary.get<{ housing: { version: number } }>(`/api/registry/rooms/${old2.roomId}`);
    await secretary.request('PUT', `/api/registry/rooms/${old2.roomId}/housing`, {
      version: room.body.housing.version,
      floorArea: 40,
      use: 'residential',
      ownership: 'rented',
    });
    expect(await preview({ all: [{ age: { min: 100 } }, { housing: { ownership: ['rented'], maxArea: 45 } }] })).toBe(
      1,
    );
  });

  it('refuses unknown tags and malformed rules, pointing at the field', async () => {
    const bad = await secretary.post('/api/registry/policies/preview', {
      rule: { all: [{ tag: 'no_such_tag', has: true }] },
    });
    expectProblem(bad, 422, 'validation_failed', '/rule/all/0/tag');
    const malformed = await secretary.post('/api/registry/policies/preview', { rule: { all: [{ age: { min: -1 } }] } });
    expect(malformed.status).toBe(422);
    const injected = await secretary.post('/api/registry/policies/preview', {
      rule: { all: [{ sex: "male' OR 1=1 --" }] },
    });
    expect(injected.status).toBe(422);
  });
});

describe('outreach', () => {
  let policy: Policy;

  it('saving a policy creates a task per match, for the grid the person lives in', async () => {
    await unchanged(t, async () => {
      const outside = await secretary.post('/api/registry/policies', {
        nodeId: demo.B.id,
        name: '越界',
        rule: CENTENARIANS,
      });
      expectProblem(outside, 422, 'validation_failed', '/nodeId');
    });
    const res = await secretary.post<Policy>('/api/registry/policies', {
      nodeId: demo.A.id,
      name: '百岁老人慰问',
      description: '重阳节前上门慰问',
      rule: CENTENARIANS,
    });
    expect(res.status, res.text).toBe(201);
    policy = res.body;
    expect(policy.coverage).toEqual({ total: 3, pending: 3, informed: 0, applied: 0, notEligible: 0, unreachable: 0 });
    expect((await auditRows(t, 'registry.policy.create'))[0]).toMatchObject({
      resource_id: policy.id,
      detail: { tasks: 3 },
    });
    const mine = await worker1.get<Page<Task>>(`/api/registry/outreach?policyId=${policy.id}`);
    expect(mine.body.items.map((x) => x.name).sort()).toEqual(['百岁乙', '百岁甲']);
    expect(mine.body.items.find((x) => x.name === '百岁甲')).toMatchObject({
      phone: '13712349901',
      gridName: '第一网格',
      status: 'pending',
    });
    const theirs = await worker2.get<Page<Task>>(`/api/registry/outreach?policyId=${policy.id}`);
    expect(theirs.body.items.map((x) => x.name)).toEqual(['百岁丙']);
  });

  it('grid workers record outcomes in their grid only; a stale version is 409', async () => {
    const url = `/api/registry/outreach/${policy.id}/${old1.id}`;
    const street = await signIn(t, PHONES.streetStaff);
    await unchanged(t, async () => {
      expectProblem(await worker2.post(url, { version: 1, outcome: 'informed' }), 404, 'not_found');
      expectProblem(await street.post(url, { version: 1, outcome: 'informed' }), 403, 'forbidden');
    });
    const res = await worker1.post<Task>(url, { version: 1, outcome: 'applied', note: '已提交高龄津贴申请' });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ status: 'applied', version: 2 });
    await unchanged(t, async () =>
      expectProblem(await worker1.post(url, { version: 1, outcome: 'informed' }), 409, 'version_conflict'),
    );
    const r2 = await worker1.post<Task>(`/api/registry/outreach/${policy.id}/${old2.id}`, {
      version: 1,
      outcome: 'unreachable',
    });
    expect(r2.status).toBe(200);
    expect((await auditRows(t, 'registry.outreach.outcome'))[0]).toMatchObject({
      actor_name: '李强',
      resource_id: old2.id,
      detail: { outcome: 'unreachable', before: 'pending' },
    });
    const pending = await worker1.get<Page<Task>>(`/api/registry/outreach?policyId=${policy.id}&status=pending`);
    expect(pending.body.total).toBe(0);
  });

  it('coverage by grid and community, counted in the caller’s reach', async () => {
    const cov = await secretary.get<{
      policy: Policy;
      byGrid: { gridName: string; communityName: string; coverage: Coverage }[];
    }>(`/api/registry/policies/${policy.id}/coverage`);
    expect(cov.status, cov.text).toBe(200);
    expect(cov.body.policy.coverage).toMatchObject({ total: 3, applied: 1, unreachable: 1, pending: 1 });
    expect(cov.body.byGrid).toEqual([
      {
        gridId: expect.any(String),
        gridName: '第一网格',
        communityId: demo.A.id,
        communityName: '银杏社区',
        coverage: expect.objectContaining({ total: 2, applied: 1, unreachable: 1, pending: 0 }),
      },
      {
        gridId: expect.any(String),
        gridName: '第二网格',
        communityId: demo.A.id,
        communityName: '银杏社区',
        coverage: expect.objectContaining({ total: 1, pending: 1 }),
      },
    ]);
    // The street sees the community's policy (it lies in its reach) and its coverage; D's secretary does not.
    const street = await signIn(t, PHONES.streetStaff);
    const list = await street.get<Page<Policy>>('/api/registry/policies');
    expect(list.body.items.map((p) => p.name)).toContain('百岁老人慰问');
    const secretaryD = await signIn(t, PHONES.secretaryD);
    expectProblem(await secretaryD.get(`/api/registry/policies/${policy.id}/coverage`), 404, 'not_found');
    expect((await secretaryD.get<Page<Policy>>('/api/registry/policies')).body.items.map((p) => p.name)).not.toContain(
      '百岁老人慰问',
    );
  });

  it('a street policy reaches every community of the street; each grid worker sees only theirs', async () => {
    const street = await signIn(t, PHONES.streetStaff);
    const res = await street.post<Policy>('/api/registry/policies', {
      nodeId: demo.street1.id,
      name: '街道百岁老人登记',
      rule: CENTENARIANS,
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body.coverage.total).toBe(4);
    expectProblem(await street.get('/api/registry/outreach'), 403, 'forbidden');
    const cov = await street.get<{ byGrid: { communityName: string; coverage: Coverage }[] }>(
      `/api/registry/policies/${res.body.id}/coverage`,
    );
    expect(cov.body.byGrid.map((g) => g.communityName).sort()).toEqual(['梧桐社区', '银杏社区', '银杏社区']);
    const mine = await worker1.get<Page<Task>>(`/api/registry/outreach?policyId=${res.body.id}`);
    expect(mine.body.items.map((x) => x.name).sort()).toEqual(['百岁乙', '百岁甲']);
    expect(child.name).toBe('小明');
    expect(oldB.name).toBe('百岁丁');
  });
});
