/**
 * 身边事 → 议题: the committee raises a resident's post as a deliberation proposal through the deliberation
 * module's service (the author is the proposer, the photos come along). The post keeps the proposal's id.
 */
import type { Ctx } from '../../platform/context.ts';
import { conflict } from '../../platform/http/errors.ts';
import { proposeFromPost } from '../deliberation/from-post.ts';
import { visiblePost } from './access.ts';
import { detailOf } from './posts.ts';
import * as repo from './repository.ts';

export async function propose(ctx: Ctx, id: string, b: { version: number; question: string }) {
  const { post, community } = await visiblePost(ctx, id);
  ctx.authorize('board.moderate', community.path);
  ctx.authorize('deliberation.screen', community.path);
  if (post.board !== 'local') throw conflict('not_proposable');
  if (post.status !== 'visible') throw conflict('post_not_visible');
  if (post.proposal_id) throw conflict('already_proposed');
  if (post.version !== b.version) throw conflict('version_conflict');
  const proposalId = await proposeFromPost(ctx, community, {
    postId: post.id,
    title: post.title,
    body: post.body,
    attachments: post.attachments,
    authorId: post.author_id,
    authorLabel: post.author_label,
    question: b.question,
  });
  if (!(await repo.updatePost(ctx.tx, post, b.version, { proposal_id: proposalId, updated_at: ctx.now })))
    throw conflict('version_conflict');
  await ctx.audit({
    action: 'board.propose',
    resourceType: 'board_post',
    resourceId: post.id,
    nodeId: community.id,
    nodePath: community.path,
    detail: { proposalId },
  });
  return detailOf(ctx, (await repo.postById(ctx.tx, post.id))!, community);
}
