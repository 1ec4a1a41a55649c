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
