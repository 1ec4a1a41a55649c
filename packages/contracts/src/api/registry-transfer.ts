/**
 * Moving a household to another community (户籍迁移: 迁出 → 迁入). The old community's committee starts a transfer
 * naming the receiving community; that community's committee accepts it into an empty room of theirs or refuses
 * it with a reason; whoever may edit the registry of both communities does it in one step. On acceptance the
 * household and its people are copied to the new community with their whole history; the old rows stay there
 * as a tombstone (moved out: kept and readable, no longer counted, listed or matched).
 * See docs/adr/0009-registry.md.
 */
import Type from 'typebox';
import { IsoTime, NodeId, Uuid } from './common.ts';
import { defineRoute } from './route.ts';

export const TRANSFER_STATUSES = ['pending', 'accepted', 'refused', 'cancelled'] as const;

const Reason = Type.String({ minLength: 2, maxLength: 200 });

export const TransferMember = Type.Object({
  /** The person's id on the side the caller reads (the old rows while pending, the new ones once accepted). */
  id: Uuid,
  name: Type.String(),
  relation: Type.String(),
  sex: Type.String(),
  birthDate: Type.String(),
});

export const Transfer = Type.Object({
  id: Uuid,
  householdId: Uuid,
  fromCommunityId: NodeId,
  fromCommunityName: Type.String(),
  fromAddress: Type.String(),
  toCommunityId: NodeId,
  toCommunityName: Type.String(),
  status: Type.Enum(TRANSFER_STATUSES),
  reason: Type.String(),
  requestedByName: Type.String(),
  requestedAt: IsoTime,
  decidedByName: Type.Union([Type.String(), Type.Null()]),
  decidedAt: Type.Union([IsoTime, Type.Null()]),
  /** Why it was refused. */
  note: Type.Union([Type.String(), Type.Null()]),
  toRoomId: Type.Union([NodeId, Type.Null()]),
  toAddress: Type.Union([Type.String(), Type.Null()]),
  newHouseholdId: Type.Union([Uuid, Type.Null()]),
  members: Type.Array(TransferMember),
  version: Type.Integer(),
  /** The caller may accept or refuse it (registry editor of the receiving community). */
  canDecide: Type.Boolean(),
  /** The caller may withdraw it (registry editor of the old community, while pending). */
  canCancel: Type.Boolean(),
});

export const startTransfer = defineRoute({
  method: 'POST',
  url: '/api/registry/households/:id/transfer',
  access: { action: 'registry.edit' },
  summary:
    'Start moving a household to another community (迁出); with roomId, an editor of both communities completes it at once',
  tags: ['registry'],
  params: Type.Object({ id: Uuid }),
  body: Type.Object(
    {
      /** The household's version (optimistic concurrency). */
      version: Type.Integer({ minimum: 1 }),
      toCommunityId: NodeId,
      reason: Reason,
      /** An empty room of the receiving community: do the whole move now (needs edit rights over both). */
      roomId: Type.Optional(NodeId),
    },
    { additionalProperties: false },
  ),
  response: Transfer,
  status: 201,
});

export const listTransfers = defineRoute({
  method: 'GET',
  url: '/api/registry/transfers',
  access: { action: 'registry.edit' },
  summary: 'Transfers into (incoming) or out of (outgoing) the communities whose registry the caller edits',
  tags: ['registry'],
  querystring: Type.Object(
    {
      /** Incoming (the default: the inbox of the receiving committee) or outgoing. */
      direction: Type.Optional(Type.Enum(['incoming', 'outgoing'] as const)),
      /** Only pending ones (the inbox), else the last 100 of any status. */
      pending: Type.Optional(Type.Boolean()),
    },
    { additionalProperties: false },
  ),
  response: Type.Object({ items: Type.Array(Transfer) }),
});

export const acceptTransfer = defineRoute({
  method: 'POST',
  url: '/api/registry/transfers/:id/accept',
  access: { action: 'registry.edit' },
  summary: 'Accept an incoming household (迁入) into an empty room of the receiving community',
  tags: ['registry'],
  params: Type.Object({ id: Uuid }),
  body: Type.Object({ version: Type.Integer({ minimum: 1 }), roomId: NodeId }, { additionalProperties: false }),
  response: Transfer,
});

export const refuseTransfer = defineRoute({
  method: 'POST',
  url: '/api/registry/transfers/:id/refuse',
  access: { action: 'registry.edit' },
  summary: 'Refuse an incoming household, with the reason (the old community is told)',
  tags: ['registry'],
  params: Type.Object({ id: Uuid }),
  body: Type.Object({ version: Type.Integer({ minimum: 1 }), reason: Reason }, { additionalProperties: false }),
  response: Transfer,
});

export const cancelTransfer = defineRoute({
  method: 'POST',
  url: '/api/registry/transfers/:id/cancel',
  access: { action: 'registry.edit' },
  summary: 'Withdraw a pending transfer (the household can be edited again)',
  tags: ['registry'],
  params: Type.Object({ id: Uuid }),
  body: Type.Object({ version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
  response: Transfer,
});

export const transferDestinations = defineRoute({
  method: 'GET',
  url: '/api/registry/transfer-destinations',
  access: { action: 'registry.edit' },
  summary: 'Communities whose name contains q (names only, with their street): where a household may move to',
  tags: ['registry'],
  querystring: Type.Object(
    /** Part of the name (e.g. 海棠); without it the answer is empty — there is no browsing the district. */
    { q: Type.Optional(Type.String({ minLength: 1, maxLength: 20 })) },
    { additionalProperties: false },
  ),
  response: Type.Object({
    items: Type.Array(
      Type.Object({ id: NodeId, name: Type.String(), streetName: Type.Union([Type.String(), Type.Null()]) }),
    ),
  }),
});
