import type { api } from '@linli/contracts';
import type { Static } from 'typebox';
import type { Ctx } from '../../platform/context.ts';
import type { Db } from '../../platform/db/engine.ts';
import { AppError } from '../../platform/http/errors.ts';
import * as repo from './repository.ts';
import { renderText } from './templates.ts';

export type NotificationKind = api.notifications.NotificationKind;

export interface NotifyInput {
  userIds: readonly string[];
  kind: NotificationKind;
  params: Record<string, string | number>;
  /** Site path to open: `/console/…` for the console, anything else in the resident app. */
  link: string;
  communityId?: string | null;
  /** Also queue one SMS per user who has a phone number. */
  sms?: boolean;
}

/**
 * Notifies users in the caller's transaction: one notification per distinct existing user and, with `sms`,
 * one queued SMS per such user with a phone (drained after commit by the outbound job). Unknown ids are skipped.
 */
export async function notify(tx: Db, at: Date, n: NotifyInput): Promise<void> {
  const ids = [...new Set(n.userIds)];
  if (ids.length === 0) return;
  const found = new Map((await repo.usersWithPhones(tx, ids)).map((u) => [u.id, u]));
  // In the caller's order, so ids (and queued messages) follow it.
  const users = ids.flatMap((id) => found.get(id) ?? []);
  if (users.length === 0) return;
  const params = JSON.stringify(n.params);
  await repo.insertNotifications(
    tx,
    users.map((u) => ({
      user_id: u.id,
      at,
      kind: n.kind,
      params,
      link: n.link,
      community_id: n.communityId ?? null,
    })),
  );
  if (!n.sms) return;
  await repo.insertOutbound(
    tx,
    users
      .filter((u) => !!u.phone)
      .map((u) => ({
        channel: 'sms' as const,
        user_id: u.id,
        phone: u.phone,
        template: n.kind,
        params,
        created_at: at,
        available_at: at,
      })),
  );
}

/**
 * User ids holding one of `roles` through a grant at an org node whose path is `path` or an ancestor of it
 * (grants cover their subtree), nearest grant first. `department_staff` grants count only when their
 * department is `departmentId`.
 */
export function usersWithRoleOver(
  tx: Db,
  roles: readonly string[],
  path: string,
  departmentId?: string,
): Promise<string[]> {
  return repo.usersWithRoleOver(tx, roles, path, departmentId ?? null);
}

type Row = Awaited<ReturnType<typeof repo.listOfUser>>[number];
type Params = Record<string, string | number>;

const iso = (d: Date | string) => new Date(d).toISOString();

const toView = (r: Row, lang: Ctx['lang']) => {
  const params = (r.params ?? {}) as Params;
  return {
    id: r.id,
    kind: r.kind,
    params,
    link: r.link,
    communityId: r.community_id,
    at: iso(r.at),
    readAt: r.read_at ? iso(r.read_at) : null,
    text: renderText(r.kind, params, lang),
  };
};

const encodeCursor = (r: Row) => `${new Date(r.at).getTime()}.${r.id}`;
const decodeCursor = (c: string) => {
  const [ms, id] = c.split('.');
  return { at: new Date(Number(ms)), id: id! };
};

type ListQuery = Static<typeof api.notifications.listNotifications.querystring>;

export async function list(ctx: Ctx, q: ListQuery) {
  const limit = q.limit ?? 30;
  const rows = await repo.listOfUser(ctx.tx, ctx.user!.id, {
    unread: q.unread === true,
    after: q.cursor ? decodeCursor(q.cursor) : null,
    limit,
  });
  const page = rows.slice(0, limit);
  return {
    items: page.map((r) => toView(r, ctx.lang)),
    nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]!) : null,
  };
}

export async function unreadCount(ctx: Ctx) {
  return { count: await repo.unreadCount(ctx.tx, ctx.user!.id) };
}

type MarkBody = Static<typeof api.notifications.markRead.body>;

/** Marks the caller's own notifications read; ids of other users' notifications simply match nothing. */
export async function markRead(ctx: Ctx, b: MarkBody) {
  if (!b.all && b.ids === undefined)
    throw new AppError(422, 'validation_failed', {}, [{ path: '/ids', code: 'required' }]);
  const updated = await repo.markRead(ctx.tx, ctx.user!.id, b.all ? null : [...new Set(b.ids)], ctx.now);
  return { updated, unread: await repo.unreadCount(ctx.tx, ctx.user!.id) };
}
