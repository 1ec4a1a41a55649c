import type { api } from '@linli/contracts';
import { sql } from 'kysely';
import type { Static } from 'typebox';
import { expect } from 'vitest';
import { emitEvent } from '../src/platform/outbox/outbox.ts';
import type { TestApp, TestClient } from '../src/testing/index.ts';
import { dbState, type WithDb } from './helpers.ts';

export type Detail = Static<typeof api.deliberation.ProposalDetail>;
export type Covenant = Static<typeof api.deliberation.CovenantView>;

const TABLES = [
  'delib_proposal',
  'delib_comment',
  'delib_meeting',
  'delib_project',
  'delib_milestone',
  'delib_progress',
  'delib_project_follow',
  'delib_evaluation',
  'delib_covenant',
  'delib_covenant_version',
  'delib_covenant_ack',
  'notification',
];

/** Row counts of the deliberation tables, version sums, plus everything helpers.dbState counts. */
export async function delibState(t: WithDb): Promise<Record<string, number>> {
  const out: Record<string, number> = await dbState(t);
  for (const table of TABLES) {
    const r = await sql<{ n: string }>`SELECT count(*)::text AS n FROM ${sql.table(table)}`.execute(t.database.db);
    out[table] = Number(r.rows[0]!.n);
  }
  for (const table of ['delib_proposal', 'delib_project', 'delib_covenant']) {
    const v = await sql<{ n: string }>`SELECT coalesce(sum(version), 0)::text AS n FROM ${sql.table(table)}`.execute(
      t.database.db,
    );
    out[`${table}_versions`] = Number(v.rows[0]!.n);
  }
  return out;
}

/** Runs requests that must be refused and checks no table changed. */
export async function refusedCleanly<T>(t: WithDb, fn: () => Promise<T>): Promise<T> {
  const before = await delibState(t);
  const out = await fn();
  expect(await delibState(t)).toEqual(before);
  return out;
}

export const LIFT = {
  title: '1号楼加装电梯',
  background: '1号楼共6层，老人多，上下楼困难。',
  question: '是否同意在1号楼1单元加装电梯？',
  options: ['同意', '不同意'],
};

/** A proposal by `c` in the community, scoped to one building (or the whole community). */
export async function propose(c: TestClient, communityId: string, over: Record<string, unknown> = {}): Promise<Detail> {
  const res = await c.post<Detail>(`/api/communities/${communityId}/proposals`, {
    ...LIFT,
    scopeKind: 'community',
    ...over,
  });
  expect(res.status, res.text).toBe(201);
  return res.body;
}

export async function screen(c: TestClient, p: Detail, body: Record<string, unknown> = { decision: 'approve' }) {
  const res = await c.post<Detail>(`/api/proposals/${p.id}/screen`, { version: p.version, ...body });
  expect(res.status, res.text).toBe(200);
  return res.body;
}

export async function detail(c: TestClient, id: string): Promise<Detail> {
  const res = await c.get<Detail>(`/api/proposals/${id}`);
  expect(res.status, res.text).toBe(200);
  return res.body;
}

/** What the votes module emits when a vote on the proposal opens and closes, delivered at once. */
export async function voteEvent(
  t: TestApp,
  topic: 'vote.opened' | 'vote.closed',
  p: { id: string; communityId: string },
  voteId: string,
  adopted?: boolean,
) {
  await emitEvent(t.database.db, t.clock.now(), {
    topic,
    payload: { voteId, communityId: p.communityId, proposalId: p.id, ...(adopted === undefined ? {} : { adopted }) },
    communityId: p.communityId,
  });
  await t.dispatch();
}

/** A proposal (by `proposer`) taken through screening and a vote to `adopted` by the committee member `c`. */
export async function adopted(
  t: TestApp,
  c: TestClient,
  communityId: string,
  over: Record<string, unknown> = {},
  proposer: TestClient = c,
) {
  const p = await screen(c, await propose(proposer, communityId, over));
  const voteId = crypto.randomUUID();
  await voteEvent(t, 'vote.opened', p, voteId);
  await voteEvent(t, 'vote.closed', p, voteId, true);
  return detail(c, p.id);
}

/**
 * For the isolation matrix: an adopted proposal of community A (by its resident, with a photo) with a
 * comment, a project with a milestone and a covenant.
 */
export async function deliberationOfA(t: TestApp, i: { A: string; attachmentA: string }) {
  const resident = await t.as('13800000005');
  const secretary = await t.as('13800000003');
  const p = await propose(resident, i.A, { attachments: [i.attachmentA] });
  await screen(secretary, p);
  const c = await resident.post<Detail>(`/api/proposals/${p.id}/comments`, { stance: 'for', body: '银杏社区议题评论' });
  expect(c.status, c.text).toBe(201);
  const voteId = crypto.randomUUID();
  await voteEvent(t, 'vote.opened', p, voteId);
  await voteEvent(t, 'vote.closed', p, voteId, true);
  const project = await secretary.post<Detail>(`/api/proposals/${p.id}/project`, {
    title: '银杏社区项目',
    owner: '孙丽',
    plan: '银杏社区计划',
    budgetFen: 100,
    milestones: [{ title: '银杏社区节点' }],
  });
  expect(project.status, project.text).toBe(201);
  const covenant = await secretary.post<Covenant>(`/api/proposals/${p.id}/covenant`, {
    title: '银杏社区公约',
    body: '银杏社区公约正文',
  });
  expect(covenant.status, covenant.text).toBe(201);
  return {
    proposalA: p.id,
    delibCommentA: c.body.comments[0]!.id,
    projectA: project.body.project!.id,
    milestoneA: project.body.project!.milestones[0]!.id,
    covenantA: covenant.body.id,
  };
}
