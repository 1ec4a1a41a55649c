/**
 * Cases (诉求/工单): intake from every channel, inboxes, the case page and its commands.
 * The workflow itself is the pure state machine in `../cases`; these are its HTTP shapes.
 */
import Type from 'typebox';
import { CASE_COMMAND_TYPES, CASE_LEVELS, CASE_STATUSES, SLA_STAGES, URGE_LEVELS } from '../cases/index.ts';
import { IsoTime, NodeId, Phone, Uuid } from './common.ts';
import { defineRoute } from './route.ts';

/**
 * app = resident web form, qr = courtyard QR code, patrol = grid worker, phone/visit = entered by a cadre,
 * hotline = 12345 import, open311 = an external system through Open311 GeoReport v2.
 */
export const CASE_SOURCES = ['app', 'qr', 'patrol', 'phone', 'visit', 'hotline', 'open311'] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];
/** Sources a signed-in user chooses when reporting (qr and hotline have their own routes). */
export const REPORT_SOURCES = ['app', 'patrol', 'phone', 'visit'] as const;

export const INBOXES = ['to_accept', 'handling', 'overdue', 'near_due', 'to_check', 'parked', 'closed', 'all'] as const;
export type Inbox = (typeof INBOXES)[number];

export const CaseId = Uuid;
const CategoryId = Type.String({ pattern: '^[0-9]{1,18}$' });
const AttachmentId = Type.String({ pattern: '^[0-9a-f]{64}$', description: 'sha256 of the stored image' });
const Attachments = Type.Array(AttachmentId, { maxItems: 9, uniqueItems: true });
const Text = (max: number) => Type.String({ maxLength: max });
const Description = Type.String({ minLength: 5, maxLength: 2000 });
const SlaColour = Type.Union([Type.Literal('ok'), Type.Literal('yellow'), Type.Literal('red')]);

export const Location = Type.Object(
  { lat: Type.Number({ minimum: -90, maximum: 90 }), lng: Type.Number({ minimum: -180, maximum: 180 }) },
  { additionalProperties: false },
);

export const Sla = Type.Object({
  stage: Type.Enum(SLA_STAGES),
  startedAt: IsoTime,
  yellowAt: Type.Union([IsoTime, Type.Null()]),
  dueAt: IsoTime,
  colour: SlaColour,
});

export const CaseSummary = Type.Object({
  id: CaseId,
  no: Type.String(),
  communityId: NodeId,
  communityName: Type.String(),
  categoryId: CategoryId,
  categoryName: Type.String(),
  status: Type.Enum(CASE_STATUSES),
  level: Type.Enum(CASE_LEVELS),
  source: Type.Enum(CASE_SOURCES),
  title: Type.String({ description: 'the first line of the description, shortened' }),
  placeName: Type.String(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
  sla: Type.Union([Sla, Type.Null()]),
  /** The strongest urging on the case, if any. */
  urged: Type.Union([Type.Enum(URGE_LEVELS), Type.Null()]),
  departments: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), status: Type.String() })),
  public: Type.Boolean(),
  version: Type.Integer(),
});

export const CasePage = Type.Object({
  items: Type.Array(CaseSummary),
  /** Pass back as `cursor` for the next page; null at the end. */
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

const Person = Type.Object({ id: Type.Union([Type.String(), Type.Null()]), name: Type.String() });

export const TimelineEntry = Type.Object({
  version: Type.Integer(),
  type: Type.String(),
  at: IsoTime,
  role: Type.String(),
  /** Null where the viewer may not see who acted (public view of a resident's action). */
  actor: Type.Union([Person, Type.Null()]),
  fromStatus: Type.Union([Type.Enum(CASE_STATUSES), Type.Null()]),
  toStatus: Type.Enum(CASE_STATUSES),
  note: Type.String(),
  attachments: Type.Array(Type.String()),
  data: Type.Record(Type.String(), Type.Unknown()),
});

export const CommandKey = Type.Object({
  type: Type.Enum(CASE_COMMAND_TYPES),
  departmentId: Type.Optional(Type.String()),
});

export const CaseDetail = Type.Object({
  ...CaseSummary.properties,
  /** full: reporter, staff or department; public: a neighbour reading a public case (personal data removed). */
  view: Type.Union([Type.Literal('full'), Type.Literal('public')]),
  description: Type.String(),
  categoryCode: Type.String(),
  placeId: NodeId,
  placePath: Type.Array(Type.String(), { description: 'names from the community down to the place' }),
  location: Type.Union([Location, Type.Null()]),
  address: Type.String(),
  attachments: Type.Array(Type.String()),
  /** Reporters and contact (staff only; phone masked for departments). */
  reporters: Type.Array(Type.Object({ name: Type.String(), phone: Type.String() })),
  isReporter: Type.Boolean(),
  timeline: Type.Array(TimelineEntry),
  assignments: Type.Array(
    Type.Object({
      departmentId: Type.String(),
      departmentName: Type.String(),
      status: Type.String(),
      deadline: IsoTime,
      dispatchedAt: IsoTime,
      reason: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
  meetings: Type.Array(
    Type.Object({
      no: Type.Integer(),
      tier: Type.String(),
      status: Type.String(),
      at: IsoTime,
      place: Type.String(),
      invitees: Type.Array(
        Type.Object({ departmentId: Type.String(), departmentName: Type.String(), attendance: Type.String() }),
      ),
      minutes: Type.Union([Type.String(), Type.Null()]),
      agreedActions: Type.Array(Type.String()),
    }),
  ),
  ratings: Type.Array(
    Type.Object({ score: Type.Integer(), comment: Type.String(), at: IsoTime, round: Type.Integer() }),
  ),
  parked: Type.Union([Type.Object({ reviewAt: IsoTime, reason: Type.String(), tier: Type.String() }), Type.Null()]),
  mergedInto: Type.Union([Type.Object({ id: CaseId, no: Type.String() }), Type.Null()]),
  mergedFrom: Type.Array(Type.Object({ id: CaseId, no: Type.String() })),
  reopenCount: Type.Integer(),
  closedAt: Type.Union([IsoTime, Type.Null()]),
  /** Exactly the commands the caller may run now (department commands name the department). */
  allowed: Type.Array(CommandKey),
  /** Departments that serve the case's street (dispatch and summon candidates); empty unless the street acts. */
  departmentsServing: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), code: Type.String() })),
});

export const reportCase = defineRoute({
  method: 'POST',
  url: '/api/cases',
  access: { action: 'case.report' },
  summary: 'Report a case: a resident (app), a grid worker on patrol, or a cadre entering a call or visit',
  tags: ['cases'],
  body: Type.Object(
    {
      categoryId: CategoryId,
      description: Description,
      /** The building, room, grid or community where the problem is. */
      placeId: NodeId,
      location: Type.Optional(Location),
      address: Type.Optional(Text(200)),
      attachments: Type.Optional(Attachments),
      public: Type.Optional(Type.Boolean({ default: false })),
      source: Type.Optional(Type.Enum(REPORT_SOURCES)),
      /** Who called or visited (phone/visit entries by a cadre). */
      contact: Type.Optional(Type.Object({ name: Type.String({ minLength: 1, maxLength: 40 }), phone: Phone })),
    },
    { additionalProperties: false },
  ),
  response: CaseDetail,
  status: 201,
});

export const listCases = defineRoute({
  method: 'GET',
  url: '/api/cases',
  access: { action: 'case.read' },
  summary: "A staff inbox: the caller's scope (subtree; departments: what was dispatched to them), newest first",
  tags: ['cases'],
  querystring: Type.Object({
    box: Type.Optional(Type.Enum(INBOXES)),
    nodeId: Type.Optional(NodeId),
    categoryId: Type.Optional(CategoryId),
    status: Type.Optional(Type.Enum(CASE_STATUSES)),
    source: Type.Optional(Type.Enum(CASE_SOURCES)),
    departmentId: Type.Optional(Type.String({ pattern: '^[0-9]{1,18}$' })),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 100 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 30 })),
  }),
  response: CasePage,
});

export const inboxCounts = defineRoute({
  method: 'GET',
  url: '/api/cases/inbox-counts',
  access: { action: 'case.read' },
  summary: 'How many cases are in each inbox of the caller (capped at 1000 per box)',
  tags: ['cases'],
  querystring: Type.Object({ nodeId: Type.Optional(NodeId) }),
  response: Type.Record(Type.String(), Type.Integer()),
});

export const myCases = defineRoute({
  method: 'GET',
  url: '/api/cases/mine',
  access: { auth: 'authenticated' },
  summary: 'Cases the caller reported (or follows after a merge), newest first',
  tags: ['cases'],
  querystring: Type.Object({
    cursor: Type.Optional(Type.String({ maxLength: 100 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 30 })),
  }),
  response: CasePage,
});

export const publicCases = defineRoute({
  method: 'GET',
  url: '/api/cases/public',
  access: { action: 'community.read' },
  summary: "Public cases of the caller's community, personal data removed",
  tags: ['cases'],
  querystring: Type.Object({
    communityId: Type.Optional(NodeId),
    cursor: Type.Optional(Type.String({ maxLength: 100 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 30 })),
  }),
  response: CasePage,
});

export const getCase = defineRoute({
  method: 'GET',
  url: '/api/cases/:id',
  access: { auth: 'authenticated' },
  summary: 'The case page: what the caller may see of it, its timeline and the commands allowed now',
  tags: ['cases'],
  params: Type.Object({ id: CaseId }),
  response: CaseDetail,
});

/** One flat body for every command; the state machine checks which fields a command needs. */
export const CommandBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    type: Type.Enum(CASE_COMMAND_TYPES.filter((t) => t !== 'merge' && t !== 'absorb')),
    note: Type.Optional(Text(2000)),
    attachments: Type.Optional(Attachments),
    departmentId: Type.Optional(Type.String({ pattern: '^[0-9]{1,18}$' })),
    assignments: Type.Optional(
      Type.Array(
        Type.Object(
          { departmentId: Type.String({ pattern: '^[0-9]{1,18}$' }), deadline: IsoTime },
          { additionalProperties: false },
        ),
        { minItems: 1, maxItems: 20 },
      ),
    ),
    passed: Type.Optional(Type.Boolean()),
    departmentIds: Type.Optional(
      Type.Array(Type.String({ pattern: '^[0-9]{1,18}$' }), { minItems: 1, maxItems: 20, uniqueItems: true }),
    ),
    score: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
    comment: Type.Optional(Text(500)),
    level: Type.Optional(Type.Enum(URGE_LEVELS)),
    reviewAt: Type.Optional(IsoTime),
    at: Type.Optional(IsoTime),
    place: Type.Optional(Text(200)),
    attend: Type.Optional(Type.Boolean()),
    minutes: Type.Optional(Text(2000)),
    agreedActions: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 50 })),
  },
  { additionalProperties: false },
);

export const runCommand = defineRoute({
  method: 'POST',
  url: '/api/cases/:id/commands',
  access: { auth: 'authenticated' },
  summary: 'Run one workflow command; `version` must be the version the caller saw (409 otherwise)',
  tags: ['cases'],
  params: Type.Object({ id: CaseId }),
  body: CommandBody,
  response: CaseDetail,
});

export const mergeCase = defineRoute({
  method: 'POST',
  url: '/api/cases/:id/merge',
  access: { action: 'case.read' },
  summary: 'Merge this duplicate into another open case; its reporters follow the target. Answers the target case.',
  tags: ['cases'],
  params: Type.Object({ id: CaseId }),
  body: Type.Object(
    {
      version: Type.Integer({ minimum: 1 }),
      targetId: CaseId,
      targetVersion: Type.Integer({ minimum: 1 }),
      note: Type.Optional(Text(2000)),
    },
    { additionalProperties: false },
  ),
  response: CaseDetail,
});

export const bulkAccept = defineRoute({
  method: 'POST',
  url: '/api/cases/bulk-accept',
  access: { action: 'case.read' },
  summary: 'Sign for several submitted cases; each succeeds or fails on its own',
  tags: ['cases'],
  body: Type.Object(
    {
      items: Type.Array(
        Type.Object({ id: CaseId, version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
        { minItems: 1, maxItems: 100 },
      ),
    },
    { additionalProperties: false },
  ),
  response: Type.Object({
    results: Type.Array(
      Type.Object({ id: CaseId, ok: Type.Boolean(), code: Type.Optional(Type.String()), version: Type.Integer() }),
    ),
  }),
});

export const duplicateSuggestions = defineRoute({
  method: 'GET',
  url: '/api/cases/duplicates',
  access: { auth: 'authenticated' },
  summary: 'Open cases of the same category within 100 m or in the same building, with similar text',
  tags: ['cases'],
  querystring: Type.Object({
    categoryId: CategoryId,
    placeId: NodeId,
    text: Type.Optional(Type.String({ maxLength: 2000 })),
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    lng: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
    excludeId: Type.Optional(CaseId),
  }),
  response: Type.Object({
    items: Type.Array(
      Type.Object({
        ...CaseSummary.properties,
        distanceM: Type.Union([Type.Number(), Type.Null()]),
        sameBuilding: Type.Boolean(),
        similarity: Type.Number(),
      }),
    ),
  }),
});

export const caseAttachment = defineRoute({
  method: 'GET',
  url: '/api/cases/:id/attachments/:attachmentId',
  access: { auth: 'authenticated' },
  summary: 'A photo of the case (metadata stripped), for whoever may see the case',
  tags: ['cases'],
  params: Type.Object({ id: CaseId, attachmentId: AttachmentId }),
  response: null,
});

export const reportPlaces = defineRoute({
  method: 'GET',
  url: '/api/cases/places',
  access: { action: 'case.report' },
  summary: "Grids and buildings (courtyards) of the caller's community a report may be about (no rooms)",
  tags: ['cases'],
  querystring: Type.Object({ communityId: Type.Optional(NodeId) }),
  response: Type.Object({
    community: Type.Object({ id: NodeId, name: Type.String() }),
    places: Type.Array(
      Type.Object({
        id: NodeId,
        name: Type.String(),
        type: Type.String(),
        parentId: Type.Union([NodeId, Type.Null()]),
      }),
    ),
  }),
});

export const caseDepartments = defineRoute({
  method: 'GET',
  url: '/api/cases/departments',
  access: { action: 'case.read' },
  summary: "Departments serving the streets in the caller's scope (filters, dispatch and summon lists)",
  tags: ['cases'],
  response: Type.Object({
    items: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), code: Type.String() })),
  }),
});
