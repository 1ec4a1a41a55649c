/**
 * Organisations in the community (商铺、企业、社会组织、机关事业单位) and compound profiles (小区/院落概况:
 * property management, entrances, facilities and resources, service providers), both hung on the org tree.
 * See docs/adr/0009-registry.md.
 */
import Type from 'typebox';
import { Abilities, IsoTime, NodeId, Page, PageQuery, Uuid } from './common.ts';
import { defineRoute } from './route.ts';

export const ORGANISATION_KINDS = ['shop', 'firm', 'social_org', 'institution', 'other'] as const;
export const ORGANISATION_STATUSES = ['active', 'closed'] as const;
/** 物业公司 / 业主自管 / 无物业. */
export const MANAGEMENT_KINDS = ['company', 'self', 'none'] as const;
export const FACILITY_KINDS = [
  'elevator',
  'charging',
  'activity_room',
  'parking',
  'cctv',
  'access_control',
  'bike_shed',
  'sorting_point',
  'fire_equipment',
  'aed',
  'other',
] as const;
/** Node types an organisation may sit at: a grid (its area), a building or courtyard, a unit or a room. */
export const ORGANISATION_NODE_TYPES = ['grid', 'building', 'unit', 'room'] as const;

/** A mobile number or a landline with its area code (021-12345678). */
export const CONTACT_PHONE_PATTERN = '^(1[3-9][0-9]{9}|0[1-9][0-9]{1,2}-?[0-9]{7,8})$';
const ContactPhone = Type.String({ pattern: CONTACT_PHONE_PATTERN, description: 'mobile or landline' });
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const OptText = (max: number) => Type.Optional(Type.Union([Type.String({ maxLength: max }), Type.Null()]));
const Nullable = <T extends import('typebox').TSchema>(t: T) => Type.Union([t, Type.Null()]);

const OrganisationFields = {
  kind: Type.Enum(ORGANISATION_KINDS),
  name: Text(60),
  /** 统一社会信用代码, 18 characters with a valid check character (GB 32100-2015). */
  creditCode: OptText(18),
  /** Where it is: a grid, building/courtyard, unit or room of the community. */
  nodeId: NodeId,
  /** Street address (门牌), e.g. 临江路 88 号. */
  address: OptText(100),
  contactName: OptText(40),
  contactPhone: Type.Optional(Nullable(ContactPhone)),
  employees: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 1_000_000 }))),
  /** 是否建有党组织. */
  partyOrg: Type.Optional(Type.Boolean()),
  notes: OptText(500),
};

export const Organisation = Type.Object({
  id: Uuid,
  communityId: NodeId,
  communityName: Type.String(),
  kind: Type.Enum(ORGANISATION_KINDS),
  name: Type.String(),
  creditCode: Nullable(Type.String()),
  nodeId: NodeId,
  /** The node's place below the community: "第一网格 1号楼". */
  place: Type.String(),
  address: Nullable(Type.String()),
  contactName: Nullable(Type.String()),
  /** Masked (138****0001) for callers who may not edit it (streets, the district's observers). */
  contactPhone: Nullable(Type.String()),
  employees: Nullable(Type.Integer()),
  partyOrg: Type.Boolean(),
  notes: Nullable(Type.String()),
  status: Type.Enum(ORGANISATION_STATUSES),
  updatedAt: IsoTime,
  version: Type.Integer(),
  abilities: Abilities,
});

const OrgId = Type.Object({ id: Uuid });

export const listOrganisations = defineRoute({
  method: 'GET',
  url: '/api/registry/organisations',
  access: { action: 'registry.stats' },
  summary: 'Organisations in the caller’s reach, by name or credit code, kind and status',
  tags: ['registry'],
  querystring: Type.Object({
    nodeId: Type.Optional(NodeId),
    q: Type.Optional(Type.String({ maxLength: 40 })),
    kind: Type.Optional(Type.Enum(ORGANISATION_KINDS)),
    status: Type.Optional(Type.Enum(ORGANISATION_STATUSES)),
    ...PageQuery,
  }),
  response: Page(Organisation),
});

export const getOrganisation = defineRoute({
  method: 'GET',
  url: '/api/registry/organisations/:id',
  access: { action: 'registry.stats' },
  summary: 'An organisation',
  tags: ['registry'],
  params: OrgId,
  response: Organisation,
});

export const createOrganisation = defineRoute({
  method: 'POST',
  url: '/api/registry/organisations',
  access: { action: 'registry.edit' },
  summary: 'Record an organisation at a node of the community',
  tags: ['registry'],
  body: Type.Object(OrganisationFields, { additionalProperties: false }),
  response: Organisation,
  status: 201,
});

export const updateOrganisation = defineRoute({
  method: 'PATCH',
  url: '/api/registry/organisations/:id',
  access: { action: 'registry.edit' },
  summary: 'Change an organisation (only the fields sent), or close it (status closed)',
  tags: ['registry'],
  params: OrgId,
  body: Type.Object(
    {
      version: Type.Integer({ minimum: 1 }),
      ...Type.Partial(Type.Object(OrganisationFields)).properties,
      status: Type.Optional(Type.Enum(ORGANISATION_STATUSES)),
    },
    { additionalProperties: false },
  ),
  response: Organisation,
});

export const deleteOrganisation = defineRoute({
  method: 'DELETE',
  url: '/api/registry/organisations/:id',
  access: { action: 'registry.edit' },
  summary: 'Delete an organisation recorded by mistake (one that closed is marked closed instead)',
  tags: ['registry'],
  params: OrgId,
  querystring: Type.Object({ version: Type.Integer({ minimum: 1 }) }),
  response: Type.Object({ ok: Type.Literal(true) }),
});

export const Entrance = Type.Object(
  {
    name: Text(30),
    /** Opening hours as posted, e.g. 06:00–22:00 or 24小时. */
    hours: OptText(30),
    guarded: Type.Boolean(),
    vehicles: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export const Facility = Type.Object(
  {
    kind: Type.Enum(FACILITY_KINDS),
    count: Type.Integer({ minimum: 0, maximum: 100_000 }),
    notes: OptText(100),
  },
  { additionalProperties: false },
);
export const Provider = Type.Object(
  {
    name: Text(60),
    /** What they do: 保洁、安保、家庭医生、法律咨询 … */
    service: Text(40),
    contactName: OptText(40),
    phone: Type.Optional(Nullable(ContactPhone)),
  },
  { additionalProperties: false },
);

const CompoundFields = {
  management: Type.Enum(MANAGEMENT_KINDS),
  /** The property company's name; required when management is `company`. */
  companyName: OptText(60),
  contactName: OptText(40),
  contactPhone: Type.Optional(Nullable(ContactPhone)),
  entrances: Type.Array(Entrance, { maxItems: 30 }),
  facilities: Type.Array(Facility, { maxItems: 40 }),
  providers: Type.Array(Provider, { maxItems: 30 }),
  notes: OptText(500),
};

export const Compound = Type.Object({
  nodeId: NodeId,
  communityId: NodeId,
  communityName: Type.String(),
  name: Type.String(),
  place: Type.String(),
  management: Type.Enum(MANAGEMENT_KINDS),
  companyName: Nullable(Type.String()),
  contactName: Nullable(Type.String()),
  contactPhone: Nullable(Type.String()),
  entrances: Type.Array(
    Type.Object({
      name: Type.String(),
      hours: Nullable(Type.String()),
      guarded: Type.Boolean(),
      vehicles: Type.Boolean(),
    }),
  ),
  facilities: Type.Array(
    Type.Object({ kind: Type.Enum(FACILITY_KINDS), count: Type.Integer(), notes: Nullable(Type.String()) }),
  ),
  providers: Type.Array(
    Type.Object({
      name: Type.String(),
      service: Type.String(),
      contactName: Nullable(Type.String()),
      phone: Nullable(Type.String()),
    }),
  ),
  notes: Nullable(Type.String()),
  /** Entrances and guarded ones (closed management counts them). */
  entranceCount: Type.Integer(),
  guardedCount: Type.Integer(),
  /** Active organisations recorded at the compound or below it. */
  organisationCount: Type.Integer(),
  updatedByName: Nullable(Type.String()),
  updatedAt: Nullable(IsoTime),
  /** 0 until the profile is first recorded. */
  version: Type.Integer(),
  abilities: Abilities,
});

const CompoundNode = Type.Object({ nodeId: NodeId });

export const listCompounds = defineRoute({
  method: 'GET',
  url: '/api/registry/compounds',
  access: { action: 'registry.stats' },
  summary: 'Recorded compound profiles in the caller’s reach',
  tags: ['registry'],
  querystring: Type.Object({ nodeId: Type.Optional(NodeId), ...PageQuery }),
  response: Page(Compound),
});

export const getCompound = defineRoute({
  method: 'GET',
  url: '/api/registry/compounds/:nodeId',
  access: { action: 'registry.stats' },
  summary: 'The profile of a compound (a building or courtyard node); version 0 when none is recorded',
  tags: ['registry'],
  params: CompoundNode,
  response: Compound,
});

export const putCompound = defineRoute({
  method: 'PUT',
  url: '/api/registry/compounds/:nodeId',
  access: { action: 'registry.edit' },
  summary: 'Record a compound’s profile (version 0 the first time)',
  tags: ['registry'],
  params: CompoundNode,
  body: Type.Object({ version: Type.Integer({ minimum: 0 }), ...CompoundFields }, { additionalProperties: false }),
  response: Compound,
});
