import Type, { type Static } from 'typebox';
import { IsoTime, NodeId, Page, PageQuery, Uuid } from './common.ts';
import { HOUSING_USES, OWNERSHIPS, RESIDENCE_STATUSES } from './registry.ts';
import { defineRoute } from './route.ts';

export const OUTCOMES = ['informed', 'applied', 'not_eligible', 'unreachable'] as const;
export const TASK_STATUSES = ['pending', ...OUTCOMES] as const;

const TagCode = Type.String({ pattern: '^[a-z][a-z0-9_]{1,30}$' });
const Age = Type.Integer({ minimum: 0, maximum: 130 });
const AgeRange = Type.Object({ min: Type.Optional(Age), max: Type.Optional(Age) }, { additionalProperties: false });

/**
 * One condition of a policy rule; a rule matches the people meeting ALL its conditions. Tags include the
 * age-derived ones (高龄, 适龄儿童), which are evaluated from the birth date.
 */
export const RuleCondition = Type.Union([
  Type.Object({ tag: TagCode, has: Type.Boolean() }, { additionalProperties: false }),
  Type.Object({ anyTag: Type.Array(TagCode, { minItems: 1, maxItems: 10 }) }, { additionalProperties: false }),
  Type.Object({ age: AgeRange }, { additionalProperties: false }),
  Type.Object({ sex: Type.Enum(['male', 'female'] as const) }, { additionalProperties: false }),
  Type.Object(
    { residence: Type.Array(Type.Enum(RESIDENCE_STATUSES), { minItems: 1, maxItems: 4 }) },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      household: Type.Object(
        {
          minSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 30 })),
          maxSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 30 })),
          /** Someone else in the household has this tag (e.g. a 低保 household). */
          memberTag: Type.Optional(TagCode),
          /** Someone else in the household is of this age (e.g. a school-age child). */
          memberAge: Type.Optional(AgeRange),
        },
        { additionalProperties: false },
      ),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      housing: Type.Object(
        {
          ownership: Type.Optional(Type.Array(Type.Enum(OWNERSHIPS), { minItems: 1, maxItems: 3 })),
          use: Type.Optional(Type.Array(Type.Enum(HOUSING_USES), { minItems: 1, maxItems: 4 })),
          minArea: Type.Optional(Type.Number({ minimum: 0 })),
          maxArea: Type.Optional(Type.Number({ minimum: 0 })),
        },
        { additionalProperties: false },
      ),
    },
    { additionalProperties: false },
  ),
]);
export type RuleCondition = Static<typeof RuleCondition>;

export const Rule = Type.Object(
  { all: Type.Array(RuleCondition, { minItems: 1, maxItems: 12 }) },
  { additionalProperties: false },
);
export type Rule = Static<typeof Rule>;

const Coverage = Type.Object({
  total: Type.Integer(),
  pending: Type.Integer(),
  informed: Type.Integer(),
  applied: Type.Integer(),
  notEligible: Type.Integer(),
  unreachable: Type.Integer(),
});

export const Policy = Type.Object({
  id: Uuid,
  name: Type.String(),
  description: Type.String(),
  nodeId: NodeId,
  nodeName: Type.String(),
  rule: Rule,
  createdByName: Type.Union([Type.String(), Type.Null()]),
  createdAt: IsoTime,
  coverage: Coverage,
});

export const previewPolicy = defineRoute({
  method: 'POST',
  url: '/api/registry/policies/preview',
  access: { action: 'registry.stats' },
  summary: 'How many people in the caller’s reach (or under nodeId) a rule matches, per community',
  tags: ['outreach'],
  body: Type.Object({ rule: Rule, nodeId: Type.Optional(NodeId) }, { additionalProperties: false }),
  /** Counts of 1–4 come as null to a caller who may not read the people of that community (minimum cell size). */
  response: Type.Object({
    count: Type.Union([Type.Integer(), Type.Null()]),
    byCommunity: Type.Array(
      Type.Object({ id: NodeId, name: Type.String(), count: Type.Union([Type.Integer(), Type.Null()]) }),
    ),
  }),
});

export const createPolicy = defineRoute({
  method: 'POST',
  url: '/api/registry/policies',
  access: { action: 'policy.manage' },
  summary: 'Save a policy at a node: every person it matches there becomes an outreach task for their grid',
  tags: ['outreach'],
  body: Type.Object(
    {
      nodeId: NodeId,
      name: Type.String({ minLength: 1, maxLength: 60 }),
      description: Type.Optional(Type.String({ maxLength: 500 })),
      rule: Rule,
    },
    { additionalProperties: false },
  ),
  response: Policy,
  status: 201,
});

export const listPolicies = defineRoute({
  method: 'GET',
  url: '/api/registry/policies',
  access: { action: 'registry.stats' },
  summary: 'Policies defined at or above or below the caller’s reach, with coverage counted in that reach',
  tags: ['outreach'],
  querystring: Type.Object({ nodeId: Type.Optional(NodeId), ...PageQuery }),
  response: Page(Policy),
});

export const policyCoverage = defineRoute({
  method: 'GET',
  url: '/api/registry/policies/:id/coverage',
  access: { action: 'registry.stats' },
  summary: 'Outcomes of a policy’s outreach by grid and community, within the caller’s reach',
  tags: ['outreach'],
  params: Type.Object({ id: Uuid }),
  response: Type.Object({
    policy: Policy,
    byGrid: Type.Array(
      Type.Object({
        gridId: Type.Union([NodeId, Type.Null()]),
        gridName: Type.String(),
        communityId: NodeId,
        communityName: Type.String(),
        coverage: Coverage,
      }),
    ),
  }),
});

export const OutreachTask = Type.Object({
  policyId: Uuid,
  policyName: Type.String(),
  personId: Uuid,
  name: Type.String(),
  address: Type.String(),
  phone: Type.Union([Type.String(), Type.Null()]),
  gridName: Type.String(),
  status: Type.Enum(TASK_STATUSES),
  note: Type.Union([Type.String(), Type.Null()]),
  outcomeAt: Type.Union([IsoTime, Type.Null()]),
  version: Type.Integer(),
});

export const listOutreach = defineRoute({
  method: 'GET',
  url: '/api/registry/outreach',
  access: { action: 'outreach.work' },
  summary: 'Outreach tasks in the caller’s reach (a grid worker: their grid), pending first',
  tags: ['outreach'],
  querystring: Type.Object({
    policyId: Type.Optional(Uuid),
    status: Type.Optional(Type.Enum(TASK_STATUSES)),
    nodeId: Type.Optional(NodeId),
    ...PageQuery,
  }),
  response: Page(OutreachTask),
});

export const recordOutcome = defineRoute({
  method: 'POST',
  url: '/api/registry/outreach/:policyId/:personId',
  access: { action: 'outreach.work' },
  summary: 'Record the outcome of contacting a person about a policy',
  tags: ['outreach'],
  params: Type.Object({ policyId: Uuid, personId: Uuid }),
  body: Type.Object(
    {
      version: Type.Integer({ minimum: 1 }),
      outcome: Type.Enum(OUTCOMES),
      note: Type.Optional(Type.String({ maxLength: 200 })),
    },
    { additionalProperties: false },
  ),
  response: OutreachTask,
});
