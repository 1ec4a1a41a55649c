import Type from 'typebox';
import { IsoTime, NodeId, Uuid } from './common.ts';
import { defineRoute } from './route.ts';

/** 户籍证照 · 社会保障 · 医疗卫生 · 民政救助 · 生育教育 · 住房 · 其他 */
export const GUIDE_CATEGORIES = [
  'identity',
  'social_security',
  'health',
  'civil_affairs',
  'family',
  'housing',
  'other',
] as const;

const Line = Type.String({ minLength: 1, maxLength: 200 });
const Faq = Type.Object(
  { q: Type.String({ minLength: 1, maxLength: 200 }), a: Type.String({ minLength: 1, maxLength: 1000 }) },
  { additionalProperties: false },
);

export const GuideSummary = Type.Object({
  id: Uuid,
  nodeId: NodeId,
  nodeName: Type.String(),
  /** The district item a community item overrides (null for district items and community additions). */
  baseId: Type.Union([Uuid, Type.Null()]),
  category: Type.Enum(GUIDE_CATEGORIES),
  title: Type.String(),
  audience: Type.String(),
  active: Type.Boolean(),
});

export const GuideDetail = Type.Object({
  ...GuideSummary.properties,
  materials: Type.Array(Type.String()),
  steps: Type.Array(Type.String()),
  place: Type.String(),
  hours: Type.String(),
  fees: Type.String(),
  onlineUrl: Type.Union([Type.String(), Type.Null()]),
  faqs: Type.Array(Faq),
  version: Type.Integer(),
  updatedAt: IsoTime,
  abilities: Type.Object({ edit: Type.Boolean(), override: Type.Boolean() }),
});

export const listGuides = defineRoute({
  method: 'GET',
  url: '/api/guides',
  access: { auth: 'authenticated' },
  summary:
    'Service guides in force at a community (the district’s items, replaced by the community’s overrides, plus its ' +
    'own) or at a district; `q` searches Chinese words and pinyin initials (居住证 finds 怎么办居住证, jzz too)',
  tags: ['guides'],
  querystring: Type.Object({
    nodeId: Type.Optional(NodeId),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    category: Type.Optional(Type.Enum(GUIDE_CATEGORIES)),
  }),
  response: Type.Object({ node: Type.Object({ id: NodeId, name: Type.String() }), items: Type.Array(GuideSummary) }),
});

export const getGuide = defineRoute({
  method: 'GET',
  url: '/api/guides/:id',
  access: { auth: 'authenticated' },
  summary: 'One service guide (404 outside the caller’s district or community)',
  tags: ['guides'],
  params: Type.Object({ id: Uuid }),
  response: GuideDetail,
});

const Fields = {
  category: Type.Enum(GUIDE_CATEGORIES),
  title: Type.String({ minLength: 1, maxLength: 60 }),
  audience: Type.String({ minLength: 1, maxLength: 200 }),
  materials: Type.Array(Line, { maxItems: 30 }),
  steps: Type.Array(Line, { maxItems: 30 }),
  place: Type.String({ maxLength: 200 }),
  hours: Type.String({ maxLength: 200 }),
  fees: Type.String({ maxLength: 200 }),
  onlineUrl: Type.Union([Type.String({ maxLength: 300, pattern: '^https://' }), Type.Null()]),
  faqs: Type.Array(Faq, { maxItems: 20 }),
};

export const createGuide = defineRoute({
  method: 'POST',
  url: '/api/guides',
  access: { action: 'guide.manage' },
  summary: 'Add a guide at a district or community; with `baseId` a community overrides that district item for itself',
  tags: ['guides'],
  body: Type.Object({ nodeId: NodeId, baseId: Type.Optional(Uuid), ...Fields }, { additionalProperties: false }),
  response: GuideDetail,
  status: 201,
});

export const updateGuide = defineRoute({
  method: 'PATCH',
  url: '/api/guides/:id',
  access: { action: 'guide.manage' },
  summary: 'Change or retire (`active: false`) a guide; `version` guards against lost updates',
  tags: ['guides'],
  params: Type.Object({ id: Uuid }),
  body: Type.Object(
    {
      version: Type.Integer({ minimum: 1 }),
      active: Type.Optional(Type.Boolean()),
      category: Type.Optional(Fields.category),
      title: Type.Optional(Fields.title),
      audience: Type.Optional(Fields.audience),
      materials: Type.Optional(Fields.materials),
      steps: Type.Optional(Fields.steps),
      place: Type.Optional(Fields.place),
      hours: Type.Optional(Fields.hours),
      fees: Type.Optional(Fields.fees),
      onlineUrl: Type.Optional(Fields.onlineUrl),
      faqs: Type.Optional(Fields.faqs),
    },
    { additionalProperties: false },
  ),
  response: GuideDetail,
});
