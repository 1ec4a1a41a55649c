/**
 * From the durable outbox to the delivery log: each case event a subscription listens to becomes one
 * `webhook_delivery` row (idempotent per subscription and event, since the outbox delivers at least once).
 * Sending happens later in the delivery job, so a slow receiver never holds up the request that caused it.
 */
import { randomUUID } from 'node:crypto';
import type { api } from '@linli/contracts';
import type { Db } from '../../platform/db/engine.ts';
import type { EventSubscriber } from '../../platform/modules.ts';
import * as cases from '../cases/repository.ts';
import * as categories from '../categories/service.ts';
import * as notices from '../notices/repository.ts';
import * as org from '../org/service.ts';
import * as repo from './repository.ts';

type Event = api.webhooks.WebhookEvent;

/** Outbox topics (the cases module's command events) and the webhook event each one is. */
export const TOPICS: Record<string, Event> = {
  'case.created': 'case.created',
  'case.accept': 'case.accepted',
  'case.escalate': 'case.escalated',
  'case.dispatch': 'case.dispatched',
  'case.resolve': 'case.resolved',
  'case.close': 'case.closed',
  'case.rate': 'case.rated',
  'case.reopen': 'case.reopened',
  'notice.published': 'notice.published',
};

const NOBODY = '00000000-0000-0000-0000-000000000000';

async function deliveries(
  tx: Db,
  subs: repo.SubscriptionRow[],
  e: { id: string; event: Event; label: string; body: string },
  now: Date,
) {
  for (const s of subs)
    await repo.insertDelivery(tx, {
      id: randomUUID(),
      subscription_id: s.id,
      event_id: e.id,
      event: e.event,
      case_no: e.label,
      body: e.body,
      status: 'pending',
      next_attempt_at: now,
      last_status: null,
      last_error: null,
      delivered_at: null,
      created_at: now,
    });
}

/** A notice reaches the subscriptions in its subtree and those below it (its audience). */
async function recordNotice(tx: Db, payload: Record<string, unknown>, now: Date) {
  const n = await notices.byId(tx, String(payload.id), NOBODY);
  const node = n && (await org.getNode(tx, n.node_id));
  if (!n || !node) return;
  const subs = await repo.noticeListeners(tx, node.path);
  if (subs.length === 0) return;
  const id = `notice.${n.id}`;
  const body = JSON.stringify({
    id,
    type: 'notice.published',
    occurredAt: now.toISOString(),
    data: { noticeId: n.id, title: n.title, nodeId: node.id, level: node.type, mustRead: payload.mustRead === true },
  });
  await deliveries(tx, subs, { id, event: 'notice.published', label: n.title, body }, now);
}

async function record(tx: Db, topic: string, payload: Record<string, unknown>, now: Date) {
  if (topic === 'notice.published') return recordNotice(tx, payload, now);
  const event = TOPICS[topic]!;
  const row = await cases.rowById(tx, String(payload.caseId));
  if (!row) return;
  const subs = await repo.listeners(tx, event, row.place_path);
  if (subs.length === 0) return;
  const version = Number(payload.version ?? 1);
  const state = await cases.stateOf(tx, row);
  const entry = state.timeline.find((e) => e.version === version) ?? state.timeline.at(-1)!;
  const category = await categories.getCategory(tx, row.category_id);
  // The same event has the same id for every subscription and every retry: receivers deduplicate by it.
  const eventId = `${row.id}.${version}`;
  const body = JSON.stringify({
    id: eventId,
    type: event,
    occurredAt: entry.at,
    data: {
      caseId: row.id,
      no: row.no,
      version,
      status: entry.toStatus,
      note: entry.note || null,
      source: row.source,
      categoryCode: category?.code ?? null,
      communityId: row.community_id,
      placeId: row.place_id,
    },
  });
  await deliveries(tx, subs, { id: eventId, event, label: row.no, body }, now);
}

export const webhookSubscribers: EventSubscriber[] = Object.keys(TOPICS).map((topic) => ({
  topic,
  name: `webhooks.${topic}`,
  handle: (tx, payload, p) => record(tx, topic, payload, p.clock.now()),
}));
