import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../src/testing/index.ts';
import { HOSTILE, type PostView, post, refusedCleanly } from './board-helpers.ts';
import { auditSearch, type Demo, expectProblem, loadDemo, type Me, PHONES, signIn } from './helpers.ts';

type Affiliation = { id: string; status: string; version: number; kind: string; party: Record<string, unknown> };

let t: TestApp;
let demo: Demo;
let admin: TestClient;
let secretaryA: TestClient;
let residentA: TestClient; // 周敏, checks in as a party member
let neighbourA: TestClient; // 李强, lives and works in 银杏社区, not a checked-in party member
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

const PARTY = { partyOrg: '青松街道银杏社区党委', joinedOn: '2008-07-01', dual: false };
const DUAL = {
  partyOrg: '区教育局机关党委',
  dual: true,
  workplace: '临江区实验小学',
  workplaceOrg: '临江区实验小学党支部',
  serviceOffer: '周末辅导社区孩子功课',
};
const checkIn = (c: TestClient, communityId: string, party: Record<string, unknown>) =>
  c.post<Affiliation>(`/api/communities/${communityId}/affiliations`, { kind: 'party', party });
const queue = (c: TestClient, communityId: string, q = '') =>
  c.get<{ items: Affiliation[]; total: number }>(`/api/communities/${communityId}/affiliations?kind=party${q}`);
const roles = async (c: TestClient) => (await c.get<{ me: Me }>('/api/auth/me')).body.me.grants.map((g) => g.role);

describe('报到: party members check in to their residence community', () => {
  let checkin: Affiliation;

  it('双报到 needs the workplace and its party organisation; nothing is written without them', async () => {
    const res = await refusedCleanly(t, () => checkIn(residentA, demo.A.id, { ...DUAL, workplaceOrg: undefined }));
    expectProblem(res, 422, 'validation_failed', '/party/workplaceOrg');
  });

  it('a resident checks in (双报到); the party organisation sees it waiting; a second check-in is refused', async () => {
    const res = await checkIn(residentA, demo.A.id, DUAL);
    expect(res.status, res.text).toBe(201);
    checkin = res.body;
    expect(checkin).toMatchObject({
      kind: 'party',
      status: 'pending',
      party: { dual: true, workplace: '临江区实验小学' },
    });
    expectProblem(await checkIn(residentA, demo.A.id, PARTY), 409, 'already_applied');
    const waiting = await queue(secretaryA, demo.A.id, '&status=pending');
    expect(waiting.status, waiting.text).toBe(200);
    expect(waiting.body.items.map((a) => a.id)).toContain(checkin.id);
  });

  it('only the community party organisation reviews: others get 404 and nothing changes', async () => {
    expectProblem(await queue(residentA, demo.A.id), 404, 'not_found');
    expectProblem(await queue(residentD, demo.A.id), 404, 'not_found');
    const D = await signIn(t, PHONES.secretaryD);
    expectProblem(await queue(D, demo.A.id), 404, 'not_found');
    for (const c of [residentA, neighbourA, D]) {
      const res = await refusedCleanly(t, () =>
        c.post(`/api/affiliations/${checkin.id}/decide`, { decision: 'approve', version: checkin.version }),
      );
      expectProblem(res, 404, 'not_found');
    }
  });

  it('someone who does not live in the community cannot check in there', async () => {
    expectProblem(await refusedCleanly(t, () => checkIn(residentD, demo.A.id, PARTY)), 404, 'not_found');
  });

  it('approval grants the party member role, notifies the member and is audited', async () => {
    expect(await roles(residentA)).not.toContain('party_member');
    const res = await secretaryA.post<Affiliation>(`/api/affiliations/${checkin.id}/decide`, {
      decision: 'approve',
      version: checkin.version,
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ status: 'approved', decidedByName: '孙丽' });
    expect(await roles(residentA)).toContain('party_member');
    const again = await secretaryA.post(`/api/affiliations/${checkin.id}/decide`, {
      decision: 'reject',
      reason: '重复处理',
      version: res.body.version,
    });
    expectProblem(again, 409, 'already_decided');
    await t.dispatch();
    const notes = await residentA.get<{ items: { kind: string; text: string }[] }>('/api/notifications');
    expect(notes.body.items.find((n) => n.kind === 'party.checkin_decided')?.text).toContain('党员报到已通过');
    const audit = (await auditSearch(admin, { resourceType: 'affiliation' })).filter(
      (e) => e.resourceId === checkin.id,
    );
    expect(audit.map((e) => [e.action, e.actorName])).toEqual([
      ['affiliation.party.approve', '孙丽'],
      ['affiliation.party.apply', '周敏'],
    ]);
  });

  it('a rejection needs a reason; the member may withdraw a pending check-in and file again', async () => {
    const first = (await checkIn(neighbourA, demo.A.id, PARTY)).body;
    const noReason = await secretaryA.post(`/api/affiliations/${first.id}/decide`, {
      decision: 'reject',
      version: first.version,
    });
    expectProblem(noReason, 422, 'validation_failed', '/reason');
    const withdrawn = await neighbourA.post<Affiliation>(`/api/affiliations/${first.id}/withdraw`, {
      version: first.version,
    });
    expect(withdrawn.body.status).toBe('withdrawn');
    expectProblem(
      await residentA.post(`/api/affiliations/${first.id}/withdraw`, { version: withdrawn.body.version }),
      404,
      'not_found',
    );
    t.clock.advance(1000);
    const second = await checkIn(neighbourA, demo.A.id, PARTY);
    expect(second.status, second.text).toBe(201);
    const mine = await neighbourA.get<{ items: Affiliation[] }>('/api/affiliations/mine');
    expect(mine.body.items.map((a) => a.status)).toEqual(['pending', 'withdrawn']);
  });
});

describe('党建园地: the party-building board', () => {
  let study: PostView;

  it('the party organisation publishes study materials; a member may not', async () => {
    study = await post(secretaryA, demo.A.id, {
      board: 'party',
      kind: 'study',
      title: '学习资料：基层党组织工作条例',
      body: '请各位党员认真学习。',
    });
    expect(study).toMatchObject({ board: 'party', kind: 'study', partyBadge: false });
    const res = await refusedCleanly(t, () =>
      neighbourA.post(`/api/communities/${demo.A.id}/posts`, { board: 'party', kind: 'news', title: 'x', body: 'y' }),
    );
    expectProblem(res, 403, 'party_organisation_only');
  });

  it('checked-in members discuss and show their badge (亮身份); others cannot claim one', async () => {
    const talk = await post(residentA, demo.A.id, {
      board: 'party',
      kind: 'discussion',
      title: '在职党员进社区：周末辅导功课',
      body: '有需要的家庭请留言。',
      showPartyBadge: true,
    });
    expect(talk.partyBadge).toBe(true);
    const body = { board: 'party', kind: 'discussion', title: '我也想参加', body: '……' };
    expectProblem(
      await refusedCleanly(t, () => neighbourA.post(`/api/communities/${demo.A.id}/posts`, body)),
      403,
      'not_a_party_member',
    );
    const badge = { board: 'local', kind: 'matter', title: '路灯', body: '坏了', showPartyBadge: true };
    expectProblem(
      await refusedCleanly(t, () => neighbourA.post(`/api/communities/${demo.A.id}/posts`, badge)),
      403,
      'not_a_party_member',
    );
    const local = await post(residentA, demo.A.id, { title: '楼道杂物', body: '我来清理', showPartyBadge: true });
    expect(local.partyBadge).toBe(true);
  });

  it('anyone in the community reads and comments; the badge shows on comments; other communities see nothing', async () => {
    const c1 = await neighbourA.post<PostView & { comments: { partyBadge: boolean }[] }>(
      `/api/board-posts/${study.id}/comments`,
      { body: '已学习' },
    );
    expect(c1.status, c1.text).toBe(201);
    t.clock.advance(1000);
    const c2 = await residentA.post<PostView & { comments: { partyBadge: boolean; body: string }[] }>(
      `/api/board-posts/${study.id}/comments`,
      { body: '学习心得：要把群众的事当自己的事。', showPartyBadge: true },
    );
    expect(c2.status, c2.text).toBe(201);
    expect(c2.body.comments.map((c) => c.partyBadge)).toEqual([false, true]);
    expectProblem(
      await refusedCleanly(t, () =>
        neighbourA.post(`/api/board-posts/${study.id}/comments`, { body: '冒充', showPartyBadge: true }),
      ),
      403,
      'not_a_party_member',
    );
    const list = await neighbourA.get<{ items: PostView[] }>(`/api/communities/${demo.A.id}/posts?board=party`);
    expect(list.body.items.map((p) => p.board)).toEqual(list.body.items.map(() => 'party'));
    expect(list.body.items.map((p) => p.id)).toContain(study.id);
    // The demo party organisation's news and study material are there too.
    expect(list.body.items.map((p) => p.kind)).toEqual(expect.arrayContaining(['discussion', 'study', 'news']));
    expectProblem(await residentD.get(`/api/board-posts/${study.id}`), 404, 'not_found');
    expectProblem(await residentD.get(`/api/communities/${demo.A.id}/posts?board=party`), 404, 'not_found');
  });

  it('hostile text in a check-in is stored as text, never markup', async () => {
    const [script] = HOSTILE;
    const c = await signIn(t, PHONES.committeeA);
    const res = await checkIn(c, demo.A.id, { ...PARTY, partyOrg: script, serviceOffer: HOSTILE[1] });
    expect(res.status, res.text).toBe(201);
    expect(res.body.party).toMatchObject({ partyOrg: script, serviceOffer: HOSTILE[1] });
    expect(String(res.headers['content-type'])).toMatch(/^application\/json/);
    const stored = await sql<{
      detail: { partyOrg: string };
    }>`SELECT detail FROM affiliation WHERE id = ${res.body.id}`.execute(t.database.db);
    expect(stored.rows[0]!.detail.partyOrg).toBe(script);
  });
});
