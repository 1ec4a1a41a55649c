/** Which community and vote a request names, and what the caller may do there (404 outside scope). */
import type { Ctx } from '../../platform/context.ts';
import { notFound } from '../../platform/http/errors.ts';
import * as org from '../org/service.ts';
import * as repo from './repository.ts';

export interface Community {
  id: string;
  path: string;
  name: string;
}

export async function communityFor(ctx: Ctx, id: string, action: 'community.read' | 'vote.manage'): Promise<Community> {
  const c = await org.getNode(ctx.tx, id);
  if (c?.type !== 'community') throw notFound();
  ctx.authorize(action, c.path);
  return { id: c.id, path: c.path, name: c.name };
}

/** A vote the caller may read; drafts only for those who manage votes there. */
export async function readableVote(ctx: Ctx, id: string) {
  const vote = await repo.voteById(ctx.tx, id);
  if (!vote) throw notFound();
  const node = await org.getNode(ctx.tx, vote.community_id);
  if (!node || !ctx.can('community.read', node.path)) throw notFound();
  const manage = ctx.can('vote.manage', node.path);
  if (vote.status === 'draft' && !manage) throw notFound();
  return { vote, community: { id: node.id, path: node.path, name: node.name }, manage };
}

/** A vote the caller manages (404 if they only read it: no hint that they could not act). */
export async function managedVote(ctx: Ctx, id: string) {
  const r = await readableVote(ctx, id);
  ctx.authorize('vote.manage', r.community.path);
  return r;
}
