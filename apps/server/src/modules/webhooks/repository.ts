/** The webhooks module's SQL. */
import { type Insertable, type Selectable, type SqlBool, sql, type Updateable } from 'kysely';
import { pathIn } from '../../platform/access/scope.ts';
import type { Db } from '../../platform/db/engine.ts';
import type { WebhookTables } from './tables.ts';

const w = (tx: Db) => tx.withTables<WebhookTables>();
export type SubscriptionRow = Selectable<WebhookTables['webhook_subscription']>;
export type DeliveryRow = Selectable<WebhookTables['webhook_delivery']>;

export async function insertSubscription(tx: Db, row: Insertable<WebhookTables['webhook_subscription']>) {
  await w(tx).insertInto('webhook_subscription').values(row).execute();
}

export const subscription = (tx: Db, id: string) =>
  w(tx).selectFrom('webhook_subscription').selectAll().where('id', '=', id).executeTakeFirst();

export const subscriptions = (tx: Db, scopes: readonly string[]) =>
  w(tx)
    .selectFrom('webhook_subscription')
    .selectAll()
    .where((eb) => pathIn(eb, 'node_path', scopes))
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(500)
    .execute();

/** Active subscriptions to an event whose subtree holds the place. */
export const listeners = (tx: Db, event: string, placePath: string) =>
  w(tx)
    .selectFrom('webhook_subscription')
    .selectAll()
    .where('active', '=', true)
    .where(sql<SqlBool>`${event} = ANY(events)`)
    .where(sql<SqlBool>`${placePath} LIKE node_path || '%'`)
    .execute();

/** Active subscriptions to notices whose subtree holds the notice's node or lies inside it. */
export const noticeListeners = (tx: Db, nodePath: string) =>
  w(tx)
    .selectFrom('webhook_subscription')
    .selectAll()
    .where('active', '=', true)
    .where(sql<SqlBool>`'notice.published' = ANY(events)`)
    .where(sql<SqlBool>`(${nodePath} LIKE node_path || '%' OR node_path LIKE ${`${nodePath}%`})`)
    .execute();

/**
 * Compare-and-set on the version; false when someone else changed it first. The delivery job passes
 * `version: null` and bumps the version only when it switches the subscription off (`bump`), so counting
 * failures never makes an admin's edit a conflict.
 */
export async function updateSubscription(
  tx: Db,
  id: string,
  version: number | null,
  patch: Updateable<WebhookTables['webhook_subscription']>,
  bump = true,
): Promise<boolean> {
  const r = await w(tx)
    .updateTable('webhook_subscription')
    .set((eb) => (bump ? { ...patch, version: eb('version', '+', 1) } : patch))
    .where('id', '=', id)
    .$if(version !== null, (q) => q.where('version', '=', version!))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Records an event for a subscription once (an outbox event may be handled more than once). */
export async function insertDelivery(tx: Db, row: Insertable<WebhookTables['webhook_delivery']>) {
  await w(tx)
    .insertInto('webhook_delivery')
    .values(row)
    .onConflict((oc) => oc.columns(['subscription_id', 'event_id']).doNothing())
    .execute();
}

export const delivery = (tx: Db, id: string) =>
  w(tx).selectFrom('webhook_delivery').selectAll().where('id', '=', id).executeTakeFirst();

export const deliveries = (tx: Db, subscriptionId: string) =>
  w(tx)
    .selectFrom('webhook_delivery')
    .selectAll()
    .where('subscription_id', '=', subscriptionId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(100)
    .execute();

/** Pending deliveries that are due, with where they go; oldest first. */
export const due = (tx: Db, now: Date, limit: number) =>
  w(tx)
    .selectFrom('webhook_delivery as d')
    .innerJoin('webhook_subscription as s', 's.id', 'd.subscription_id')
    .selectAll('d')
    .select(['s.url', 's.secret_box'])
    .where('d.status', '=', 'pending')
    .where('d.next_attempt_at', '<=', now)
    .where('s.active', '=', true)
    .orderBy('d.next_attempt_at')
    .orderBy('d.id')
    .limit(limit)
    .execute();

export async function updateDelivery(tx: Db, id: string, patch: Updateable<WebhookTables['webhook_delivery']>) {
  await w(tx).updateTable('webhook_delivery').set(patch).where('id', '=', id).execute();
}
