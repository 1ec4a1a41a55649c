/**
 * Notices for external systems holding an API token with the `notices.read` scope (the district app, a
 * street's screen): `Authorization: Bearer llk_…`, no session. A token at a node reads what that node's
 * audience reads — notices published at the node, inside its subtree, and above it (district-wide ones).
 * These are not session routes (`access` is a token scope), so they are not in the session route list.
 */
import Type from 'typebox';
import { IsoTime, NodeId, Uuid } from './common.ts';
import { NOTICE_CATEGORIES, NOTICE_LEVELS } from './notices.ts';

export const OpenNotice = Type.Object(
  {
    id: Uuid,
    nodeId: NodeId,
    nodeName: Type.String(),
    level: Type.Enum(NOTICE_LEVELS),
    category: Type.Enum(NOTICE_CATEGORIES),
    title: Type.String(),
    /** Plain text (never HTML). */
    body: Type.String(),
    pinned: Type.Boolean(),
    mustRead: Type.Boolean(),
    publishedAt: IsoTime,
    expiresAt: Type.Union([IsoTime, Type.Null()]),
    authorName: Type.String(),
  },
  {
    examples: [
      {
        id: '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f',
        nodeId: '12',
        nodeName: '银杏社区',
        level: 'community',
        category: 'notice',
        title: '银杏社区停水通知',
        body: '因管道检修,11 月 26 日 9:00—15:00 停水,请提前储水。',
        pinned: false,
        mustRead: true,
        publishedAt: '2026-11-24T09:00:00.000Z',
        expiresAt: null,
        authorName: '王书记',
      },
    ],
  },
);

const Cursor = Type.String({ maxLength: 80, pattern: '^[0-9]{1,15}\\.[0-9a-f-]{36}$' });

/** What a token route declares instead of a session `access`: the scope its token must carry. */
export interface TokenRouteDef {
  method: 'GET';
  url: string;
  scope: 'notices.read';
  summary: string;
  tags: readonly string[];
  params?: ReturnType<typeof Type.Object>;
  querystring?: ReturnType<typeof Type.Object>;
  response: ReturnType<typeof Type.Object>;
}

export const listOpenNotices = {
  method: 'GET',
  url: '/api/open/notices',
  scope: 'notices.read',
  summary: 'Current notices the token’s node reads (newest first); token scope notices.read',
  tags: ['open platform'],
  querystring: Type.Object(
    {
      /** Narrow to a node inside the token's subtree (outside it: 403). */
      nodeId: Type.Optional(NodeId),
      category: Type.Optional(Type.Enum(NOTICE_CATEGORIES)),
      cursor: Type.Optional(Cursor),
      limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
    },
    { additionalProperties: false },
  ),
  response: Type.Object({
    items: Type.Array(OpenNotice),
    nextCursor: Type.Union([Type.String(), Type.Null()]),
  }),
} as const satisfies TokenRouteDef;

export const getOpenNotice = {
  method: 'GET',
  url: '/api/open/notices/:id',
  scope: 'notices.read',
  summary: 'One current notice the token’s node reads (else 404); token scope notices.read',
  tags: ['open platform'],
  params: Type.Object({ id: Uuid }),
  response: OpenNotice,
} as const satisfies TokenRouteDef;
