/** 提出议题 propose and 把关筛选 screen; listings, the screening queue and supervision. */
import type { api } from '@linli/contracts';
import type { Static } from 'typebox';
import { listingScope } from '../../platform/access/scope.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError, conflict, notFound } from '../../platform/http/errors.ts';
import { assertAttachable, readAttachment } from '../attachments/service.ts';
import { labelOf } from '../boards/labels.ts';
import { invalid, plainText } from '../notices/text.ts';
import { notify } from '../notifications/service.ts';
import * as org from '../org/service.ts';
import { type Community, manages, readableCommunity, screens, visibleProposal } from './access.ts';
import { detailOf } from './detail.ts';
import { insertNewProposal } from './new-proposal.ts';
import { type Decision, STAGE_OF } from './policy.ts';
import * as projects from './project-repository.ts';
import * as repo from './repository.ts';
import { toSummary } from './views.ts';

type CreateBody = Static<typeof api.deliberation.createProposal.body>;

/** The buildings a proposal concerns: nodes of type building inside the community (422 per bad id otherwise). */
async function scopeOf(ctx: Ctx, community: Community, kind: string, ids: readonly string[]) {
  if (kind === 'community') {
    if (ids.length) throw invalid('/scopeNodeIds', 'must_be_empty');
    return { ids: [] as string[], labels: [community.name] };
  }
  if (ids.length === 0 || (kind === 'building' && ids.length !== 1)) throw invalid('/scopeNodeIds', 'count');
  const unique = [...new Set(ids)];
  const nodes = new Map((await org.getNodes(ctx.tx, unique)).map((n) => [n.id, n]));
  const errors = unique.flatMap((id, i) => {
    const n = nodes.get(id);
    return n && n.type === 'building' && n.path.startsWith(community.path)
      ? []
      : [{ path: `/scopeNodeIds/${i}`, code: 'not_found' }];
  });
  if (errors.length) throw new AppError(422, 'validation_failed', {}, errors);
  return { ids: unique, labels: unique.map((id) => nodes.get(id)!.name) };
}

export async function create(ctx: Ctx, communityId: string, b: CreateBody) {
  const community = await readableCommunity(ctx, communityId);
  if (!ctx.can('deliberation.propose', community.path)) throw new AppError(403, 'not_a_resident');
  const title = plainText(b.title, '/title');
  const background = plainText(b.background, '/background');
  const question = plainText(b.question, '/question');
  const options = (b.options ?? []).map((o, i) => plainText(o, `/options/${i}`));
  if (new Set(options).size !== options.length) throw invalid('/options', 'duplicate');
  const scope = await scopeOf(ctx, community, b.scopeKind, b.scopeNodeIds ?? []);
  const attachments = [...new Set(b.attachments ?? [])];
  if (attachments.length)
    await assertAttachable(ctx.tx, attachments, { userId: ctx.user!.id, now: ctx.now }, '/attachments');
  const id = await insertNewProposal(ctx, community, {
    title,
    background,
    question,
    options,
    attachments,
    scopeKind: b.scopeKind,
    scopeNodeIds: scope.ids,
    scopeLabels: scope.labels,
    proposerId: ctx.user!.id,
    proposerLabel: await labelOf(ctx, community),
    byCommittee: manages(ctx, community),
  });
  return detailOf(ctx, id, community);
}

export async function list(ctx: Ctx, communityId: string, stage: string | undefined) {
  const community = await readableCommunity(ctx, communityId);
  const me = ctx.user!.id;
  const everything = screens(ctx, community) || ctx.can('deliberation.observe', community.path);
  const rows = await repo.proposalsOf(ctx.tx, community.id, { stage, waitingFor: everything ? null : me, limit: 200 });
  return { items: rows.map((r) => toSummary(r, me)) };
}

export async function detail(ctx: Ctx, id: string) {
  const { community } = await visibleProposal(ctx, id);
  return detailOf(ctx, id, community);
}

type ScreenBody = Static<typeof api.deliberation.screenProposal.body>;

export async function screen(ctx: Ctx, id: string, b: ScreenBody) {
  const { proposal, community } = await visibleProposal(ctx, id);
  if (!screens(ctx, community)) throw new AppError(403, 'not_committee');
  if (proposal.stage !== 'submitted') throw conflict('proposal_stage');
  const decision = b.decision as Decision;
  const reason = b.reason !== undefined ? plainText(b.reason, '/reason') : null;
  if (decision !== 'approve' && !reason) throw invalid('/reason', 'required');
  let mergeInto: string | null = null;
  if (decision === 'merge') {
    if (!b.mergeInto) throw invalid('/mergeInto', 'required');
    const target = await repo.proposalInCommunity(ctx.tx, community.id, b.mergeInto);
    if (!target || target.id === id || ['submitted', 'rejected', 'merged'].includes(target.stage))
      throw invalid('/mergeInto', 'not_found');
    mergeInto = target.id;
  }
  const by = await labelOf(ctx, community);
  const ok = await repo.updateProposal(ctx.tx, proposal, b.version, {
    stage: STAGE_OF[decision],
    screen_reason: reason,
    screened_at: ctx.now,
    screened_by: by,
    merged_into: mergeInto,
    updated_at: ctx.now,
  });
  if (!ok) throw conflict('version_conflict');
  await ctx.audit({
    action: 'deliberation.screen',
    resourceType: 'delib_proposal',
    resourceId: id,
    nodeId: community.id,
    nodePath: community.path,
    detail: { decision, reason, mergeInto },
  });
  await ctx.emit({
    topic: 'deliberation.screened',
    payload: { id, communityId: community.id, decision, mergeInto },
    communityId: community.id,
  });
  await notify(ctx.tx, ctx.now, {
    userIds: [proposal.proposer_id].filter((u) => u !== ctx.user!.id),
    kind: 'deliberation.screened',
    params: { title: proposal.title, decision, ...(reason ? { reason } : {}) },
    link: `/proposals/${id}`,
    communityId: community.id,
  });
  return detailOf(ctx, id, community);
}

/** Proposals waiting for the committee in the caller's communities, oldest first. */
export async function queue(ctx: Ctx, nodeId: string | undefined) {
  const within = nodeId ? await org.getNode(ctx.tx, nodeId) : null;
  if (nodeId && !within) throw notFound();
  const rows = await repo.waitingIn(ctx.tx, listingScope(ctx.actor, 'deliberation.screen', within));
  return { items: rows.map((r) => toSummary(r, ctx.user!.id)) };
}

const SUPERVISION_LIMIT = 500;

/** Every proposal in the caller's subtree with its chain (street, district, observers; the committee too). */
export async function supervision(ctx: Ctx, nodeId: string | undefined, stage: string | undefined) {
  const within = nodeId ? await org.getNode(ctx.tx, nodeId) : null;
  if (nodeId && !within) throw notFound();
  const scopes = listingScope(ctx.actor, 'deliberation.observe', within);
  const rows = await repo.proposalsIn(ctx.tx, scopes, stage, SUPERVISION_LIMIT + 1);
  return {
    items: rows.slice(0, SUPERVISION_LIMIT).map((r) => toSummary(r, ctx.user!.id)),
    truncated: rows.length > SUPERVISION_LIMIT,
  };
}

/** A photo of the proposal, one of its meetings or its project's progress updates. */
export async function file(ctx: Ctx, id: string, attachmentId: string) {
  const { proposal, community } = await visibleProposal(ctx, id);
  const [meetings, project] = await Promise.all([
    repo.meetingsOf(ctx.tx, community.id, id),
    projects.projectOfProposal(ctx.tx, community.id, id),
  ]);
  const progress = project ? await projects.progressOf(ctx.tx, community.id, project.id) : [];
  const known = [...proposal.attachments, ...meetings.flatMap((m) => m.photos), ...progress.flatMap((g) => g.photos)];
  if (!known.includes(attachmentId)) throw notFound();
  const f = await readAttachment(ctx, ctx.tx, attachmentId);
  if (!f) throw notFound();
  ctx.reply.type(f.mime);
  ctx.reply.header('x-content-type-options', 'nosniff');
  return f.bytes;
}

export async function buildings(ctx: Ctx, communityId: string) {
  const community = await readableCommunity(ctx, communityId);
  return { items: await repo.buildingsIn(ctx.tx, community.path) };
}
