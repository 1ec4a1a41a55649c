/**
 * A resident's account follows their household when it moves to another community (registry transfer,
 * docs/adr/0009-registry.md): the resident grants held inside the old community are replaced by one at the
 * new home. The registry calls this in the transfer's own transaction rather than through an outbox event:
 * events are delivered later, and in between the resident would sign in to a home they no longer live in,
 * with the new one out of reach. Only the resident role moves — a cadre or volunteer who lives there keeps
 * their work, a party member their approved check-in (报到 is the old party organisation's decision to undo).
 * The decision was the receiving committee's when it accepted the household, so no grant policy applies here.
 */
import { ensureGrant } from '../../platform/access/grants.ts';
import type { Ctx } from '../../platform/context.ts';
import * as repo from './repository.ts';

export interface Relocation {
  transferId: string;
  from: { id: string; path: string };
  to: { id: string };
  /** The new home: the room the household was accepted into. */
  home: { id: string; path: string };
  /** Accounts linked to the people who moved. */
  userIds: readonly string[];
}

/** Moves the users' resident grants; returns the users whose grant moved (those without one are left alone). */
export async function relocateResidents(ctx: Ctx, m: Relocation): Promise<string[]> {
  const old = await repo.residentGrantsUnder(ctx.tx, [...new Set(m.userIds)], m.from.path);
  const byUser = new Map<string, typeof old>();
  for (const g of old) byUser.set(g.user_id, [...(byUser.get(g.user_id) ?? []), g]);
  await repo.deleteGrants(
    ctx.tx,
    old.map((g) => g.id),
  );
  for (const [userId, revoked] of byUser) {
    const g = await ensureGrant(ctx.tx, {
      userId,
      role: 'resident',
      nodeId: m.home.id,
      grantedBy: ctx.user!.id,
      at: ctx.now,
    });
    await ctx.audit({
      action: 'grant.relocate',
      resourceType: 'role_grant',
      resourceId: g.id,
      nodeId: m.home.id,
      nodePath: m.home.path,
      detail: {
        userId,
        role: 'resident',
        transferId: m.transferId,
        from: m.from.id,
        to: m.to.id,
        revoked: revoked.map((r) => ({ id: r.id, nodeId: r.node_id })),
      },
    });
    await ctx.emit({
      topic: 'people.grant.relocated',
      payload: { userId, role: 'resident', from: m.from.id, to: m.to.id, nodeId: m.home.id, grantId: g.id },
      communityId: m.to.id,
    });
  }
  return [...byUser.keys()];
}
