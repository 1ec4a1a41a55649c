import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proposalForVote } from '../src/modules/deliberation/vote-target.ts';
import { createTestApp, type TestApp, type TestClient } from '../src/testing/index.ts';
import { uploadPhoto } from './case-helpers.ts';
import {
  adopted,
  type Covenant,
  type Detail,
  detail,
  propose,
  refusedCleanly,
  screen,
  voteEvent,
} from './deliberation-helpers.ts';
import { auditSearch, type Demo, expectProblem, loadDemo, PHONES, signIn } from './helpers.ts';

let t: TestApp;
let demo: Demo;
let admin: TestClient;
let committeeA: TestClient;
let residentA: TestClient; // lives in 1号楼 of 银杏社区
let gridWorkerA: TestClient;
let residentD: TestClient;
let secretaryD: TestClient;
let streetStaff: TestClient;
let building1: string;
let building2: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t, PHONES.admin);
  demo = await loadDemo(t, admin);
  committeeA = await signIn(t, PHONES.committeeA);
  residentA = await signIn(t, PHONES.residentA);
  gridWorkerA = await signIn(t, PHONES.gridWorkerA1);
  residentD = await signIn(t, PHONES.residentD);
  secretaryD = await signIn(t, PHONES.secretaryD);
  streetStaff = await signIn(t, PHONES.streetStaff);
  const buildings = demo.under(demo.A, 'building');
  building1 = buildings.find((b) => b.name === '1号楼')!.id;
  building2 = buildings.find((b) => b.name === '2号楼')!.id;
});
afterAll(() => t.close());

describe('表决 the hand-off to the votes module', () => {
  it('proposalForVote names the stage and scope, only within the community', async () => {
    const p = await propose(residentA, demo.A.id, { scopeKind: 'building', scopeNodeIds: [building1] });
    const db = t.database.db;
    expect(await proposalForVote(db, demo.A.id, p.id)).toEqual({
      id: p.id,
      title: p.title,
      stage: 'submitted',
      scopeNodeIds: [building1],
    });
    expect(await proposalForVote(db, demo.D.id, p.id)).toBeNull();
    expect(await proposalForVote(db, demo.A.id, crypto.randomUUID())).toBeNull();
    await screen(committeeA, p);
    expect((await proposalForVote(db, demo.A.id, p.id))!.stage).toBe('consulting');
  });

  it('vote.opened moves consulting → voting, vote.closed → adopted or not_adopted; repeats change nothing', async () => {
    const p = await screen(committeeA, await propose(residentA, demo.A.id));
    const voteId = crypto.randomUUID();
    await voteEvent(t, 'vote.opened', p, voteId);
    await voteEvent(t, 'vote.opened', p, voteId);
    const voting = await detail(residentA, p.id);
    expect(voting).toMatchObject({ stage: 'voting', voteId, abilities: { comment: false } });
    expect(voting.chain[2]).toMatchObject({ step: 'consult', state: 'current' });
    // Another vote's closing does not decide this proposal.
    await voteEvent(t, 'vote.closed', p, crypto.randomUUID(), true);
    expect((await detail(residentA, p.id)).stage).toBe('voting');
    await voteEvent(t, 'vote.closed', p, voteId, false);
    await voteEvent(t, 'vote.closed', p, voteId, true);
    const decided = await detail(residentA, p.id);
    expect(decided).toMatchObject({ stage: 'not_adopted', voteId });
    expect(decided.chain[2]).toMatchObject({ state: 'stopped', endedAt: decided.decidedAt });
    expect(decided.chain.slice(3).every((s) => s.state === 'waiting')).toBe(true);
  });

  it('a proposal still waiting for screening, or rejected, is not moved by vote events', async () => {
    const p = await propose(residentA, demo.A.id);
    await voteEvent(t, 'vote.opened', p, crypto.randomUUID());
    expect((await detail(residentA, p.id)).stage).toBe('submitted');
  });
});

describe('形成项目 · 推动实施 · 效果评估', () => {
  let p: Detail;
  beforeAll(async () => {
    p = await adopted(t, committeeA, demo.A.id, { scopeKind: 'building', scopeNodeIds: [building1] }, residentA);
  });

  it('only an adopted proposal becomes a project, once, by the committee', async () => {
    expect(p.stage).toBe('adopted');
    expect(p.chain[3]).toMatchObject({ step: 'project', state: 'current' });
    expect(p.abilities).toMatchObject({ createProject: true, publishCovenant: true });
    const open = await screen(committeeA, await propose(residentA, demo.A.id));
    const body = {
      title: '1号楼加装电梯工程',
      owner: '王建国',
      plan: '招标、施工、验收',
      budgetFen: 68_000_000,
      milestones: [],
    };
    await refusedCleanly(t, async () => {
      expectProblem(await committeeA.post(`/api/proposals/${open.id}/project`, body), 409, 'proposal_stage');
      expectProblem(await residentA.post(`/api/proposals/${p.id}/project`, body), 403, 'forbidden');
      expectProblem(await secretaryD.post(`/api/proposals/${p.id}/project`, body), 404, 'not_found');
      expectProblem(
        await committeeA.post(`/api/proposals/${p.id}/project`, { ...body, budgetFen: -1 }),
        422,
        'validation_failed',
      );
    });
  });

  it('the committee makes the project with milestones; the proposer follows it and hears of progress', async () => {
    const res = await committeeA.post<Detail>(`/api/proposals/${p.id}/project`, {
      title: '1号楼加装电梯工程',
      owner: '王建国（居委会委员）',
      plan: '1. 征询全体住户意见\n2. 公开招标\n3. 施工与验收',
      budgetFen: 68_000_000,
      milestones: [{ title: '完成招标', dueOn: '2026-12-31' }, { title: '竣工验收' }],
    });
    expect(res.status, res.text).toBe(201);
    const project = res.body.project!;
    expect(project).toMatchObject({ status: 'planned', budgetFen: 68_000_000, followerCount: 1 });
    expect(project.milestones.map((m) => m.title)).toEqual(['完成招标', '竣工验收']);
    expect(res.body.chain[3]).toMatchObject({ state: 'done' });
    expect(res.body.chain[4]).toMatchObject({ step: 'deliver', state: 'current' });
    expectProblem(
      await committeeA.post(`/api/proposals/${p.id}/project`, {
        title: '再来',
        owner: '某',
        plan: '某',
        budgetFen: 1,
        milestones: [],
      }),
      409,
      'already_done',
    );

    // A neighbour follows; the proposer (周敏) already does.
    const f = await gridWorkerA.post<Detail>(`/api/projects/${project.id}/follow`, { following: true });
    expect(f.status, f.text).toBe(200);
    expect(f.body.project).toMatchObject({ following: true, followerCount: 2 });
    expectProblem(
      await streetStaff.post(`/api/projects/${project.id}/follow`, { following: true }),
      403,
      'not_a_member',
    );

    const photo = await uploadPhoto(committeeA, 91);
    const g = await committeeA.post<Detail>(`/api/projects/${project.id}/progress`, {
      body: '已完成招标，施工单位进场',
      photos: [photo],
    });
    expect(g.status, g.text).toBe(201);
    expect(g.body.project!.progress[0]).toMatchObject({ body: '已完成招标，施工单位进场', photos: [photo] });
    expect((await residentA.get(`/api/proposals/${p.id}/files/${photo}`)).status).toBe(200);
    for (const c of [residentA, gridWorkerA]) {
      const inbox = await c.get<{ items: { kind: string; link: string }[] }>('/api/notifications');
      expect(inbox.body.items.filter((n) => n.kind === 'deliberation.progress').map((n) => n.link)).toContain(
        `/proposals/${p.id}`,
      );
    }
    const m = await committeeA.post<Detail>(`/api/projects/${project.id}/milestones/${project.milestones[0]!.id}/done`);
    expect(m.body.project!.milestones[0]!.doneAt).not.toBeNull();
    expectProblem(
      await committeeA.post(`/api/projects/${project.id}/milestones/${project.milestones[0]!.id}/done`),
      409,
      'already_done',
    );
    expect((await auditSearch(admin, { action: 'deliberation.progress', resourceId: project.id })).length).toBe(1);
  });

  it('status moves forward with version checks; the survey opens on completion for the scope’s residents, once each', async () => {
    let project = (await detail(committeeA, p.id)).project!;
    await refusedCleanly(t, async () => {
      expectProblem(
        await residentA.post(`/api/projects/${project.id}/evaluation`, { rating: 5 }),
        409,
        'project_not_completed',
      );
    });
    const u = `/api/projects/${project.id}`;
    const [a, b] = await Promise.all([
      committeeA.patch<Detail>(u, { version: project.version, status: 'in_progress' }),
      committeeA.patch<Detail>(u, { version: project.version, budgetFen: 70_000_000 }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    project = (await detail(committeeA, p.id)).project!;
    const done = await committeeA.patch<Detail>(u, { version: project.version, status: 'completed' });
    expect(done.status, done.text).toBe(200);
    expect(done.body.project).toMatchObject({ status: 'completed', completedAt: expect.any(String) });
    expect(done.body.chain[4]).toMatchObject({ state: 'done' });
    expect(done.body.chain[5]).toMatchObject({ step: 'evaluate', state: 'current' });
    expectProblem(
      await committeeA.patch(u, { version: done.body.project!.version, status: 'planned' }),
      422,
      'validation_failed',
      '/status',
    );

    expect((await detail(residentA, p.id)).abilities.evaluate).toBe(true);
    await refusedCleanly(t, async () => {
      // The grid worker is no resident of 1号楼; the street is not in the community; D cannot see it.
      expectProblem(await gridWorkerA.post(`${u}/evaluation`, { rating: 3 }), 403, 'not_in_scope');
      expectProblem(await residentD.post(`${u}/evaluation`, { rating: 3 }), 404, 'not_found');
      expectProblem(await residentA.post(`${u}/evaluation`, { rating: 6 }), 422, 'validation_failed');
      expectProblem(await residentA.post(`${u}/evaluation`, { rating: 0 }), 422, 'validation_failed');
    });
    const [e1, e2] = await Promise.all([
      residentA.post<Detail>(`${u}/evaluation`, { rating: 4, comment: '电梯很好，就是等待时间有点长' }),
      residentA.post<Detail>(`${u}/evaluation`, { rating: 1, comment: '重复提交' }),
    ]);
    expect([e1.status, e2.status].sort()).toEqual([201, 409]);
    const after = await detail(residentA, p.id);
    expect(after.project!.evaluation).toMatchObject({ count: 1, mine: { rating: expect.any(Number) } });
    expect(after.abilities.evaluate).toBe(false);
    expect(after.chain[5]).toMatchObject({ state: 'done' });
    expect(after.chain[6]).toMatchObject({ step: 'covenant', state: 'current' });
    const list = await residentA.get<{ items: { id: string; ratingCount: number; milestonesDone: number }[] }>(
      `/api/communities/${demo.A.id}/projects`,
    );
    expect(list.body.items.find((x) => x.id === project.id)).toMatchObject({ ratingCount: 1, milestonesDone: 1 });
  });
});

describe('the survey’s electorate', () => {
  it('a resident of 1号楼 does not answer for a project of 2号楼', async () => {
    const p = await adopted(t, committeeA, demo.A.id, { scopeKind: 'building', scopeNodeIds: [building2] });
    const made = await committeeA.post<Detail>(`/api/proposals/${p.id}/project`, {
      title: '2号楼屋面防水',
      owner: '王建国',
      plan: '屋面翻新',
      budgetFen: 1_200_000,
      milestones: [],
    });
    const project = made.body.project!;
    const done = await committeeA.patch<Detail>(`/api/projects/${project.id}`, {
      version: project.version,
      status: 'completed',
    });
    expect(done.status, done.text).toBe(200);
    expect((await detail(residentA, p.id)).abilities.evaluate).toBe(false);
    await refusedCleanly(t, async () => {
      expectProblem(await residentA.post(`/api/projects/${project.id}/evaluation`, { rating: 5 }), 403, 'not_in_scope');
    });
  });
});

describe('建立公约 covenants', () => {
  let p: Detail;
  let c: Covenant;
  beforeAll(async () => {
    p = await adopted(t, committeeA, demo.A.id, { title: '垃圾分类定时定点投放', scopeKind: 'community' });
  });

  it('the committee publishes one covenant from an adopted proposal; residents acknowledge it', async () => {
    await refusedCleanly(t, async () => {
      const body = { title: '银杏社区垃圾分类公约', body: '每日7:00-9:00、18:00-20:00定时投放。' };
      expectProblem(await residentA.post(`/api/proposals/${p.id}/covenant`, body), 403, 'forbidden');
      expectProblem(await secretaryD.post(`/api/proposals/${p.id}/covenant`, body), 404, 'not_found');
      expectProblem(
        await committeeA.post(`/api/proposals/${p.id}/covenant`, { ...body, body: ' ' }),
        422,
        'validation_failed',
        '/body',
      );
      expectProblem(
        await committeeA.post(`/api/proposals/${p.id}/covenant`, { ...body, body: '长'.repeat(10001) }),
        422,
        'validation_failed',
      );
    });
    const res = await committeeA.post<Covenant>(`/api/proposals/${p.id}/covenant`, {
      title: '银杏社区垃圾分类公约',
      body: '一、每日7:00-9:00、18:00-20:00定时定点投放。\n二、湿垃圾破袋投放。',
    });
    expect(res.status, res.text).toBe(201);
    c = res.body;
    expect(c).toMatchObject({ no: 1, ackCount: 0, canEdit: true, proposalId: p.id });
    expectProblem(
      await committeeA.post(`/api/proposals/${p.id}/covenant`, { title: '再发', body: '再发' }),
      409,
      'already_done',
    );
    const ack = await residentA.post<Covenant>(`/api/covenants/${c.id}/acknowledge`);
    expect(ack.status, ack.text).toBe(200);
    expect(ack.body).toMatchObject({ ackCount: 1, ackedAt: expect.any(String), canAcknowledge: false });
    expect((await residentA.post<Covenant>(`/api/covenants/${c.id}/acknowledge`)).body.ackCount).toBe(1);
    expectProblem(await gridWorkerA.post(`/api/covenants/${c.id}/acknowledge`), 403, 'not_a_resident');
    expectProblem(await residentD.post(`/api/covenants/${c.id}/acknowledge`), 404, 'not_found');
    expect((await auditSearch(admin, { action: 'deliberation.acknowledge', resourceId: c.id })).length).toBe(1);
    const chain = (await detail(residentA, p.id)).chain;
    expect(chain[6]).toMatchObject({ step: 'covenant', state: 'done' });
  });

  it('a revision is a new version residents acknowledge afresh; a stale revision is 409', async () => {
    const res = await committeeA.request<Covenant>('PUT', `/api/covenants/${c.id}`, {
      version: c.version,
      title: '银杏社区垃圾分类公约（修订）',
      body: '一、每日7:00-9:00、18:00-20:30定时定点投放。\n二、湿垃圾破袋投放。\n三、大件垃圾预约清运。',
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ no: 2, ackCount: 0, versions: [{ no: 2 }, { no: 1 }] });
    expect((await residentA.get<Covenant>(`/api/covenants/${c.id}`)).body.canAcknowledge).toBe(true);
    expectProblem(
      await committeeA.request('PUT', `/api/covenants/${c.id}`, { version: c.version, title: '旧', body: '旧' }),
      409,
      'version_conflict',
    );
  });

  it('covenants are listed and searchable in Chinese; other communities see none of them', async () => {
    const search = async (who: TestClient, q: string) =>
      (
        await who.get<{ items: Covenant[] }>(`/api/communities/${demo.A.id}/covenants?q=${encodeURIComponent(q)}`)
      ).body.items.map((x) => x.id);
    const all = await residentA.get<{ items: Covenant[] }>(`/api/communities/${demo.A.id}/covenants`);
    expect(all.status, all.text).toBe(200);
    expect(all.body.items.map((x) => x.id)).toContain(c.id);
    expect(await search(residentA, '大件垃圾')).toContain(c.id);
    expect(await search(residentA, '清运')).toContain(c.id);
    expect(await search(residentA, '停车')).not.toContain(c.id);
    expectProblem(await residentD.get(`/api/communities/${demo.A.id}/covenants`), 404, 'not_found');
    expectProblem(await residentD.get(`/api/covenants/${c.id}`), 404, 'not_found');
  });
});

describe('督查 supervision', () => {
  it('street and district see every proposal in their subtree with its chain; others are refused or see their own', async () => {
    const p = await propose(residentA, demo.A.id, { title: '督查用议题' });
    const sup = async (c: TestClient, q = '') =>
      c.get<{ items: Detail[]; truncated: boolean }>(`/api/deliberation/supervision${q}`);
    for (const c of [streetStaff, admin]) {
      const res = await sup(c);
      expect(res.status, res.text).toBe(200);
      const row = res.body.items.find((x) => x.id === p.id)!;
      expect(row).toMatchObject({ communityName: '银杏社区', stage: 'submitted' });
      expect(row.chain).toHaveLength(7);
    }
    expect((await sup(streetStaff, `?nodeId=${demo.A.id}`)).body.items.every((x) => x.communityId === demo.A.id)).toBe(
      true,
    );
    // The waiting proposal is readable to supervisors, not to neighbours.
    expect((await streetStaff.get(`/api/proposals/${p.id}`)).status).toBe(200);
    expect((await sup(secretaryD)).body.items.map((x) => x.id)).not.toContain(p.id);
    expectProblem(await sup(secretaryD, `?nodeId=${demo.A.id}`), 404, 'not_found');
    expectProblem(await sup(residentA), 403, 'forbidden');
    // 白鹭镇 street staff is elsewhere: a street-2 observer sees nothing of 青松街道.
    expect((await sup(admin, `?nodeId=${demo.street2.id}`)).body.items.map((x) => x.id)).not.toContain(p.id);
  });
});
