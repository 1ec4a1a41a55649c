import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Actor, abilities, can, canAnywhere, type Grant, scopeOf } from '../src/access/can.ts';
import { ACTIONS } from '../src/actions.ts';
import {
  actorOf,
  grantsArb,
  isDescendantOrSelf,
  makeTree,
  pathOf,
  type RefGrant,
  refCan,
  refTargets,
  type Tree,
  treeArb,
} from './org-tree.ts';

const RUNS = { numRuns: 300 };
const treeAndGrants = (max?: number) => treeArb.chain((tree) => fc.tuple(fc.constant(tree), grantsArb(tree, max)));
const resource = (tree: Tree, id: number) => ({ path: pathOf(tree, id) });

describe('can() against a tree-walking reference', () => {
  it('agrees with the reference for every action on every node', () => {
    fc.assert(
      fc.property(treeAndGrants(), ([tree, grants]) => {
        const actor = actorOf(tree, grants);
        for (const action of ACTIONS)
          for (const n of tree.nodes)
            expect(can(actor, action, resource(tree, n.id)), `${action} on ${pathOf(tree, n.id)}`).toBe(
              refCan(tree, grants, action, n.id),
            );
      }),
      RUNS,
    );
  });

  it('does not depend on the order of grants', () => {
    fc.assert(
      fc.property(
        treeAndGrants().chain(([tree, grants]) =>
          fc.tuple(fc.constant(tree), fc.shuffledSubarray(grants, { minLength: grants.length }), fc.constant(grants)),
        ),
        ([tree, shuffled, grants]) => {
          for (const action of ACTIONS)
            for (const n of tree.nodes)
              expect(can(actorOf(tree, shuffled), action, resource(tree, n.id))).toBe(
                can(actorOf(tree, grants), action, resource(tree, n.id)),
              );
        },
      ),
      { numRuns: 100 },
    );
  });

  it('is monotone: adding a grant never removes an ability', () => {
    fc.assert(
      fc.property(
        treeAndGrants().chain(([tree, grants]) => fc.tuple(fc.constant(tree), fc.constant(grants), grantsArb(tree, 1))),
        ([tree, grants, extra]) => {
          const before = actorOf(tree, grants);
          const after = actorOf(tree, [...grants, ...extra]);
          for (const action of ACTIONS) {
            for (const n of tree.nodes)
              if (can(before, action, resource(tree, n.id)))
                expect(can(after, action, resource(tree, n.id))).toBe(true);
            for (const p of scopeOf(before, action))
              expect(scopeOf(after, action).some((q) => p.startsWith(q))).toBe(true);
          }
        },
      ),
      RUNS,
    );
  });

  it('lets residents only read and report in their community, whatever node they are granted at', () => {
    const residents = treeArb.chain((tree) =>
      fc.tuple(
        fc.constant(tree),
        fc.array(
          fc
            .constantFrom(...tree.nodes.map((n) => n.id))
            .map((node): RefGrant => ({ role: 'resident', node, scope: [] })),
          { maxLength: 4 },
        ),
      ),
    );
    fc.assert(
      fc.property(residents, ([tree, grants]) => {
        const actor = actorOf(tree, grants);
        // What a resident does in their whole community: read it, report, propose and vote.
        const communityWide: readonly string[] = ['community.read', 'case.report', 'deliberation.propose', 'vote.cast'];
        for (const action of ACTIONS) {
          if (!communityWide.includes(action)) expect(canAnywhere(actor, action)).toBe(false);
          for (const n of tree.nodes) {
            const allowed = can(actor, action, resource(tree, n.id));
            if (!communityWide.includes(action)) expect(allowed).toBe(false);
            else expect(allowed).toBe(refCan(tree, grants, 'community.read', n.id));
          }
        }
      }),
      RUNS,
    );
  });
});

describe('scopeOf(), canAnywhere(), abilities()', () => {
  it('scopeOf is minimal and is exactly the reference set of outermost covered subtrees', () => {
    fc.assert(
      fc.property(treeAndGrants(), ([tree, grants]) => {
        const actor = actorOf(tree, grants);
        for (const action of ACTIONS) {
          const scope = scopeOf(actor, action);
          expect(new Set(scope).size).toBe(scope.length);
          for (const a of scope) for (const b of scope) if (a !== b) expect(b.startsWith(a)).toBe(false);
          const targets = [...new Set(grants.flatMap((g) => refTargets(tree, g, action)))];
          const outermost = targets.filter((t) => !targets.some((o) => o !== t && isDescendantOrSelf(tree, t, o)));
          expect([...scope].sort()).toEqual(outermost.map((t) => pathOf(tree, t)).sort());
        }
      }),
      RUNS,
    );
  });

  it('can(node) holds exactly when the node path starts with an element of scopeOf', () => {
    fc.assert(
      fc.property(treeAndGrants(), ([tree, grants]) => {
        const actor = actorOf(tree, grants);
        for (const action of ACTIONS) {
          const scope = scopeOf(actor, action);
          for (const n of tree.nodes) {
            const path = pathOf(tree, n.id);
            expect(can(actor, action, { path })).toBe(scope.some((p) => path.startsWith(p)));
          }
        }
      }),
      RUNS,
    );
  });

  it('canAnywhere holds exactly when some node of the tree is allowed', () => {
    fc.assert(
      fc.property(treeAndGrants(), ([tree, grants]) => {
        const actor = actorOf(tree, grants);
        for (const action of ACTIONS)
          expect(canAnywhere(actor, action)).toBe(tree.nodes.some((n) => refCan(tree, grants, action, n.id)));
      }),
      RUNS,
    );
  });

  it('abilities reports each requested action as the reference decides, and nothing else', () => {
    fc.assert(
      fc.property(
        treeAndGrants().chain(([tree, grants]) =>
          fc.tuple(
            fc.constant(tree),
            fc.constant(grants),
            fc.constantFrom(...tree.nodes.map((n) => n.id)),
            fc.subarray([...ACTIONS]),
          ),
        ),
        ([tree, grants, node, actions]) => {
          const got = abilities(actorOf(tree, grants), resource(tree, node), actions);
          expect(Object.keys(got).sort()).toEqual([...actions].sort());
          for (const a of actions) expect(got[a]).toBe(refCan(tree, grants, a, node));
        },
      ),
      RUNS,
    );
  });

  it('an anonymous actor or one without grants can do nothing', () => {
    fc.assert(
      fc.property(treeArb, fc.constantFrom(...ACTIONS), (tree, action) => {
        for (const actor of [null, { userId: 'u', grants: [] }] as (Actor | null)[]) {
          expect(scopeOf(actor, action)).toEqual([]);
          expect(canAnywhere(actor, action)).toBe(false);
          for (const n of tree.nodes) {
            expect(can(actor, action, resource(tree, n.id))).toBe(false);
            expect(abilities(actor, resource(tree, n.id), [action])).toEqual({ [action]: false });
          }
        }
      }),
      { numRuns: 50 },
    );
  });
});

describe('can() examples', () => {
  // district 1 → streets 1/10 and 1/11 → communities → grid → building → room; ids share digit prefixes.
  const tree = makeTree([
    { id: 1, type: 'district', parent: null },
    { id: 10, type: 'street', parent: 1 },
    { id: 11, type: 'street', parent: 1 },
    { id: 100, type: 'community', parent: 10 },
    { id: 101, type: 'community', parent: 11 },
    { id: 1000, type: 'grid', parent: 100 },
    { id: 10000, type: 'building', parent: 1000 },
    { id: 10001, type: 'room', parent: 10000 },
    { id: 1001, type: 'grid', parent: 100 },
  ]);
  const at = (id: number) => resource(tree, id);
  const actor = (...grants: RefGrant[]): Actor => actorOf(tree, grants);
  const grant = (role: RefGrant['role'], node: number, scope: number[] = []): RefGrant => ({ role, node, scope });

  it('a grant at /1/10/ does not reach /1/11/ or a look-alike /10/ root', () => {
    const a = actor(grant('street_staff', 10));
    expect(can(a, 'org.manage', at(100))).toBe(true);
    expect(can(a, 'org.manage', at(101))).toBe(false);
    expect(can(a, 'org.manage', { path: '/10/' })).toBe(false);
    expect(can(a, 'org.manage', { path: '/1/100/' })).toBe(false);
    expect(scopeOf(a, 'org.manage')).toEqual(['/1/10/']);
  });

  it('a resident granted at a room reads the whole community but nothing above or beside it', () => {
    const a = actor(grant('resident', 10001));
    expect(can(a, 'community.read', at(1001))).toBe(true);
    expect(can(a, 'community.read', at(100))).toBe(true);
    expect(can(a, 'community.read', at(10))).toBe(false);
    expect(can(a, 'community.read', at(101))).toBe(false);
    expect(can(a, 'org.read', at(10001))).toBe(false);
  });

  it('a grid worker reads the community org tree but people only in the grid', () => {
    const a = actor(grant('grid_worker', 1000));
    expect(can(a, 'org.read', at(1001))).toBe(true);
    expect(can(a, 'person.read', at(10001))).toBe(true);
    expect(can(a, 'person.read', at(1001))).toBe(false);
    expect(scopeOf(a, 'org.read')).toEqual(['/1/10/100/']);
  });

  it('department staff serve their streets, not their own node', () => {
    const a = actor(grant('department_staff', 1, [11]));
    expect(can(a, 'org.read', at(101))).toBe(true);
    expect(can(a, 'org.read', at(100))).toBe(false);
    expect(can(a, 'org.read', at(1))).toBe(false);
    const unscoped: Grant = { role: 'department_staff', nodeId: '1', path: '/1/', scopePaths: [] };
    expect(can({ userId: 'u', grants: [unscoped] }, 'org.read', at(100))).toBe(true);
  });

  it('scopeOf merges nested grants into the outer one', () => {
    const a = actor(grant('committee_member', 100), grant('district_admin', 1), grant('observer', 11));
    expect(scopeOf(a, 'org.read')).toEqual(['/1/']);
    expect(scopeOf(a, 'grant.manage')).toEqual(['/1/']);
    expect(scopeOf(actor(grant('committee_member', 100), grant('observer', 11)), 'org.read').sort()).toEqual([
      '/1/10/100/',
      '/1/11/',
    ]);
  });
});
