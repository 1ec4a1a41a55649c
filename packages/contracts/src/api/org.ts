import Type from 'typebox';
import { BUILDING_KINDS, COMMUNITY_KINDS, STREET_KINDS } from '../org.ts';
import { NodeTypeName } from './auth.ts';
import { NodeId, Ok } from './common.ts';
import { defineRoute } from './route.ts';

export const OrgNode = Type.Object({
  id: NodeId,
  parentId: Type.Union([NodeId, Type.Null()]),
  type: NodeTypeName,
  /** street: street|town|township; community: residential|village; building: building|courtyard */
  kind: Type.Union([Type.String(), Type.Null()]),
  name: Type.String(),
  code: Type.Union([Type.String(), Type.Null()]),
  path: Type.String(),
  depth: Type.Integer(),
  childCount: Type.Integer(),
  version: Type.Integer(),
});

export const NodeDetail = Type.Object({
  node: OrgNode,
  ancestors: Type.Array(Type.Object({ id: NodeId, name: Type.String(), type: NodeTypeName })),
  children: Type.Array(OrgNode),
  /** What the caller may do at this node: the actions that apply to a node, plus two tree rules. */
  abilities: Type.Object({
    'org.read': Type.Boolean(),
    'org.manage': Type.Boolean(),
    'join.review': Type.Boolean(),
    'join.link.manage': Type.Boolean(),
    'grant.manage': Type.Boolean(),
    'person.read': Type.Boolean(),
    /** Add a child here (cadres manage at and below their node). */
    'org.create_child': Type.Boolean(),
    /** Rename or delete this node (only strictly below the caller's node). */
    'org.modify': Type.Boolean(),
  }),
});

const NodeName = Type.String({ minLength: 1, maxLength: 60 });
const Code = Type.String({ minLength: 1, maxLength: 20, pattern: '^[0-9]+$' });
export const NODE_KINDS = [...STREET_KINDS, ...COMMUNITY_KINDS, ...BUILDING_KINDS] as const;
export type NodeKind = (typeof NODE_KINDS)[number];
// An enum of literals (not a string with an enum list), so the typed client accepts only these values too.
const Kind = Type.Enum(NODE_KINDS);

export const orgTree = defineRoute({
  method: 'GET',
  url: '/api/org/tree',
  access: { action: 'org.read' },
  summary: 'Nodes you may see, down to a depth (rooms are loaded per building)',
  tags: ['org'],
  querystring: Type.Object({
    rootId: Type.Optional(NodeId),
    maxType: Type.Optional(NodeTypeName),
  }),
  response: Type.Object({ nodes: Type.Array(OrgNode) }),
});

export const orgNode = defineRoute({
  method: 'GET',
  url: '/api/org/nodes/:id',
  access: { action: 'org.read' },
  summary: 'One node with its ancestors, children and your abilities on it',
  tags: ['org'],
  params: Type.Object({ id: NodeId }),
  response: NodeDetail,
});

export const createNode = defineRoute({
  method: 'POST',
  url: '/api/org/nodes',
  access: { action: 'org.manage' },
  summary: 'Create a node under a parent you manage',
  tags: ['org'],
  body: Type.Object(
    { parentId: NodeId, type: NodeTypeName, name: NodeName, code: Type.Optional(Code), kind: Type.Optional(Kind) },
    { additionalProperties: false },
  ),
  response: OrgNode,
  status: 201,
});

export const updateNode = defineRoute({
  method: 'PATCH',
  url: '/api/org/nodes/:id',
  access: { action: 'org.manage' },
  summary: 'Rename a node or change its code; `version` guards against lost updates',
  tags: ['org'],
  params: Type.Object({ id: NodeId }),
  body: Type.Object(
    {
      version: Type.Integer({ minimum: 1 }),
      name: Type.Optional(NodeName),
      code: Type.Optional(Type.Union([Code, Type.Null()])),
    },
    { additionalProperties: false },
  ),
  response: OrgNode,
});

export const deleteNode = defineRoute({
  method: 'DELETE',
  url: '/api/org/nodes/:id',
  access: { action: 'org.manage' },
  summary: 'Delete an empty node (no children, no people, no grants)',
  tags: ['org'],
  params: Type.Object({ id: NodeId }),
  response: Ok,
});
