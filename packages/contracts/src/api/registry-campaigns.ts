/**
 * Update campaigns (信息更新): everyone registered under a node becomes an item for their grid's workers, who
 * confirm each record or correct it on a phone; only changed fields are written, each with its history.
 */
import Type from 'typebox';
import { IsoTime, NodeId, Page, PageQuery, Phone, Uuid } from './common.ts';
import { RESIDENCE_STATUSES } from './registry.ts';
import { defineRoute } from './route.ts';

export const CAMPAIGN_ITEM_STATUSES = ['pending', 'confirmed', 'changed'] as const;

export const Campaign = Type.Object({
  id: Uuid,
  name: Type.String(),
  nodeId: NodeId,
  nodeName: Type.String(),
  createdAt: IsoTime,
  /** Items in the caller's reach. */
  progress: Type.Object({
    total: Type.Integer(),
    pending: Type.Integer(),
    confirmed: Type.Integer(),
    changed: Type.Integer(),
  }),
});

export const CampaignItem = Type.Object({
  campaignId: Uuid,
  campaignName: Type.String(),
  personId: Uuid,
  name: Type.String(),
  address: Type.String(),
  phone: Type.Union([Type.String(), Type.Null()]),
  residenceStatus: Type.Enum(RESIDENCE_STATUSES),
  personVersion: Type.Integer(),
  status: Type.Enum(CAMPAIGN_ITEM_STATUSES),
  doneAt: Type.Union([IsoTime, Type.Null()]),
  version: Type.Integer(),
});

export const createCampaign = defineRoute({
  method: 'POST',
  url: '/api/registry/campaigns',
  access: { action: 'policy.manage' },
  summary: 'Start an update campaign at a node: one item per person registered there, for their grid',
  tags: ['registry'],
  body: Type.Object(
    { nodeId: NodeId, name: Type.String({ minLength: 1, maxLength: 60 }) },
    { additionalProperties: false },
  ),
  response: Campaign,
  status: 201,
});

export const listCampaigns = defineRoute({
  method: 'GET',
  url: '/api/registry/campaigns',
  access: { action: 'registry.stats' },
  summary: 'Campaigns defined in or reaching into the caller’s area, with progress counted there',
  tags: ['registry'],
  querystring: Type.Object({ nodeId: Type.Optional(NodeId), ...PageQuery }),
  response: Page(Campaign),
});

export const campaignItems = defineRoute({
  method: 'GET',
  url: '/api/registry/campaign-items',
  access: { action: 'registry.edit' },
  summary: 'Records to confirm in the caller’s area (a grid worker: their grid), pending first',
  tags: ['registry'],
  querystring: Type.Object({
    campaignId: Type.Optional(Uuid),
    status: Type.Optional(Type.Enum(CAMPAIGN_ITEM_STATUSES)),
    ...PageQuery,
  }),
  response: Page(CampaignItem),
});

export const confirmItem = defineRoute({
  method: 'POST',
  url: '/api/registry/campaigns/:campaignId/items/:personId',
  access: { action: 'registry.edit' },
  summary: 'Confirm a record as it is, or with corrections (only changed fields are written, with the reason)',
  tags: ['registry'],
  params: Type.Object({ campaignId: Uuid, personId: Uuid }),
  body: Type.Object(
    {
      version: Type.Integer({ minimum: 1 }),
      personVersion: Type.Integer({ minimum: 1 }),
      phone: Type.Optional(Type.Union([Phone, Type.Null()])),
      residenceStatus: Type.Optional(Type.Enum(RESIDENCE_STATUSES)),
    },
    { additionalProperties: false },
  ),
  response: CampaignItem,
});
