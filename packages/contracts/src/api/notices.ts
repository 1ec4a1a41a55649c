import Type from 'typebox';
import { AttachmentId } from './attachments.ts';
import { IsoTime, NodeId, Uuid } from './common.ts';
import { defineRoute } from './route.ts';

/** 通知 · 活动 · 居务公开 (affairs made public: finances, decisions) · 工作成效 · 政策 */
export const NOTICE_CATEGORIES = ['notice', 'activity', 'affairs_public', 'work_result', 'policy'] as const;
export type NoticeCategory = (typeof NOTICE_CATEGORIES)[number];
export const NOTICE_LEVELS = ['district', 'street', 'community', 'grid'] as const;
export type NoticeLevel = (typeof NOTICE_LEVELS)[number];

/** Limits the phone form checks before sending and the server again (after trimming). */
export const NOTICE_TITLE_MAX = 60;
export const NOTICE_BODY_MAX = 5000;
export const NOTICE_IMAGES_MAX = 9;

const Category = Type.Enum(NOTICE_CATEGORIES);

export const NoticeSummary = Type.Object({
  id: Uuid,
  nodeId: NodeId,
  /** Where it was published: 临江区 / 青松街道 / 银杏社区 / 第一网格. */
  nodeName: Type.String(),
  level: Type.Enum(NOTICE_LEVELS),
  category: Category,
  title: Type.String(),
  /** Plain text (never HTML): the first ~80 characters of the body. */
  excerpt: Type.String(),
  pinned: Type.Boolean(),
  mustRead: Type.Boolean(),
  publishedAt: IsoTime,
  expiresAt: Type.Union([IsoTime, Type.Null()]),
  withdrawn: Type.Boolean(),
  expired: Type.Boolean(),
  authorName: Type.String(),
  imageCount: Type.Integer(),
  /** The caller has not opened it yet. */
  unread: Type.Boolean(),
  /** The caller confirmed this must-read notice. */
  confirmed: Type.Boolean(),
});

export const NoticeDetail = Type.Object({
  ...NoticeSummary.properties,
  /** Plain text; clients render it as text (line breaks kept), never as HTML. */
  body: Type.String(),
  attachments: Type.Array(AttachmentId),
  version: Type.Integer(),
  abilities: Type.Object({ edit: Type.Boolean(), readRate: Type.Boolean(), confirm: Type.Boolean() }),
});

export const NoticePage = Type.Object({
  items: Type.Array(NoticeSummary),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

const Cursor = Type.String({ maxLength: 80, pattern: '^[0-9]{1,15}\\.[0-9a-f-]{36}$' });
const PageQuery = {
  cursor: Type.Optional(Cursor),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
};

export const listNotices = defineRoute({
  method: 'GET',
  url: '/api/notices',
  access: { auth: 'authenticated' },
  summary:
    'Notices the caller reads: published at their home or any level above it (grid, community, street, district), ' +
    'and for cadres anything inside their subtree; current ones only (not expired, not withdrawn), newest first',
  tags: ['notices'],
  querystring: Type.Object({
    category: Type.Optional(Category),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    ...PageQuery,
  }),
  response: NoticePage,
});

export const managedNotices = defineRoute({
  method: 'GET',
  url: '/api/notices/managed',
  access: { action: 'notice.publish' },
  summary: 'Notices published at nodes inside the caller’s publishing scope (expired and withdrawn ones too)',
  tags: ['notices'],
  querystring: Type.Object({ nodeId: Type.Optional(NodeId), category: Type.Optional(Category), ...PageQuery }),
  response: NoticePage,
});

export const getNotice = defineRoute({
  method: 'GET',
  url: '/api/notices/:id',
  access: { auth: 'authenticated' },
  summary: 'One notice the caller may read (404 otherwise)',
  tags: ['notices'],
  params: Type.Object({ id: Uuid }),
  response: NoticeDetail,
});

const Title = Type.String({ minLength: 1, maxLength: NOTICE_TITLE_MAX });
const Body = Type.String({ minLength: 1, maxLength: NOTICE_BODY_MAX });

export const createNotice = defineRoute({
  method: 'POST',
  url: '/api/notices',
  access: { action: 'notice.publish' },
  summary:
    'Publish a notice at a district (district office only), street, community or grid; photos are uploads of the publisher',
  tags: ['notices'],
  body: Type.Object(
    {
      nodeId: NodeId,
      category: Category,
      title: Title,
      body: Body,
      attachments: Type.Optional(Type.Array(AttachmentId, { maxItems: NOTICE_IMAGES_MAX })),
      pinned: Type.Optional(Type.Boolean()),
      mustRead: Type.Optional(Type.Boolean()),
      expiresAt: Type.Optional(Type.Union([IsoTime, Type.Null()])),
    },
    { additionalProperties: false },
  ),
  response: NoticeDetail,
  status: 201,
});

export const updateNotice = defineRoute({
  method: 'PATCH',
  url: '/api/notices/:id',
  access: { action: 'notice.publish' },
  summary: 'Change, pin/unpin, set the expiry or withdraw a notice; `version` guards against lost updates',
  tags: ['notices'],
  params: Type.Object({ id: Uuid }),
  body: Type.Object(
    {
      version: Type.Integer({ minimum: 1 }),
      category: Type.Optional(Category),
      title: Type.Optional(Title),
      body: Type.Optional(Body),
      pinned: Type.Optional(Type.Boolean()),
      expiresAt: Type.Optional(Type.Union([IsoTime, Type.Null()])),
      withdrawn: Type.Optional(Type.Literal(true)),
    },
    { additionalProperties: false },
  ),
  response: NoticeDetail,
});

export const markNoticeRead = defineRoute({
  method: 'POST',
  url: '/api/notices/:id/read',
  access: { auth: 'authenticated' },
  summary: 'The caller opened the notice; with `confirm: true` they confirm a must-read notice (已阅确认)',
  tags: ['notices'],
  params: Type.Object({ id: Uuid }),
  body: Type.Object({ confirm: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
  response: Type.Object({ seenAt: IsoTime, confirmedAt: Type.Union([IsoTime, Type.Null()]) }),
});

const Reach = { households: Type.Integer(), reached: Type.Integer(), rate: Type.Number() };

export const NoticeReadRate = Type.Object({
  noticeId: Uuid,
  /** The part of the audience the figures cover (the notice's node, or the caller's grid inside it). */
  scope: Type.Object({ id: NodeId, name: Type.String() }),
  ...Reach,
  buildings: Type.Array(Type.Object({ id: Type.Union([NodeId, Type.Null()]), name: Type.String(), ...Reach })),
  /** Households nobody has confirmed for: for door-to-door follow-up by grid workers. */
  notReached: Type.Array(
    Type.Object({
      householdId: Uuid,
      address: Type.String(),
      building: Type.String(),
      grid: Type.String(),
    }),
  ),
});

export const noticeReadRate = defineRoute({
  method: 'GET',
  url: '/api/notices/:id/read-rate',
  access: { action: 'notice.publish' },
  summary:
    'Households that confirmed a must-read notice, by building, and the list of households not reached ' +
    '(a grid worker sees their own grid of a wider notice)',
  tags: ['notices'],
  params: Type.Object({ id: Uuid }),
  response: NoticeReadRate,
});

export const noticeAttachment = defineRoute({
  method: 'GET',
  url: '/api/notices/:id/attachments/:attachmentId',
  access: { auth: 'authenticated' },
  summary: 'A photo of a notice the caller may read',
  tags: ['notices'],
  params: Type.Object({ id: Uuid, attachmentId: AttachmentId }),
  response: null,
});
