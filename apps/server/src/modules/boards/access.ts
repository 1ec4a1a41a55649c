/** Which community a post lives in, and what the caller may do there. */
import type { Ctx } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import * as org from '../org/service.ts';
import * as repo from './repository.ts';

export interface Community {
  id: string;
  path: string;
  name: string;
}

/** A community the caller reads (404 otherwise: no existence oracle). */
export async function readableCommunity(ctx: Ctx, id: string): Promise<Community> {
  const c = await org.getNode(ctx.tx, id);
  if (c?.type !== 'community') throw notFound();
  ctx.authorize('community.read', c.path);
  return { id: c.id, path: c.path, name: c.name };
}

/** Members post and comment: people who live or work in the community (not street or district cadres). */
export const isMember = (ctx: Ctx, c: Community) => ctx.grants.some((g) => g.communityPath === c.path);

export const assertMember = (ctx: Ctx, c: Community) => {
  if (!isMember(ctx, c)) throw new AppError(403, 'not_a_member');
};

export const moderates = (ctx: Ctx, c: Community) => ctx.can('board.moderate', c.path);

/**
 * A post the caller may see, with its community: visible posts for anyone who reads the community;
 * held and hidden ones for their author and moderators only.
 */
export async function visiblePost(ctx: Ctx, id: string) {
  const post = await repo.postById(ctx.tx, id);
  if (!post) throw notFound();
  const node = await org.getNode(ctx.tx, post.community_id);
  if (!node || !ctx.can('community.read', node.path)) throw notFound();
  const community = { id: node.id, path: node.path, name: node.name };
  if (post.status !== 'visible' && post.author_id !== ctx.user!.id && !moderates(ctx, community)) throw notFound();
  return { post, community };
}
