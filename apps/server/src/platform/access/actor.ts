import type { Actor, Grant, Role } from '@linli/contracts';
import { type Expression, sql } from 'kysely';
import type { Db } from '../db/engine.ts';

export interface LoadedGrant extends Grant {
  id: string;
  nodeName: string;
  nodeType: string;
  departmentId: string | null;
}

/** One grant as read with its node (and the node's community). */
export interface GrantRow {
  id: string;
  role: string;
  node_id: string;
  department_id: string | null;
  path: string;
  name: string;
  type: string;
  community_path: string | null;
}

/**
 * The grants of the user `userId` refers to, as one JSON array, nearest the root first: lets the session
 * lookup bring the grants along in the same query.
 */
export const grantRowsJson = (userId: Expression<string>) => sql<GrantRow[]>`coalesce((
  SELECT json_agg(json_build_object(
    'id', g.id::text, 'role', g.role, 'node_id', g.node_id::text, 'department_id', g.department_id::text,
    'path', n.path, 'name', n.name, 'type', n.type, 'community_path', c.path) ORDER BY n.depth, g.created_at)
  FROM role_grant g JOIN org_node n ON n.id = g.node_id LEFT JOIN org_node c ON c.id = n.community_id
  WHERE g.user_id = ${userId}), '[]'::json)`;

/** An actor's grants with the paths `can()` decides on; departments reach the streets they serve. */
export async function loadGrants(tx: Db, userId: string): Promise<LoadedGrant[]> {
  const row = await tx.selectNoFrom(grantRowsJson(sql.val(userId)).as('grants')).executeTakeFirstOrThrow();
  return grantsOf(tx, row.grants);
}

export async function grantsOf(tx: Db, rows: readonly GrantRow[]): Promise<LoadedGrant[]> {
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
