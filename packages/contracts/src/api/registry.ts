import Type from 'typebox';
import { Abilities, IsoTime, NodeId, Page, PageQuery, Phone, Uuid } from './common.ts';
import { defineRoute } from './route.ts';

/** 户籍 registered here / 常住 lives here / 流动 floating / 外出 away. */
export const RESIDENCE_STATUSES = ['registered', 'permanent', 'floating', 'away'] as const;
export const RELATIONS = [
  'head',
  'spouse',
  'child',
  'parent',
  'grandparent',
  'grandchild',
  'sibling',
  'child_in_law',
  'member',
  'other',
] as const;
export const HOUSING_USES = ['residential', 'commercial', 'mixed', 'other'] as const;
export const OWNERSHIPS = ['owner_occupied', 'rented', 'vacant'] as const;

const Residence = Type.Enum(RESIDENCE_STATUSES);
const Relation = Type.Enum(RELATIONS);
const Sex = Type.Enum(['male', 'female'] as const);
const TagCode = Type.String({ pattern: '^[a-z][a-z0-9_]{1,30}$' });
const Day = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'YYYY-MM-DD' });
const Reason = Type.String({ minLength: 2, maxLength: 200 });
const Name = Type.String({ minLength: 1, maxLength: 40 });

export const PersonTag = Type.Object({
  code: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  sensitive: Type.Boolean(),
  /** Follows from the birth date (高龄, 适龄儿童); never stored, never set by hand. */
  derived: Type.Boolean(),
  level: Type.Union([Type.String(), Type.Null()]),
  validFrom: Type.Union([Day, Type.Null()]),
  validTo: Type.Union([Day, Type.Null()]),
  evidence: Type.Union([Type.String(), Type.Null()]),
  setByName: Type.Union([Type.String(), Type.Null()]),
  /** Whether the caller may change or remove it. */
  canSet: Type.Boolean(),
});

/** A listing row. Micro-grid volunteers get `contactOnly: true` and only name, address and phone. */
export const PersonRow = Type.Object({
  id: Uuid,
  name: Type.String(),
  address: Type.String(),
  roomId: Type.Union([NodeId, Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  contactOnly: Type.Boolean(),
  householdId: Type.Optional(Uuid),
  relation: Type.Optional(Relation),
  sex: Type.Optional(Sex),
  age: Type.Optional(Type.Integer()),
  residenceStatus: Type.Optional(Residence),
  idMasked: Type.Optional(Type.String()),
  tags: Type.Optional(Type.Array(Type.Object({ code: Type.String(), name: Type.String(), nameEn: Type.String() }))),
});

export const Person = Type.Object({
  id: Uuid,
  communityId: NodeId,
  householdId: Uuid,
  name: Type.String(),
  relation: Relation,
  phone: Type.Union([Type.String(), Type.Null()]),
  idMasked: Type.String(),
  sex: Sex,
  birthDate: Day,
  age: Type.Integer(),
  residenceStatus: Residence,
  address: Type.String(),
  roomId: Type.Union([NodeId, Type.Null()]),
  tags: Type.Array(PersonTag),
  household: Type.Array(
    Type.Object({ id: Uuid, name: Type.String(), relation: Relation, age: Type.Integer(), sex: Sex }),
  ),
  hasAccount: Type.Boolean(),
  /** Set when the household moved to another community: this record is kept there read-only (ADR 0009). */
  movedOutAt: Type.Optional(Type.Union([IsoTime, Type.Null()])),
  version: Type.Integer(),
  abilities: Abilities,
});

export const PersonChange = Type.Object({
  field: Type.String(),
  oldValue: Type.Union([Type.String(), Type.Null()]),
  newValue: Type.Union([Type.String(), Type.Null()]),
  reason: Type.String(),
  changedByName: Type.Union([Type.String(), Type.Null()]),
  changedAt: IsoTime,
});

export const Housing = Type.Object({
  floorArea: Type.Union([Type.Number(), Type.Null()]),
  use: Type.Enum(HOUSING_USES),
  ownership: Type.Enum(OWNERSHIPS),
  /** 0 until the room's housing facts are first recorded. */
  version: Type.Integer(),
});

export const Room = Type.Object({
  id: NodeId,
  name: Type.String(),
  address: Type.String(),
  housing: Housing,
  households: Type.Array(
    Type.Object({
      id: Uuid,
      /** Guards moving the household (optimistic concurrency). */
      version: Type.Integer(),
      members: Type.Array(PersonRow),
    }),
  ),
  abilities: Abilities,
});

const PersonId = Type.Object({ id: Uuid });

export const listPeople = defineRoute({
  method: 'GET',
  url: '/api/registry/people',
  access: { action: 'registry.contact' },
  summary:
    'People in the caller’s reach, searchable by name, pinyin initials, phone tail, ID tail (4 characters) or address',
  tags: ['registry'],
  querystring: Type.Object({
    nodeId: Type.Optional(NodeId),
    q: Type.Optional(Type.String({ maxLength: 40 })),
    tag: Type.Optional(TagCode),
    ...PageQuery,
  }),
  response: Type.Object({
    ...Page(PersonRow).properties,
    /** A search matched more people than it lists (see `total`): the caller should narrow it. */
    capped: Type.Optional(Type.Boolean()),
  }),
});

export const getPerson = defineRoute({
  method: 'GET',
  url: '/api/registry/people/:id',
  access: { action: 'person.read' },
  summary: 'A person’s card (ID number masked; every read is audited)',
  tags: ['registry'],
  params: PersonId,
  response: Person,
});

export const createPerson = defineRoute({
  method: 'POST',
  url: '/api/registry/people',
  access: { action: 'registry.edit' },
  summary: 'Register a person in a room: into its household (householdId) or as the head of a new one',
  tags: ['registry'],
  body: Type.Object(
    {
      roomId: NodeId,
      householdId: Type.Optional(Uuid),
      name: Name,
      idNumber: Type.String({ minLength: 15, maxLength: 20 }),
      phone: Type.Optional(Type.Union([Phone, Type.Null()])),
      relation: Relation,
      residenceStatus: Residence,
    },
    { additionalProperties: false },
  ),
  response: Person,
  status: 201,
});

export const updatePerson = defineRoute({
  method: 'PATCH',
  url: '/api/registry/people/:id',
  access: { action: 'registry.edit' },
  summary: 'Change a person; only changed fields are written, each with the reason in the history',
  tags: ['registry'],
  params: PersonId,
  body: Type.Object(
    {
      version: Type.Integer({ minimum: 1 }),
      reason: Reason,
      name: Type.Optional(Name),
      phone: Type.Optional(Type.Union([Phone, Type.Null()])),
      relation: Type.Optional(Relation),
      residenceStatus: Type.Optional(Residence),
    },
    { additionalProperties: false },
  ),
  response: Person,
});

export const revealPersonId = defineRoute({
  method: 'POST',
  url: '/api/registry/people/:id/reveal-id',
  access: { action: 'person.reveal_id' },
  summary: 'The full ID number, for a stated purpose (audited)',
  tags: ['registry'],
  params: PersonId,
  body: Type.Object({ purpose: Type.String({ minLength: 2, maxLength: 100 }) }, { additionalProperties: false }),
  response: Type.Object({ idNumber: Type.String() }),
});

export const personHistory = defineRoute({
  method: 'GET',
  url: '/api/registry/people/:id/history',
  access: { action: 'person.read' },
  summary: 'Per-field change history of a person, newest first',
  tags: ['registry'],
  params: PersonId,
  response: Type.Object({ items: Type.Array(PersonChange) }),
});

export const setPersonTag = defineRoute({
  method: 'PUT',
  url: '/api/registry/people/:id/tags/:code',
  access: { action: 'registry.edit' },
  summary: 'Set a tag on a person (only roles the tag names may set it), with its validity and evidence',
  tags: ['registry'],
  params: Type.Object({ id: Uuid, code: TagCode }),
  body: Type.Object(
    {
      level: Type.Optional(Type.Union([Type.String({ maxLength: 10 }), Type.Null()])),
      validFrom: Day,
      validTo: Type.Optional(Type.Union([Day, Type.Null()])),
      evidence: Type.String({ minLength: 2, maxLength: 200 }),
    },
    { additionalProperties: false },
  ),
  response: Person,
});

export const removePersonTag = defineRoute({
  method: 'DELETE',
  url: '/api/registry/people/:id/tags/:code',
  access: { action: 'registry.edit' },
  summary: 'Remove a tag from a person, with the reason in the history',
  tags: ['registry'],
  params: Type.Object({ id: Uuid, code: TagCode }),
  querystring: Type.Object({ reason: Reason }),
  response: Person,
});

export const getRoom = defineRoute({
  method: 'GET',
  url: '/api/registry/rooms/:id',
  access: { action: 'person.read' },
  summary: 'A room: housing facts and the households living there (audited)',
  tags: ['registry'],
  params: Type.Object({ id: NodeId }),
  response: Room,
});

export const putHousing = defineRoute({
  method: 'PUT',
  url: '/api/registry/rooms/:id/housing',
  access: { action: 'registry.edit' },
  summary: 'Record a room’s floor area, use and ownership (version 0 for the first time)',
  tags: ['registry'],
  params: Type.Object({ id: NodeId }),
  body: Type.Object(
    {
      version: Type.Integer({ minimum: 0 }),
      floorArea: Type.Union([Type.Number({ exclusiveMinimum: 0, maximum: 99999 }), Type.Null()]),
      use: Type.Enum(HOUSING_USES),
      ownership: Type.Enum(OWNERSHIPS),
    },
    { additionalProperties: false },
  ),
  response: Housing,
});

export const Tag = Type.Object({
  code: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  category: Type.String(),
  sensitive: Type.Boolean(),
  derived: Type.Boolean(),
  levels: Type.Array(Type.String()),
  setterRoles: Type.Array(Type.String()),
  viewerRoles: Type.Array(Type.String()),
  minAge: Type.Union([Type.Integer(), Type.Null()]),
  maxAge: Type.Union([Type.Integer(), Type.Null()]),
  active: Type.Boolean(),
  version: Type.Integer(),
});

export const listTags = defineRoute({
  method: 'GET',
  url: '/api/registry/tags',
  access: { action: 'registry.stats' },
  summary: 'The tag taxonomy: who may set and see each tag',
  tags: ['registry'],
  response: Type.Object({ items: Type.Array(Tag) }),
});

export const updateTag = defineRoute({
  method: 'PATCH',
  url: '/api/registry/tags/:code',
  access: { action: 'tag.manage' },
  summary: 'Change who may set or see a tag, or retire it',
  tags: ['registry'],
  params: Type.Object({ code: TagCode }),
  body: Type.Object(
    {
      version: Type.Integer({ minimum: 1 }),
      setterRoles: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 13 })),
      viewerRoles: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 13 })),
      active: Type.Optional(Type.Boolean()),
    },
    { additionalProperties: false },
  ),
  response: Tag,
});

/** Smallest count shown to aggregates-only roles; 1 to MIN_CELL − 1 people come as null (shown as "<5"). */
export const MIN_CELL = 5;
export const SmallCell = Type.Union([Type.Integer(), Type.Null()]);

export const registryStats = defineRoute({
  method: 'GET',
  url: '/api/registry/stats',
  access: { action: 'registry.stats' },
  summary: 'Counts only: households, people by residence status and tag, per community in the caller’s reach',
  tags: ['registry'],
  querystring: Type.Object({ nodeId: Type.Optional(NodeId) }),
  response: Type.Object({
    items: Type.Array(
      Type.Object({
        communityId: NodeId,
        name: Type.String(),
        households: SmallCell,
        people: SmallCell,
        byResidence: Type.Record(Type.String(), SmallCell),
        byTag: Type.Record(Type.String(), SmallCell),
      }),
    ),
    minCell: Type.Integer(),
  }),
});

export const moveHousehold = defineRoute({
  method: 'POST',
  url: '/api/registry/households/:id/move',
  access: { action: 'registry.edit' },
  summary: 'Move a household to another (empty) room of its community; every member’s history records the move',
  tags: ['registry'],
  params: Type.Object({ id: Uuid }),
  body: Type.Object(
    { version: Type.Integer({ minimum: 1 }), roomId: NodeId, reason: Reason },
    { additionalProperties: false },
  ),
  response: Type.Object({ id: Uuid, roomId: NodeId, address: Type.String(), version: Type.Integer() }),
});
