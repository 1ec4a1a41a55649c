/** Which community a proposal lives in, and what the caller may do there (server side of the role matrix). */
import { isWithin } from '@linli/contracts';
import type { Ctx } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import * as org from '../org/service.ts';
import * as residents from '../residents/service.ts';
import * as repo from './repository.ts';

export interface Community {
  id: string;
  path: string;
  name: string;
}

/** A community the caller reads (404 otherwise: no existence oracle). */
export async function readableCommunity(ctx: Ctx, id: string): Promise<Community> {
  const c = await org.getNode(ctx.tx, id);
  if (c?.type !== 'community' || !ctx.can('community.read', c.path)) throw notFound();
  return { id: c.id, path: c.path, name: c.name };
}

/** People who live or work in the community take part in its discussion (not street or district cadres). */
export const isMember = (ctx: Ctx, c: Community) => ctx.grants.some((g) => g.communityPath === c.path);
/** Verified residents: the resident (or party member) role held inside this community. */
export const isResident = (ctx: Ctx, c: Community) =>
  ctx.grants.some((g) => (g.role === 'resident' || g.role === 'party_member') && g.communityPath === c.path);
export const screens = (ctx: Ctx, c: Community) => ctx.can('deliberation.screen', c.path);
export const manages = (ctx: Ctx, c: Community) => ctx.can('deliberation.manage', c.path);
export const observes = (ctx: Ctx, c: Community) => ctx.can('deliberation.observe', c.path);

export const assertMember = (ctx: Ctx, c: Community) => {
  if (!isMember(ctx, c)) throw new AppError(403, 'not_a_member');
};
export const assertManages = (ctx: Ctx, c: Community) => {
  if (!manages(ctx, c)) throw new AppError(403, 'not_committee');
};

/**
 * A proposal the caller may see, with its community: anyone who reads the community sees proposals past
 * screening (a rejection's reason is public); one still waiting is the proposer's, the committee's and the
 * supervisors' only.
 */
export async function visibleProposal(ctx: Ctx, id: string) {
  const proposal = await repo.proposalById(ctx.tx, id);
  if (!proposal) throw notFound();
  const node = await org.getNode(ctx.tx, proposal.community_id);
  if (!node || !ctx.can('community.read', node.path)) throw notFound();
  const community = { id: node.id, path: node.path, name: node.name };
  if (
    proposal.stage === 'submitted' &&
    proposal.proposer_id !== ctx.user!.id &&
    !screens(ctx, community) &&
    !observes(ctx, community)
  )
    throw notFound();
  return { proposal, community };
}

/** Whether the caller's home lies in the proposal's scope (the whole community, or one of its buildings). */
export async function livesInScope(
  ctx: Ctx,
  c: Community,
  p: { scope_kind: string; scope_node_ids: string[] },
): Promise<boolean> {
  if (!isResident(ctx, c)) return false;
  if (p.scope_kind === 'community') return true;
  const scopes = await org.getNodes(ctx.tx, p.scope_node_ids);
  const homes = ctx.grants
    .filter((g) => (g.role === 'resident' || g.role === 'party_member') && g.communityPath === c.path)
    .map((g) => g.path);
  const facts = await residents.memberFacts(ctx.tx, c.id, ctx.user!.id);
  const home = facts?.address_node_id ? await org.getNode(ctx.tx, facts.address_node_id) : null;
  if (home) homes.push(home.path);
  return homes.some((h) => scopes.some((s) => isWithin(h, s.path)));
}
