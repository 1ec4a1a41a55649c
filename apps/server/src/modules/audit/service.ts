import { listingScope } from '../../platform/access/scope.ts';
import type { Ctx, Platform } from '../../platform/context.ts';
import type { Db } from '../../platform/db/engine.ts';
import { notFound } from '../../platform/http/errors.ts';
import * as org from '../org/service.ts';
import * as repo from './repository.ts';

export async function search(
  ctx: Ctx,
  q: Omit<repo.AuditFilter, 'limit' | 'offset'> & { nodeId?: string; limit?: number; offset?: number },
) {
  const node = q.nodeId ? await org.getNode(ctx.tx, q.nodeId) : null;
  if (q.nodeId && !node) throw notFound();
  const scopes = listingScope(ctx.actor, 'audit.read', node);
  // Sign-ins and other entries tied to no node are for readers of a whole district.
  const districtWide = !node && scopes.some((s) => s.split('/').filter(Boolean).length === 1);
  const limit = q.limit ?? 50;
  const offset = q.offset ?? 0;
  const { items, total } = await repo.search(ctx.tx, scopes, districtWide, { ...q, limit, offset });
  await ctx.audit({
    action: 'audit.search',
    resourceType: 'audit_log',
    nodeId: node?.id ?? null,
    nodePath: node?.path ?? scopes[0] ?? null,
    detail: { filters: { actor: q.actor ?? null, action: q.action ?? null } },
  });
  return {
    items: items.map((a) => ({
      id: a.id,
      at: new Date(a.at).toISOString(),
      actorId: a.actor_id,
      actorName: a.actor_name,
      actorRole: a.actor_role,
      nodeId: a.node_id,
      nodeName: a.node_name,
      action: a.action,
      resourceType: a.resource_type,
      resourceId: a.resource_id,
      ip: a.ip,
      requestId: a.request_id,
      detail: a.detail ?? null,
    })),
    total,
    limit,
    offset,
  };
}

/** Keeps the log for the configured retention (≥ 6 months by default), then drops older entries. */
export async function applyRetention(db: Db, p: Platform): Promise<number> {
  const cutoff = new Date(p.clock.now().getTime() - p.config.auditRetentionDays * 86_400_000);
  return repo.purgeBefore(db, cutoff);
}
