import Type from 'typebox';
import { GrantView, RoleName } from './auth.ts';
import { Abilities, IsoTime, NodeId, Ok, Page, PageQuery, Phone, Uuid } from './common.ts';
import { defineRoute } from './route.ts';

export const PersonRow = Type.Object({
  userId: Uuid,
  name: Type.String(),
  phone: Type.String(),
  grants: Type.Array(GrantView),
  lastLoginAt: Type.Union([IsoTime, Type.Null()]),
  lockedUntil: Type.Union([IsoTime, Type.Null()]),
  abilities: Abilities,
});

export const listPeople = defineRoute({
  method: 'GET',
  url: '/api/people',
  access: { action: 'grant.read' },
  summary: 'Accounts holding a role in your subtree, with their grants',
  tags: ['people'],
  querystring: Type.Object({
    nodeId: Type.Optional(NodeId),
    role: Type.Optional(RoleName),
    q: Type.Optional(Type.String({ maxLength: 40 })),
    ...PageQuery,
  }),
  response: Page(PersonRow),
});

export const createStaff = defineRoute({
  method: 'POST',
  url: '/api/people',
  access: { action: 'grant.manage' },
  summary: 'Create a staff account with an initial role; the user must change the password at first sign-in',
  tags: ['people'],
  body: Type.Object(
    {
      name: Type.String({ minLength: 2, maxLength: 30 }),
      phone: Phone,
      initialPassword: Type.String({ minLength: 1, maxLength: 128 }),
      role: RoleName,
      nodeId: NodeId,
    },
    { additionalProperties: false },
  ),
  response: PersonRow,
  status: 201,
});

export const addGrant = defineRoute({
  method: 'POST',
  url: '/api/grants',
  access: { action: 'grant.manage' },
  summary: 'Grant a role at a node (covers its subtree)',
  tags: ['people'],
  body: Type.Object(
    { userId: Uuid, role: RoleName, nodeId: NodeId, departmentId: Type.Optional(Type.String({ pattern: '^[0-9]+$' })) },
    { additionalProperties: false },
  ),
  response: GrantView,
  status: 201,
});

export const revokeGrant = defineRoute({
  method: 'DELETE',
  url: '/api/grants/:id',
  access: { action: 'grant.manage' },
  summary: 'Revoke a grant',
  tags: ['people'],
  params: Type.Object({ id: Uuid }),
  response: Ok,
});
