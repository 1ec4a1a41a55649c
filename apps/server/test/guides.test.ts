import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../src/testing/index.ts';
import { auditSearch, type Demo, expectProblem, loadDemo, nothingWritten, PHONES, signIn } from './helpers.ts';

interface Guide {
  id: string;
  nodeName: string;
  baseId: string | null;
  title: string;
  place: string;
  hours: string;
  version: number;
  abilities: { edit: boolean; override: boolean };
}
interface List {
  node: { id: string; name: string };
  items: Guide[];
}

let t: TestApp;
let demo: Demo;
let admin: TestClient;
let secretaryA: TestClient;
let residentA: TestClient;
let residentD: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t, PHONES.admin);
  demo = await loadDemo(t, admin);
  secretaryA = await signIn(t, PHONES.secretaryA);
  residentA = await signIn(t, PHONES.residentA);
  residentD = await signIn(t, PHONES.residentD);
});
afterAll(() => t.close());

const list = async (c: TestClient, q = '') => {
  const res = await c.get<List>(`/api/guides${q}`);
  expect(res.status, res.text).toBe(200);
  return res.body;
};
const titles = async (c: TestClient, q: string) => (await list(c, q)).items.map((g) => g.title);
const guideCount = async () =>
  Number((await sql<{ n: string }>`SELECT count(*)::text AS n FROM service_guide`.execute(t.database.db)).rows[0]!.n);

describe('service guides', () => {
  it('finds 怎么办居住证 from 居住证, from its pinyin initials, and not from unrelated words', async () => {
    expect(await titles(residentA, `?q=${encodeURIComponent('居住证')}`)).toEqual(['怎么办居住证']);
    expect(await titles(residentA, `?q=${encodeURIComponent('办居住证')}`)).toEqual(['怎么办居住证']);
    expect(await titles(residentA, '?q=jzz')).toEqual(['怎么办居住证']);
    expect(await titles(residentA, '?q=ZMBJZZ')).toEqual(['怎么办居住证']);
    // Materials are searched too.
    expect(await titles(residentA, `?q=${encodeURIComponent('出生医学证明')}`)).toEqual(['新生儿落户和医保登记']);
    expect(await titles(residentA, `?q=${encodeURIComponent('护照')}`)).toEqual([]);
    expect(await titles(residentA, `?q=${encodeURIComponent("'; DROP TABLE service_guide; --")}`)).toEqual([]);
  });

  it("a community's override replaces the district item there, and only there", async () => {
    const a = await list(residentA);
    expect(a.node.name).toBe('银杏社区');
    const subsidyA = a.items.filter((g) => g.title === '高龄老人营养补贴');
    expect(subsidyA).toHaveLength(1);
    expect(subsidyA[0]!.nodeName).toBe('银杏社区');
    const detail = await residentA.get<Guide>(`/api/guides/${subsidyA[0]!.id}`);
    expect(detail.body.hours).toBe('每周二、周四 9:00—11:30');
    const d = await list(residentD);
    expect(d.node.name).toBe('海棠社区');
    expect(d.items.find((g) => g.title === '高龄老人营养补贴')!.nodeName).toBe('临江区');
    expectProblem(await residentD.get(`/api/guides/${subsidyA[0]!.id}`), 404, 'not_found');
    expectProblem(await residentD.get(`/api/guides?nodeId=${demo.A.id}`), 404, 'not_found');
  });

  it('the district maintains items; a community overrides one once; others are refused and write nothing', async () => {
    const base = (await list(residentA)).items.find((g) => g.title === '怎么办居住证')!;
    const fields = {
      category: 'identity',
      title: '怎么办居住证',
      audience: '非本市户籍居民',
      materials: ['身份证'],
      steps: ['到居委会登记'],
      place: '银杏社区居委会',
      hours: '工作日上午',
      fees: '免费',
      onlineUrl: null,
      faqs: [],
    };
    const before = await guideCount();
    await nothingWritten(t, async () => {
      expectProblem(
        await secretaryA.post('/api/guides', { ...fields, nodeId: demo.district.id }),
        403,
        'guide_level_forbidden',
      );
      expectProblem(
        await secretaryA.post('/api/guides', { ...fields, nodeId: demo.D.id }),
        422,
        'validation_failed',
        '/nodeId',
      );
      expectProblem(await residentA.post('/api/guides', { ...fields, nodeId: demo.A.id }), 403, 'forbidden');
      expectProblem(
        await secretaryA.post('/api/guides', { ...fields, nodeId: demo.A.id, title: '  ' }),
        422,
        'validation_failed',
        '/title',
      );
      expectProblem(
        await secretaryA.post('/api/guides', { ...fields, nodeId: demo.A.id, onlineUrl: 'javascript:alert(1)' }),
        422,
        'validation_failed',
        '/onlineUrl',
      );
    });
    expect(await guideCount()).toBe(before);
    const over = await secretaryA.post<Guide>('/api/guides', { ...fields, nodeId: demo.A.id, baseId: base.id });
    expect(over.status, over.text).toBe(201);
    expect((await list(residentA, `?q=${encodeURIComponent('居住证')}`)).items.map((g) => g.id)).toEqual([
      over.body.id,
    ]);
    expectProblem(
      await secretaryA.post('/api/guides', { ...fields, nodeId: demo.A.id, baseId: base.id }),
      409,
      'already_overridden',
    );
    // The district edits its own item with a version; a stale version is 409.
    const edit = await admin.patch<Guide>(`/api/guides/${base.id}`, { version: 1, hours: '工作日 8:30—17:00' });
    expect(edit.status, edit.text).toBe(200);
    expectProblem(await admin.patch(`/api/guides/${base.id}`, { version: 1, hours: 'x' }), 409, 'version_conflict');
    expectProblem(await secretaryA.patch(`/api/guides/${base.id}`, { version: 2, hours: 'x' }), 403, 'forbidden');
    const actions = (await auditSearch(admin, { resourceType: 'service_guide' })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['guide.override', 'guide.update']));
  });
});
