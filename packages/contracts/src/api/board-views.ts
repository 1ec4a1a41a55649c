/** The community boards' vocabulary and post views (routes in boards.ts). */
import Type from 'typebox';
import { AttachmentId } from './attachments.ts';
import { IsoTime, NodeId, Uuid } from './common.ts';

/**
 * 身边事 local matters · 互助 mutual help · 闲置 give-aways (左邻右舍) · 党建园地 the party-building board ·
 * 乡愁乡音 a village's hometown board (villagers who moved away join it).
 */
export const BOARDS = ['local', 'help', 'giveaway', 'party', 'hometown'] as const;
export type Board = (typeof BOARDS)[number];
/** The kinds each board takes. Party news and study materials come from the party organisation. */
export const BOARD_KINDS = {
  local: ['matter', 'suggestion', 'complaint'],
  help: ['request', 'offer'],
  giveaway: ['give', 'swap'],
  party: ['news', 'study', 'discussion'],
  hometown: ['memory', 'voice'],
} as const;
export const POST_KINDS = [
  'matter',
  'suggestion',
  'complaint',
  'request',
  'offer',
  'give',
  'swap',
  'news',
  'study',
  'discussion',
  'memory',
  'voice',
] as const;
/**
 * Stages: local open → replied; help open → taken → done → thanked;
 * give-away open → reserved → handed_over → closed (the author may close an open listing too).
 */
export const POST_STAGES = [
  'open',
  'replied',
  'taken',
  'done',
  'thanked',
  'reserved',
  'handed_over',
  'closed',
] as const;
export const POST_STEPS = ['take', 'done', 'thank', 'reserve', 'release', 'hand_over', 'close'] as const;
export type PostStep = (typeof POST_STEPS)[number];

export const POST_TITLE_MAX = 60;
export const POST_BODY_MAX = 2000;
export const COMMENT_MAX = 500;
export const POST_IMAGES_MAX = 9;

const Status = Type.Union([Type.Literal('visible'), Type.Literal('held'), Type.Literal('hidden')]);

export const PostSummary = Type.Object({
  id: Uuid,
  communityId: NodeId,
  board: Type.Enum(BOARDS),
  kind: Type.Enum(POST_KINDS),
  title: Type.String(),
  /** Plain text, never HTML. */
  excerpt: Type.String(),
  /** Real-name display, e.g. 王女士·3号楼. */
  authorLabel: Type.String(),
  status: Status,
  stage: Type.Enum(POST_STAGES),
  takerLabel: Type.Union([Type.String(), Type.Null()]),
  caseNo: Type.Union([Type.String(), Type.Null()]),
  imageCount: Type.Integer(),
  commentCount: Type.Integer(),
  likeCount: Type.Integer(),
  reportCount: Type.Integer(),
  pinned: Type.Boolean(),
  /** 亮身份: the author, an approved party member, shows their party badge. */
  partyBadge: Type.Boolean(),
  createdAt: IsoTime,
  mine: Type.Boolean(),
});

export const CommentView = Type.Object({
  id: Uuid,
  authorLabel: Type.String(),
  official: Type.Boolean(),
  partyBadge: Type.Boolean(),
  body: Type.String(),
  status: Status,
  createdAt: IsoTime,
  mine: Type.Boolean(),
});

export const PostDetail = Type.Object({
  ...PostSummary.properties,
  body: Type.String(),
  attachments: Type.Array(AttachmentId),
  thanks: Type.Union([Type.String(), Type.Null()]),
  caseId: Type.Union([Uuid, Type.Null()]),
  /** The deliberation proposal this post was raised as (身边事 → 议题). */
  proposalId: Type.Union([Uuid, Type.Null()]),
  heldWords: Type.Array(Type.String()),
  moderationReason: Type.Union([Type.String(), Type.Null()]),
  liked: Type.Boolean(),
  following: Type.Boolean(),
  comments: Type.Array(CommentView),
  version: Type.Integer(),
  /** What the caller may do now. */
  abilities: Type.Object({
    edit: Type.Boolean(),
    steps: Type.Array(Type.Enum(POST_STEPS)),
    comment: Type.Boolean(),
    moderate: Type.Boolean(),
    convert: Type.Boolean(),
    /** Raise it as a deliberation proposal (the committee, on a 身边事 post not yet raised). */
    propose: Type.Boolean(),
    /** The caller is an approved party member here and may show the badge (亮身份) on a comment. */
    partyBadge: Type.Boolean(),
  }),
});
