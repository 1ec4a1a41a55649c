import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../src/access/can.ts';
import { checkGrant } from '../src/access/grant-rules.ts';
import { ORG_NODE_TYPES, type OrgNodeType } from '../src/org.ts';
import { GRANTABLE, ROLE_NODE_TYPES, ROLES, type Role } from '../src/roles.ts';
import {
  actorOf,
  grantsArb,
  isDescendantOrSelf,
  makeTree,
  pathOf,
  type RefGrant,
  roleArb,
  type Tree,
  treeArb,
} from './org-tree.ts';

const RUNS = { numRuns: 300 };

const scenario = treeArb.chain((tree) =>
  fc.tuple(fc.constant(tree), grantsArb(tree, 4), roleArb, fc.constantFrom(...tree.nodes.map((n) => n.id))),
);
const target = (tree: Tree, id: number) => ({ path: pathOf(tree, id), type: tree.byId.get(id)!.type });

describe('checkGrant properties', () => {
  it('never allows a node outside every subtree of a grant that may give the role', () => {
    fc.assert(
      fc.property(scenario, ([tree, grants, role, node]) => {
        const result = checkGrant(actorOf(tree, grants), role, target(tree, node));
        const covering = grants.filter(
          (g) => GRANTABLE[g.role].includes(role) && isDescendantOrSelf(tree, node, g.node),
        );
        if (covering.length === 0) expect(result).not.toBeNull();
      }),
      RUNS,
    );
  });

  it('never allows a role outside GRANTABLE of the granter’s roles', () => {
    fc.assert(
      fc.property(scenario, ([tree, grants, role, node]) => {
        if (!grants.some((g) => GRANTABLE[g.role].includes(role)))
          expect(checkGrant(actorOf(tree, grants), role, target(tree, node))).not.toBeNull();
      }),
      RUNS,
    );
  });

  it('matches a tree-walking reference, including which denial is reported', () => {
    fc.assert(
      fc.property(scenario, ([tree, grants, role, node]) => {
        const type = tree.byId.get(node)!.type;
        const able = grants.filter((g) => GRANTABLE[g.role].includes(role));
        const expected = !ROLE_NODE_TYPES[role].includes(type)
          ? 'role_not_allowed_at_node_type'
          : able.length === 0
            ? 'role_not_grantable'
            : able.some((g) => isDescendantOrSelf(tree, node, g.node))
              ? null
              : 'node_out_of_scope';
        expect(checkGrant(actorOf(tree, grants), role, target(tree, node))).toBe(expected);
      }),
      RUNS,
    );
  });

  it('a district admin may grant every role at every allowed node type inside the district', () => {
    fc.assert(
      fc.property(treeArb, (tree) => {
        const root = tree.nodes[0]!;
        const admin = actorOf(tree, [{ role: 'district_admin', node: root.id, scope: [] }]);
        for (const n of tree.nodes)
          for (const role of ROLES) {
            const result = checkGrant(admin, role, target(tree, n.id));
            if (!ROLE_NODE_TYPES[role].includes(n.type)) expect(result).toBe('role_not_allowed_at_node_type');
            else expect(result).toBe(isDescendantOrSelf(tree, n.id, root.id) ? null : 'node_out_of_scope');
          }
      }),
      { numRuns: 100 },
    );
  });

  it('a granter holding only non-granting roles can grant nothing anywhere', () => {
    const mute = ROLES.filter((r) => GRANTABLE[r].length === 0);
    fc.assert(
      fc.property(
        scenario.map(
          ([tree, grants, role, node]) => [tree, grants.filter((g) => mute.includes(g.role)), role, node] as const,
        ),
        ([tree, grants, role, node]) => {
          expect(checkGrant(actorOf(tree, grants), role, target(tree, node))).not.toBeNull();
        },
      ),
      RUNS,
    );
  });
});

describe('checkGrant examples', () => {
  const tree = makeTree([
    { id: 1, type: 'district', parent: null },
    { id: 10, type: 'district', parent: null },
    { id: 11, type: 'street', parent: 1 },
    { id: 110, type: 'street', parent: 1 },
    { id: 111, type: 'community', parent: 11 },
    { id: 1100, type: 'community', parent: 110 },
    { id: 1110, type: 'grid', parent: 111 },
    { id: 12, type: 'street', parent: 10 },
    { id: 11000, type: 'grid', parent: 1100 },
  ]);
  const as = (...grants: [Role, number][]): Actor =>
    actorOf(
      tree,
      grants.map(([role, node]): RefGrant => ({ role, node, scope: [] })),
    );
  const at = (id: number) => target(tree, id);

  it('a district admin grants street staff in its district only', () => {
    expect(checkGrant(as(['district_admin', 1]), 'street_staff', at(11))).toBeNull();
    expect(checkGrant(as(['district_admin', 1]), 'street_staff', at(12))).toBe('node_out_of_scope');
    expect(checkGrant(as(['district_admin', 10]), 'street_staff', at(11))).toBe('node_out_of_scope');
    expect(checkGrant(as(['district_admin', 1]), 'district_admin', at(1))).toBeNull();
    expect(checkGrant(as(['district_admin', 1]), 'district_admin', at(10))).toBe('node_out_of_scope');
  });

  it('street staff at /1/11/ cannot reach the look-alike street /1/110/', () => {
    const staff = as(['street_staff', 11]);
    expect(checkGrant(staff, 'community_secretary', at(111))).toBeNull();
    expect(checkGrant(staff, 'community_secretary', at(1100))).toBe('node_out_of_scope');
    expect(checkGrant(staff, 'grid_worker', at(1110))).toBeNull();
    expect(checkGrant(staff, 'street_staff', at(11))).toBe('role_not_grantable');
    expect(checkGrant(staff, 'district_admin', at(1))).toBe('role_not_grantable');
  });

  it('the node type is checked before anything else', () => {
    expect(checkGrant(as(), 'grid_worker', at(111))).toBe('role_not_allowed_at_node_type');
    expect(checkGrant(as(['district_admin', 1]), 'community_secretary', at(11))).toBe('role_not_allowed_at_node_type');
    expect(checkGrant(as(['district_admin', 1]), 'resident', at(1))).toBe('role_not_allowed_at_node_type');
  });

  it('a secretary grants within its community, but not a secretary or staff role', () => {
    const secretary = as(['community_secretary', 111]);
    expect(checkGrant(secretary, 'grid_worker', at(1110))).toBeNull();
    expect(checkGrant(secretary, 'committee_member', at(111))).toBeNull();
    expect(checkGrant(secretary, 'committee_member', at(1100))).toBe('node_out_of_scope');
    expect(checkGrant(secretary, 'community_secretary', at(111))).toBe('role_not_grantable');
    expect(checkGrant(secretary, 'observer', at(111))).toBe('role_not_grantable');
  });

  it('needs one grant that both may give the role and covers the node', () => {
    // The secretary of 111 may give grid_worker but not under 1100; the observer at 1 covers it but grants nothing.
    const mixed = as(['community_secretary', 111], ['observer', 1]);
    expect(checkGrant(mixed, 'grid_worker', at(11000))).toBe('node_out_of_scope');
    expect(checkGrant(as(['community_secretary', 1100], ['observer', 1]), 'grid_worker', at(11000))).toBeNull();
  });
});

describe('role tables', () => {
  it('every role can be granted at some node type and every listed type exists', () => {
    for (const role of ROLES) {
      expect(ROLE_NODE_TYPES[role].length).toBeGreaterThan(0);
      for (const t of ROLE_NODE_TYPES[role]) expect(ORG_NODE_TYPES).toContain(t as OrgNodeType);
    }
  });

  it('no role below the district admin may grant itself', () => {
    for (const role of ROLES) if (role !== 'district_admin') expect(GRANTABLE[role]).not.toContain(role);
  });
});
