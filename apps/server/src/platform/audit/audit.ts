import type { Db } from '../db/engine.ts';

export interface AuditInput {
  action: string;
  resourceType: string;
  resourceId?: string | null;
  nodeId?: string | null;
  nodePath?: string | null;
  detail?: Record<string, unknown> | null;
}

export interface AuditWho {
  at: Date;
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  ip: string | null;
  requestId: string | null;
}

/** Appends one entry in the caller's transaction, so it commits or rolls back with the change it records. */
export async function writeAudit(tx: Db, who: AuditWho, e: AuditInput): Promise<void> {
  await tx
    .insertInto('audit_log')
    .values({
      at: who.at,
      actor_id: who.actorId,
      actor_name: who.actorName,
      actor_role: who.actorRole,
      node_id: e.nodeId ?? null,
      node_path: e.nodePath ?? null,
      action: e.action,
      resource_type: e.resourceType,
      resource_id: e.resourceId ?? null,
      ip: who.ip,
      request_id: who.requestId,
      detail: e.detail ? JSON.stringify(e.detail) : null,
    })
    .execute();
}
