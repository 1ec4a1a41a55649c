/** 响应率 / 解决率 / 满意率 and their companions, for a node of the tree, by child node, category or department. */
import type { api } from '@linli/contracts';
import type { Static } from 'typebox';
import { listingScope } from '../../platform/access/scope.ts';
import type { Ctx } from '../../platform/context.ts';
import { notFound } from '../../platform/http/errors.ts';
import * as categories from '../categories/service.ts';
import * as org from '../org/service.ts';
import { type GroupBy, type RateCounts, rateCounts } from './rates-repository.ts';
import * as repo from './repository.ts';

type Query = Static<typeof api.caseRates.caseRates.querystring>;
type Row = Static<typeof api.caseRates.RateRow>;

const DEFAULT_DAYS = 30;
const share = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 10_000) / 10_000 : null);
const round = (v: number | null) => (v === null ? null : Math.round(Number(v) * 10) / 10);

function toRow(key: string, name: string, r: RateCounts | undefined): Row {
  const n = (v: string | null | undefined) => Number(v ?? 0);
  const total = n(r?.total);
  const resolved = n(r?.resolved);
  const ratings = n(r?.ratings);
  return {
    key,
    name,
    total,
    responded: n(r?.responded),
    responseRate: share(n(r?.responded), total),
    onTimeAcceptanceRate: share(n(r?.accepted_on_time), n(r?.responded)),
    resolved,
    resolutionRate: share(resolved, total),
    onTimeResolutionRate: share(n(r?.resolved_on_time), resolved),
    medianAcceptMinutes: round(r?.median_accept ?? null),
    medianResolveMinutes: round(r?.median_resolve ?? null),
    rated: ratings,
    averageScore: ratings > 0 ? Math.round((n(r?.score_sum) / ratings) * 100) / 100 : null,
    satisfactionRate: share(n(r?.satisfied), ratings),
    reopened: n(r?.reopened),
    reopenRate: share(n(r?.reopened), n(r?.ever_resolved)),
  };
}

export async function rates(ctx: Ctx, q: Query) {
  const base = q.nodeId ? await org.getNode(ctx.tx, q.nodeId) : null;
  if (q.nodeId && !base) throw notFound();
  const scopes = listingScope(ctx.actor, 'case.rates', base);
  const to = q.to ? new Date(q.to) : ctx.now;
  const from = q.from ? new Date(q.from) : new Date(to.getTime() - DEFAULT_DAYS * 86_400_000);
  const groupBy = q.groupBy ?? 'node';
  // Child nodes are grouped under the base node (default: the caller's widest scope).
  const basePath = base?.path ?? scopes[0]!;
  const depth = basePath.split('/').filter(Boolean).length;
  const group: GroupBy = groupBy === 'node' ? { kind: 'node', depth } : { kind: groupBy };
  const [all, grouped] = await Promise.all([
    rateCounts(ctx.tx, scopes, from, to, { kind: 'all' }),
    rateCounts(ctx.tx, scopes, from, to, group),
  ]);
  const keys = grouped.map((r) => r.key ?? '').filter(Boolean);
  const names = new Map<string, string>();
  if (groupBy === 'node') for (const n of await org.getNodes(ctx.tx, keys)) names.set(n.id, n.name);
  if (groupBy === 'category') for (const c of await categories.allCategories(ctx.tx)) names.set(c.id, c.name);
  if (groupBy === 'department') for (const d of await repo.departmentsByIds(ctx.tx, keys)) names.set(d.id, d.name);
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    total: toRow('all', '', all[0]),
    rows: grouped.filter((r) => r.key).map((r) => toRow(r.key!, names.get(r.key!) ?? r.key!, r)),
  };
}
