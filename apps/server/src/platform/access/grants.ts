import { randomUUID } from 'node:crypto';
import type { Db } from '../db/engine.ts';
import type { LoadedGrant } from './actor.ts';

export interface GrantViewRow {
  id: string;
  role: string;
  nodeId: string;
  nodeName: string;
  nodeType: string;
  path: string;
  communityPath: string | null;
  scopePaths: string[] | null;
  trail: string[];
}

const idsOf = (path: string) => path.split('/').filter(Boolean);

/** Grants as shown to people: with the names from the district down to the node ("where you act"). */
export async function grantViews(tx: Db, grants: readonly LoadedGrant[]): Promise<GrantViewRow[]> {
  const ids = [...new Set(grants.flatMap((g) => idsOf(g.path)))];
  const names = new Map<string, string>();
  if (ids.length > 0) {
    const rows = await tx.selectFrom('org_node').select(['id', 'name']).where('id', 'in', ids).execute();
    for (const r of rows) names.set(r.id, r.name);
  }
  return grants.map((g) => ({
    id: g.id,
    role: g.role,
    nodeId: g.nodeId,
    nodeName: g.nodeName,
    nodeType: g.nodeType,
    path: g.path,
    communityPath: g.communityPath ?? null,
    scopePaths: g.scopePaths ? [...g.scopePaths] : null,
    trail: idsOf(g.path).map((id) => names.get(id) ?? id),
  }));
}

/** Grants a role at a node unless the user already holds it there; returns the grant id. */
export async function ensureGrant(
  tx: Db,
  g: { userId: string; role: string; nodeId: string; departmentId?: string | null; grantedBy: string | null; at: Date },
): Promise<{ id: string; created: boolean }> {
  const existing = await tx
    .selectFrom('role_grant')
    .select('id')
    .where('user_id', '=', g.userId)
    .where('role', '=', g.role)
    .where('node_id', '=', g.nodeId)
    .executeTakeFirst();
  if (existing) return { id: existing.id, created: false };
  const id = randomUUID();
  await tx
    .insertInto('role_grant')
    .values({
      id,
      user_id: g.userId,
      role: g.role,
      node_id: g.nodeId,
      department_id: g.departmentId ?? null,
      granted_by: g.grantedBy,
      created_at: g.at,
    })
    .execute();
  return { id, created: true };
}
