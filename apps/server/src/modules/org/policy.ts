import { type Actor, isWithin, scopeOf } from '@linli/contracts';

/**
 * Cadres manage the tree below the node they act at: they add nodes under it (or under its
 * descendants) but rename or delete only nodes strictly below it, never their own node.
 */
export const canCreateUnder = (actor: Actor | null, parentPath: string): boolean =>
  scopeOf(actor, 'org.manage').some((s) => isWithin(parentPath, s));

export const canModify = (actor: Actor | null, path: string): boolean =>
  scopeOf(actor, 'org.manage').some((s) => isWithin(path, s) && path !== s);
