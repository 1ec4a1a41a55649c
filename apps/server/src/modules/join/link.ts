import type { Ctx } from '../../platform/context.ts';
import { notFound } from '../../platform/http/errors.ts';
import * as org from '../org/service.ts';
import * as repo from './repository.ts';
import { makeJoinToken, readJoinToken } from './token.ts';

/** The community a join token opens, if the token is authentic and still the current one. */
export async function communityForToken(ctx: Ctx, token: string) {
  const claim = readJoinToken(ctx.keys, token);
  if (!claim) throw notFound('join_link_invalid');
  const community = await org.getNode(ctx.tx, claim.communityId);
  if (community?.type !== 'community') throw notFound('join_link_invalid');
  const current = (await repo.linkVersion(ctx.tx, community.id))?.token_version ?? 1;
  if (claim.version !== current) throw notFound('join_link_invalid');
  return community;
}

export async function joinInfo(ctx: Ctx, token: string) {
  const c = await communityForToken(ctx, token);
  const [ancestors, nodes] = await Promise.all([
    org.ancestorsOf(ctx.tx, c.path),
    org.descendants(ctx.tx, c.path, ['grid', 'building', 'unit', 'room']),
  ]);
  return {
    community: {
      id: c.id,
      name: c.name,
      kind: c.kind ?? 'residential',
      street: ancestors.find((a) => a.type === 'street')?.name ?? '',
      district: ancestors.find((a) => a.type === 'district')?.name ?? '',
    },
    addressTree: nodes.map((n) => ({ id: n.id, parentId: n.parent_id, type: n.type, name: n.name })),
    freeTextAddress: c.kind === 'village',
  };
}

/** The community's join link; only cadres of that community (or above) may see or rotate it. */
export async function joinLink(ctx: Ctx, communityId: string, rotate = false) {
  const c = await org.getNode(ctx.tx, communityId);
  if (c?.type !== 'community') throw notFound();
  ctx.authorize('join.link.manage', c.path);
  let version: number;
  let rotatedAt: Date;
  if (rotate) {
    version = await repo.rotateLink(ctx.tx, c.id, ctx.user!.id, ctx.now);
    rotatedAt = ctx.now;
    await ctx.audit({
      action: 'join.link.rotate',
      resourceType: 'join_link',
      resourceId: c.id,
      nodeId: c.id,
      nodePath: c.path,
      detail: { version },
    });
  } else {
    const row = await repo.linkVersion(ctx.tx, c.id);
    version = row?.token_version ?? 1;
    rotatedAt = new Date(row ? row.rotated_at : c.created_at);
  }
  const token = makeJoinToken(ctx.keys, c.id, version);
  return {
    communityId: c.id,
    url: `${ctx.config.publicUrl}/join/${token}`,
    token,
    version,
    rotatedAt: rotatedAt.toISOString(),
  };
}
