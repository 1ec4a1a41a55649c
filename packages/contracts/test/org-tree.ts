/**
 * Test support: random org trees held as explicit parent pointers, and a reference model of access that
 * walks the tree instead of comparing path strings. Paths (`/1/10/`) are derived from integer ids only to
 * feed the code under test.
 */
import fc from 'fast-check';
import type { Grant } from '../src/access/can.ts';
import { type Action, reachOf } from '../src/actions.ts';
import { CHILD_TYPES, type OrgNodeType } from '../src/org.ts';
import { ROLES, type Role } from '../src/roles.ts';

export interface TreeNode {
  id: number;
  type: OrgNodeType;
  parent: number | null;
}

export interface Tree {
  nodes: TreeNode[];
  byId: Map<number, TreeNode>;
}

/** A grant in tree terms: a role at a node, optionally serving other nodes instead (departments). */
export interface RefGrant {
  role: Role;
  node: number;
  scope: number[];
}

export function makeTree(nodes: TreeNode[]): Tree {
  return { nodes, byId: new Map(nodes.map((n) => [n.id, n])) };
}

/** Ancestors from the node itself up to its root. */
export function lineage(tree: Tree, id: number): TreeNode[] {
  const out: TreeNode[] = [];
  for (let n = tree.byId.get(id); n; n = n.parent === null ? undefined : tree.byId.get(n.parent)) out.push(n);
  return out;
}

export const isDescendantOrSelf = (tree: Tree, id: number, ancestor: number): boolean =>
  lineage(tree, id).some((n) => n.id === ancestor);

export const communityOf = (tree: Tree, id: number): number | null =>
  lineage(tree, id).find((n) => n.type === 'community')?.id ?? null;

export const pathOf = (tree: Tree, id: number): string =>
  `/${lineage(tree, id)
    .reverse()
    .map((n) => n.id)
    .join('/')}/`;

/** The nodes whose subtrees one grant covers for an action, per the documented rule. */
export function refTargets(tree: Tree, g: RefGrant, action: Action): number[] {
  const reach = reachOf(g.role, action);
  if (!reach) return [];
  if (g.scope.length > 0) return g.scope;
  const community = communityOf(tree, g.node);
  if (reach === 'community' && community !== null) return [community];
  return [g.node];
}

export const refCan = (tree: Tree, grants: readonly RefGrant[], action: Action, node: number): boolean =>
  grants.some((g) => refTargets(tree, g, action).some((t) => isDescendantOrSelf(tree, node, t)));

/** The grant as the application stores it. */
export const toGrant = (tree: Tree, g: RefGrant): Grant => {
  const community = communityOf(tree, g.node);
  return {
    role: g.role,
    nodeId: String(g.node),
    path: pathOf(tree, g.node),
    communityPath: community === null ? null : pathOf(tree, community),
    ...(g.scope.length > 0 || g.role === 'department_staff' ? { scopePaths: g.scope.map((s) => pathOf(tree, s)) } : {}),
  };
};

export const actorOf = (tree: Tree, grants: readonly RefGrant[]) => ({
  userId: 'u1',
  grants: grants.map((g) => toGrant(tree, g)),
});

/**
 * Ids share digit prefixes on purpose (1, 10, 11, 110, …) so `/1/` vs `/10/` confusions show up.
 */
const ID_CANDIDATES = [1, 2, 3, 10, 11, 12, 13, 20, 21, 30, 100, 101, 102, 110, 111, 112, 120, 200, 201, 210, 300]
  .concat([1000, 1001, 1010, 1011, 1100, 1101, 1110, 1111, 2000, 2001, 2010, 2100, 3000, 3001, 10000, 10001])
  .concat([10010, 10100, 11000, 11100, 11110, 11111]);
const idPool = fc.shuffledSubarray(ID_CANDIDATES, { minLength: 40, maxLength: 40 });

/** A forest of 1–40 nodes following CHILD_TYPES; parents are picked near the newest nodes so trees get deep. */
export const treeArb: fc.Arbitrary<Tree> = fc
  .tuple(
    idPool,
    fc.array(
      fc.record({
        newRoot: fc.integer({ min: 0, max: 14 }),
        back: fc.oneof(fc.constant(0), fc.nat({ max: 2 }), fc.nat()),
        kind: fc.nat(),
      }),
      { maxLength: 39, size: 'medium' },
    ),
  )
  .map(([ids, steps]) => {
    const nodes: TreeNode[] = [{ id: ids[0]!, type: 'district', parent: null }];
    steps.forEach((s, i) => {
      const id = ids[i + 1]!;
      const parents = nodes.filter((n) => CHILD_TYPES[n.type].length > 0);
      if (s.newRoot === 0 || parents.length === 0) {
        nodes.push({ id, type: 'district', parent: null });
        return;
      }
      const parent = parents[parents.length - 1 - (s.back % parents.length)]!;
      const kinds = CHILD_TYPES[parent.type];
      nodes.push({ id, type: kinds[s.kind % kinds.length]!, parent: parent.id });
    });
    return makeTree(nodes);
  });

export const roleArb = fc.constantFrom(...ROLES);

/** Random grants at random nodes; department staff may serve a set of streets. */
export const grantsArb = (tree: Tree, maxLength = 5): fc.Arbitrary<RefGrant[]> => {
  const ids = tree.nodes.map((n) => n.id);
  const streets = tree.nodes.filter((n) => n.type === 'street').map((n) => n.id);
  const grant = fc
    .record({
      role: fc.oneof(roleArb, fc.constant<Role>('department_staff')),
      node: fc.constantFrom(...ids),
      scope:
        streets.length > 0
          ? fc.subarray(streets, { maxLength: Math.min(3, streets.length) })
          : fc.constant<number[]>([]),
    })
    .map((g) => (g.role === 'department_staff' ? g : { ...g, scope: [] }));
  return fc.array(grant, { maxLength });
};
