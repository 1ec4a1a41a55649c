/** 形成项目 project, 推动实施 delivery and 效果评估 evaluation. */
import { randomUUID } from 'node:crypto';
import type { api } from '@linli/contracts';
import type { Static } from 'typebox';
import type { Ctx } from '../../platform/context.ts';
import { AppError, conflict, notFound } from '../../platform/http/errors.ts';
import { assertAttachable } from '../attachments/service.ts';
import { labelOf } from '../boards/labels.ts';
import { invalid, plainText } from '../notices/text.ts';
import { notify } from '../notifications/service.ts';
import { assertManages, assertMember, livesInScope, readableCommunity, visibleProposal } from './access.ts';
import { detailOf } from './detail.ts';
import { statusMayMove } from './policy.ts';
import * as repo from './project-repository.ts';

async function visibleProject(ctx: Ctx, id: string) {
  const project = await repo.projectById(ctx.tx, id);
  if (!project) throw notFound();
  const { proposal, community } = await visibleProposal(ctx, project.proposal_id);
  return { project, proposal, community };
}

type CreateBody = Static<typeof api.deliberation.createProject.body>;

export async function create(ctx: Ctx, proposalId: string, b: CreateBody) {
  const { proposal, community } = await visibleProposal(ctx, proposalId);
  assertManages(ctx, community);
  if (proposal.stage !== 'adopted') throw conflict('proposal_stage');
  if (await repo.projectOfProposal(ctx.tx, community.id, proposalId)) throw conflict('already_done');
  const title = plainText(b.title, '/title');
  const owner = plainText(b.owner, '/owner');
  const plan = plainText(b.plan, '/plan');
  const milestones = b.milestones.map((m, i) => ({
    title: plainText(m.title, `/milestones/${i}/title`),
    dueOn: m.dueOn,
  }));
  const id = randomUUID();
  await repo.insertProject(ctx.tx, {
    community_id: community.id,
    id,
    proposal_id: proposalId,
    title,
    owner,
    plan,
    budget_fen: b.budgetFen,
    status: 'planned',
    started_at: null,
    completed_at: null,
    created_at: ctx.now,
    updated_at: ctx.now,
  });
  await repo.insertMilestones(
    ctx.tx,
    milestones.map((m, i) => ({
      community_id: community.id,
      project_id: id,
      id: randomUUID(),
      position: i,
      title: m.title,
      due_on: m.dueOn ?? null,
      done_at: null,
    })),
  );
  // The proposer follows the project their question became.
  await repo.setFollow(ctx.tx, community.id, id, proposal.proposer_id, true, ctx.now);
  await ctx.audit({
    action: 'deliberation.project',
    resourceType: 'delib_project',
    resourceId: id,
    nodeId: community.id,
    nodePath: community.path,
    detail: { proposalId, title, owner, budgetFen: b.budgetFen, milestones: milestones.length },
  });
  await ctx.emit({
    topic: 'deliberation.project_created',
    payload: { id, proposalId, communityId: community.id },
    communityId: community.id,
  });
  return detailOf(ctx, proposalId, community);
}

type UpdateBody = Static<typeof api.deliberation.updateProject.body>;

export async function update(ctx: Ctx, id: string, b: UpdateBody) {
  const { project, community } = await visibleProject(ctx, id);
  assertManages(ctx, community);
  const status = b.status ?? project.status;
  if (!statusMayMove(project.status, status)) throw invalid('/status', 'backwards');
  const ok = await repo.updateProject(ctx.tx, project, b.version, {
    ...(b.owner !== undefined ? { owner: plainText(b.owner, '/owner') } : {}),
    ...(b.plan !== undefined ? { plan: plainText(b.plan, '/plan') } : {}),
    ...(b.budgetFen !== undefined ? { budget_fen: b.budgetFen } : {}),
    status,
    ...(status !== 'planned' && !project.started_at ? { started_at: ctx.now } : {}),
    ...(status === 'completed' && !project.completed_at ? { completed_at: ctx.now } : {}),
    updated_at: ctx.now,
  });
  if (!ok) throw conflict('version_conflict');
  await ctx.audit({
    action: 'deliberation.project_update',
    resourceType: 'delib_project',
    resourceId: id,
    nodeId: community.id,
    nodePath: community.path,
    detail: { from: project.status, to: status, owner: b.owner, budgetFen: b.budgetFen },
  });
  if (status !== project.status)
    await ctx.emit({
      topic: 'deliberation.project_status',
      payload: { id, proposalId: project.proposal_id, communityId: community.id, status },
      communityId: community.id,
    });
  return detailOf(ctx, project.proposal_id, community);
}

export async function milestoneDone(ctx: Ctx, id: string, milestoneId: string) {
  const { project, community } = await visibleProject(ctx, id);
  assertManages(ctx, community);
  if (!(await repo.completeMilestone(ctx.tx, community.id, id, milestoneId, ctx.now))) {
    const known = (await repo.milestonesOf(ctx.tx, community.id, id)).some((m) => m.id === milestoneId);
    throw known ? conflict('already_done') : notFound();
  }
  await ctx.audit({
    action: 'deliberation.milestone',
    resourceType: 'delib_project',
    resourceId: id,
    nodeId: community.id,
    nodePath: community.path,
    detail: { milestoneId },
  });
  return detailOf(ctx, project.proposal_id, community);
}

type ProgressBody = Static<typeof api.deliberation.addProgress.body>;

export async function progress(ctx: Ctx, id: string, b: ProgressBody) {
  const { project, community } = await visibleProject(ctx, id);
  assertManages(ctx, community);
  if (project.status === 'completed') throw conflict('project_completed');
  const body = plainText(b.body, '/body');
  const photos = [...new Set(b.photos ?? [])];
  if (photos.length) await assertAttachable(ctx.tx, photos, { userId: ctx.user!.id, now: ctx.now }, '/photos');
  const pid = randomUUID();
  await repo.insertProgress(ctx.tx, {
    community_id: community.id,
    project_id: id,
    id: pid,
    body,
    photos,
    author_label: await labelOf(ctx, community),
    created_at: ctx.now,
  });
  await ctx.audit({
    action: 'deliberation.progress',
    resourceType: 'delib_project',
    resourceId: id,
    nodeId: community.id,
    nodePath: community.path,
    detail: { progressId: pid, photos: photos.length },
  });
  await ctx.emit({
    topic: 'deliberation.progress',
    payload: { id, progressId: pid, proposalId: project.proposal_id, communityId: community.id },
    communityId: community.id,
  });
  await notify(ctx.tx, ctx.now, {
    userIds: (await repo.followers(ctx.tx, community.id, id)).filter((u) => u !== ctx.user!.id),
    kind: 'deliberation.progress',
    params: { title: project.title },
    link: `/proposals/${project.proposal_id}`,
    communityId: community.id,
  });
  return detailOf(ctx, project.proposal_id, community);
}

export async function follow(ctx: Ctx, id: string, following: boolean) {
  const { project, community } = await visibleProject(ctx, id);
  assertMember(ctx, community);
  await repo.setFollow(ctx.tx, community.id, id, ctx.user!.id, following, ctx.now);
  await ctx.audit({
    action: following ? 'deliberation.follow' : 'deliberation.unfollow',
    resourceType: 'delib_project',
    resourceId: id,
    nodeId: community.id,
    nodePath: community.path,
  });
  return detailOf(ctx, project.proposal_id, community);
}

type EvaluateBody = Static<typeof api.deliberation.evaluateProject.body>;

/** The survey of a completed project: residents of the proposal's scope, one answer each. */
export async function evaluate(ctx: Ctx, id: string, b: EvaluateBody) {
  const { project, proposal, community } = await visibleProject(ctx, id);
  if (!(await livesInScope(ctx, community, proposal))) throw new AppError(403, 'not_in_scope');
  if (project.status !== 'completed') throw conflict('project_not_completed');
  const comment = b.comment?.trim() ? plainText(b.comment, '/comment') : '';
  const inserted = await repo.insertEvaluation(ctx.tx, {
    community_id: community.id,
    project_id: id,
    user_id: ctx.user!.id,
    rating: b.rating,
    comment,
    created_at: ctx.now,
  });
  if (!inserted) throw conflict('already_evaluated');
  await ctx.audit({
    action: 'deliberation.evaluate',
    resourceType: 'delib_project',
    resourceId: id,
    nodeId: community.id,
    nodePath: community.path,
    detail: { rating: b.rating },
  });
  await ctx.emit({
    topic: 'deliberation.evaluated',
    payload: { id, proposalId: project.proposal_id, communityId: community.id, rating: b.rating },
    communityId: community.id,
  });
  return detailOf(ctx, project.proposal_id, community);
}

export async function list(ctx: Ctx, communityId: string) {
  const community = await readableCommunity(ctx, communityId);
  const rows = await repo.projectsOf(ctx.tx, community.id);
  return {
    items: rows.map((r) => ({
      id: r.id,
      proposalId: r.proposal_id,
      proposalTitle: r.proposal_title,
      title: r.title,
      owner: r.owner,
      budgetFen: Number(r.budget_fen),
      status: r.status as 'planned' | 'in_progress' | 'completed',
      milestonesDone: r.done,
      milestonesTotal: r.total,
      createdAt: new Date(r.created_at).toISOString(),
      completedAt: r.completed_at ? new Date(r.completed_at).toISOString() : null,
      ratingAverage: r.rating_avg === null ? null : Math.round(Number(r.rating_avg) * 10) / 10,
      ratingCount: r.rating_count,
    })),
  };
}
