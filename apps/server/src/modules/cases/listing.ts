/**
 * Inboxes. What a box holds depends on the caller's tier: "to accept" is 签收 for a committee or grid
 * worker, 立案/派遣 for the street, and a dispatched assignment for a department. Scope always comes from
 * the one scoping helper (`listingScope`).
 */
import { api, type Role, scopeOf } from '@linli/contracts';
import type { Static } from 'typebox';
import { listingScope } from '../../platform/access/scope.ts';
import type { Ctx } from '../../platform/context.ts';
import { badRequest } from '../../platform/http/errors.ts';
import { queryTokens } from '../../platform/text/tokens.ts';
import * as org from '../org/service.ts';
import * as q from './listing-repository.ts';
import { type CaseView, departmentIdsOf } from './policy.ts';
import * as repo from './repository.ts';
import { lookupsFor, toSummary } from './views.ts';

type Inbox = api.cases.Inbox;
type ListQuery = Static<typeof api.cases.listCases.querystring>;

const LOCAL: Role[] = ['grid_worker', 'microgrid_volunteer', 'committee_member', 'community_secretary'];
const STREET: Role[] = ['street_dispatcher', 'street_staff'];

/** Statuses of each box per tier; the union over the caller's tiers. */
const BOX_STATUSES: Record<'local' | 'street' | 'oversight', Partial<Record<Inbox, string[]>>> = {
  local: { to_accept: ['submitted'], handling: ['accepted'], to_check: ['checking'] },
  street: { to_accept: ['escalated', 'registered'], handling: ['dispatched'], to_check: ['checking'] },
  oversight: {
    to_accept: ['submitted', 'escalated', 'registered'],
    handling: ['accepted', 'dispatched'],
    to_check: ['checking'],
  },
};
const COMMON: Partial<Record<Inbox, string[]>> = { parked: ['parked'], closed: ['resolved', 'closed'] };
const DEPARTMENT_BOX: Partial<Record<Inbox, string[] | null>> = {
  to_accept: ['dispatched'],
  handling: ['accepted', 'rework'],
  to_check: ['handled'],
  closed: ['done'],
  all: null,
};

function tiers(roles: Set<Role>): ('local' | 'street' | 'oversight')[] {
  const out: ('local' | 'street' | 'oversight')[] = [];
  if (LOCAL.some((r) => roles.has(r))) out.push('local');
  if (STREET.some((r) => roles.has(r))) out.push('street');
  if (['district_admin', 'observer', 'inspector'].some((r) => roles.has(r as Role))) out.push('oversight');
  return out;
}

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

/** The filters one box and the caller's roles make; null when the box is empty for this caller. */
async function boxQuery(ctx: Ctx, box: Inbox, f: Omit<ListQuery, 'box' | 'cursor' | 'limit'>) {
  const within = f.nodeId ? await org.getNode(ctx.tx, f.nodeId) : null;
  if (f.nodeId && !within) throw badRequest('not_found', '/nodeId');
  const staffGrants = ctx.grants.filter((g) => g.role !== 'department_staff');
  const roles = new Set(staffGrants.map((g) => g.role));
  const deptIds = departmentIdsOf(ctx.grants);
  // A department reads only what was dispatched to it; everyone else their subtree.
  const asDepartment =
    deptIds.length > 0 && scopeOf({ userId: ctx.user!.id, grants: staffGrants }, 'case.read').length === 0;
  const scopes = listingScope(ctx.actor, 'case.read', within);
  const base: Omit<q.InboxQuery, 'limit'> = {
    scopes,
    now: ctx.now,
    categoryIds: f.categoryId ? await q.categoryBranch(ctx.tx, f.categoryId) : null,
    source: f.source ?? null,
    statuses: f.status ? [f.status] : null,
  };
  if (f.departmentId) base.departments = { ids: [f.departmentId], statuses: null };
  if (f.q) {
    if (/^\d{8,16}$/.test(f.q)) base.no = f.q;
    else base.tokens = queryTokens(f.q);
  }
  if (asDepartment) {
    if (!(box in DEPARTMENT_BOX) && box !== 'overdue' && box !== 'near_due') return null;
    base.departments = {
      ids: f.departmentId ? deptIds.filter((d) => d === f.departmentId) : deptIds,
      statuses: DEPARTMENT_BOX[box] ?? null,
    };
    if (base.departments.ids.length === 0) return null;
  }
  if (box === 'overdue' || box === 'near_due') return { ...base, due: box };
  if (box === 'all' || asDepartment) return base;
  const statuses = new Set(COMMON[box] ?? tiers(roles).flatMap((t) => BOX_STATUSES[t][box] ?? []));
  if (statuses.size === 0) return null;
  const wanted = base.statuses ? base.statuses.filter((s) => statuses.has(s)) : [...statuses];
  return wanted.length === 0 ? null : { ...base, statuses: wanted };
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
