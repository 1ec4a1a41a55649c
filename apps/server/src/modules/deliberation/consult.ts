/** 开展协商 consult: threaded discussion with stances, moderation, offline meetings, the committee's summary. */
import { randomUUID } from 'node:crypto';
import type { api } from '@linli/contracts';
import type { Static } from 'typebox';
import type { Ctx } from '../../platform/context.ts';
import { AppError, conflict, notFound } from '../../platform/http/errors.ts';
import { assertAttachable } from '../attachments/service.ts';
import { labelOf } from '../boards/labels.ts';
import { excerptOf, invalid, plainText } from '../notices/text.ts';
import { assertManages, isMember, manages, visibleProposal } from './access.ts';
import { detailOf } from './detail.ts';
import { OPEN_FOR_COMMENTS, VOTABLE } from './policy.ts';
import * as repo from './repository.ts';

type CommentBody = Static<typeof api.deliberation.commentProposal.body>;

export async function comment(ctx: Ctx, id: string, b: CommentBody) {
  const { proposal, community } = await visibleProposal(ctx, id);
  const mod = manages(ctx, community);
  if (!isMember(ctx, community) && !mod) throw new AppError(403, 'not_a_member');
  if (!OPEN_FOR_COMMENTS.includes(proposal.stage)) throw conflict('discussion_closed');
  const body = plainText(b.body, '/body');
  // A reply or quote names a visible comment of the same proposal.
  const ref = async (cid: string | undefined, path: string) => {
    if (!cid) return null;
    const c = await repo.commentById(ctx.tx, community.id, id, cid);
    if (c?.status !== 'visible') throw invalid(path, 'not_found');
    return c;
  };
  const parent = await ref(b.parentId, '/parentId');
  const quoted = await ref(b.quoteId, '/quoteId');
  const cid = randomUUID();
  await repo.insertComment(ctx.tx, {
    community_id: community.id,
    proposal_id: id,
    id: cid,
    // Threads are one level deep: a reply to a reply joins its thread.
    parent_id: parent ? (parent.parent_id ?? parent.id) : null,
    quote_id: quoted?.id ?? null,
    quote_text: quoted ? `${quoted.author_label}：${excerptOf(quoted.body, 120)}` : null,
    stance: b.stance,
    body,
    author_id: ctx.user!.id,
    author_label: await labelOf(ctx, community),
    official: mod,
    status: 'visible',
    hidden_reason: null,
    created_at: ctx.now,
  });
  await repo.bumpComments(ctx.tx, proposal);
  await ctx.audit({
    action: 'deliberation.comment',
    resourceType: 'delib_comment',
    resourceId: cid,
    nodeId: community.id,
    nodePath: community.path,
    detail: { proposalId: id, stance: b.stance, parentId: parent?.id ?? null, quoteId: quoted?.id ?? null },
  });
  await ctx.emit({
    topic: 'deliberation.commented',
    payload: { id, commentId: cid, communityId: community.id, stance: b.stance },
    communityId: community.id,
  });
  return detailOf(ctx, id, community);
}

export async function hide(ctx: Ctx, id: string, commentId: string, reason: string) {
  const { community } = await visibleProposal(ctx, id);
  assertManages(ctx, community);
  const c = await repo.commentById(ctx.tx, community.id, id, commentId);
  if (!c) throw notFound();
  if (c.status === 'hidden') throw conflict('already_done');
  const why = plainText(reason, '/reason');
  await repo.hideComment(ctx.tx, c, why);
  await ctx.audit({
    action: 'deliberation.hide_comment',
    resourceType: 'delib_comment',
    resourceId: commentId,
    nodeId: community.id,
    nodePath: community.path,
    detail: { proposalId: id, reason: why, body: c.body },
  });
  await ctx.emit({
    topic: 'deliberation.comment_hidden',
    payload: { id, commentId, communityId: community.id },
    communityId: community.id,
  });
  return detailOf(ctx, id, community);
}

type MeetingBody = Static<typeof api.deliberation.addMeeting.body>;

export async function meeting(ctx: Ctx, id: string, b: MeetingBody) {
  const { proposal, community } = await visibleProposal(ctx, id);
  assertManages(ctx, community);
  if (!['consulting', 'summarised', 'voting'].includes(proposal.stage)) throw conflict('proposal_stage');
  if (new Date(`${b.heldOn}T00:00:00+08:00`).getTime() > ctx.now.getTime()) throw invalid('/heldOn', 'in_future');
  const attendees = plainText(b.attendees, '/attendees');
  const minutes = plainText(b.minutes, '/minutes');
  const photos = [...new Set(b.photos ?? [])];
  if (photos.length) await assertAttachable(ctx.tx, photos, { userId: ctx.user!.id, now: ctx.now }, '/photos');
  const mid = randomUUID();
  await repo.insertMeeting(ctx.tx, {
    community_id: community.id,
    proposal_id: id,
    id: mid,
    held_on: b.heldOn,
    attendees,
    minutes,
    photos,
    author_label: await labelOf(ctx, community),
    created_at: ctx.now,
  });
  await ctx.audit({
    action: 'deliberation.meeting',
    resourceType: 'delib_meeting',
    resourceId: mid,
    nodeId: community.id,
    nodePath: community.path,
    detail: { proposalId: id, heldOn: b.heldOn, photos: photos.length },
  });
  await ctx.emit({
    topic: 'deliberation.meeting',
    payload: { id, meetingId: mid, communityId: community.id },
    communityId: community.id,
  });
  return detailOf(ctx, id, community);
}

type SummaryBody = Static<typeof api.deliberation.summariseProposal.body>;

/** The summary of arguments before the vote; `close` ends the discussion (stage summarised). */
export async function summarise(ctx: Ctx, id: string, b: SummaryBody) {
  const { proposal, community } = await visibleProposal(ctx, id);
  assertManages(ctx, community);
  if (!VOTABLE.includes(proposal.stage)) throw conflict('proposal_stage');
  const summary = plainText(b.summary, '/summary');
  const stage = b.close ? 'summarised' : proposal.stage;
  const ok = await repo.updateProposal(ctx.tx, proposal, b.version, {
    summary,
    stage,
    summarised_at: ctx.now,
    updated_at: ctx.now,
  });
  if (!ok) throw conflict('version_conflict');
  await ctx.audit({
    action: b.close ? 'deliberation.close' : 'deliberation.summarise',
    resourceType: 'delib_proposal',
    resourceId: id,
    nodeId: community.id,
    nodePath: community.path,
    detail: { from: proposal.stage, to: stage },
  });
  await ctx.emit({
    topic: 'deliberation.summarised',
    payload: { id, communityId: community.id, closed: b.close },
    communityId: community.id,
  });
  return detailOf(ctx, id, community);
}
