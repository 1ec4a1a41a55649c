import { type Insertable, sql } from 'kysely';
import type { Db } from '../../platform/db/engine.ts';
import type { NotificationTables } from './tables.ts';

const n = (tx: Db) => tx.withTables<NotificationTables>();

/** The badge never counts past this (a cheap, bounded count). */
export const UNREAD_CAP = 1000;

export type NotificationRow = NotificationTables['notification'];

/** Existing accounts among `ids`, with their phone numbers. */
export const usersWithPhones = (tx: Db, ids: readonly string[]) =>
  tx.selectFrom('app_user').select(['id', 'phone']).where('id', 'in', ids).execute();

export async function insertNotifications(tx: Db, rows: Insertable<NotificationRow>[]): Promise<void> {
  if (rows.length > 0) await n(tx).insertInto('notification').values(rows).execute();
}

export async function insertOutbound(tx: Db, rows: Insertable<NotificationTables['outbound_message']>[]) {
  if (rows.length > 0) await n(tx).insertInto('outbound_message').values(rows).execute();
}

/** A user's notifications, newest first, strictly after the cursor; one more than `limit` tells "more". */
export const listOfUser = (
  tx: Db,
  userId: string,
  f: { unread: boolean; after: { at: Date; id: string } | null; limit: number },
) =>
  n(tx)
    .selectFrom('notification')
    .select(['id', 'at', 'kind', 'params', 'link', 'community_id', 'read_at'])
    .where('user_id', '=', userId)
    .$if(f.unread, (q) => q.where('read_at', 'is', null))
    .$if(!!f.after, (q) => q.where(sql<boolean>`(at, id) < (${f.after!.at}, ${f.after!.id}::bigint)`))
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit + 1)
    .execute();

export async function unreadCount(tx: Db, userId: string): Promise<number> {
  const r = await sql<{ n: string }>`
    SELECT count(*) AS n FROM (
      SELECT 1 FROM notification WHERE user_id = ${userId} AND read_at IS NULL LIMIT ${UNREAD_CAP}
    ) AS unread`.execute(tx);
  return Number(r.rows[0]?.n ?? 0);
}

/** Marks the user's own unread notifications read: the given ids, or all when `ids` is null. */
export async function markRead(tx: Db, userId: string, ids: readonly string[] | null, at: Date): Promise<number> {
  if (ids && ids.length === 0) return 0;
  const r = await n(tx)
    .updateTable('notification')
    .set({ read_at: at })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .$if(!!ids, (q) => q.where('id', 'in', ids!))
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/**
 * Users holding one of `roles` through a grant at `path` or one of its ancestors (grants cover their
 * subtree), nearest grant first. Department staff count only for `departmentId`.
 */
export async function usersWithRoleOver(
  tx: Db,
  roles: readonly string[],
  path: string,
  departmentId: string | null,
): Promise<string[]> {
  if (roles.length === 0) return [];
  const rows = await tx
    .selectFrom('role_grant as g')
    .innerJoin('org_node as n', 'n.id', 'g.node_id')
    .select('g.user_id')
    .select((eb) => eb.fn.max('n.depth').as('depth'))
    .where('g.role', 'in', roles)
    .where(sql<boolean>`${path} LIKE n.path || '%'`)
    .where((eb) =>
      eb.or([
        eb('g.role', '<>', 'department_staff'),
        departmentId === null ? sql<boolean>`false` : eb('g.department_id', '=', departmentId),
      ]),
    )
    .groupBy('g.user_id')
    .orderBy('depth', 'desc')
    .orderBy('g.user_id')
    .execute();
  return rows.map((r) => r.user_id);
}

export interface ClaimedMessage {
  id: string;
  channel: 'sms' | 'wechat';
  user_id: string | null;
  phone: string | null;
  template: string;
  params: Record<string, string | number>;
  attempts: number;
}

/**
 * Claims up to `limit` due, unsent messages: moves their `available_at` to `leaseUntil`, so a drainer that
 * dies mid-send leaves them to be retried after the lease, and other drainers skip them meanwhile.
 */
export async function claimDue(
  db: Db,
  now: Date,
  leaseUntil: Date,
  limit: number,
  maxAttempts: number,
): Promise<ClaimedMessage[]> {
  const r = await sql<ClaimedMessage>`
    UPDATE outbound_message SET available_at = ${leaseUntil}
    WHERE id IN (
      SELECT id FROM outbound_message
      WHERE sent_at IS NULL AND attempts < ${maxAttempts} AND available_at <= ${now}
      ORDER BY available_at, id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id, channel, user_id, phone, template, params, attempts`.execute(db);
  return [...r.rows].sort((a, b) => Number(a.id) - Number(b.id));
}

export const markSent = (db: Db, id: string, at: Date) =>
  n(db)
    .updateTable('outbound_message')
    .set({ sent_at: at, last_error: null })
    .where('id', '=', id)
    .where('sent_at', 'is', null)
    .execute();

export const markFailed = (db: Db, id: string, attempts: number, retryAt: Date, error: string) =>
  n(db)
    .updateTable('outbound_message')
    .set({ attempts, available_at: retryAt, last_error: error.slice(0, 500) })
    .where('id', '=', id)
    .where('sent_at', 'is', null)
    .execute();
