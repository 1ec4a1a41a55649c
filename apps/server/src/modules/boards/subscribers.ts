/** The author hears when the committee answers their post. */
import type { EventSubscriber } from '../../platform/modules.ts';
import { notify } from '../notifications/service.ts';
import * as repo from './repository.ts';

export const replySubscriber: EventSubscriber = {
  topic: 'board.replied',
  name: 'boards.reply-notify',
  async handle(tx, payload, p) {
    const post = await repo.postById(tx, String(payload.postId));
    if (!post) return;
    await notify(tx, p.clock.now(), {
      userIds: [post.author_id],
      kind: 'board.replied',
      params: { title: post.title },
      link: `/posts/${post.id}`,
      communityId: post.community_id,
    });
  },
};

/** Followers hear about new comments (not their own; the author of an official reply's post hears via board.replied). */
export const commentSubscriber: EventSubscriber = {
  topic: 'board.commented',
  name: 'boards.comment-notify',
  async handle(tx, payload, p) {
    const post = await repo.postById(tx, String(payload.postId));
    if (post?.status !== 'visible') return;
    const skip = new Set([String(payload.commenterId), ...(payload.official ? [post.author_id] : [])]);
    const to = (await repo.followers(tx, post.community_id, post.id)).filter((u) => !skip.has(u));
    await notify(tx, p.clock.now(), {
      userIds: to,
      kind: 'board.commented',
      params: { title: post.title },
      link: `/posts/${post.id}`,
      communityId: post.community_id,
    });
  },
};
