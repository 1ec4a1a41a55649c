import Type from 'typebox';
import { TimeLimitSchema } from '../calendar/schema.ts';
import { defineRoute } from './route.ts';

export const CASE_LEVELS = ['courtyard', 'community', 'street', 'department'] as const;
export const CATEGORY_KINDS = ['self_governance', 'event', 'part'] as const;

const CategoryId = Type.String({ pattern: '^[0-9]{1,18}$' });
/** Linli's own codes: SQ (社区自治), SJ (事件), BJ (部件), then two digits per level. */
const Code = Type.String({ pattern: '^(SQ|SJ|BJ)([0-9]{2}){0,3}$', description: 'e.g. SJ0101' });
const Level = Type.Enum(CASE_LEVELS);
const Kind = Type.Enum(CATEGORY_KINDS);

/** Time limits per stage: 签收 accept, 处置 handle, 核查 check. */
export const StageLimits = Type.Object(
  {
    accept: Type.Optional(TimeLimitSchema),
    handle: Type.Optional(TimeLimitSchema),
    check: Type.Optional(TimeLimitSchema),
  },
  { additionalProperties: false },
);

export const CaseCategory = Type.Object({
  id: CategoryId,
  parentId: Type.Union([CategoryId, Type.Null()]),
  code: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  kind: Kind,
  defaultLevel: Level,
  defaultDepartmentCode: Type.Union([Type.String(), Type.Null()]),
  limits: StageLimits,
  /** Share of a limit used at which a case turns yellow (red when past due). */
  yellowAt: Type.Number(),
  urgent: Type.Boolean(),
  /** A case nobody signs for within the accept limit moves one tier up by itself. */
  autoEscalate: Type.Boolean(),
  active: Type.Boolean(),
  version: Type.Integer(),
});

const Name = Type.String({ minLength: 1, maxLength: 40 });

export const listCategories = defineRoute({
  method: 'GET',
  url: '/api/case-categories',
  access: { auth: 'authenticated' },
  summary: 'The case category tree (flat, ordered; build the tree from parentId)',
  tags: ['categories'],
  querystring: Type.Object({ includeInactive: Type.Optional(Type.Boolean()) }),
  response: Type.Object({ items: Type.Array(CaseCategory) }),
});

export const createCategory = defineRoute({
  method: 'POST',
  url: '/api/case-categories',
  access: { action: 'category.manage' },
  summary: 'Add a category under a parent (the code extends the parent code by two digits)',
  tags: ['categories'],
  body: Type.Object(
    {
      parentId: CategoryId,
      code: Code,
      name: Name,
      nameEn: Name,
      defaultLevel: Type.Optional(Level),
      defaultDepartmentCode: Type.Optional(Type.Union([Type.String({ maxLength: 20 }), Type.Null()])),
      limits: Type.Optional(StageLimits),
      yellowAt: Type.Optional(Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 1 })),
      urgent: Type.Optional(Type.Boolean()),
      autoEscalate: Type.Optional(Type.Boolean()),
    },
    { additionalProperties: false },
  ),
  response: CaseCategory,
  status: 201,
});

export const updateCategory = defineRoute({
  method: 'PATCH',
  url: '/api/case-categories/:id',
  access: { action: 'category.manage' },
  summary: 'Change a category; `version` guards against lost updates. Retire with `active: false`.',
  tags: ['categories'],
  params: Type.Object({ id: CategoryId }),
  body: Type.Object(
    {
      version: Type.Integer({ minimum: 1 }),
      name: Type.Optional(Name),
      nameEn: Type.Optional(Name),
      defaultLevel: Type.Optional(Level),
      defaultDepartmentCode: Type.Optional(Type.Union([Type.String({ maxLength: 20 }), Type.Null()])),
      limits: Type.Optional(StageLimits),
      yellowAt: Type.Optional(Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 1 })),
      urgent: Type.Optional(Type.Boolean()),
      autoEscalate: Type.Optional(Type.Boolean()),
      active: Type.Optional(Type.Boolean()),
    },
    { additionalProperties: false },
  ),
  response: CaseCategory,
});
