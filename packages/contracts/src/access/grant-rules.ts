import type { OrgNodeType } from '../org.ts';
import { GRANTABLE, ROLE_NODE_TYPES, type Role } from '../roles.ts';
import { type Actor, isWithin } from './can.ts';

export type GrantDenial = 'role_not_grantable' | 'node_out_of_scope' | 'role_not_allowed_at_node_type';

/** Pure policy for granting a role at a node: the granter needs a grant that may give this role over that node. */
export function checkGrant(
  granter: Actor,
  role: Role,
  target: { path: string; type: OrgNodeType },
): GrantDenial | null {
  if (!ROLE_NODE_TYPES[role].includes(target.type)) return 'role_not_allowed_at_node_type';
  const able = granter.grants.filter((g) => GRANTABLE[g.role].includes(role));
  if (able.length === 0) return 'role_not_grantable';
  if (!able.some((g) => isWithin(target.path, g.path))) return 'node_out_of_scope';
  return null;
}
