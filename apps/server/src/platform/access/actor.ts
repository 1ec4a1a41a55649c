import type { Actor, Grant, Role } from '@linli/contracts';
import type { Db } from '../db/engine.ts';

export interface LoadedGrant extends Grant {
  id: string;
  nodeName: string;
  nodeType: string;
  departmentId: string | null;
}

/** An actor's grants with the paths `can()` decides on; departments reach the streets they serve. */
export async function loadGrants(tx: Db, userId: string): Promise<LoadedGrant[]> {
  const rows = await tx
    .selectFrom('role_grant as g')
    .innerJoin('org_node as n', 'n.id', 'g.node_id')
    .leftJoin('org_node as c', 'c.id', 'n.community_id')
    .select([
      'g.id',
      'g.role',
      'g.node_id',
      'g.department_id',
      'n.path',
      'n.name',
      'n.type',
      'c.path as community_path',
    ])
    .where('g.user_id', '=', userId)
    .orderBy('n.depth')
    .orderBy('g.created_at')
    .execute();
  const deptIds = [...new Set(rows.map((r) => r.department_id).filter((d): d is string => d !== null))];
  const streets = new Map<string, string[]>();
  if (deptIds.length > 0) {
    const served = await tx
      .selectFrom('department_street as ds')
      .innerJoin('org_node as s', 's.id', 'ds.street_id')
      .select(['ds.department_id', 's.path'])
      .where('ds.department_id', 'in', deptIds)
      .execute();
    for (const s of served) streets.set(s.department_id, [...(streets.get(s.department_id) ?? []), s.path]);
  }
  return rows.map((r) => ({
    id: r.id,
    role: r.role as Role,
    nodeId: r.node_id,
    path: r.path,
    communityPath: r.community_path,
    scopePaths: r.department_id ? (streets.get(r.department_id) ?? []) : null,
    nodeName: r.name,
    nodeType: r.type,
    departmentId: r.department_id,
  }));
}

export const actorOf = (userId: string, grants: readonly Grant[]): Actor => ({ userId, grants });
