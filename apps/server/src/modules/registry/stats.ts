/** Aggregates for streets and observers: counts per community, never a person. */

import { api } from '@linli/contracts';
import { listingScope } from '../../platform/access/scope.ts';
import type { Ctx } from '../../platform/context.ts';
import { notFound } from '../../platform/http/errors.ts';
import * as org from '../org/service.ts';
import * as records from '../residents/records.ts';
import { isDerived } from './access.ts';
import { cell, exactIn } from './cells.ts';

export async function stats(ctx: Ctx, nodeId?: string) {
  const node = nodeId ? await org.getNode(ctx.tx, nodeId) : null;
  if (nodeId && !node) throw notFound();
  const scopes = listingScope(ctx.actor, 'registry.stats', node);
  const scope = records.inReach(await records.reachOf(ctx.tx, scopes));
  const today = records.chinaToday(ctx.now);
  const [{ people, tags, households }, taxonomy] = await Promise.all([
    records.statsByCommunity(ctx.tx, scope, today),
    records.allTags(ctx.tx),
  ]);
  const out = new Map<
    string,
    {
      communityId: string;
      name: string;
      households: number;
      people: number;
      byResidence: Record<string, number>;
      byTag: Record<string, number>;
    }
  >();
  for (const r of people) {
    const c = out.get(r.id) ?? {
      communityId: r.id,
      name: r.name,
      households: 0,
      people: 0,
      byResidence: {},
      byTag: {},
    };
    c.people += Number(r.n);
    c.byResidence[r.residence_status] = Number(r.n);
    out.set(r.id, c);
  }
  for (const h of households) out.get(h.id)!.households = Number(h.n);
  for (const t of tags) out.get(t.id)!.byTag[t.tag_code] = Number(t.n);
  for (const t of taxonomy.filter((x) => x.active && isDerived(x))) {
    const where = records.ruleWhere(
      { all: [{ age: { min: t.min_age ?? undefined, max: t.max_age ?? undefined } }] },
      today,
      new Map(),
    );
    for (const c of await records.countByCommunity(ctx.tx, records.sqlAnd([scope, where])))
      out.get(c.id)!.byTag[t.code] = c.count;
  }
  await ctx.audit({
    action: 'registry.stats',
    resourceType: 'community',
    nodeId: node?.id ?? null,
    nodePath: node?.path ?? scopes[0] ?? null,
  });
  const paths = new Map((await org.getNodes(ctx.tx, [...out.keys()])).map((n) => [n.id, n.path]));
  const items = [...out.values()].map((c) => {
    const exact = exactIn(ctx, paths.get(c.communityId)!);
    const small = (r: Record<string, number>) =>
      Object.fromEntries(Object.entries(r).map(([k, v]) => [k, cell(v, exact)]));
    return {
      ...c,
      households: cell(c.households, exact),
      people: cell(c.people, exact),
      byResidence: small(c.byResidence),
      byTag: small(c.byTag),
    };
  });
  return { items: items.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')), minCell: api.registry.MIN_CELL };
}
