import Type from 'typebox';
import { IsoTime, NodeId, Page, PageQuery } from './common.ts';
import { defineRoute } from './route.ts';

export const AuditEntry = Type.Object({
  id: Type.String(),
  at: IsoTime,
  actorId: Type.Union([Type.String(), Type.Null()]),
  actorName: Type.Union([Type.String(), Type.Null()]),
  actorRole: Type.Union([Type.String(), Type.Null()]),
  nodeId: Type.Union([NodeId, Type.Null()]),
  nodeName: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  resourceType: Type.String(),
  resourceId: Type.Union([Type.String(), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
  requestId: Type.Union([Type.String(), Type.Null()]),
  detail: Type.Unknown(),
});

export const searchAudit = defineRoute({
  method: 'GET',
  url: '/api/audit',
  access: { action: 'audit.read' },
  summary: 'Search the audit log of your subtree, newest first',
  tags: ['audit'],
  querystring: Type.Object({
    actor: Type.Optional(Type.String({ maxLength: 40, description: 'name or phone' })),
    action: Type.Optional(Type.String({ maxLength: 60 })),
    resourceType: Type.Optional(Type.String({ maxLength: 40 })),
    nodeId: Type.Optional(NodeId),
    from: Type.Optional(IsoTime),
    to: Type.Optional(IsoTime),
    ...PageQuery,
  }),
  response: Page(AuditEntry),
});
