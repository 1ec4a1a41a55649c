import Type from 'typebox';
import { AttachmentId } from './attachments.ts';
import {
  BOARDS,
  COMMENT_MAX,
  CommentView,
  POST_BODY_MAX,
  POST_IMAGES_MAX,
  POST_KINDS,
  POST_STEPS,
  POST_TITLE_MAX,
  PostDetail,
  PostSummary,
} from './board-views.ts';
import { IsoTime, NodeId, Ok, Uuid } from './common.ts';
import { NoticeSummary } from './notices.ts';
import { defineRoute } from './route.ts';

export * from './board-views.ts';

const Cursor = Type.String({ maxLength: 80, pattern: '^[0-9]{1,15}\\.[0-9a-f-]{36}$' });
const Limit = Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 }));
const PostPage = Type.Object({ items: Type.Array(PostSummary), nextCursor: Type.Union([Type.String(), Type.Null()]) });

export const listPosts = defineRoute({
  method: 'GET',
  url: '/api/communities/:id/posts',
  // Hometown members (no community.read) read a village's hometown board here too.
  access: { auth: 'authenticated' },
  summary:
    'Visible posts of a community’s boards (and the caller’s own held ones), newest first; a village’s hometown board also for its hometown members',
  tags: ['boards'],
  params: Type.Object({ id: NodeId }),
  querystring: Type.Object({ board: Type.Optional(Type.Enum(BOARDS)), cursor: Type.Optional(Cursor), limit: Limit }),
  response: PostPage,
});

export const createPost = defineRoute({
  method: 'POST',
  url: '/api/communities/:id/posts',
  access: { auth: 'authenticated' },
  summary:
    'Post to a board of the caller’s own community (hometown members to their village’s hometown board); a post with a listed sensitive word is held for review',
  tags: ['boards'],
  params: Type.Object({ id: NodeId }),
  body: Type.Object(
    {
      board: Type.Enum(BOARDS),
      kind: Type.Enum(POST_KINDS),
      title: Type.String({ minLength: 1, maxLength: POST_TITLE_MAX }),
      body: Type.String({ minLength: 1, maxLength: POST_BODY_MAX }),
      attachments: Type.Optional(Type.Array(AttachmentId, { maxItems: POST_IMAGES_MAX })),
      showPartyBadge: Type.Optional(Type.Boolean()),
    },
    { additionalProperties: false },
  ),
  response: PostDetail,
  status: 201,
});

const PostParams = Type.Object({ id: Uuid });

export const getPost = defineRoute({
  method: 'GET',
  url: '/api/board-posts/:id',
  access: { auth: 'authenticated' },
  summary: 'A post with its comments (hidden and held ones only for their author and moderators)',
  tags: ['boards'],
  params: PostParams,
  response: PostDetail,
});

export const updatePost = defineRoute({
  method: 'PATCH',
  url: '/api/board-posts/:id',
  access: { auth: 'authenticated' },
  summary: 'The author edits their post (checked again for sensitive words); `version` guards lost updates',
  tags: ['boards'],
  params: PostParams,
  body: Type.Object(
    {
      version: Type.Integer({ minimum: 1 }),
      title: Type.Optional(Type.String({ minLength: 1, maxLength: POST_TITLE_MAX })),
      body: Type.Optional(Type.String({ minLength: 1, maxLength: POST_BODY_MAX })),
    },
    { additionalProperties: false },
  ),
  response: PostDetail,
});

export const stepPost = defineRoute({
  method: 'POST',
  url: '/api/board-posts/:id/step',
  access: { auth: 'authenticated' },
  summary:
    'Move a help request or give-away on: a neighbour takes/reserves; done, thanks, handed over, close by the author',
  tags: ['boards'],
  params: PostParams,
  body: Type.Object(
    {
      version: Type.Integer({ minimum: 1 }),
      step: Type.Enum(POST_STEPS),
      note: Type.Optional(Type.String({ minLength: 1, maxLength: COMMENT_MAX })),
    },
    { additionalProperties: false },
  ),
  response: PostDetail,
});

export const commentPost = defineRoute({
  method: 'POST',
  url: '/api/board-posts/:id/comments',
  access: { auth: 'authenticated' },
  summary: 'Comment on a post; a moderator’s comment is the committee’s official reply',
  tags: ['boards'],
  params: PostParams,
  body: Type.Object(
    { body: Type.String({ minLength: 1, maxLength: COMMENT_MAX }), showPartyBadge: Type.Optional(Type.Boolean()) },
    { additionalProperties: false },
  ),
  response: PostDetail,
  status: 201,
});

export const likePost = defineRoute({
  method: 'POST',
  url: '/api/board-posts/:id/like',
  access: { auth: 'authenticated' },
  summary: 'Like or unlike a post',
  tags: ['boards'],
  params: PostParams,
  body: Type.Object({ liked: Type.Boolean() }, { additionalProperties: false }),
  response: Type.Object({ liked: Type.Boolean(), likeCount: Type.Integer() }),
});

export const followPost = defineRoute({
  method: 'POST',
  url: '/api/board-posts/:id/follow',
  access: { auth: 'authenticated' },
  summary: 'Follow or unfollow a post: followers are notified of new comments (authors follow their own posts)',
  tags: ['boards'],
  params: PostParams,
  body: Type.Object({ following: Type.Boolean() }, { additionalProperties: false }),
  response: Type.Object({ following: Type.Boolean() }),
});

export const reportPost = defineRoute({
  method: 'POST',
  url: '/api/board-posts/:id/report',
  access: { auth: 'authenticated' },
  summary: 'Report a post to the moderators (once per resident)',
  tags: ['boards'],
  params: PostParams,
  body: Type.Object({ reason: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false }),
  response: Ok,
});

const ModerateBody = Type.Object(
  {
    action: Type.Union([Type.Literal('hide'), Type.Literal('restore')]),
    reason: Type.String({ minLength: 2, maxLength: 200 }),
  },
  { additionalProperties: false },
);

export const moderatePost = defineRoute({
  method: 'POST',
  url: '/api/board-posts/:id/moderate',
  access: { action: 'board.moderate' },
  summary: 'Hide a post, or restore a hidden or held one, with a reason (audited)',
  tags: ['boards'],
  params: PostParams,
  body: ModerateBody,
  response: PostDetail,
});

export const moderateComment = defineRoute({
  method: 'POST',
  url: '/api/board-posts/:id/comments/:commentId/moderate',
  access: { action: 'board.moderate' },
  summary: 'Hide or restore a comment, with a reason (audited)',
  tags: ['boards'],
  params: Type.Object({ id: Uuid, commentId: Uuid }),
  body: ModerateBody,
  response: PostDetail,
});

export const convertPost = defineRoute({
  method: 'POST',
  url: '/api/board-posts/:id/convert',
  access: { action: 'board.moderate' },
  summary:
    'Turn a 身边事 post into a case (the author is its reporter, the photos come along); post and case link each other',
  tags: ['boards'],
  params: PostParams,
  body: Type.Object(
    { version: Type.Integer({ minimum: 1 }), categoryId: NodeId, placeId: Type.Optional(NodeId) },
    { additionalProperties: false },
  ),
  response: PostDetail,
});

export const proposePost = defineRoute({
  method: 'POST',
  url: '/api/board-posts/:id/propose',
  access: { action: 'deliberation.screen' },
  summary:
    'The committee raises a 身边事 post as a deliberation proposal in its author’s name; the post keeps the link',
  tags: ['boards'],
  params: PostParams,
  body: Type.Object(
    { version: Type.Integer({ minimum: 1 }), question: Type.String({ minLength: 1, maxLength: 500 }) },
    { additionalProperties: false },
  ),
  response: PostDetail,
});

export const postOfCase = defineRoute({
  method: 'GET',
  url: '/api/board-posts/by-case/:caseId',
  access: { auth: 'authenticated' },
  summary: 'The board post a case was made from (404 when none, or when the caller cannot see it)',
  tags: ['boards'],
  params: Type.Object({ caseId: Uuid }),
  response: PostSummary,
});

export const postAttachment = defineRoute({
  method: 'GET',
  url: '/api/board-posts/:id/attachments/:attachmentId',
  access: { auth: 'authenticated' },
  summary: 'A photo of a post the caller may see',
  tags: ['boards'],
  params: Type.Object({ id: Uuid, attachmentId: AttachmentId }),
  response: null,
});

export const moderationQueue = defineRoute({
  method: 'GET',
  url: '/api/board-moderation',
  access: { action: 'board.moderate' },
  summary: 'Posts held for review or reported, and held comments, in the caller’s area (oldest first)',
  tags: ['boards'],
  querystring: Type.Object({ nodeId: Type.Optional(NodeId) }),
  response: Type.Object({
    posts: Type.Array(PostSummary),
    comments: Type.Array(
      Type.Object({
        ...CommentView.properties,
        postId: Uuid,
        postTitle: Type.String(),
        heldWords: Type.Array(Type.String()),
      }),
    ),
  }),
});

export const SensitiveWord = Type.Object({
  id: Type.String(),
  nodeId: NodeId,
  nodeName: Type.String(),
  word: Type.String(),
});

export const listWords = defineRoute({
  method: 'GET',
  url: '/api/board-words',
  access: { action: 'board.moderate' },
  summary: 'Sensitive words in force at a node: its own and those set above it',
  tags: ['boards'],
  querystring: Type.Object({ nodeId: Type.Optional(NodeId) }),
  response: Type.Object({ items: Type.Array(SensitiveWord) }),
});

export const addWords = defineRoute({
  method: 'POST',
  url: '/api/board-words',
  access: { action: 'board.moderate' },
  summary: 'Add sensitive words at a node (they apply to its whole subtree)',
  tags: ['boards'],
  body: Type.Object(
    { nodeId: NodeId, words: Type.Array(Type.String({ minLength: 1, maxLength: 20 }), { minItems: 1, maxItems: 200 }) },
    { additionalProperties: false },
  ),
  response: Type.Object({ items: Type.Array(SensitiveWord) }),
  status: 201,
});

export const removeWord = defineRoute({
  method: 'DELETE',
  url: '/api/board-words/:id',
  access: { action: 'board.moderate' },
  summary: 'Remove a sensitive word set at a node the caller covers',
  tags: ['boards'],
  params: Type.Object({ id: Type.String({ pattern: '^[0-9]{1,18}$' }) }),
  response: Ok,
});

export const FeedItem = Type.Union([
  Type.Object({ type: Type.Literal('notice'), at: IsoTime, unread: Type.Boolean(), notice: NoticeSummary }),
  Type.Object({ type: Type.Literal('post'), at: IsoTime, unread: Type.Boolean(), post: PostSummary }),
]);

export const communityFeed = defineRoute({
  method: 'GET',
  url: '/api/communities/:id/feed',
  access: { action: 'community.read' },
  summary:
    'The community home: notices from every level above and inside it, and neighbour posts, newest first; ' +
    'pinned items on the first page; unread markers',
  tags: ['boards'],
  params: Type.Object({ id: NodeId }),
  querystring: Type.Object({ cursor: Type.Optional(Cursor), limit: Limit }),
  response: Type.Object({
    pinned: Type.Array(FeedItem),
    items: Type.Array(FeedItem),
    nextCursor: Type.Union([Type.String(), Type.Null()]),
    unreadCount: Type.Integer(),
  }),
});

export const markFeedSeen = defineRoute({
  method: 'POST',
  url: '/api/communities/:id/feed/seen',
  access: { action: 'community.read' },
  summary: 'The caller looked at the feed: posts up to now are no longer unread',
  tags: ['boards'],
  params: Type.Object({ id: NodeId }),
  response: Ok,
});
