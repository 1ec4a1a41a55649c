/**
 * Affiliations a committee approves, each admitting someone to a board: 报到 — a party member checks in to
 * their residence community (双报到 also names the workplace and its party organisation), approved by the
 * community party organisation; 乡愁乡音 — a villager who moved away joins the village's hometown board,
 * approved by the village committee. See docs/adr/0014-party-and-hometown-boards.md.
 */
import Type from 'typebox';
import { IsoTime, NodeId, Phone, Uuid } from './common.ts';
import { defineRoute } from './route.ts';

export const AFFILIATION_KINDS = ['party', 'hometown'] as const;
export type AffiliationKind = (typeof AFFILIATION_KINDS)[number];
export const AFFILIATION_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
/** How a hometown member belongs to the village: born, household registered, lived there, family there. */
export const HOMETOWN_TIES = ['born', 'registered', 'lived', 'family'] as const;

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Day = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'calendar date' });

export const PartyDetail = Type.Object(
  {
    /** 组织关系所在党组织. */
    partyOrg: Text(80),
    joinedOn: Type.Optional(Day),
    /** 双报到: a member employed elsewhere also names the workplace and its party organisation. */
    dual: Type.Boolean(),
    workplace: Type.Optional(Text(80)),
    workplaceOrg: Type.Optional(Text(80)),
    /** What the member offers the community (志愿服务意向). */
    serviceOffer: Type.Optional(Text(200)),
  },
  { additionalProperties: false },
);

export const HometownDetail = Type.Object(
  {
    tie: Type.Enum(HOMETOWN_TIES),
    /** Where they live now. */
    livesIn: Text(60),
    note: Type.Optional(Text(200)),
  },
  { additionalProperties: false },
);

export const AffiliationView = Type.Object({
  id: Uuid,
  communityId: NodeId,
  communityName: Type.String(),
  kind: Type.Enum(AFFILIATION_KINDS),
  name: Type.String(),
  /** Shown to reviewers only; the applicant sees their own. */
  phone: Type.Union([Type.String(), Type.Null()]),
  party: Type.Union([PartyDetail, Type.Null()]),
  hometown: Type.Union([HometownDetail, Type.Null()]),
  status: Type.Enum(AFFILIATION_STATUSES),
  reason: Type.Union([Type.String(), Type.Null()]),
  createdAt: IsoTime,
  decidedAt: Type.Union([IsoTime, Type.Null()]),
  decidedByName: Type.Union([Type.String(), Type.Null()]),
  version: Type.Integer(),
});

const ApplyBody = Type.Union([
  Type.Object({ kind: Type.Literal('party'), party: PartyDetail }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('hometown'), hometown: HometownDetail }, { additionalProperties: false }),
]);

export const applyAffiliation = defineRoute({
  method: 'POST',
  url: '/api/communities/:id/affiliations',
  access: { auth: 'authenticated' },
  summary: 'Check in as a party member (a resident of the community) or ask to join a village’s hometown board',
  tags: ['affiliations'],
  params: Type.Object({ id: NodeId }),
  body: ApplyBody,
  response: AffiliationView,
  status: 201,
});

export const myAffiliations = defineRoute({
  method: 'GET',
  url: '/api/affiliations/mine',
  access: { auth: 'authenticated' },
  summary: 'The caller’s check-ins and hometown memberships, newest first',
  tags: ['affiliations'],
  response: Type.Object({ items: Type.Array(AffiliationView) }),
});

export const withdrawAffiliation = defineRoute({
  method: 'POST',
  url: '/api/affiliations/:id/withdraw',
  access: { auth: 'authenticated' },
  summary: 'The applicant withdraws a pending check-in or request',
  tags: ['affiliations'],
  params: Type.Object({ id: Uuid }),
  body: Type.Object({ version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
  response: AffiliationView,
});

export const listAffiliations = defineRoute({
  method: 'GET',
  url: '/api/communities/:id/affiliations',
  access: { auth: 'authenticated' },
  summary: 'The review queue: party check-ins (`party.review`) or hometown requests (`hometown.review`) of a community',
  tags: ['affiliations'],
  params: Type.Object({ id: NodeId }),
  querystring: Type.Object({
    kind: Type.Enum(AFFILIATION_KINDS),
    status: Type.Optional(Type.Enum(AFFILIATION_STATUSES)),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000, default: 0 })),
  }),
  response: Type.Object({ items: Type.Array(AffiliationView), total: Type.Integer() }),
});

export const decideAffiliation = defineRoute({
  method: 'POST',
  url: '/api/affiliations/:id/decide',
  access: { auth: 'authenticated' },
  summary: 'Approve (grants party_member or hometown_member in the community) or reject with a reason',
  tags: ['affiliations'],
  params: Type.Object({ id: Uuid }),
  body: Type.Object(
    {
      decision: Type.Union([Type.Literal('approve'), Type.Literal('reject')]),
      reason: Type.Optional(Type.String({ minLength: 2, maxLength: 200 })),
      version: Type.Integer({ minimum: 1 }),
    },
    { additionalProperties: false },
  ),
  response: AffiliationView,
});

export const VillageInfo = Type.Object({
  id: NodeId,
  name: Type.String(),
  street: Type.String(),
  district: Type.String(),
});

export const hometownInfo = defineRoute({
  method: 'GET',
  url: '/api/hometown/:id',
  access: { auth: 'public' },
  summary: 'A village’s 乡愁乡音 join page: its name and where it lies (villages only)',
  tags: ['affiliations'],
  params: Type.Object({ id: NodeId }),
  response: VillageInfo,
});

export const joinHometown = defineRoute({
  method: 'POST',
  url: '/api/hometown/:id/join',
  access: { auth: 'public' },
  summary:
    'Ask to join a village’s hometown board; without a session this registers the account (real name and phone) and signs in',
  tags: ['affiliations'],
  params: Type.Object({ id: NodeId }),
  body: Type.Object(
    {
      name: Type.String({ minLength: 2, maxLength: 30 }),
      phone: Phone,
      password: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
      hometown: HometownDetail,
    },
    { additionalProperties: false },
  ),
  response: Type.Object({ affiliation: AffiliationView, csrfToken: Type.Union([Type.String(), Type.Null()]) }),
  status: 201,
});
