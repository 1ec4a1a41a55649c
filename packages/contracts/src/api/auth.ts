import Type from 'typebox';
import { ORG_NODE_TYPES } from '../org.ts';
import { ROLES } from '../roles.ts';
import { IsoTime, NodeId, Ok, Phone } from './common.ts';
import { defineRoute } from './route.ts';

export const RoleName = Type.Enum(ROLES);
export const NodeTypeName = Type.Enum(ORG_NODE_TYPES);

export const GrantView = Type.Object({
  id: Type.String(),
  role: RoleName,
  nodeId: NodeId,
  nodeName: Type.String(),
  nodeType: NodeTypeName,
  path: Type.String(),
  communityPath: Type.Union([Type.String(), Type.Null()]),
  scopePaths: Type.Union([Type.Array(Type.String()), Type.Null()]),
  /** Names from the district down to the node, for "where you act" pickers. */
  trail: Type.Array(Type.String()),
});

export const Me = Type.Object({
  user: Type.Object({
    id: Type.String(),
    name: Type.String(),
    phone: Type.String(),
    isStaff: Type.Boolean(),
    mustChangePassword: Type.Boolean(),
  }),
  grants: Type.Array(GrantView),
  /** Community the person lives in (from a resident grant), if any. */
  homeCommunityId: Type.Union([NodeId, Type.Null()]),
  idleTimeoutMinutes: Type.Integer(),
  /** Set when demo passwords are active so every screen can warn. */
  demoMode: Type.Boolean(),
});

export const LoginBody = Type.Object(
  { phone: Phone, password: Type.String({ minLength: 1, maxLength: 128 }) },
  { additionalProperties: false },
);
export const LoginResult = Type.Object({ csrfToken: Type.String(), me: Me, expiresAt: IsoTime });

export const login = defineRoute({
  method: 'POST',
  url: '/api/auth/login',
  access: { auth: 'public' },
  summary: 'Sign in with phone and password; sets the session cookie',
  tags: ['auth'],
  body: LoginBody,
  response: LoginResult,
});

export const logout = defineRoute({
  method: 'POST',
  url: '/api/auth/logout',
  access: { auth: 'authenticated' },
  summary: 'Sign out and end the session',
  tags: ['auth'],
  response: Ok,
});

export const me = defineRoute({
  method: 'GET',
  url: '/api/auth/me',
  access: { auth: 'authenticated' },
  summary: 'The signed-in user, their grants and a fresh CSRF token',
  tags: ['auth'],
  response: Type.Object({ me: Me, csrfToken: Type.String() }),
});

export const changePassword = defineRoute({
  method: 'POST',
  url: '/api/auth/password',
  access: { auth: 'authenticated' },
  summary: 'Change your password (ends your other sessions)',
  tags: ['auth'],
  body: Type.Object(
    {
      currentPassword: Type.String({ minLength: 1, maxLength: 128 }),
      newPassword: Type.String({ minLength: 1, maxLength: 128 }),
    },
    { additionalProperties: false },
  ),
  response: Ok,
});
