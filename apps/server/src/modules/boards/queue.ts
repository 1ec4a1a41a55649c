import { listingScope } from '../../platform/access/scope.ts';
import type { Ctx } from '../../platform/context.ts';
import { notFound } from '../../platform/http/errors.ts';
import * as org from '../org/service.ts';
import * as repo from './repository.ts';
import { toSummary } from './views.ts';

/**
 * The moderation queue: held and reported posts, held comments, in the communities the caller moderates.
 * A grid worker does not moderate; a secretary sees their community; street and district see their subtree.
 */
export async function queue(ctx: Ctx, nodeId: string | undefined) {
  const within = nodeId ? await org.getNode(ctx.tx, nodeId) : null;
  if (nodeId && !within) throw notFound();
  // Posts belong to communities: a scope below one (a grid asked for) selects its community.
  const scopes = listingScope(ctx.actor, 'board.moderate', within);
  const me = ctx.user!.id;
  const [posts, comments] = await Promise.all([repo.queuePosts(ctx.tx, scopes), repo.queueComments(ctx.tx, scopes)]);
  return {
    posts: posts.map((p) => toSummary(p, me)),
    comments: comments.map((c) => ({
      id: c.id,
      authorLabel: c.author_label,
      official: c.official,
      partyBadge: c.party_badge,
      body: c.body,
      status: c.status as 'visible' | 'held' | 'hidden',
      createdAt: new Date(c.created_at).toISOString(),
      mine: c.author_id === me,
      postId: c.post_id,
      postTitle: c.post_title,
      heldWords: c.held_words,
    })),
  };
}
