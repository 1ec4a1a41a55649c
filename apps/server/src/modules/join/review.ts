import { ensureGrant } from '../../platform/access/grants.ts';
import { listingScope } from '../../platform/access/scope.ts';
import type { Ctx } from '../../platform/context.ts';
import { decrypt } from '../../platform/crypto/secret-box.ts';
import { conflict, notFound } from '../../platform/http/errors.ts';
import * as org from '../org/service.ts';
import * as residents from '../residents/service.ts';
import * as repo from './repository.ts';
import { type ApplicationStatus, type Decision, nextStatus } from './state-machine.ts';

type Row = NonNullable<Awaited<ReturnType<typeof repo.getApplication>>>;

export function view(ctx: Ctx, a: Row, withAbilities = false) {
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
