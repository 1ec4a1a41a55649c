import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../src/testing/index.ts';
import { type PostView, post, refusedCleanly } from './board-helpers.ts';
import { auditSearch, type Demo, expectProblem, loadDemo, PHONES, signIn } from './helpers.ts';

type Proposal = {
  id: string;
  title: string;
  background: string;
  question: string;
  stage: string;
  proposerLabel: string;
};

let t: TestApp;
let demo: Demo;
let admin: TestClient;
let secretaryA: TestClient;
let residentA: TestClient;
let secretaryD: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t, PHONES.admin);
  demo = await loadDemo(t, admin);
  secretaryA = await signIn(t, PHONES.secretaryA);
  residentA = await signIn(t, PHONES.residentA);
  secretaryD = await signIn(t, PHONES.secretaryD);
});
afterAll(() => t.close());

describe('身边事 → 议题: a post raised as a deliberation proposal', () => {
  it('the committee raises it in the author’s name; post and proposal link each other; screening follows', async () => {
    const p = await post(residentA, demo.A.id, {
      kind: 'suggestion',
      title: '3号楼加装电梯',
      body: '3号楼老人多,上下楼困难,大家商量一下能不能加装电梯。',
    });
    expect(p.abilities).toMatchObject({ propose: false });
    const seen = await secretaryA.get<PostView & { abilities: { propose: boolean } }>(`/api/board-posts/${p.id}`);
    expect(seen.body.abilities.propose).toBe(true);
    const body = { version: p.version, question: '3号楼是否加装电梯?' };
    for (const [c, status] of [
      [residentA, 403],
      [secretaryD, 404],
    ] as const) {
      const res = await refusedCleanly(t, () => c.post(`/api/board-posts/${p.id}/propose`, body));
      expect(res.status, res.text).toBe(status);
    }
    const res = await secretaryA.post<PostView & { proposalId: string }>(`/api/board-posts/${p.id}/propose`, body);
    expect(res.status, res.text).toBe(200);
    const proposalId = res.body.proposalId;
    expect(proposalId).toEqual(expect.any(String));
    const proposal = await secretaryA.get<Proposal>(`/api/proposals/${proposalId}`);
    expect(proposal.status, proposal.text).toBe(200);
    expect(proposal.body).toMatchObject({
      title: '3号楼加装电梯',
      question: '3号楼是否加装电梯?',
      stage: 'submitted',
      proposerLabel: p.authorLabel,
    });
    // The author follows their proposal like their own.
    expect((await residentA.get(`/api/proposals/${proposalId}`)).status).toBe(200);
    expectProblem(
      await refusedCleanly(t, () =>
        secretaryA.post(`/api/board-posts/${p.id}/propose`, { ...body, version: res.body.version }),
      ),
      409,
      'already_proposed',
    );
    const audit = await auditSearch(admin, { action: 'board.propose' });
    expect(audit.find((e) => e.resourceId === p.id)?.detail).toMatchObject({ proposalId });
  });

  it('only 身边事 posts, and not with an empty question', async () => {
    const give = await post(residentA, demo.A.id, { board: 'giveaway', kind: 'give', title: '送书柜', body: '自提' });
    expectProblem(
      await refusedCleanly(t, () =>
        secretaryA.post(`/api/board-posts/${give.id}/propose`, { version: 1, question: '?' }),
      ),
      409,
      'not_proposable',
    );
    const local = await post(residentA, demo.A.id, { title: '停车难', body: '晚上车位不够' });
    const res = await refusedCleanly(t, () =>
      secretaryA.post(`/api/board-posts/${local.id}/propose`, { version: 1, question: '   ' }),
    );
    expectProblem(res, 422, 'validation_failed', '/question');
  });
});
