import { randomUUID } from 'node:crypto';
import type { api } from '@linli/contracts';
import type { Static } from 'typebox';
import { listingScope } from '../../platform/access/scope.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError, conflict, notFound } from '../../platform/http/errors.ts';
import { queryTokens, searchTokens } from '../../platform/text/tokens.ts';
import { assertAttachable, readAttachment } from '../attachments/service.ts';
import * as org from '../org/service.ts';
import { ancestorPaths, audienceOf, reads } from './audience.ts';
import * as repo from './repository.ts';
import { invalid, plainText } from './text.ts';
import { cursorOf, isExpired, parseCursor, toSummary } from './views.ts';

const LEVELS = ['district', 'street', 'community', 'grid'];

const detailOf = (ctx: Ctx, r: repo.NoticeRow) => ({
  ...toSummary(r, ctx.now),
  body: r.body,
  attachments: r.attachments,
  version: r.version,
  abilities: {
    edit: !r.withdrawn_at && ctx.can('notice.publish', r.node_path),
    readRate: r.must_read && ctx.can('notice.publish', r.node_path),
    confirm: r.must_read && !r.confirmed_at && !r.withdrawn_at,
  },
});

const tokensOf = (title: string, body: string) => searchTokens(`${title}\n${body}`);

function checkExpiry(ctx: Ctx, expiresAt: string | null | undefined): Date | null {
  if (!expiresAt) return null;
  const at = new Date(expiresAt);
  if (at <= ctx.now) throw invalid('/expiresAt', 'in_past');
  return at;
}

type CreateBody = Static<typeof api.notices.createNotice.body>;

/** Publishes at a node the caller covers; above their own level (a street publishing district-wide) is 403. */
export async function create(ctx: Ctx, b: CreateBody) {
  const node = await org.getNode(ctx.tx, b.nodeId);
  if (!node || !LEVELS.includes(node.type)) throw invalid('/nodeId', 'not_found');
  if (!ctx.can('notice.publish', node.path)) {
    const above = ctx.grants.some((g) => ancestorPaths(g.path).includes(node.path));
    if (above) throw new AppError(403, 'notice_level_forbidden', { level: node.type });
    throw invalid('/nodeId', 'not_found');
  }
  const title = plainText(b.title, '/title');
  const body = plainText(b.body, '/body');
  const expiresAt = checkExpiry(ctx, b.expiresAt);
  const attachments = [...new Set(b.attachments ?? [])];
  if (attachments.length)
    await assertAttachable(ctx.tx, attachments, { userId: ctx.user!.id, now: ctx.now }, '/attachments');
  const id = randomUUID();
  await repo.insert(
    ctx.tx,
    {
      id,
      node_id: node.id,
      node_path: node.path,
      level: node.type,
      category: b.category,
      title,
      body,
      attachments,
      pinned: b.pinned ?? false,
      must_read: b.mustRead ?? false,
      published_at: ctx.now,
      expires_at: expiresAt,
      withdrawn_at: null,
      created_by: ctx.user!.id,
      author_name: ctx.user!.name,
      updated_at: ctx.now,
    },
    tokensOf(title, body),
  );
  await ctx.audit({
    action: 'notice.publish',
    resourceType: 'notice',
    resourceId: id,
    nodeId: node.id,
    nodePath: node.path,
    detail: { title, level: node.type, category: b.category, mustRead: b.mustRead ?? false },
  });
  await ctx.emit({
    topic: 'notice.published',
    payload: { id, nodeId: node.id, level: node.type, mustRead: b.mustRead ?? false },
    communityId: node.community_id,
  });
  return detailOf(ctx, (await repo.byId(ctx.tx, id, ctx.user!.id))!);
}

type UpdateBody = Static<typeof api.notices.updateNotice.body>;

export async function update(ctx: Ctx, id: string, b: UpdateBody) {
  const before = await repo.byId(ctx.tx, id, ctx.user!.id);
  if (!before) throw notFound();
  ctx.authorize('notice.publish', before.node_path);
  if (before.withdrawn_at) throw conflict('notice_withdrawn');
  const title = b.title !== undefined ? plainText(b.title, '/title') : before.title;
  const body = b.body !== undefined ? plainText(b.body, '/body') : before.body;
  const patch = {
    ...(b.title !== undefined ? { title } : {}),
    ...(b.body !== undefined ? { body } : {}),
    ...(b.category !== undefined ? { category: b.category } : {}),
    ...(b.pinned !== undefined ? { pinned: b.pinned } : {}),
    ...(b.expiresAt !== undefined ? { expires_at: checkExpiry(ctx, b.expiresAt) } : {}),
    ...(b.withdrawn ? { withdrawn_at: ctx.now, pinned: false } : {}),
    updated_at: ctx.now,
  };
  const retoken = b.title !== undefined || b.body !== undefined ? tokensOf(title, body) : null;
  if (!(await repo.update(ctx.tx, id, b.version, patch, retoken))) throw conflict('version_conflict');
  await ctx.audit({
    action: b.withdrawn ? 'notice.withdraw' : 'notice.update',
    resourceType: 'notice',
    resourceId: id,
    nodeId: before.node_id,
    nodePath: before.node_path,
    detail: { title: before.title, changed: Object.keys(patch).filter((k) => k !== 'updated_at') },
  });
  return detailOf(ctx, (await repo.byId(ctx.tx, id, ctx.user!.id))!);
}

/** A notice the caller reads (withdrawn ones only for those who manage them), else 404. */
async function readable(ctx: Ctx, id: string) {
  const r = await repo.byId(ctx.tx, id, ctx.user!.id);
  if (!r || !reads(audienceOf(ctx.actor), r.node_path, r.category)) throw notFound();
  if (r.withdrawn_at && !ctx.can('notice.publish', r.node_path)) throw notFound();
  return r;
}

export const detail = async (ctx: Ctx, id: string) => detailOf(ctx, await readable(ctx, id));

type ListQuery = Static<typeof api.notices.listNotices.querystring>;

export async function list(ctx: Ctx, q: ListQuery) {
  const limit = q.limit ?? 20;
  const tokens = q.q ? queryTokens(q.q) : undefined;
  if (q.q && tokens?.length === 0) return { items: [], nextCursor: null };
  const rows = await repo.visible(ctx.tx, audienceOf(ctx.actor), ctx.now, {
    userId: ctx.user!.id,
    category: q.category,
    tokens,
    before: parseCursor(q.cursor),
    limit,
  });
  return page(ctx, rows, limit);
}

const page = (ctx: Ctx, rows: repo.NoticeRow[], limit: number) => {
  const items = rows.slice(0, limit);
  return {
    items: items.map((r) => toSummary(r, ctx.now)),
    nextCursor: rows.length > limit ? cursorOf(items[items.length - 1]!) : null,
  };
};

type ManagedQuery = Static<typeof api.notices.managedNotices.querystring>;

export async function managed(ctx: Ctx, q: ManagedQuery) {
  const within = q.nodeId ? await org.getNode(ctx.tx, q.nodeId) : null;
  if (q.nodeId && !within) throw notFound();
  const scopes = listingScope(ctx.actor, 'notice.publish', within);
  const limit = q.limit ?? 20;
  const rows = await repo.inScopes(ctx.tx, scopes, {
    userId: ctx.user!.id,
    category: q.category,
    before: parseCursor(q.cursor),
    limit,
  });
  return page(ctx, rows, limit);
}

/** The caller's community for a notice: the one of their homes the notice reaches. */
const readerCommunity = (ctx: Ctx, nodePath: string): string | null => {
  for (const g of ctx.grants) {
    const c = g.communityPath;
    if (c && (c.startsWith(nodePath) || nodePath.startsWith(c))) return c.split('/').filter(Boolean).at(-1)!;
  }
  return null;
};

/** Opened (and, for a must-read notice, confirmed): the first time of each is kept. */
export async function markRead(ctx: Ctx, id: string, confirm: boolean) {
  const r = await readable(ctx, id);
  if (confirm && !r.must_read) throw invalid('/confirm', 'not_must_read');
  if (confirm && (r.withdrawn_at || isExpired(r, ctx.now))) throw conflict('notice_closed');
  const saved = await repo.markRead(ctx.tx, {
    userId: ctx.user!.id,
    noticeId: id,
    communityId: readerCommunity(ctx, r.node_path),
    at: ctx.now,
    confirm,
  });
  if (confirm && !r.confirmed_at)
    await ctx.audit({
      action: 'notice.confirm',
      resourceType: 'notice',
      resourceId: id,
      nodeId: r.node_id,
      nodePath: r.node_path,
      detail: { title: r.title },
    });
  return {
    seenAt: new Date(saved.seen_at).toISOString(),
    confirmedAt: saved.confirmed_at ? new Date(saved.confirmed_at).toISOString() : null,
  };
}

export async function attachment(ctx: Ctx, id: string, attachmentId: string) {
  const r = await readable(ctx, id);
  if (!r.attachments.includes(attachmentId)) throw notFound();
  const file = await readAttachment(ctx, ctx.tx, attachmentId);
  if (!file) throw notFound();
  ctx.reply.type(file.mime);
  ctx.reply.header('x-content-type-options', 'nosniff');
  return file.bytes;
}

export { readable };
