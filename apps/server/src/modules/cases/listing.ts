/**
 * Inboxes. What a box holds depends on the caller's tier: "to accept" is 签收 for a committee or grid
 * worker, 立案/派遣 for the street, and a dispatched assignment for a department (rules in box-query.ts,
 * shared with the case map). Scope always comes from the one scoping helper (`listingScope`).
 */
import { api } from '@linli/contracts';
import type { Static } from 'typebox';
import { listingScope } from '../../platform/access/scope.ts';
import type { Ctx } from '../../platform/context.ts';
import { badRequest } from '../../platform/http/errors.ts';
import * as org from '../org/service.ts';
import { boxQuery } from './box-query.ts';
import * as q from './listing-repository.ts';
import type { CaseView } from './policy.ts';
import * as repo from './repository.ts';
import { lookupsFor, toSummary } from './views.ts';

type ListQuery = Static<typeof api.cases.listCases.querystring>;

const encodeCursor = (r: { created_at: Date; id: string }) =>
  Buffer.from(`${r.created_at.toISOString()}|${r.id}`).toString('base64url');

function decodeCursor(s: string | undefined): q.Cursor | null {
  if (!s) return null;
  const [at, id] = Buffer.from(s, 'base64url').toString().split('|');
  const t = Date.parse(at ?? '');
  if (!id || !/^[0-9a-f-]{36}$/.test(id) || Number.isNaN(t)) throw badRequest('invalid_cursor', '/cursor');
  return { at: new Date(t), id };
}

async function page(ctx: Ctx, query: q.InboxQuery, view: CaseView = 'full') {
  const rows = await q.inbox(ctx.tx, query);
  const more = rows.length > query.limit;
  const shown = more ? rows.slice(0, query.limit) : rows;
  const lookups = await lookupsFor(ctx.tx, shown, ctx.lang);
  return {
    items: shown.map((r) => toSummary(r, lookups, ctx.now, view)),
    nextCursor: more ? encodeCursor(shown.at(-1)!) : null,
  };
}

export async function list(ctx: Ctx, f: ListQuery) {
  const { box = 'all', cursor, limit = 30, ...filters } = f;
  const query = await boxQuery(ctx, box, filters);
  if (!query) return { items: [], nextCursor: null };
  return page(ctx, { ...query, cursor: decodeCursor(cursor), limit });
}

const CAP = 1000;

export async function counts(ctx: Ctx, nodeId: string | undefined) {
  const out: Record<string, number> = {};
  for (const box of api.cases.INBOXES) {
    const query = await boxQuery(ctx, box, nodeId ? { nodeId } : {});
    out[box] = query ? await q.countCapped(ctx.tx, query, CAP) : 0;
  }
  return out;
}

export async function mine(ctx: Ctx, f: { cursor?: string; limit?: number }) {
  return page(ctx, {
    scopes: ['/'],
    reporterId: ctx.user!.id,
    now: ctx.now,
    cursor: decodeCursor(f.cursor),
    limit: f.limit ?? 30,
  });
}

/** 公开诉求: public cases of a community the caller reads (their own by default). */
export async function publicList(ctx: Ctx, f: { communityId?: string; cursor?: string; limit?: number }) {
  const within = f.communityId ? await org.getNode(ctx.tx, f.communityId) : null;
  if (f.communityId && within?.type !== 'community') throw badRequest('not_found', '/communityId');
  const scopes = listingScope(ctx.actor, 'community.read', within);
  return page(
    ctx,
    { scopes, publicOnly: true, now: ctx.now, cursor: decodeCursor(f.cursor), limit: f.limit ?? 30 },
    'public',
  );
}

/** Departments serving the streets the caller reads cases in. */
export async function departments(ctx: Ctx) {
  const scopes = listingScope(ctx.actor, 'case.read');
  const streets = new Set<string>();
  for (const p of scopes) {
    const ids = p.split('/').filter(Boolean);
    if (ids.length >= 2) streets.add(ids[1]!);
    else for (const s of await repo.streetsOf(ctx.tx, ids[0]!)) streets.add(s);
  }
  return { items: await repo.departmentsServingAny(ctx.tx, [...streets]) };
}
