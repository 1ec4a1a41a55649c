/**
 * Signed webhooks for external systems (docs/adr/0010-open-platform.md): a district admin subscribes a URL
 * to case events in a subtree; each delivery is POSTed with `Linli-Signature: t=<unix seconds>,v1=<hex
 * HMAC-SHA256 of "<t>.<body>">` and an `Idempotency-Key` that stays the same across retries.
 */
import Type from 'typebox';
import { IsoTime, NodeId, Uuid } from './common.ts';
import { defineRoute } from './route.ts';

export const WEBHOOK_EVENTS = [
  'case.created',
  'case.accepted',
  'case.escalated',
  'case.dispatched',
  'case.resolved',
  'case.closed',
  'case.rated',
  'case.reopened',
  'notice.published',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;

export const Subscription = Type.Object({
  id: Uuid,
  name: Type.String(),
  url: Type.String(),
  nodeId: NodeId,
  nodeName: Type.String(),
  events: Type.Array(Type.Enum(WEBHOOK_EVENTS)),
  active: Type.Boolean(),
  /** Why it was switched off: `failures` (too many failed attempts in a row) or `admin`. */
  disabledReason: Type.Union([Type.Literal('failures'), Type.Literal('admin'), Type.Null()]),
  consecutiveFailures: Type.Integer(),
  createdAt: IsoTime,
  version: Type.Integer(),
});

export const Delivery = Type.Object({
  id: Uuid,
  eventId: Type.String({ description: 'the Idempotency-Key header: the same for every attempt at this event' }),
  event: Type.Enum(WEBHOOK_EVENTS),
  /** The case number, or for a notice its title. */
  caseNo: Type.String(),
  status: Type.Enum(DELIVERY_STATUSES),
  attempts: Type.Integer(),
  nextAttemptAt: Type.Union([IsoTime, Type.Null()]),
  lastStatus: Type.Union([Type.Integer(), Type.Null()]),
  lastError: Type.Union([Type.String(), Type.Null()]),
  deliveredAt: Type.Union([IsoTime, Type.Null()]),
  createdAt: IsoTime,
  body: Type.String({ description: 'the exact JSON body that is signed and sent' }),
});

const tags = ['open platform'];

export const listWebhooks = defineRoute({
  method: 'GET',
  url: '/api/webhooks',
  access: { action: 'platform.manage' },
  summary: 'Webhook subscriptions inside the caller’s reach',
  tags,
  response: Type.Object({ items: Type.Array(Subscription) }),
});

export const createWebhook = defineRoute({
  method: 'POST',
  url: '/api/webhooks',
  access: { action: 'platform.manage' },
  summary: 'Subscribe a URL to case and notice events in a subtree; the signing secret is in this answer only',
  tags,
  body: Type.Object(
    {
      name: Type.String({ minLength: 1, maxLength: 80 }),
      url: Type.String({ pattern: '^https?://[^\\s]+$', maxLength: 500 }),
      nodeId: NodeId,
      events: Type.Array(Type.Enum(WEBHOOK_EVENTS), { minItems: 1, uniqueItems: true }),
    },
    { additionalProperties: false },
  ),
  status: 201,
  response: Type.Object({ subscription: Subscription, secret: Type.String() }),
});

export const setWebhookActive = defineRoute({
  method: 'POST',
  url: '/api/webhooks/:id/active',
  access: { action: 'platform.manage' },
  summary: 'Switch a subscription off, or on again (which clears its failure count)',
  tags,
  params: Type.Object({ id: Uuid }),
  body: Type.Object({ version: Type.Integer(), active: Type.Boolean() }, { additionalProperties: false }),
  response: Subscription,
});

export const listDeliveries = defineRoute({
  method: 'GET',
  url: '/api/webhooks/:id/deliveries',
  access: { action: 'platform.manage' },
  summary: 'The delivery log of a subscription (newest first, at most 100)',
  tags,
  params: Type.Object({ id: Uuid }),
  response: Type.Object({ items: Type.Array(Delivery) }),
});

export const redeliver = defineRoute({
  method: 'POST',
  url: '/api/webhooks/:id/deliveries/:deliveryId/redeliver',
  access: { action: 'platform.manage' },
  summary: 'Send a delivery again (same body and Idempotency-Key, fresh attempts)',
  tags,
  params: Type.Object({ id: Uuid, deliveryId: Uuid }),
  response: Delivery,
});
