import { randomUUID } from 'node:crypto';
import { ADDRESS_TYPES, checkPassword, validateIdNumber } from '@linli/contracts';
import { ensureGrant } from '../../platform/access/grants.ts';
import { listingScope } from '../../platform/access/scope.ts';
import { hashPassword } from '../../platform/auth/password.ts';
import type { Ctx } from '../../platform/context.ts';
import { decrypt } from '../../platform/crypto/secret-box.ts';
import { AppError, conflict, notFound } from '../../platform/http/errors.ts';
import { assertPasswordPolicy } from '../auth/policy.ts';
import { signIn } from '../auth/service.ts';
import * as org from '../org/service.ts';
import * as residents from '../residents/service.ts';
import * as repo from './repository.ts';
import { type ApplicationStatus, type Decision, nextStatus } from './state-machine.ts';
import { makeJoinToken, readJoinToken } from './token.ts';

const fieldError = (path: string, code: string, status = 422) =>
  new AppError(status, 'validation_failed', {}, [{ path, code }]);

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

/** Hashes a new applicant's password before the transaction opens (only when it meets the policy). */
export async function hashNewPassword(body: { password?: string }): Promise<string | null> {
  return body.password && !checkPassword(body.password) ? hashPassword(body.password) : null;
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

  let csrfToken: string | null = null;
  if (!ctx.user) {
    // Applying without an account creates one with this phone and signs the applicant in.
    if (!body.password) throw fieldError('/password', 'password_required');
    assertPasswordPolicy(body.password, '/password');
    const taken = await ctx.tx.selectFrom('app_user').select('id').where('phone', '=', body.phone).executeTakeFirst();
    if (taken) throw conflict('phone_registered');
    const user = { id: randomUUID(), name: body.name.trim(), phone: body.phone, must_change_password: false };
    await ctx.tx
      .insertInto('app_user')
      .values({
        ...user,
        password_hash: passwordHash ?? (await hashPassword(body.password)),
        password_changed_at: ctx.now,
        created_at: ctx.now,
      })
      .execute();
    csrfToken = (await signIn(ctx, user)).csrfToken;
    await ctx.audit({
      action: 'auth.register',
      resourceType: 'user',
      resourceId: user.id,
      nodeId: community.id,
      nodePath: community.path,
    });
  }
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

type Row = NonNullable<Awaited<ReturnType<typeof repo.getApplication>>>;

function view(ctx: Ctx, a: Row, withAbilities = false) {
  const pending = a.status === 'pending';
  return {
    id: a.id,
    communityId: a.community_id,
    communityName: a.community_name,
    name: a.name,
    phone: a.phone,
    idNumberMasked: a.id_masked,
    sex: a.sex,
    birthDate: a.birth_date,
    address: a.address_text,
    addressNodeId: a.address_node_id,
    status: a.status as ApplicationStatus,
    reason: a.reason,
    createdAt: new Date(a.created_at).toISOString(),
    decidedAt: a.decided_at ? new Date(a.decided_at).toISOString() : null,
    decidedByName: a.decided_by_name,
    version: a.version,
    ...(withAbilities
      ? {
          abilities: {
            approve: pending && ctx.can('join.review', a.path),
            reject: pending && ctx.can('join.review', a.path),
            revealId: ctx.can('person.reveal_id', a.path),
          },
        }
      : {}),
  };
}

export async function mine(ctx: Ctx) {
  return { items: (await repo.applicationsOfUser(ctx.tx, ctx.user!.id)).map((a) => view(ctx, a)) };
}

export async function list(
  ctx: Ctx,
  q: { nodeId?: string; status?: string; q?: string; limit?: number; offset?: number },
) {
  const node = q.nodeId ? await org.getNode(ctx.tx, q.nodeId) : null;
  if (q.nodeId && !node) throw notFound();
  const scopes = listingScope(ctx.actor, 'join.review', node);
  const limit = q.limit ?? 50;
  const offset = q.offset ?? 0;
  const { items, total } = await repo.listApplications(ctx.tx, scopes, { status: q.status, q: q.q, limit, offset });
  // Names and phone numbers are personal data: the listing read is audited like a detail read.
  await ctx.audit({
    action: 'join.application.list',
    resourceType: 'join_application',
    nodeId: node?.id ?? null,
    nodePath: node?.path ?? scopes[0] ?? null,
    detail: { count: items.length, status: q.status ?? null },
  });
  return { items: items.map((a) => view(ctx, a, true)), total, limit, offset };
}

async function loadFor(ctx: Ctx, id: string, action: 'join.review' | 'person.reveal_id') {
  const a = await repo.getApplication(ctx.tx, id);
  if (!a) throw notFound();
  ctx.authorize(action, a.path);
  return a;
}

export async function detail(ctx: Ctx, id: string) {
  const a = await loadFor(ctx, id, 'join.review');
  await ctx.audit({
    action: 'join.application.read',
    resourceType: 'join_application',
    resourceId: id,
    nodeId: a.community_id,
    nodePath: a.path,
  });
  return view(ctx, a, true);
}

export async function decideApplication(ctx: Ctx, id: string, d: Decision, version: number, reason: string | null) {
  const a = await loadFor(ctx, id, 'join.review');
  const to = nextStatus(a.status as ApplicationStatus, d);
  if (!to) throw conflict('already_decided');
  const won = await repo.decide(
    ctx.tx,
    { communityId: a.community_id, id, version },
    { status: to, reason, by: ctx.user!.id, at: ctx.now },
  );
  if (!won) throw conflict('version_conflict');
  if (to === 'approved') {
    const grantNode = a.address_node_id ?? a.community_id;
    await ensureGrant(ctx.tx, {
      userId: a.user_id,
      role: 'resident',
      nodeId: grantNode,
      grantedBy: ctx.user!.id,
      at: ctx.now,
    });
    const full = decrypt(ctx.keys, a.id_cipher);
    await residents.addMember(
      ctx.tx,
      {
        communityId: a.community_id,
        addressNodeId: a.address_node_id,
        addressText: a.address_text,
        name: a.name,
        relation: 'member',
        phone: a.phone,
        userId: a.user_id,
        id: residents.protectIdNumber(ctx.keys, full),
      },
      ctx.now,
    );
  }
  await ctx.audit({
    action: `join.application.${d}`,
    resourceType: 'join_application',
    resourceId: id,
    nodeId: a.community_id,
    nodePath: a.path,
    detail: reason ? { reason } : null,
  });
  await ctx.emit({
    topic: `join.application.${to}`,
    payload: { id, communityId: a.community_id, userId: a.user_id },
    communityId: a.community_id,
  });
  return view(ctx, (await repo.getApplication(ctx.tx, id))!, true);
}

export async function revealId(ctx: Ctx, id: string, purpose: string) {
  const a = await loadFor(ctx, id, 'person.reveal_id');
  await ctx.audit({
    action: 'person.id_number.reveal',
    resourceType: 'join_application',
    resourceId: id,
    nodeId: a.community_id,
    nodePath: a.path,
    detail: { purpose },
  });
  return { idNumber: decrypt(ctx.keys, a.id_cipher) };
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
