/** Which community a post lives in, and what the caller may do there. */
import type { Ctx } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import * as org from '../org/service.ts';
import * as repo from './repository.ts';

export interface Community {
  id: string;
  path: string;
  name: string;
  /** residential or village: only villages have a hometown board. */
  kind: string | null;
}

/** A community the caller reads (404 otherwise: no existence oracle). */
export async function readableCommunity(ctx: Ctx, id: string): Promise<Community> {
  const c = await org.getNode(ctx.tx, id);
  if (c?.type !== 'community') throw notFound();
  ctx.authorize('community.read', c.path);
  return { id: c.id, path: c.path, name: c.name, kind: c.kind };
}

/**
 * The path of a community the caller reads. A caller who lives or works there has it in their own grants,
 * loaded with the session in this request: the home feed then starts its statements at once instead of
 * waiting for an org-tree read. Anyone else (cadres above) is looked up.
 */
export async function readableCommunityPath(ctx: Ctx, id: string): Promise<string> {
  const own = ctx.grants.find((g) => g.communityPath?.endsWith(`/${id}/`))?.communityPath;
  if (!own) return (await readableCommunity(ctx, id)).path;
  ctx.authorize('community.read', own);
  return own;
}

/** A village whose hometown board the caller reads: its people, cadres above it, and its hometown members. */
export async function hometownVillage(ctx: Ctx, id: string): Promise<Community> {
  const c = await org.getNode(ctx.tx, id);
  if (c?.type !== 'community' || c.kind !== 'village') throw notFound();
  if (!ctx.can('community.read', c.path) && !ctx.can('hometown.read', c.path)) throw notFound();
  return { id: c.id, path: c.path, name: c.name, kind: c.kind };
}

/** 乡愁乡音 members hold a grant in the village but belong only to its hometown board. */
const HOMETOWN_ROLE = 'hometown_member';

/** Members post and comment: people who live or work in the community (not street or district cadres). */
export const isMember = (ctx: Ctx, c: Community) =>
  ctx.grants.some((g) => g.communityPath === c.path && g.role !== HOMETOWN_ROLE);

export const isHometownMember = (ctx: Ctx, c: Community) =>
  ctx.grants.some((g) => g.communityPath === c.path && g.role === HOMETOWN_ROLE);

/** A party member whose check-in (报到) the community's party organisation approved. */
export const isPartyMember = (ctx: Ctx, c: Community) =>
  ctx.grants.some((g) => g.communityPath === c.path && g.role === 'party_member');

/** Who may speak (post, comment, take) on a board: members, and hometown members on the hometown board. */
export const speaks = (ctx: Ctx, c: Community, board: string) =>
  isMember(ctx, c) || (board === 'hometown' && isHometownMember(ctx, c));

export const assertMember = (ctx: Ctx, c: Community) => {
  if (!isMember(ctx, c)) throw new AppError(403, 'not_a_member');
};

export const moderates = (ctx: Ctx, c: Community) => ctx.can('board.moderate', c.path);

/**
 * A post the caller may see, with its community: visible posts for anyone who reads the community;
 * held and hidden ones for their author and moderators only.
 */
export async function visiblePost(ctx: Ctx, id: string) {
  const post = await repo.postById(ctx.tx, id);
  if (!post) throw notFound();
  const node = await org.getNode(ctx.tx, post.community_id);
  const reads =
    node &&
    (ctx.can('community.read', node.path) || (post.board === 'hometown' && ctx.can('hometown.read', node.path)));
  if (!node || !reads) throw notFound();
  const community = { id: node.id, path: node.path, name: node.name, kind: node.kind };
  if (post.status !== 'visible' && post.author_id !== ctx.user!.id && !moderates(ctx, community)) throw notFound();
  return { post, community };
}
