import { randomUUID } from 'node:crypto';
import { ADDRESS_TYPES, validateIdNumber } from '@linli/contracts';
import type { Ctx } from '../../platform/context.ts';
import { AppError, conflict } from '../../platform/http/errors.ts';
import { registerAccount } from '../auth/register.ts';
import * as org from '../org/service.ts';
import * as residents from '../residents/service.ts';
import { communityForToken } from './link.ts';
import * as repo from './repository.ts';
import { view } from './review.ts';

const fieldError = (path: string, code: string, status = 422) =>
  new AppError(status, 'validation_failed', {}, [{ path, code }]);

/** Resolves the applicant's address: a building/unit/room of this community, or free text in a village. */
async function resolveAddress(ctx: Ctx, community: org.NodeRow, nodeId?: string, text?: string) {
  if (nodeId) {
    const node = await org.getNode(ctx.tx, nodeId);
    if (!node?.path.startsWith(community.path)) throw fieldError('/addressNodeId', 'address_outside_community');
    if (!ADDRESS_TYPES.includes(node.type as never)) throw fieldError('/addressNodeId', 'address_not_pickable');
    const names = (await org.ancestorsOf(ctx.tx, node.path))
      .filter((a) => a.type === 'building' || a.type === 'unit')
      .map((a) => a.name);
    return { nodeId: node.id, text: [...names, node.name].join(' ') + (text ? ` ${text.trim()}` : '') };
  }
  if (text && community.kind === 'village') return { nodeId: null, text: text.trim() };
  throw fieldError('/addressNodeId', 'address_required');
}

export async function apply(
  ctx: Ctx,
  passwordHash: string | null,
  token: string,
  body: {
    name: string;
    idNumber: string;
    phone: string;
    password?: string;
    addressNodeId?: string;
    addressText?: string;
  },
) {
  const community = await communityForToken(ctx, token);
  if (validateIdNumber(body.idNumber, ctx.now)) throw fieldError('/idNumber', 'invalid_id_number');
  const address = await resolveAddress(ctx, community, body.addressNodeId, body.addressText);
  const id = residents.protectIdNumber(ctx.keys, body.idNumber);
  if (await repo.liveApplicationFor(ctx.tx, community.id, id.blind)) throw conflict('already_applied');

  // Applying without an account creates one with this phone and signs the applicant in.
  const csrfToken = ctx.user ? null : await registerAccount(ctx, passwordHash, body, community);
  const appId = randomUUID();
  await repo.insertApplication(ctx.tx, {
    community_id: community.id,
    id: appId,
    user_id: ctx.user!.id,
    name: body.name.trim(),
    phone: body.phone,
    id_cipher: id.cipher,
    id_blind: id.blind,
    id_masked: id.masked,
    sex: id.sex,
    birth_date: id.birthDate,
    address_node_id: address.nodeId,
    address_text: address.text,
    status: 'pending',
    reason: null,
    decided_by: null,
    created_at: ctx.now,
  });
  const path = address.nodeId ? (await org.getNode(ctx.tx, address.nodeId))!.path : community.path;
  await ctx.audit({
    action: 'join.apply',
    resourceType: 'join_application',
    resourceId: appId,
    nodeId: community.id,
    nodePath: path,
  });
  await ctx.emit({
    topic: 'join.application.submitted',
    payload: { id: appId, communityId: community.id },
    communityId: community.id,
  });
  const row = (await repo.getApplication(ctx.tx, appId))!;
  return { application: view(ctx, row), csrfToken };
}
