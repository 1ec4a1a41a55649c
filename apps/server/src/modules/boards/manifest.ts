import { api } from '@linli/contracts';
import { type ModuleManifest, route } from '../../platform/modules.ts';
import { convert, postOfCase } from './convert.ts';
import { propose } from './convert-proposal.ts';
import { feed, markSeen } from './feed.ts';
import * as interactions from './interactions.ts';
import * as posts from './posts.ts';
import { queue } from './queue.ts';
import { commentSubscriber, replySubscriber } from './subscribers.ts';
import * as words from './words.ts';

/** Pages that write nothing run without a transaction (RouteOptions.readOnly). */
const READ = { readOnly: true } as const;

export const boardsModule: ModuleManifest = {
  name: 'boards',
  routes: [
    route(api.boards.communityFeed, (ctx, { params, query }) => feed(ctx, params.id, query), READ),
    route(api.boards.markFeedSeen, (ctx, { params }) => markSeen(ctx, params.id)),
    route(api.boards.listPosts, (ctx, { params, query }) => posts.list(ctx, params.id, query), READ),
    route(api.boards.createPost, (ctx, { params, body }) => posts.create(ctx, params.id, body)),
    route(api.boards.getPost, (ctx, { params }) => posts.detail(ctx, params.id), READ),
    route(api.boards.updatePost, (ctx, { params, body }) => posts.update(ctx, params.id, body)),
    route(api.boards.stepPost, (ctx, { params, body }) => posts.step(ctx, params.id, body)),
    route(api.boards.commentPost, (ctx, { params, body }) =>
      interactions.comment(ctx, params.id, body.body, body.showPartyBadge),
    ),
    route(api.boards.likePost, (ctx, { params, body }) => interactions.like(ctx, params.id, body.liked)),
    route(api.boards.followPost, (ctx, { params, body }) => interactions.follow(ctx, params.id, body.following)),
    route(api.boards.reportPost, (ctx, { params, body }) => interactions.report(ctx, params.id, body.reason)),
    route(api.boards.moderatePost, (ctx, { params, body }) =>
      interactions.moderatePost(ctx, params.id, body.action, body.reason),
    ),
    route(api.boards.moderateComment, (ctx, { params, body }) =>
      interactions.moderateComment(ctx, params.id, params.commentId, body.action, body.reason),
    ),
    route(api.boards.convertPost, (ctx, { params, body }) => convert(ctx, params.id, body)),
    route(api.boards.proposePost, (ctx, { params, body }) => propose(ctx, params.id, body)),
    route(api.boards.postOfCase, (ctx, { params }) => postOfCase(ctx, params.caseId)),
    route(api.boards.postAttachment, (ctx, { params }) => posts.attachment(ctx, params.id, params.attachmentId), {
      cacheControl: 'private, max-age=31536000, immutable',
    }),
    route(api.boards.moderationQueue, (ctx, { query }) => queue(ctx, query.nodeId), READ),
    route(api.boards.listWords, (ctx, { query }) => words.list(ctx, query.nodeId)),
    route(api.boards.addWords, (ctx, { body }) => words.add(ctx, body.nodeId, body.words)),
    route(api.boards.removeWord, (ctx, { params }) => words.remove(ctx, params.id)),
  ],
  subscribers: [replySubscriber, commentSubscriber],
};
