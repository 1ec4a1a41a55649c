/**
 * The filters one inbox and the caller's roles make, as an exported helper for views over the inboxes
 * other than the paged list (the case map). Same rules as `listing.ts`: scope from the one scoping helper
 * (`listingScope`), departments read only what was dispatched to them, boxes by the caller's tiers.
 * `test/case-map.test.ts` checks that the map and the inbox list agree box by box.
 */
import { type api, type Role, scopeOf } from '@linli/contracts';
import type { Static } from 'typebox';
import { listingScope } from '../../platform/access/scope.ts';
import type { Ctx } from '../../platform/context.ts';
import { badRequest } from '../../platform/http/errors.ts';
import { queryTokens } from '../../platform/text/tokens.ts';
import * as org from '../org/service.ts';
import type * as q from './listing-repository.ts';
import { categoryBranch } from './listing-repository.ts';
import { departmentIdsOf } from './policy.ts';

type Inbox = api.cases.Inbox;
export type BoxFilters = Omit<Static<typeof api.cases.listCases.querystring>, 'box' | 'cursor' | 'limit'>;
type Tier = 'local' | 'street' | 'oversight';

const LOCAL: Role[] = ['grid_worker', 'microgrid_volunteer', 'committee_member', 'community_secretary'];
const STREET: Role[] = ['street_dispatcher', 'street_staff'];
const OVERSIGHT: Role[] = ['district_admin', 'observer', 'inspector'];

/** Statuses of each box per tier; the union over the caller's tiers. */
const BOX_STATUSES: Record<Tier, Partial<Record<Inbox, string[]>>> = {
  local: { to_accept: ['submitted'], handling: ['accepted'], to_check: ['checking'] },
  street: { to_accept: ['escalated', 'registered'], handling: ['dispatched'], to_check: ['checking'] },
  oversight: {
    to_accept: ['submitted', 'escalated', 'registered'],
    handling: ['accepted', 'dispatched'],
    to_check: ['checking'],
  },
};
const COMMON: Partial<Record<Inbox, string[]>> = { parked: ['parked'], closed: ['resolved', 'closed'] };
/** A department's boxes go by the status of its assignment. */
const DEPARTMENT_BOX: Partial<Record<Inbox, string[] | null>> = {
  to_accept: ['dispatched'],
  handling: ['accepted', 'rework'],
  to_check: ['handled'],
  closed: ['done'],
  all: null,
};

function tiers(roles: Set<Role>): Tier[] {
  const out: Tier[] = [];
  if (LOCAL.some((r) => roles.has(r))) out.push('local');
  if (STREET.some((r) => roles.has(r))) out.push('street');
  if (OVERSIGHT.some((r) => roles.has(r))) out.push('oversight');
  return out;
}

/** The inbox query of one box for the caller; null when the box is empty for them. */
export async function boxQuery(ctx: Ctx, box: Inbox, f: BoxFilters): Promise<Omit<q.InboxQuery, 'limit'> | null> {
  const within = f.nodeId ? await org.getNode(ctx.tx, f.nodeId) : null;
  if (f.nodeId && !within) throw badRequest('not_found', '/nodeId');
  const staffGrants = ctx.grants.filter((g) => g.role !== 'department_staff');
  const roles = new Set(staffGrants.map((g) => g.role));
  const deptIds = departmentIdsOf(ctx.grants);
  const asDepartment =
    deptIds.length > 0 && scopeOf({ userId: ctx.user!.id, grants: staffGrants }, 'case.read').length === 0;
  const scopes = listingScope(ctx.actor, 'case.read', within);
  const base: Omit<q.InboxQuery, 'limit'> = {
    scopes,
    now: ctx.now,
    categoryIds: f.categoryId ? await categoryBranch(ctx.tx, f.categoryId) : null,
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
