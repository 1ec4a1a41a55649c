/**
 * Read rates of a must-read notice (已阅率): a household is reached when any member with an account confirmed.
 * Figures cover the notice's audience, or — for a grid worker asked about a community-wide notice — only the
 * part of it the caller covers, so each worker gets the doors of their own grid to knock on.
 */
import { listingScope } from '../../platform/access/scope.ts';
import type { Ctx } from '../../platform/context.ts';
import * as org from '../org/service.ts';
import * as residents from '../residents/service.ts';
import * as repo from './repository.ts';
import { readable } from './service.ts';

const rate = (reached: number, households: number) =>
  households === 0 ? 0 : Math.round((reached / households) * 1000) / 1000;

export async function readRate(ctx: Ctx, id: string) {
  const notice = await readable(ctx, id);
  // listingScope: the notice's node when the caller covers it, else the caller's areas inside it (404 if none).
  const scopes = listingScope(ctx.actor, 'notice.publish', { path: notice.node_path });
  const [confirmed, households, nodes] = await Promise.all([
    repo.confirmedUsers(ctx.tx, id),
    Promise.all(scopes.map((s) => residents.householdsUnder(ctx.tx, s))).then((x) => x.flat()),
    Promise.all(scopes.map((s) => org.descendants(ctx.tx, s, ['community', 'grid', 'building']))).then((x) => x.flat()),
  ]);
  const idOfPath = (p: string) => p.split('/').filter(Boolean).at(-1)!;
  const scopeNode = scopes.length === 1 ? await org.getNode(ctx.tx, idOfPath(scopes[0]!)) : null;
  const byPath = (type: string, path: string) => nodes.find((n) => n.type === type && path.startsWith(n.path)) ?? null;

  const buildings = new Map<string, { id: string | null; name: string; households: number; reached: number }>();
  const notReached: { householdId: string; address: string; building: string; grid: string }[] = [];
  let reached = 0;
  for (const h of households) {
    const b = byPath('building', h.path);
    // Above a community, building names repeat (every community has a 1号楼): name the community too.
    const c = byPath('community', h.path);
    const name = b ? (c ? `${c.name} ${b.name}` : b.name) : (c?.name ?? '');
    const key = b?.id ?? '';
    const row = buildings.get(key) ?? { id: b?.id ?? null, name, households: 0, reached: 0 };
    row.households++;
    const ok = h.userIds.some((u) => confirmed.has(u));
    if (ok) {
      row.reached++;
      reached++;
    } else
      notReached.push({
        householdId: h.id,
        address: h.address,
        building: name,
        grid: byPath('grid', h.path)?.name ?? (scopeNode?.type === 'grid' ? scopeNode.name : ''),
      });
    buildings.set(key, row);
  }
  await ctx.audit({
    action: 'notice.read_rate',
    resourceType: 'notice',
    resourceId: id,
    nodeId: notice.node_id,
    nodePath: notice.node_path,
    detail: { households: households.length, reached },
  });
  return {
    noticeId: id,
    scope: scopeNode ? { id: scopeNode.id, name: scopeNode.name } : { id: notice.node_id, name: notice.node_name },
    households: households.length,
    reached,
    rate: rate(reached, households.length),
    buildings: [...buildings.values()].map((b) => ({ ...b, rate: rate(b.reached, b.households) })),
    notReached,
  };
}
