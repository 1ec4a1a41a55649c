import Type from 'typebox';
import { IsoTime, NodeId, Page, PageQuery, Phone, Uuid } from './common.ts';
import { defineRoute } from './route.ts';

export const ApplicationStatus = Type.Union([
  Type.Literal('pending'),
  Type.Literal('approved'),
  Type.Literal('rejected'),
]);

export const AddressNode = Type.Object({
  id: NodeId,
  parentId: Type.Union([NodeId, Type.Null()]),
  type: Type.String(),
  name: Type.String(),
});

export const JoinInfo = Type.Object({
  community: Type.Object({
    id: NodeId,
    name: Type.String(),
    kind: Type.String(),
    street: Type.String(),
    district: Type.String(),
  }),
  /** Grids, buildings, units and rooms to pick the address from (villages may type it instead). */
  addressTree: Type.Array(AddressNode),
  freeTextAddress: Type.Boolean(),
});

export const ApplyBody = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: 30 }),
    idNumber: Type.String({ format: 'cn-id-number', description: 'GB 11643-1999 resident identity number' }),
    phone: Phone,
    /** Required when applying without signing in: becomes the new account's password. */
    password: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
    addressNodeId: Type.Optional(NodeId),
    addressText: Type.Optional(Type.String({ minLength: 2, maxLength: 120 })),
  },
  { additionalProperties: false },
);

export const ApplicationView = Type.Object({
  id: Uuid,
  communityId: NodeId,
  communityName: Type.String(),
  name: Type.String(),
  phone: Type.String(),
  idNumberMasked: Type.String(),
  sex: Type.String(),
  birthDate: Type.String(),
  address: Type.String(),
  addressNodeId: Type.Union([NodeId, Type.Null()]),
  status: ApplicationStatus,
  reason: Type.Union([Type.String(), Type.Null()]),
  createdAt: IsoTime,
  decidedAt: Type.Union([IsoTime, Type.Null()]),
  decidedByName: Type.Union([Type.String(), Type.Null()]),
  version: Type.Integer(),
  /** Sent to reviewers: which decisions the caller may take on this application now. */
  abilities: Type.Optional(Type.Object({ approve: Type.Boolean(), reject: Type.Boolean(), revealId: Type.Boolean() })),
});

export const joinInfo = defineRoute({
  method: 'GET',
  url: '/api/join/:token',
  access: { auth: 'public' },
  summary: "A community's join page: its name and the addresses to pick from",
  tags: ['join'],
  params: Type.Object({ token: Type.String({ minLength: 10, maxLength: 200 }) }),
  response: JoinInfo,
});

export const apply = defineRoute({
  method: 'POST',
  url: '/api/join/:token/applications',
  access: { auth: 'public' },
  summary: 'Apply to join with real name; creates the account and signs in when not signed in',
  tags: ['join'],
  params: Type.Object({ token: Type.String({ minLength: 10, maxLength: 200 }) }),
  body: ApplyBody,
  response: Type.Object({ application: ApplicationView, csrfToken: Type.Union([Type.String(), Type.Null()]) }),
  status: 201,
});

export const myApplications = defineRoute({
  method: 'GET',
  url: '/api/me/applications',
  access: { auth: 'authenticated' },
  summary: 'Your join applications with their status and any reason',
  tags: ['join'],
  response: Type.Object({ items: Type.Array(ApplicationView) }),
});

export const listApplications = defineRoute({
  method: 'GET',
  url: '/api/join-applications',
  access: { action: 'join.review' },
  summary: 'Join review queue over the communities you review',
  tags: ['join'],
  querystring: Type.Object({
    nodeId: Type.Optional(NodeId),
    status: Type.Optional(ApplicationStatus),
    q: Type.Optional(Type.String({ maxLength: 40 })),
    ...PageQuery,
  }),
  response: Page(ApplicationView),
});

export const getApplication = defineRoute({
  method: 'GET',
  url: '/api/join-applications/:id',
  access: { action: 'join.review' },
  summary: 'One application (ID number masked)',
  tags: ['join'],
  params: Type.Object({ id: Uuid }),
  response: ApplicationView,
});

const Decision = { version: Type.Integer({ minimum: 1 }) };

export const approveApplication = defineRoute({
  method: 'POST',
  url: '/api/join-applications/:id/approve',
  access: { action: 'join.review' },
  summary: 'Approve: grants the resident role at the address and links a household',
  tags: ['join'],
  params: Type.Object({ id: Uuid }),
  body: Type.Object(Decision, { additionalProperties: false }),
  response: ApplicationView,
});

export const rejectApplication = defineRoute({
  method: 'POST',
  url: '/api/join-applications/:id/reject',
  access: { action: 'join.review' },
  summary: 'Reject with a reason the applicant will see',
  tags: ['join'],
  params: Type.Object({ id: Uuid }),
  body: Type.Object(
    { ...Decision, reason: Type.String({ minLength: 2, maxLength: 200 }) },
    { additionalProperties: false },
  ),
  response: ApplicationView,
});

export const revealApplicationId = defineRoute({
  method: 'POST',
  url: '/api/join-applications/:id/reveal-id',
  access: { action: 'person.reveal_id' },
  summary: 'Show the full ID number (audited)',
  tags: ['join'],
  params: Type.Object({ id: Uuid }),
  body: Type.Object({ purpose: Type.String({ minLength: 2, maxLength: 100 }) }, { additionalProperties: false }),
  response: Type.Object({ idNumber: Type.String() }),
});

export const JoinLink = Type.Object({
  communityId: NodeId,
  url: Type.String(),
  token: Type.String(),
  version: Type.Integer(),
  rotatedAt: IsoTime,
});

export const getJoinLink = defineRoute({
  method: 'GET',
  url: '/api/communities/:id/join-link',
  access: { action: 'join.link.manage' },
  summary: "The community's current join link (the QR code's target)",
  tags: ['join'],
  params: Type.Object({ id: NodeId }),
  response: JoinLink,
});

export const rotateJoinLink = defineRoute({
  method: 'POST',
  url: '/api/communities/:id/join-link/rotate',
  access: { action: 'join.link.manage' },
  summary: 'Issue a new join link; the old one stops working',
  tags: ['join'],
  params: Type.Object({ id: NodeId }),
  response: JoinLink,
});

export const joinQr = defineRoute({
  method: 'GET',
  url: '/api/communities/:id/join-link/qr.:format',
  access: { action: 'join.link.manage' },
  summary: 'Printable QR code of the join link (png or svg)',
  tags: ['join'],
  params: Type.Object({ id: NodeId, format: Type.Union([Type.Literal('png'), Type.Literal('svg')]) }),
  response: null,
});
