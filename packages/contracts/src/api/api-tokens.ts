/**
 * API tokens for external systems (the "X" of 1+2+X): a district admin binds a token to an org subtree and
 * scopes; the secret is shown once and only its SHA-256 is stored. Used by Open311 (`api_key`).
 */
import Type from 'typebox';
import { IsoTime, NodeId, Uuid } from './common.ts';
import { defineRoute } from './route.ts';

/** What a token may do inside its subtree. */
export const API_SCOPES = ['cases.read', 'cases.write', 'notices.read'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export const ApiToken = Type.Object({
  id: Uuid,
  name: Type.String(),
  nodeId: NodeId,
  nodeName: Type.String(),
  scopes: Type.Array(Type.Enum(API_SCOPES)),
  /** The first characters of the secret, to recognise it in the receiving system's configuration. */
  prefix: Type.String(),
  ratePerMinute: Type.Integer(),
  expiresAt: Type.Union([IsoTime, Type.Null()]),
  revokedAt: Type.Union([IsoTime, Type.Null()]),
  lastUsedAt: Type.Union([IsoTime, Type.Null()]),
  createdAt: IsoTime,
  createdByName: Type.Union([Type.String(), Type.Null()]),
  active: Type.Boolean(),
});

export const listApiTokens = defineRoute({
  method: 'GET',
  url: '/api/api-tokens',
  access: { action: 'platform.manage' },
  summary: 'API tokens of external systems inside the caller’s reach (newest first)',
  tags: ['open platform'],
  response: Type.Object({ items: Type.Array(ApiToken) }),
});

export const createApiToken = defineRoute({
  method: 'POST',
  url: '/api/api-tokens',
  access: { action: 'platform.manage' },
  summary: 'Create a token for an external system; the secret is in this answer only',
  tags: ['open platform'],
  body: Type.Object(
    {
      name: Type.String({ minLength: 1, maxLength: 80 }),
      nodeId: NodeId,
      scopes: Type.Array(Type.Enum(API_SCOPES), { minItems: 1, uniqueItems: true }),
      expiresAt: Type.Optional(Type.Union([IsoTime, Type.Null()])),
      ratePerMinute: Type.Optional(Type.Integer({ minimum: 1, maximum: 6000 })),
    },
    { additionalProperties: false },
  ),
  status: 201,
  response: Type.Object({ token: ApiToken, secret: Type.String() }),
});

export const revokeApiToken = defineRoute({
  method: 'POST',
  url: '/api/api-tokens/:id/revoke',
  access: { action: 'platform.manage' },
  summary: 'Revoke a token at once (it answers 403 from then on)',
  tags: ['open platform'],
  params: Type.Object({ id: Uuid }),
  response: ApiToken,
});
