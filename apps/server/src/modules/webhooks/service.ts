/** Webhook subscriptions managed by a district admin in the console, and their delivery log. */
import { randomBytes, randomUUID } from 'node:crypto';
import type { api } from '@linli/contracts';
import type { Static } from 'typebox';
import { listingScope } from '../../platform/access/scope.ts';
import type { Ctx } from '../../platform/context.ts';
import { encrypt } from '../../platform/crypto/secret-box.ts';
import { AppError, conflict, notFound } from '../../platform/http/errors.ts';
import * as org from '../org/service.ts';
import * as repo from './repository.ts';

type CreateBody = Static<typeof api.webhooks.createWebhook.body>;
type SubscriptionView = Static<typeof api.webhooks.Subscription>;
type DeliveryView = Static<typeof api.webhooks.Delivery>;
type Event = api.webhooks.WebhookEvent;

const invalid = (path: string, code: string) => new AppError(422, 'validation_failed', {}, [{ path, code }]);
const iso = (d: Date | null) => d?.toISOString() ?? null;

async function toViews(ctx: Ctx, rows: repo.SubscriptionRow[]): Promise<SubscriptionView[]> {
  const nodes = await org.getNodes(ctx.tx, [...new Set(rows.map((r) => r.node_id))]);
  const names = new Map(nodes.map((n) => [n.id, n.name]));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    url: r.url,
    nodeId: r.node_id,
    nodeName: names.get(r.node_id) ?? '',
    events: r.events as Event[],
    active: r.active,
    disabledReason: r.disabled_reason as SubscriptionView['disabledReason'],
    consecutiveFailures: r.consecutive_failures,
    createdAt: r.created_at.toISOString(),
    version: r.version,
  }));
}

export const deliveryView = (d: repo.DeliveryRow): DeliveryView => ({
  id: d.id,
  eventId: d.event_id,
  event: d.event as Event,
  caseNo: d.case_no,
  status: d.status as DeliveryView['status'],
  attempts: d.attempts,
  nextAttemptAt: d.status === 'pending' ? iso(d.next_attempt_at) : null,
  lastStatus: d.last_status,
  lastError: d.last_error,
  deliveredAt: iso(d.delivered_at),
  createdAt: d.created_at.toISOString(),
  body: d.body,
});

export async function list(ctx: Ctx) {
  const rows = await repo.subscriptions(ctx.tx, listingScope(ctx.actor, 'platform.manage'));
  return { items: await toViews(ctx, rows) };
}

/** The subscription, or 404 when it does not exist or lies outside the caller's reach. */
async function own(ctx: Ctx, id: string) {
  const row = await repo.subscription(ctx.tx, id);
  if (!row) throw notFound();
  ctx.authorize('platform.manage', row.node_path);
  return row;
}

export async function create(ctx: Ctx, b: CreateBody) {
  const node = await org.getNode(ctx.tx, b.nodeId);
  if (!node || !ctx.can('platform.manage', node.path)) throw invalid('/nodeId', 'not_found');
  let url: URL;
  try {
    url = new URL(b.url);
  } catch {
    throw invalid('/url', 'format');
  }
  if (url.username || url.password) throw invalid('/url', 'credentials_in_url');
  const secret = `whsec_${randomBytes(32).toString('base64url')}`;
  const id = randomUUID();
  await repo.insertSubscription(ctx.tx, {
    id,
    name: b.name.trim(),
    url: url.toString(),
    secret_box: encrypt(ctx.keys, secret),
    node_id: node.id,
    node_path: node.path,
    events: [...b.events],
    disabled_reason: null,
    created_by: ctx.user!.id,
    created_at: ctx.now,
  });
  await ctx.audit({
    action: 'webhook.create',
    resourceType: 'webhook',
    resourceId: id,
    nodeId: node.id,
    nodePath: node.path,
    detail: { name: b.name.trim(), url: url.toString(), events: b.events },
  });
  const [subscription] = await toViews(ctx, [(await repo.subscription(ctx.tx, id))!]);
  return { subscription: subscription!, secret };
}

export async function setActive(ctx: Ctx, id: string, b: { version: number; active: boolean }) {
  const row = await own(ctx, id);
  const patch = b.active
    ? { active: true, disabled_reason: null, consecutive_failures: 0 }
    : { active: false, disabled_reason: 'admin' };
  if (!(await repo.updateSubscription(ctx.tx, id, b.version, patch))) throw conflict('version_conflict');
  await ctx.audit({
    action: b.active ? 'webhook.enable' : 'webhook.disable',
    resourceType: 'webhook',
    resourceId: id,
    nodeId: row.node_id,
    nodePath: row.node_path,
  });
  const [view] = await toViews(ctx, [(await repo.subscription(ctx.tx, id))!]);
  return view!;
}

export async function deliveries(ctx: Ctx, id: string) {
  await own(ctx, id);
  return { items: (await repo.deliveries(ctx.tx, id)).map(deliveryView) };
}

/** Queues a delivery again at once, with the same body and Idempotency-Key and a fresh set of attempts. */
export async function redeliver(ctx: Ctx, id: string, deliveryId: string) {
  const sub = await own(ctx, id);
  const d = await repo.delivery(ctx.tx, deliveryId);
  if (!d || d.subscription_id !== id) throw notFound();
  await repo.updateDelivery(ctx.tx, d.id, { status: 'pending', attempts: 0, next_attempt_at: ctx.now });
  await ctx.audit({
    action: 'webhook.redeliver',
    resourceType: 'webhook',
    resourceId: id,
    nodeId: sub.node_id,
    nodePath: sub.node_path,
    detail: { deliveryId: d.id, eventId: d.event_id },
  });
  return deliveryView((await repo.delivery(ctx.tx, d.id))!);
}
