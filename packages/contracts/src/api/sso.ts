/**
 * Single sign-on (OpenID Connect) for staff. The browser goes to `GET /api/auth/oidc/start` and comes back
 * through `GET /api/auth/oidc/callback` (redirects, not JSON: they are described, not typed, here). An
 * external identity (issuer + subject) maps to one account: pre-linked by a district admin, or linked on
 * the first sign-in whose verified phone number matches.
 */
import Type from 'typebox';
import { IsoTime, Uuid } from './common.ts';
import { defineRoute } from './route.ts';

export const SsoInfo = Type.Object(
  {
    enabled: Type.Boolean(),
    /** The button's label when enabled (null: the default 政务统一身份认证登录). */
    label: Type.Union([Type.String(), Type.Null()]),
    /** Where the button points (with `?returnTo=/console/...`). */
    startUrl: Type.Union([Type.String(), Type.Null()]),
  },
  { examples: [{ enabled: true, label: null, startUrl: '/api/auth/oidc/start' }] },
);

export const ssoInfo = defineRoute({
  method: 'GET',
  url: '/api/auth/sso',
  access: { auth: 'public' },
  summary: 'Whether single sign-on is configured (the login page shows its button only then)',
  tags: ['auth'],
  response: SsoInfo,
});

export const SsoLink = Type.Object(
  {
    issuer: Type.String(),
    subject: Type.String(),
    userId: Uuid,
    userName: Type.String(),
    linkedVia: Type.Union([Type.Literal('admin'), Type.Literal('phone')]),
    linkedAt: IsoTime,
    lastLoginAt: Type.Union([IsoTime, Type.Null()]),
  },
  {
    examples: [
      {
        issuer: 'https://sso.example.gov.cn',
        subject: 'gov-000123',
        userId: '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f',
        userName: '孙丽',
        linkedVia: 'admin',
        linkedAt: '2026-11-24T09:00:00.000Z',
        lastLoginAt: null,
      },
    ],
  },
);

export const listSsoLinks = defineRoute({
  method: 'GET',
  url: '/api/sso/links',
  access: { action: 'platform.manage' },
  summary: 'External identities linked to staff inside the caller’s reach',
  tags: ['auth'],
  querystring: Type.Object({ userId: Type.Optional(Uuid) }, { additionalProperties: false }),
  response: Type.Object({ items: Type.Array(SsoLink) }),
});

export const createSsoLink = defineRoute({
  method: 'POST',
  url: '/api/sso/links',
  access: { action: 'platform.manage' },
  summary: 'Pre-link an external identity (the configured issuer’s subject) to a staff account',
  tags: ['auth'],
  body: Type.Object(
    { userId: Uuid, subject: Type.String({ minLength: 1, maxLength: 255 }) },
    {
      additionalProperties: false,
      examples: [{ userId: '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f', subject: 'gov-000123' }],
    },
  ),
  status: 201,
  response: SsoLink,
});

export const deleteSsoLink = defineRoute({
  method: 'POST',
  url: '/api/sso/links/remove',
  access: { action: 'platform.manage' },
  summary: 'Remove the link of an external identity (that identity no longer signs anyone in)',
  tags: ['auth'],
  body: Type.Object(
    { subject: Type.String({ minLength: 1, maxLength: 255 }) },
    { additionalProperties: false, examples: [{ subject: 'gov-000123' }] },
  ),
  response: Type.Object({ ok: Type.Literal(true) }),
});
