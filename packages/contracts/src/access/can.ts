import { type Action, reachOf } from '../actions.ts';
import type { Role } from '../roles.ts';

/**
 * A role held at an org node. `path` is the node's materialized path (`/1/4/9/`), so "this node and
 * everything under it" is a prefix test. `communityPath` is the enclosing community's path when the
 * node is at or below a community. `scopePaths` replaces the node's own reach for roles that serve
 * other parts of the tree (a department serves a set of streets).
 */
export interface Grant {
  id?: string;
  role: Role;
  nodeId: string;
  path: string;
  communityPath?: string | null;
  scopePaths?: readonly string[] | null;
}

export interface Actor {
  userId: string;
  grants: readonly Grant[];
}

/** Anything protected lives at an org node; its path is what access is decided on. */
export interface Resource {
  path: string;
}

export const isWithin = (path: string, scope: string): boolean => path.startsWith(scope);

/** The subtrees (as path prefixes) over which one grant allows an action; empty when it does not. */
export function grantScopes(grant: Grant, action: Action): string[] {
  const reach = reachOf(grant.role, action);
  if (!reach) return [];
  if (grant.scopePaths && grant.scopePaths.length > 0) return [...grant.scopePaths];
  if (reach === 'community' && grant.communityPath) return [grant.communityPath];
  return [grant.path];
}

/**
 * The minimal set of path prefixes an actor may act on for an action: the union of its grants'
 * scopes with nested prefixes removed. Listings filter with exactly this set.
 */
export function scopeOf(actor: Actor | null, action: Action): string[] {
  if (!actor) return [];
  const all = new Set<string>();
  for (const g of actor.grants) for (const p of grantScopes(g, action)) all.add(p);
  const sorted = [...all].sort((a, b) => a.length - b.length);
  const minimal: string[] = [];
  for (const p of sorted) if (!minimal.some((m) => isWithin(p, m))) minimal.push(p);
  return minimal;
}

/** The one authorization rule, used by the server and the web app alike. */
export function can(actor: Actor | null, action: Action, resource: Resource): boolean {
  if (!actor) return false;
  return actor.grants.some((g) => grantScopes(g, action).some((p) => isWithin(resource.path, p)));
}

/** Whether the actor holds the action anywhere at all (used to tell 403 from 404). */
export const canAnywhere = (actor: Actor | null, action: Action): boolean => scopeOf(actor, action).length > 0;

/** The abilities sent with a resource so the UI shows only allowed actions. */
export function abilities<A extends Action>(
  actor: Actor | null,
  resource: Resource,
  actions: readonly A[],
): Record<A, boolean> {
  const out = {} as Record<A, boolean>;
  for (const a of actions) out[a] = can(actor, a, resource);
  return out;
}
