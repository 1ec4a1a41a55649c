import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../src/testing/index.ts';
import { HOSTILE } from './board-helpers.ts';
import { uploadPhoto } from './case-helpers.ts';
import { type Detail, detail, LIFT, propose, refusedCleanly, screen } from './deliberation-helpers.ts';
import { auditSearch, type Demo, expectProblem, loadDemo, PHONES, signIn } from './helpers.ts';

let t: TestApp;
let demo: Demo;
let admin: TestClient;
let secretaryA: TestClient;
let committeeA: TestClient;
let residentA: TestClient;
let gridWorkerA: TestClient; // lives and works in 银杏社区: a member, not the committee
let residentD: TestClient;
let secretaryD: TestClient;
let streetStaff: TestClient;
let building1: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t, PHONES.admin);
  demo = await loadDemo(t, admin);
  secretaryA = await signIn(t, PHONES.secretaryA);
  committeeA = await signIn(t, PHONES.committeeA);
  residentA = await signIn(t, PHONES.residentA);
  gridWorkerA = await signIn(t, PHONES.gridWorkerA1);
  residentD = await signIn(t, PHONES.residentD);
  secretaryD = await signIn(t, PHONES.secretaryD);
  streetStaff = await signIn(t, PHONES.streetStaff);
  building1 = demo.under(demo.A, 'building').find((b) => b.name === '1号楼')!.id;
});
afterAll(() => t.close());

const url = () => `/api/communities/${demo.A.id}/proposals`;
const ids = async (c: TestClient, q = '') =>
  (await c.get<{ items: { id: string }[] }>(`${url()}${q}`)).body.items.map((p) => p.id);

describe('提出议题 proposing', () => {
  it('a verified resident proposes for one building; it waits for screening, seen by them and the committee only', async () => {
    const photo = await uploadPhoto(residentA, 31);
    const p = await propose(residentA, demo.A.id, {
      scopeKind: 'building',
      scopeNodeIds: [building1],
      attachments: [photo],
    });
    expect(p).toMatchObject({
      stage: 'submitted',
      title: LIFT.title,
      question: LIFT.question,
      options: LIFT.options,
      scopeKind: 'building',
      scopeNodeIds: [building1],
      scopeLabels: ['1号楼'],
      byCommittee: false,
      mine: true,
      attachments: [photo],
    });
    expect(p.proposerLabel).toMatch(/^周(女士|先生)·1号楼$/);
    expect(p.chain.map((s) => [s.step, s.state])).toEqual([
      ['propose', 'done'],
      ['screen', 'current'],
      ['consult', 'waiting'],
      ['project', 'waiting'],
      ['deliver', 'waiting'],
      ['evaluate', 'waiting'],
      ['covenant', 'waiting'],
    ]);
    expect(await ids(residentA)).toContain(p.id);
    expect(await ids(committeeA)).toContain(p.id);
    // A neighbour does not see a proposal before the committee has screened it.
    expect(await ids(gridWorkerA)).not.toContain(p.id);
    expectProblem(await gridWorkerA.get(`/api/proposals/${p.id}`), 404, 'not_found');
    const file = await residentA.get(`/api/proposals/${p.id}/files/${photo}`);
    expect(file.status).toBe(200);
    const [entry] = await auditSearch(admin, { action: 'deliberation.propose', resourceId: p.id });
    expect(entry).toMatchObject({ action: 'deliberation.propose', nodeId: demo.A.id });
  });

  it('offers the community’s buildings for the scope picker, to those who read the community only', async () => {
    const res = await residentA.get<{ items: { id: string; name: string }[] }>(
      `/api/communities/${demo.A.id}/proposal-buildings`,
    );
    expect(res.status, res.text).toBe(200);
    expect(res.body.items.map((b) => b.name)).toEqual(
      demo
        .under(demo.A, 'building')
        .map((b) => b.name)
        .sort((x, y) => x.length - y.length || x.localeCompare(y)),
    );
    expectProblem(await residentD.get(`/api/communities/${demo.A.id}/proposal-buildings`), 404, 'not_found');
  });

  it('the committee proposes too, marked as such', async () => {
    const p = await propose(committeeA, demo.A.id, { title: '小区停车难怎么解决', scopeKind: 'community' });
    expect(p).toMatchObject({ byCommittee: true, scopeLabels: ['银杏社区'] });
  });

  it('refuses an empty question, bad scope, over-long text, other communities and non-residents, writing nothing', async () => {
    const othersPhoto = await uploadPhoto(secretaryA, 32);
    const buildingD = demo.under(demo.D, 'building')[0]!.id;
    await refusedCleanly(t, async () => {
      const ok = { ...LIFT, scopeKind: 'community' };
      expectProblem(await residentD.post(url(), ok), 404, 'not_found');
      expectProblem(await secretaryD.post(url(), ok), 404, 'not_found');
      // The street reads the community but is no resident of it: the action is not theirs.
      expectProblem(await streetStaff.post(url(), ok), 403, 'forbidden');
      // A grid worker works there but is no verified resident.
      expectProblem(await gridWorkerA.post(url(), ok), 403, 'forbidden');
      const bad: [Record<string, unknown>, number, string][] = [
        [{ question: '' }, 422, '/question'],
        [{ question: '   ' }, 422, '/question'],
        [{ title: '长'.repeat(61) }, 422, '/title'],
        [{ background: '长'.repeat(2001) }, 422, '/background'],
        [{ question: '长'.repeat(501) }, 422, '/question'],
        [{ options: ['同意', '同意'] }, 422, '/options'],
        [{ question: 'a\u0007b' }, 422, '/question'],
        [{ scopeKind: 'building' }, 422, '/scopeNodeIds'],
        [{ scopeKind: 'building', scopeNodeIds: [building1, building1] }, 422, '/scopeNodeIds'],
        [{ scopeKind: 'community', scopeNodeIds: [building1] }, 422, '/scopeNodeIds'],
        [{ scopeKind: 'buildings', scopeNodeIds: [buildingD] }, 422, '/scopeNodeIds/0'],
        [{ scopeKind: 'buildings', scopeNodeIds: [demo.A.id] }, 422, '/scopeNodeIds/0'],
        [{ attachments: [othersPhoto] }, 422, '/attachments/0'],
        [{ extra: 1 }, 422, ''],
      ];
      for (const [over, status, path] of bad) {
        const res = await residentA.post(url(), { ...ok, ...over });
        expect(res.status, `${JSON.stringify(over).slice(0, 60)}: ${res.text}`).toBe(status);
        expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
        if (path) expect(JSON.stringify(res.body), JSON.stringify(over).slice(0, 60)).toContain(`"${path}`);
      }
    });
  });

  it('keeps HTML and script as the characters typed (the web renders text, never markup)', async () => {
    for (const h of HOSTILE) {
      const p = await propose(residentA, demo.A.id, { title: h.slice(0, 60), question: h, background: h });
      expect(p.question).toBe(h);
      expect((await detail(committeeA, p.id)).background).toBe(h);
    }
  });
});

describe('把关筛选 screening', () => {
  let waiting: Detail;
  beforeAll(async () => {
    waiting = await propose(residentA, demo.A.id, { title: '垃圾分类投放点设在哪里' });
  });

  it('the queue shows waiting proposals oldest first with the time they have waited, to the committee only', async () => {
    t.clock.advance(10 * 60_000);
    const res = await committeeA.get<{ items: Detail[] }>('/api/deliberation/screening');
    expect(res.status, res.text).toBe(200);
    const mine = res.body.items.find((p) => p.id === waiting.id)!;
    expect(mine.chain[1]).toMatchObject({ step: 'screen', state: 'current', startedAt: waiting.createdAt });
    const times = res.body.items.map((p) => p.createdAt);
    expect(times).toEqual([...times].sort());
    expect(res.body.items.every((p) => p.stage === 'submitted' && p.communityId === demo.A.id)).toBe(true);
    expect((await secretaryD.get<{ items: Detail[] }>('/api/deliberation/screening')).body.items).toEqual([]);
    expectProblem(await residentA.get('/api/deliberation/screening'), 403, 'forbidden');
    expectProblem(await streetStaff.get('/api/deliberation/screening'), 403, 'forbidden');
  });

  it('screening by a non-committee role, another community or a stale version is refused, writing nothing', async () => {
    await refusedCleanly(t, async () => {
      const s = `/api/proposals/${waiting.id}/screen`;
      const ok = { version: waiting.version, decision: 'approve' };
      expectProblem(await residentA.post(s, ok), 403, 'forbidden');
      expectProblem(await gridWorkerA.post(s, ok), 403, 'forbidden');
      expectProblem(await streetStaff.post(s, ok), 403, 'forbidden');
      expectProblem(await secretaryD.post(s, ok), 404, 'not_found');
      expectProblem(await committeeA.post(s, { ...ok, version: 99 }), 409, 'version_conflict');
      expectProblem(await committeeA.post(s, { ...ok, decision: 'reject' }), 422, 'validation_failed', '/reason');
      expectProblem(
        await committeeA.post(s, { ...ok, decision: 'merge', reason: '重复' }),
        422,
        'validation_failed',
        '/mergeInto',
      );
      expectProblem(
        await committeeA.post(s, { ...ok, decision: 'merge', reason: '重复', mergeInto: waiting.id }),
        422,
        'validation_failed',
        '/mergeInto',
      );
    });
  });

  it('approve opens consultation; reject needs a public reason; merge points at the open proposal; the proposer hears', async () => {
    const open = await screen(committeeA, waiting);
    expect(open).toMatchObject({ stage: 'consulting', screenedBy: expect.stringContaining('王建国') });
    expect(open.chain[1]).toMatchObject({ state: 'done', endedAt: open.screenedAt });
    expect(open.chain[2]).toMatchObject({ step: 'consult', state: 'current', startedAt: open.screenedAt });
    expectProblem(
      await committeeA.post(`/api/proposals/${waiting.id}/screen`, { version: open.version, decision: 'approve' }),
      409,
      'proposal_stage',
    );
    // Now the neighbours see it.
    expect(await ids(gridWorkerA)).toContain(waiting.id);

    const dup = await propose(residentA, demo.A.id, { title: '垃圾点位置再议' });
    const merged = await screen(secretaryA, dup, {
      decision: 'merge',
      reason: '与已有议题重复，请到原议题参与讨论',
      mergeInto: waiting.id,
    });
    expect(merged).toMatchObject({ stage: 'merged', mergedInto: { id: waiting.id, title: '垃圾分类投放点设在哪里' } });
    expect(merged.chain[1]).toMatchObject({ state: 'stopped' });

    const off = await propose(residentA, demo.A.id, { title: '要求物业退费' });
    const rejected = await screen(secretaryA, off, {
      decision: 'reject',
      reason: '属于物业合同纠纷，请通过业委会或诉求渠道反映',
    });
    expect(rejected).toMatchObject({ stage: 'rejected', screenReason: '属于物业合同纠纷，请通过业委会或诉求渠道反映' });
    // The reason is public.
    expect((await detail(gridWorkerA, off.id)).screenReason).toContain('物业合同纠纷');

    const inbox = await residentA.get<{ items: { kind: string; text: string; link: string }[] }>('/api/notifications');
    const mine = inbox.body.items.filter((n) => n.kind === 'deliberation.screened');
    expect(mine.map((n) => n.link)).toEqual(
      expect.arrayContaining([`/proposals/${waiting.id}`, `/proposals/${dup.id}`, `/proposals/${off.id}`]),
    );
    expect(mine.find((n) => n.link === `/proposals/${off.id}`)!.text).toContain('物业合同纠纷');
    const audits = await auditSearch(admin, { action: 'deliberation.screen' });
    expect(audits.map((a) => a.resourceId)).toEqual(expect.arrayContaining([waiting.id, dup.id, off.id]));
  });
});

describe('开展协商 consultation', () => {
  let p: Detail;
  beforeAll(async () => {
    p = await screen(committeeA, await propose(residentA, demo.A.id, { title: '小区东门是否改为人车分流' }));
  });

  it('members comment with a stance, reply and quote; the committee speaks officially', async () => {
    let d = (
      await residentA.post<Detail>(`/api/proposals/${p.id}/comments`, { stance: 'for', body: '支持，早高峰太乱了' })
    ).body;
    const first = d.comments[0]!;
    expect(first).toMatchObject({ stance: 'for', official: false, mine: true, parentId: null });
    const reply = await gridWorkerA.post<Detail>(`/api/proposals/${p.id}/comments`, {
      stance: 'against',
      body: '东门太窄，分流后车进不来',
      parentId: first.id,
      quoteId: first.id,
    });
    expect(reply.status, reply.text).toBe(201);
    d = reply.body;
    expect(d.comments[1]).toMatchObject({ stance: 'against', parentId: first.id, quoteId: first.id });
    expect(d.comments[1]!.quoteText).toContain('支持，早高峰太乱了');
    d = (
      await committeeA.post<Detail>(`/api/proposals/${p.id}/comments`, {
        stance: 'neutral',
        body: '居委会将组织现场踏勘',
      })
    ).body;
    expect(d.comments[2]).toMatchObject({ official: true });
    expect(d.commentCount).toBe(3);
  });

  it('refuses outsiders, street cadres, bad references and over-long comments, writing nothing', async () => {
    const d = await detail(committeeA, p.id);
    await refusedCleanly(t, async () => {
      const c = `/api/proposals/${p.id}/comments`;
      expectProblem(await residentD.post(c, { stance: 'for', body: '越界' }), 404, 'not_found');
      expectProblem(await streetStaff.post(c, { stance: 'for', body: '街道' }), 403, 'not_a_member');
      expectProblem(await residentA.post(c, { stance: 'maybe', body: '嗯' }), 422, 'validation_failed');
      expectProblem(await residentA.post(c, { stance: 'for', body: '长'.repeat(1001) }), 422, 'validation_failed');
      expectProblem(
        await residentA.post(c, { stance: 'for', body: '回复', parentId: crypto.randomUUID() }),
        422,
        'validation_failed',
        '/parentId',
      );
      expectProblem(
        await residentA.post(`/api/proposals/${p.id}/comments/${d.comments[0]!.id}/hide`, { reason: '不当' }),
        403,
        'forbidden',
      );
    });
  });

  it('the committee hides a comment with a reason, audited; neighbours see the reason, not the words', async () => {
    const target = (await detail(committeeA, p.id)).comments[1]!;
    const res = await committeeA.post<Detail>(`/api/proposals/${p.id}/comments/${target.id}/hide`, {
      reason: '含有人身攻击',
    });
    expect(res.status, res.text).toBe(200);
    const seen = (await detail(residentA, p.id)).comments.find((c) => c.id === target.id)!;
    expect(seen).toMatchObject({ status: 'hidden', hiddenReason: '含有人身攻击', body: '' });
    expect((await detail(committeeA, p.id)).comments.find((c) => c.id === target.id)!.body).toContain('东门太窄');
    const [a] = await auditSearch(admin, { action: 'deliberation.hide_comment', resourceId: target.id });
    expect(a).toBeDefined();
    expectProblem(
      await committeeA.post(`/api/proposals/${p.id}/comments/${target.id}/hide`, { reason: '再次' }),
      409,
      'already_done',
    );
  });

  it('records an offline meeting with photos; refuses a future date and residents', async () => {
    const photo = await uploadPhoto(committeeA, 55);
    const res = await committeeA.post<Detail>(`/api/proposals/${p.id}/meetings`, {
      heldOn: '2026-11-20',
      attendees: '居委会3人，居民代表12人，物业1人',
      minutes: '多数代表支持人车分流，建议拓宽门岗。',
      photos: [photo],
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body.meetings[0]).toMatchObject({ heldOn: '2026-11-20', photos: [photo] });
    expect((await residentA.get(`/api/proposals/${p.id}/files/${photo}`)).status).toBe(200);
    await refusedCleanly(t, async () => {
      const m = `/api/proposals/${p.id}/meetings`;
      const body = { heldOn: '2030-01-01', attendees: '某某', minutes: '纪要' };
      expectProblem(await committeeA.post(m, body), 422, 'validation_failed', '/heldOn');
      expectProblem(await residentA.post(m, { ...body, heldOn: '2026-11-20' }), 403, 'forbidden');
    });
  });

  it('the summary closes discussion (summarised); comments are then refused; concurrent edits get 409', async () => {
    const d = await detail(committeeA, p.id);
    const body = { version: d.version, summary: '支持方：缓解拥堵；反对方：门太窄。共识：先拓宽再分流。', close: true };
    const [a, b] = await Promise.all([
      committeeA.post<Detail>(`/api/proposals/${p.id}/summary`, body),
      secretaryA.post<Detail>(`/api/proposals/${p.id}/summary`, body),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const closed = await detail(residentA, p.id);
    expect(closed).toMatchObject({ stage: 'summarised', summary: body.summary, abilities: { comment: false } });
    await refusedCleanly(t, async () => {
      expectProblem(
        await residentA.post(`/api/proposals/${p.id}/comments`, { stance: 'for', body: '晚了' }),
        409,
        'discussion_closed',
      );
    });
    expect((await auditSearch(admin, { action: 'deliberation.close', resourceId: p.id })).length).toBe(1);
  });
});

describe('the demo hall of 银杏社区', () => {
  it('holds proposals at different stages, a completed project with a survey answer and a searchable covenant', async () => {
    const all = await committeeA.get<{ items: Detail[] }>(`${url()}`);
    const byTitle = new Map(all.body.items.map((p) => [p.title, p]));
    expect(byTitle.get('3号楼楼道堆物集中清理')?.stage).toBe('submitted');
    expect(byTitle.get('要求物业公司退还上半年物业费')?.stage).toBe('rejected');
    expect(byTitle.get('小区东门早高峰人车分流')?.stage).toBe('consulting');
    const sorting = byTitle.get('垃圾分类定时定点投放')!;
    expect(sorting.chain.every((s) => s.state === 'done')).toBe(true);
    const d = await detail(residentA, sorting.id);
    expect(d.project).toMatchObject({ status: 'completed', evaluation: { count: 1 } });
    const found = await residentA.get<{ items: { title: string }[] }>(
      `/api/communities/${demo.A.id}/covenants?q=${encodeURIComponent('投放')}`,
    );
    expect(found.body.items.map((c) => c.title)).toContain('银杏社区垃圾分类公约');
  });
});
