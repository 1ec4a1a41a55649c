import { abilities, canContain, type OrgNodeType } from '@linli/contracts';
import { listingScope } from '../../platform/access/scope.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Db } from '../../platform/db/engine.ts';
import { AppError, badRequest, conflict, notFound } from '../../platform/http/errors.ts';
import { codeProblem, defaultKind, kindFits } from './codes.ts';
import { canCreateUnder, canModify } from './policy.ts';
import * as repo from './repository.ts';

export type { NodeRow } from './repository.ts';
export { descendants, getNode, getNodes } from './repository.ts';

const OFFICIAL = new Set<OrgNodeType>(['district', 'street', 'community', 'grid']);
const NODE_ACTIONS = [
  'org.read',
  'org.manage',
  'join.review',
  'join.link.manage',
  'grant.manage',
  'person.read',
] as const;

export const toView = (n: repo.NodeRow) => ({
  id: n.id,
  parentId: n.parent_id,
  type: n.type as OrgNodeType,
  kind: n.kind,
  name: n.name,
  code: n.code,
  path: n.path,
  depth: n.depth,
  childCount: n.child_count,
  version: n.version,
});

/** Ancestors of a node from the district down, by the ids in its path. */
export async function ancestorsOf(tx: Db, path: string) {
  const ids = path.split('/').filter(Boolean).slice(0, -1);
  const rows = await repo.getNodes(tx, ids);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    return r ? [{ id: r.id, name: r.name, type: r.type as OrgNodeType }] : [];
  });
}

export async function tree(ctx: Ctx, rootId: string | undefined, maxType: OrgNodeType | undefined) {
  const root = rootId ? await repo.getNode(ctx.tx, rootId) : null;
  if (rootId && !root) throw notFound();
  const scopes = listingScope(ctx.actor, 'org.read', root);
  const nodes = await repo.nodesInScopes(ctx.tx, scopes, maxType ?? 'building', 5000);
  return { nodes: nodes.map(toView) };
}

export async function detail(ctx: Ctx, id: string) {
  const node = await repo.getNode(ctx.tx, id);
  if (!node) throw notFound();
  ctx.authorize('org.read', node.path);
  const [ancestors, children] = await Promise.all([ancestorsOf(ctx.tx, node.path), repo.childrenOf(ctx.tx, id)]);
  const abilityMap = {
    ...abilities(ctx.actor, node, NODE_ACTIONS),
    'org.create_child': canCreateUnder(ctx.actor, node.path) && (node.type as OrgNodeType) !== 'room',
    'org.modify': canModify(ctx.actor, node.path),
  };
  return { node: toView(node), ancestors, children: children.map(toView), abilities: abilityMap };
}

export async function create(
  ctx: Ctx,
  body: { parentId: string; type: OrgNodeType; name: string; code?: string; kind?: string },
) {
  const parent = await repo.getNode(ctx.tx, body.parentId);
  if (!parent || !ctx.can('org.read', parent.path)) throw badRequest('validation_failed', '/parentId');
  if (!canCreateUnder(ctx.actor, parent.path)) throw new AppError(403, 'forbidden');
  if (!canContain(parent.type as OrgNodeType, body.type))
    throw new AppError(422, 'node_type_not_allowed', {}, [{ path: '/type', code: 'node_type_not_allowed' }]);
  const kind = body.kind ?? defaultKind(body.type);
  if (body.kind && !kindFits(body.type, body.kind))
    throw new AppError(422, 'validation_failed', {}, [{ path: '/kind', code: 'kind_invalid' }]);
  await checkCode(ctx.tx, body.type, kind, body.code ?? null, parent.code);
  const id = await repo.nextId(ctx.tx);
  const row = {
    id,
    parent_id: parent.id,
    type: body.type,
    kind,
    name: body.name.trim(),
    code: body.code ?? null,
    path: `${parent.path}${id}/`,
    depth: parent.depth + 1,
    community_id: body.type === 'community' ? id : parent.community_id,
  };
  await repo.insertNode(ctx.tx, row, ctx.now);
  await ctx.audit({
    action: 'org.node.create',
    resourceType: 'org_node',
    resourceId: id,
    nodeId: id,
    nodePath: row.path,
    detail: { name: row.name, type: row.type },
  });
  await ctx.emit({
    topic: 'org.node.created',
    payload: { id, type: row.type, parentId: parent.id },
    communityId: row.community_id,
  });
  return toView({ ...row, version: 1, child_count: 0, created_at: ctx.now });
}

async function checkCode(
  tx: Db,
  type: OrgNodeType,
  kind: string | null,
  code: string | null,
  parentCode: string | null,
  exceptId?: string,
) {
  if (!code) return;
  if (codeProblem(type, kind, code, parentCode))
    throw new AppError(422, 'validation_failed', {}, [{ path: '/code', code: 'code_invalid' }]);
  if (OFFICIAL.has(type) && (await repo.codeTaken(tx, code, exceptId)))
    throw new AppError(422, 'code_taken', {}, [{ path: '/code', code: 'code_taken' }]);
}

export async function update(ctx: Ctx, id: string, body: { version: number; name?: string; code?: string | null }) {
  const node = await repo.getNode(ctx.tx, id);
  if (!node || !ctx.can('org.read', node.path)) throw notFound();
  if (!canModify(ctx.actor, node.path)) throw new AppError(403, 'forbidden');
  if (body.code !== undefined && body.code !== null) {
    const parent = node.parent_id ? await repo.getNode(ctx.tx, node.parent_id) : null;
    await checkCode(ctx.tx, node.type as OrgNodeType, node.kind, body.code, parent?.code ?? null, id);
  }
  const patch = {
    ...(body.name ? { name: body.name.trim() } : {}),
    ...(body.code !== undefined ? { code: body.code } : {}),
  };
  if (!(await repo.updateNode(ctx.tx, id, body.version, patch, ctx.now))) throw conflict('version_conflict');
  await ctx.audit({
    action: 'org.node.update',
    resourceType: 'org_node',
    resourceId: id,
    nodeId: id,
    nodePath: node.path,
    detail: { before: { name: node.name, code: node.code }, after: patch },
  });
  await ctx.emit({ topic: 'org.node.updated', payload: { id }, communityId: node.community_id });
  return toView((await repo.getNode(ctx.tx, id))!);
}

export async function remove(ctx: Ctx, id: string) {
  const node = await repo.getNode(ctx.tx, id);
  if (!node || !ctx.can('org.read', node.path)) throw notFound();
  if (!canModify(ctx.actor, node.path)) throw new AppError(403, 'cannot_delete_root');
  if (node.child_count > 0) throw conflict('node_not_empty');
  // People, households, grants and applications reference nodes by foreign key, so the database
  // itself refuses to orphan them; the audit entry goes first so it rolls back with a refusal.
  await ctx.audit({
    action: 'org.node.delete',
    resourceType: 'org_node',
    resourceId: id,
    nodeId: id,
    nodePath: node.path,
    detail: { name: node.name, type: node.type },
  });
  try {
    await repo.deleteNode(ctx.tx, id);
  } catch (e) {
    if ((e as { code?: string }).code === '23503') throw conflict('node_not_empty');
    throw e;
  }
  await ctx.emit({ topic: 'org.node.deleted', payload: { id }, communityId: node.community_id });
  return { ok: true as const };
}
