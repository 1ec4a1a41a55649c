/**
 * Who reads a notice (pure). A notice published at a node is read by that node's whole subtree, so a reader
 * sees the notices at every node above their home (room → grid → community → street → district) and, for
 * cadres, every notice inside the subtree they cover. A resident's community-wide reach does not widen this
 * to other grids' notices: those are addressed to other courtyards.
 */
import { type Actor, reachOf } from '@linli/contracts';

/** Every prefix of a path, itself included: `/1/4/9/` → `/1/`, `/1/4/`, `/1/4/9/`. */
export const ancestorPaths = (path: string): string[] => {
  const ids = path.split('/').filter(Boolean);
  return ids.map((_, i) => `/${ids.slice(0, i + 1).join('/')}/`);
};

export interface Audience {
  /** Exact node paths whose notices the reader gets (their homes and everything above). */
  above: string[];
  /** Subtrees whose notices the reader gets (cadres over their area). */
  within: string[];
  /** Villages whose affairs made public (居务公开), and only those, the reader gets as a hometown member. */
  affairs?: string[];
}

export function audienceOf(actor: Actor | null): Audience {
  const above = new Set<string>();
  const within = new Set<string>();
  const affairs = new Set<string>();
  for (const g of actor?.grants ?? []) {
    if (reachOf(g.role, 'hometown.read')) affairs.add(g.path);
    const read = reachOf(g.role, 'community.read');
    const publish = reachOf(g.role, 'notice.publish');
    if (!read && !publish) continue;
    for (const p of ancestorPaths(g.path)) above.add(p);
    if (read === 'subtree' || publish) for (const p of g.scopePaths?.length ? g.scopePaths : [g.path]) within.add(p);
  }
  return { above: [...above], within: [...within], affairs: [...affairs] };
}

export const AFFAIRS = 'affairs_public';

export const reads = (a: Audience, nodePath: string, category?: string): boolean =>
  a.above.includes(nodePath) ||
  a.within.some((w) => nodePath.startsWith(w)) ||
  (category === AFFAIRS && !!a.affairs?.includes(nodePath));
