import { randomUUID } from 'node:crypto';
import { checkGrant, GRANTABLE, isWithin, type OrgNodeType, type Role } from '@linli/contracts';
import { loadGrants } from '../../platform/access/actor.ts';
import { ensureGrant, grantViews } from '../../platform/access/grants.ts';
import { listingScope } from '../../platform/access/scope.ts';
import { hashPassword } from '../../platform/auth/password.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError, conflict, notFound } from '../../platform/http/errors.ts';
import { assertPasswordPolicy } from '../auth/policy.ts';
import * as org from '../org/service.ts';
import * as repo from './repository.ts';

export { type Relocation, relocateResidents } from './relocate.ts';

type UserRow = NonNullable<Awaited<ReturnType<typeof repo.findUser>>>;

/** A person as the console lists them: only the grants the caller may see. */
async function row(ctx: Ctx, u: UserRow, scopes: string[]) {
  const grants = (await loadGrants(ctx.tx, u.id)).filter((g) => scopes.some((s) => isWithin(g.path, s)));
  const views = await grantViews(ctx.tx, grants);
  return {
    userId: u.id,
    name: u.name,
    phone: u.phone,
    grants: views as never,
    lastLoginAt: u.last_login_at ? new Date(u.last_login_at).toISOString() : null,
    lockedUntil: u.locked_until && new Date(u.locked_until) > ctx.now ? new Date(u.locked_until).toISOString() : null,
    abilities: { 'grant.manage': grants.some((g) => ctx.can('grant.manage', g.path)) },
  };
}

export async function list(
  ctx: Ctx,
  q: { nodeId?: string; role?: string; q?: string; limit?: number; offset?: number },
) {
  const node = q.nodeId ? await org.getNode(ctx.tx, q.nodeId) : null;
  if (q.nodeId && !node) throw notFound();
  const scopes = listingScope(ctx.actor, 'grant.read', node);
  const limit = q.limit ?? 50;
  const offset = q.offset ?? 0;
  const { rows, total } = await repo.peopleInScopes(ctx.tx, scopes, { role: q.role, q: q.q, limit, offset });
  const items = [];
  for (const u of rows) items.push(await row(ctx, u, scopes));
  await ctx.audit({
    action: 'people.list',
    resourceType: 'user',
    nodeId: node?.id ?? null,
    nodePath: node?.path ?? scopes[0] ?? null,
    detail: { count: items.length },
  });
  return { items, total, limit, offset };
}

/** Pure grant policy plus the node-type and department rules; throws the matching problem. */
async function assertMayGrant(ctx: Ctx, role: Role, nodeId: string, departmentId?: string) {
  // A role the caller may grant nowhere is refused as such, whichever node was picked (it says nothing
  // about the node, only about the caller's own rights).
  if (!ctx.grants.some((g) => GRANTABLE[g.role as Role].includes(role))) throw new AppError(403, 'role_not_grantable');
  const node = await org.getNode(ctx.tx, nodeId);
  if (!node || !ctx.can('grant.read', node.path))
    throw new AppError(422, 'validation_failed', {}, [{ path: '/nodeId', code: 'not_found' }]);
  const denial = checkGrant(ctx.actor!, role, { path: node.path, type: node.type as OrgNodeType });
  if (denial === 'role_not_allowed_at_node_type')
    throw new AppError(422, denial, {}, [{ path: '/role', code: 'kind_invalid' }]);
  if (denial) throw new AppError(403, denial);
  if (role === 'department_staff') {
    if (!departmentId || !(await repo.departmentExists(ctx.tx, departmentId)))
      throw new AppError(422, 'department_required', {}, [{ path: '/departmentId', code: 'required' }]);
  }
  return node;
}

export async function createStaff(
  ctx: Ctx,
  b: { name: string; phone: string; initialPassword: string; role: Role; nodeId: string },
) {
  const node = await assertMayGrant(ctx, b.role, b.nodeId);
  if (await repo.phoneTaken(ctx.tx, b.phone))
    throw new AppError(422, 'validation_failed', {}, [{ path: '/phone', code: 'phone_taken' }]);
  assertPasswordPolicy(b.initialPassword, '/initialPassword');
  const id = randomUUID();
  await repo.insertUser(ctx.tx, {
    id,
    name: b.name.trim(),
    phone: b.phone,
    password_hash: await hashPassword(b.initialPassword),
    must_change_password: true,
    at: ctx.now,
  });
  const g = await ensureGrant(ctx.tx, {
    userId: id,
    role: b.role,
    nodeId: node.id,
    grantedBy: ctx.user!.id,
    at: ctx.now,
  });
  await ctx.audit({
    action: 'people.create',
    resourceType: 'user',
    resourceId: id,
    nodeId: node.id,
    nodePath: node.path,
    detail: { role: b.role, grantId: g.id },
  });
  await ctx.emit({
    topic: 'people.grant.added',
    payload: { userId: id, role: b.role, nodeId: node.id },
    communityId: node.community_id,
  });
  return row(ctx, (await repo.findUser(ctx.tx, id))!, listingScope(ctx.actor, 'grant.read'));
}

export async function addGrant(ctx: Ctx, b: { userId: string; role: Role; nodeId: string; departmentId?: string }) {
  const node = await assertMayGrant(ctx, b.role, b.nodeId, b.departmentId);
  if (!(await repo.findUser(ctx.tx, b.userId)))
    throw new AppError(422, 'validation_failed', {}, [{ path: '/userId', code: 'not_found' }]);
  const g = await ensureGrant(ctx.tx, {
    userId: b.userId,
    role: b.role,
    nodeId: node.id,
    departmentId: b.departmentId,
    grantedBy: ctx.user!.id,
    at: ctx.now,
  });
  if (!g.created) throw conflict('grant_exists');
  await ctx.audit({
    action: 'grant.add',
    resourceType: 'role_grant',
    resourceId: g.id,
    nodeId: node.id,
    nodePath: node.path,
    detail: { userId: b.userId, role: b.role },
  });
  await ctx.emit({
    topic: 'people.grant.added',
    payload: { userId: b.userId, role: b.role, nodeId: node.id },
    communityId: node.community_id,
  });
  const view = (
    await grantViews(
      ctx.tx,
      (await loadGrants(ctx.tx, b.userId)).filter((x) => x.id === g.id),
    )
  )[0]!;
  return view as never;
}

export async function revokeGrant(ctx: Ctx, id: string) {
  const g = await repo.grantWithNode(ctx.tx, id);
  if (!g || !ctx.can('grant.read', g.path)) throw notFound();
  if (g.user_id === ctx.user!.id) throw new AppError(403, 'grant_self_revoke');
  const denial = checkGrant(ctx.actor!, g.role as Role, { path: g.path, type: g.type as OrgNodeType });
  if (denial) throw new AppError(403, denial === 'role_not_allowed_at_node_type' ? 'forbidden' : denial);
  await repo.deleteGrant(ctx.tx, id);
  await ctx.audit({
    action: 'grant.revoke',
    resourceType: 'role_grant',
    resourceId: id,
    nodeId: g.node_id,
    nodePath: g.path,
    detail: { userId: g.user_id, role: g.role },
  });
  await ctx.emit({ topic: 'people.grant.revoked', payload: { userId: g.user_id, role: g.role, nodeId: g.node_id } });
  return { ok: true as const };
}
