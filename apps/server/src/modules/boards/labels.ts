/**
 * Real-name display (实名显示): neighbours see who speaks without the full name or the room —
 * 「王女士·3号楼」 for a resident, 「孙丽·银杏社区」 for a cadre speaking for their node.
 */
import type { Ctx } from '../../platform/context.ts';
import * as org from '../org/service.ts';
import * as residents from '../residents/service.ts';

export const residentLabel = (name: string, sex: string, building: string | null): string => {
  const who = `${[...name][0] ?? ''}${sex === 'female' ? '女士' : '先生'}`;
  return building ? `${who}·${building}` : who;
};

/** The caller's label in a community: as a resident of it when they live there, else by their grant's node. */
export async function labelOf(ctx: Ctx, community: { id: string; path: string; name: string }): Promise<string> {
  const me = await residents.memberFacts(ctx.tx, community.id, ctx.user!.id);
  if (me) {
    const home = me.address_node_id ? await org.getNode(ctx.tx, me.address_node_id) : null;
    const chain = home ? [...(await org.ancestorsOf(ctx.tx, home.path)), { type: home.type, name: home.name }] : [];
    return residentLabel(me.name, me.sex, chain.find((n) => n.type === 'building')?.name ?? null);
  }
  const grant = ctx.grants.find((g) => community.path.startsWith(g.path) || g.path.startsWith(community.path));
  // A villager who moved away (乡愁乡音) speaks as a fellow villager, without their full name.
  if (grant?.role === 'hometown_member') return `${[...ctx.user!.name][0] ?? ''}**·在外乡亲`;
  return `${ctx.user!.name}·${grant?.nodeName ?? community.name}`;
}
