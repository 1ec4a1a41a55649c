import { randomUUID } from 'node:crypto';
import type { Ctx } from '../../platform/context.ts';
import { AppError, conflict, notFound } from '../../platform/http/errors.ts';
import { plainText } from '../notices/text.ts';
import { isPartyMember, moderates, speaks, visiblePost } from './access.ts';
import { labelOf } from './labels.ts';
import { detailOf } from './posts.ts';
import * as repo from './repository.ts';
import { matcherFor } from './words.ts';

/** A comment; a moderator's is the committee's official reply (and answers a 身边事 post). */
export async function comment(ctx: Ctx, id: string, text: string, showPartyBadge = false) {
  const { post, community } = await visiblePost(ctx, id);
  const official = moderates(ctx, community);
  if (!speaks(ctx, community, post.board) && !official) throw new AppError(403, 'not_a_member');
  if (showPartyBadge && !isPartyMember(ctx, community)) throw new AppError(403, 'not_a_party_member');
  if (post.status !== 'visible') throw conflict('post_not_visible');
  const body = plainText(text, '/body');
  const held = official ? [] : (await matcherFor(ctx.tx, community.path)).find(body);
  const commentId = randomUUID();
  await repo.insertComment(ctx.tx, {
    community_id: post.community_id,
    post_id: post.id,
    id: commentId,
    author_id: ctx.user!.id,
    author_label: await labelOf(ctx, community),
    official,
    party_badge: showPartyBadge,
    body,
    status: held.length ? 'held' : 'visible',
    held_words: held,
    created_at: ctx.now,
  });
  if (!held.length) await repo.bump(ctx.tx, post, 'comment_count', 1);
  if (official && post.board === 'local' && post.stage === 'open')
    await repo.updatePost(ctx.tx, post, post.version, { stage: 'replied', updated_at: ctx.now });
  await ctx.audit({
    action: official ? 'board.reply' : 'board.comment',
    resourceType: 'board_post',
    resourceId: post.id,
    nodeId: community.id,
    nodePath: community.path,
    detail: { commentId, held },
  });
  if (!held.length)
    await ctx.emit({
      topic: 'board.commented',
      payload: { postId: post.id, commenterId: ctx.user!.id, official, communityId: community.id },
      communityId: community.id,
    });
  if (official)
    await ctx.emit({
      topic: 'board.replied',
      payload: { postId: post.id, authorId: post.author_id, communityId: community.id },
      communityId: community.id,
    });
  return detailOf(ctx, (await repo.postById(ctx.tx, post.id))!, community);
}

export async function like(ctx: Ctx, id: string, on: boolean) {
  const { post } = await visiblePost(ctx, id);
  if (post.status !== 'visible') throw conflict('post_not_visible');
  const changed = await repo.setLike(ctx.tx, post.community_id, post.id, ctx.user!.id, on, ctx.now);
  const count = changed ? (await repo.bump(ctx.tx, post, 'like_count', on ? 1 : -1)).like_count : post.like_count;
  return { liked: on, likeCount: count };
}

/** A resident reports a post once; it joins the moderation queue. */
export async function report(ctx: Ctx, id: string, reason: string) {
  const { post, community } = await visiblePost(ctx, id);
  if (post.author_id === ctx.user!.id)
    throw new AppError(422, 'validation_failed', {}, [{ path: '', code: 'own_post' }]);
  const why = plainText(reason, '/reason');
  const added = await repo.insertReport(ctx.tx, {
    community_id: post.community_id,
    post_id: post.id,
    user_id: ctx.user!.id,
    reason: why,
    created_at: ctx.now,
  });
  if (added) {
    await repo.bump(ctx.tx, post, 'report_count', 1);
    await ctx.audit({
      action: 'board.report',
      resourceType: 'board_post',
      resourceId: post.id,
      nodeId: community.id,
      nodePath: community.path,
      detail: { reason: why },
    });
  }
  return { ok: true as const };
}

/** Hide, or restore (a hidden post, or a held one after review); the reason is shown to the author and audited. */
export async function moderatePost(ctx: Ctx, id: string, action: 'hide' | 'restore', reason: string) {
  const { post, community } = await visiblePost(ctx, id);
  ctx.authorize('board.moderate', community.path);
  const why = plainText(reason, '/reason');
  const status = action === 'hide' ? 'hidden' : 'visible';
  if (post.status === status) throw conflict('already_done');
  const ok = await repo.updatePost(ctx.tx, post, post.version, {
    status,
    moderation_reason: why,
    ...(action === 'restore' ? { report_count: 0 } : {}),
    updated_at: ctx.now,
  });
  if (!ok) throw conflict('version_conflict');
  await ctx.audit({
    action: `board.${action}`,
    resourceType: 'board_post',
    resourceId: post.id,
    nodeId: community.id,
    nodePath: community.path,
    detail: { reason: why, from: post.status, heldWords: post.held_words },
  });
  return detailOf(ctx, (await repo.postById(ctx.tx, post.id))!, community);
}

export async function moderateComment(
  ctx: Ctx,
  id: string,
  commentId: string,
  action: 'hide' | 'restore',
  reason: string,
) {
  const { post, community } = await visiblePost(ctx, id);
  ctx.authorize('board.moderate', community.path);
  const why = plainText(reason, '/reason');
  const c = (await repo.commentsOf(ctx.tx, post.community_id, post.id)).find((x) => x.id === commentId);
  if (!c) throw notFound();
  const status = action === 'hide' ? 'hidden' : 'visible';
  if (c.status === status) throw conflict('already_done');
  await repo.setCommentStatus(ctx.tx, post.community_id, post.id, commentId, status);
  const wasShown = c.status === 'visible';
  if (wasShown !== (status === 'visible')) await repo.bump(ctx.tx, post, 'comment_count', wasShown ? -1 : 1);
  await ctx.audit({
    action: `board.comment.${action}`,
    resourceType: 'board_post',
    resourceId: post.id,
    nodeId: community.id,
    nodePath: community.path,
    detail: { commentId, reason: why, from: c.status },
  });
  return detailOf(ctx, (await repo.postById(ctx.tx, post.id))!, community);
}

export async function follow(ctx: Ctx, id: string, on: boolean) {
  const { post } = await visiblePost(ctx, id);
  await repo.setFollow(ctx.tx, post.community_id, post.id, ctx.user!.id, on, ctx.now);
  return { following: on };
}
