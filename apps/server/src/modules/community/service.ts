import { pathIn } from '../../platform/access/scope.ts';
import type { Ctx } from '../../platform/context.ts';
import { notFound } from '../../platform/http/errors.ts';
import * as org from '../org/service.ts';
import * as residents from '../residents/service.ts';

const CONTACT_ROLES = ['community_secretary', 'committee_member', 'grid_worker'];

/** A community's home: who it is, the caller's household, whom to call, and a few figures. */
export async function home(ctx: Ctx, communityId: string) {
  const c = await org.getNode(ctx.tx, communityId);
  if (c?.type !== 'community') throw notFound();
  ctx.authorize('community.read', c.path);
  const [ancestors, mine, counts, structure] = await Promise.all([
    org.ancestorsOf(ctx.tx, c.path),
    residents.homeOf(ctx.tx, c.id, ctx.user!.id),
    residents.counts(ctx.tx, c.id),
    ctx.tx
      .selectFrom('org_node')
      .select(['type', (eb) => eb.fn.countAll<number>().as('n')])
      .where('path', 'like', `${c.path}%`)
      .where('type', 'in', ['grid', 'building'])
      .groupBy('type')
      .execute(),
  ]);
  const homeNode = mine?.addressNodeId ? await org.getNode(ctx.tx, mine.addressNodeId) : null;
  const grid = homeNode ? (await org.ancestorsOf(ctx.tx, homeNode.path)).find((a) => a.type === 'grid') : null;

  // Committee members for everyone; grid workers of the caller's own grid (or all grids when unknown).
  const contacts = await ctx.tx
    .selectFrom('role_grant as g')
    .innerJoin('org_node as n', 'n.id', 'g.node_id')
    .innerJoin('app_user as u', 'u.id', 'g.user_id')
    .select(['g.role', 'u.name', 'u.phone', 'n.name as area', 'n.path'])
    .where('g.role', 'in', CONTACT_ROLES)
    .where((eb) => pathIn(eb, 'n.path', [c.path]))
    .orderBy('n.depth')
    .orderBy('u.name')
    .execute();
  const gridNodePath = grid ? `${c.path}${grid.id}/` : null;
  return {
    community: {
      id: c.id,
      name: c.name,
      kind: c.kind ?? 'residential',
      code: c.code,
      street: ancestors.find((a) => a.type === 'street')?.name ?? '',
      district: ancestors.find((a) => a.type === 'district')?.name ?? '',
    },
    myHome: mine
      ? {
          address: mine.address,
          gridName: grid?.name ?? null,
          householdMembers: mine.members.map((m) => ({ name: m.name, relation: m.relation })),
        }
      : null,
    contacts: contacts
      .filter((k) => k.role !== 'grid_worker' || !gridNodePath || k.path === gridNodePath)
      .map((k) => ({ role: k.role, name: k.name, phone: k.phone, area: k.area })),
    stats: {
      households: counts.households,
      verifiedResidents: counts.verifiedResidents,
      grids: Number(structure.find((s) => s.type === 'grid')?.n ?? 0),
      buildings: Number(structure.find((s) => s.type === 'building')?.n ?? 0),
    },
  };
}
